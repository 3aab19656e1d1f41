//! Which engine checks a file: the one loaded from the closest
//! `postlint.toml` above the file (ruff's rule: a content repo's folders may
//! carry their own), or from `--config` for every file. Each distinct config
//! is loaded once per run and shared; an editor server keeps one `Engines`
//! for its whole life and calls [`Engines::refresh`] when files change.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use crate::checklist::selftest;
use crate::engine::{ConfigSource, Engine, Options};
use crate::input::walk::Input;
use crate::settings::config::Config;

/// A loaded engine, or the errors that stopped it, each ready to print.
pub type Loaded = Result<Arc<Engine>, Arc<Vec<String>>>;

/// The engines of a run, by config file.
pub struct Engines {
    /// `checklists` and `cli` apply to every engine; `config` is the
    /// fixed source when it is not [`ConfigSource::Discover`].
    options: Options,
    /// The folder names are shown relative to (the working directory).
    cwd: PathBuf,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    /// A folder → its closest config file (`None`: none above it).
    configs: HashMap<PathBuf, Option<PathBuf>>,
    /// A config file (`None`: built-in defaults) → its engine, in the order
    /// first loaded, with the config's modification time at load.
    loaded: Vec<(Option<PathBuf>, Option<SystemTime>, Loaded)>,
}

impl Engines {
    /// `options.config` decides: `Discover` looks up from each file's
    /// folder; anything else is one config for all files.
    pub fn new(options: Options) -> Self {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        Self {
            options,
            cwd,
            state: Mutex::new(State::default()),
        }
    }

    /// Whether each file finds its own config (no `--config`).
    pub fn discovers(&self) -> bool {
        matches!(self.options.config, ConfigSource::Discover(_))
    }

    /// The engine for a file at `path` (relative to the working directory
    /// or absolute; stdin uses its `--stdin-filename` or the working
    /// directory's engine through [`Engines::for_folder`]).
    pub fn for_file(&self, path: &Path) -> Loaded {
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        self.for_folder(folder)
    }

    /// The engine for files in `folder`.
    pub fn for_folder(&self, folder: &Path) -> Loaded {
        let config = match &self.options.config {
            ConfigSource::Discover(_) => self.config_of(folder),
            _ => None,
        };
        self.load(config)
    }

    /// The engine of the working directory (commands about the run, not a
    /// file: `rules`, `explain`; stdin without a file name).
    pub fn for_cwd(&self) -> Loaded {
        match &self.options.config {
            ConfigSource::Discover(dir) => {
                let dir = dir.clone();
                self.for_folder(&dir)
            }
            _ => self.load(None),
        }
    }

    /// The engine for one input; stdin is checked as `stdin_name` when
    /// given (`--stdin-filename`), else in the working directory.
    pub fn for_input(&self, input: &Input, stdin_name: Option<&Path>) -> Loaded {
        match (input, stdin_name) {
            (Input::File(path), _) => self.for_file(path),
            (Input::Stdin, Some(path)) => self.for_file(path),
            (Input::Stdin, None) => self.for_cwd(),
        }
    }

    /// Loads the engine of every input before any is checked, so a broken
    /// config stops the run as a broken config always has: every distinct
    /// error once.
    pub fn load_all(&self, inputs: &[Input], stdin_name: Option<&Path>) -> Result<(), Vec<String>> {
        if !self.discovers() {
            return self.for_cwd().map(drop).map_err(|e| e.to_vec());
        }
        let mut errors: Vec<String> = Vec::new();
        for input in inputs {
            if let Err(e) = self.for_input(input, stdin_name) {
                for m in e.iter() {
                    if !errors.contains(m) {
                        errors.push(m.clone());
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Every engine loaded so far, in the order first loaded (reports name
    /// the first one's rules when a run has several).
    pub fn loaded(&self) -> Vec<Loaded> {
        self.lock()
            .loaded
            .iter()
            .map(|(_, _, l)| l.clone())
            .collect()
    }

    /// Forgets what changed on disk: folder lookups (a `postlint.toml` may
    /// have been added or removed) and engines whose config file's
    /// modification time changed. Cheap: one `stat` per loaded config.
    pub fn refresh(&self) {
        let mut state = self.lock();
        state.configs.clear();
        state
            .loaded
            .retain(|(path, mtime, _)| path.as_deref().is_none_or(|p| modified(p) == *mtime));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The closest `postlint.toml` in `folder` or above it, shown relative
    /// to the working directory when it lies below it.
    fn config_of(&self, folder: &Path) -> Option<PathBuf> {
        if let Some(found) = self.lock().configs.get(folder) {
            return found.clone();
        }
        let absolute = if folder.is_absolute() {
            folder.to_owned()
        } else {
            self.cwd.join(folder)
        };
        let found = Config::discover(&absolute).map(|p| {
            p.strip_prefix(&self.cwd)
                .map_or_else(|_| p.clone(), Path::to_owned)
        });
        self.lock().configs.insert(folder.to_owned(), found.clone());
        found
    }

    fn load(&self, config: Option<PathBuf>) -> Loaded {
        // Loading takes milliseconds: hold the lock so that two threads
        // asking for the same config load it once.
        let mut state = self.lock();
        if let Some((_, _, l)) = state.loaded.iter().find(|(p, _, _)| *p == config) {
            return l.clone();
        }
        let source = match (&self.options.config, &config) {
            (ConfigSource::Discover(_), Some(path)) => ConfigSource::File(path.clone()),
            (ConfigSource::Discover(_), None) => ConfigSource::None,
            (fixed, _) => fixed.clone(),
        };
        let options = Options {
            config: source,
            ..self.options.clone()
        };
        let loaded = load_tested(&options).map(Arc::new).map_err(Arc::new);
        let mtime = config.as_deref().and_then(modified);
        state.loaded.push((config, mtime, loaded.clone()));
        loaded
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Loads an engine, refusing a team checklist whose own examples contradict
/// its rules: its rules would not do what `explain` shows.
pub fn load_tested(options: &Options) -> Result<Engine, Vec<String>> {
    let engine = load_untested(options)?;
    let tested = selftest::at_load(
        &engine.book,
        &engine.channels,
        &engine.audiences,
        &engine.config.text,
    );
    if tested.failures.is_empty() {
        Ok(engine)
    } else {
        Err(tested
            .failures
            .iter()
            .map(|f| f.to_load_error().to_string())
            .collect())
    }
}

/// Loads an engine; its warnings (a renamed rule id) go to stderr once.
pub fn load_untested(options: &Options) -> Result<Engine, Vec<String>> {
    let engine = Engine::load(options)
        .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    for w in &engine.warnings {
        eprintln!("warning: {w}");
    }
    Ok(engine)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::config::FILE_NAME;

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("postlint-engines-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("team/deep")).unwrap();
        dir
    }

    #[test]
    fn each_file_gets_the_closest_config_loaded_once() {
        let dir = temp("closest");
        std::fs::write(dir.join(FILE_NAME), "channel = \"x\"\n").unwrap();
        std::fs::write(dir.join("team").join(FILE_NAME), "channel = \"linkedin\"\n").unwrap();
        let engines = Engines::new(Options {
            config: ConfigSource::Discover(dir.clone()),
            ..Options::default()
        });
        let channel = |p: &Path| {
            let e = engines.for_file(p).unwrap();
            e.config.path.clone().unwrap()
        };
        assert_eq!(channel(&dir.join("a.md")), dir.join(FILE_NAME));
        assert_eq!(
            channel(&dir.join("team/deep/b.md")),
            dir.join("team").join(FILE_NAME)
        );
        assert_eq!(
            channel(&dir.join("team/c.md")),
            dir.join("team").join(FILE_NAME)
        );
        assert_eq!(engines.loaded().len(), 2, "two configs, two engines");
    }

    #[test]
    fn a_changed_config_is_loaded_again_after_refresh() {
        let dir = temp("refresh");
        let config = dir.join(FILE_NAME);
        std::fs::write(&config, "min_score = 10\n").unwrap();
        let engines = Engines::new(Options {
            config: ConfigSource::Discover(dir.clone()),
            ..Options::default()
        });
        let file = dir.join("a.md");
        assert_eq!(
            engines.for_file(&file).unwrap().layers.min_score,
            Some(10.0)
        );
        // Some file systems keep whole seconds: make the change visible.
        std::fs::write(&config, "min_score = 20\n").unwrap();
        let later = SystemTime::now() + std::time::Duration::from_secs(5);
        std::fs::File::options()
            .write(true)
            .open(&config)
            .and_then(|f| f.set_modified(later))
            .unwrap();
        assert_eq!(
            engines.for_file(&file).unwrap().layers.min_score,
            Some(10.0),
            "cached until refreshed"
        );
        engines.refresh();
        assert_eq!(
            engines.for_file(&file).unwrap().layers.min_score,
            Some(20.0)
        );
        std::fs::write(&config, "min_score = [\n").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&config)
            .and_then(|f| f.set_modified(later + std::time::Duration::from_secs(5)))
            .unwrap();
        engines.refresh();
        let errors = engines
            .for_file(&file)
            .err()
            .expect("a broken config is an error");
        assert!(errors[0].contains(FILE_NAME), "{errors:?}");
    }

    #[test]
    fn a_fixed_config_serves_every_folder() {
        let dir = temp("fixed");
        std::fs::write(dir.join("team").join(FILE_NAME), "channel = \"linkedin\"\n").unwrap();
        let engines = Engines::new(Options {
            config: ConfigSource::None,
            ..Options::default()
        });
        let e = engines.for_file(&dir.join("team/a.md")).unwrap();
        assert!(e.config.path.is_none(), "--config (here: none) wins");
        assert!(!engines.discovers());
    }
}
