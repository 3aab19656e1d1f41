//! `postlint lsp` driven in-process: a test client on one end of an
//! in-memory connection, the server on a thread at the other.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use postlint::engine::{ConfigSource, Options};
use postlint::lsp::file_uri;
use serde_json::{Value, json};

struct Client {
    conn: Connection,
    server: Option<std::thread::JoinHandle<Result<(), String>>>,
    next_id: i32,
    /// Notifications received while waiting for something else.
    pending: Vec<Notification>,
    /// Methods of the requests the server sent (each answered).
    server_requests: Vec<String>,
    initialized: Value,
}

impl Client {
    /// Starts a server on `dir` (its config is found from there) and
    /// initializes it with `capabilities`.
    fn start(options: Options, capabilities: Value) -> Self {
        let (client, server) = Connection::memory();
        let handle = std::thread::spawn(move || postlint::lsp::serve(&server, options));
        let mut c = Client {
            conn: client,
            server: Some(handle),
            next_id: 0,
            pending: Vec::new(),
            server_requests: Vec::new(),
            initialized: Value::Null,
        };
        c.initialized = c.request(
            "initialize",
            json!({ "processId": null, "rootUri": null, "capabilities": capabilities }),
        );
        c.notify("initialized", json!({}));
        c
    }

    fn discover(dir: &Path, capabilities: Value) -> Self {
        Self::start(
            Options {
                config: ConfigSource::Discover(dir.to_owned()),
                ..Options::default()
            },
            capabilities,
        )
    }

    fn notify(&self, method: &str, params: Value) {
        self.conn
            .sender
            .send(Notification::new(method.to_owned(), params).into())
            .unwrap();
    }

    fn recv(&mut self) -> Message {
        let message = self
            .conn
            .receiver
            .recv_timeout(Duration::from_secs(30))
            .expect("the server answers within 30 s");
        // The server's own requests (registering a watcher) get an answer.
        if let Message::Request(req) = &message {
            self.server_requests.push(req.method.clone());
            self.conn
                .sender
                .send(Response::new_ok(req.id.clone(), Value::Null).into())
                .unwrap();
        }
        message
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.conn
            .sender
            .send(Request::new(id.clone(), method.to_owned(), params).into())
            .unwrap();
        loop {
            match self.recv() {
                Message::Response(r) if r.id == id => {
                    return r
                        .response_result
                        .unwrap_or_else(|e| panic!("{method}: {e:?}"));
                }
                Message::Notification(n) => self.pending.push(n),
                _ => {}
            }
        }
    }

    /// The next notification of `method` (earlier ones kept aside first).
    fn next(&mut self, method: &str) -> Value {
        if let Some(i) = self.pending.iter().position(|n| n.method == method) {
            return self.pending.remove(i).params;
        }
        loop {
            if let Message::Notification(n) = self.recv() {
                if n.method == method {
                    return n.params;
                }
                self.pending.push(n);
            }
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            let p = self.next("textDocument/publishDiagnostics");
            if p["uri"] == uri {
                return p["diagnostics"].as_array().unwrap().clone();
            }
        }
    }

    fn open(&self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }),
        );
    }

    fn change(&self, uri: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }),
        );
    }

    fn code_actions(&mut self, uri: &str, range: &Value, diagnostics: &[Value]) -> Vec<Value> {
        let result = self.request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": range, "context": { "diagnostics": diagnostics } }),
        );
        result.as_array().cloned().unwrap_or_default()
    }

    fn shutdown(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let server = self.server.take().unwrap();
        server.join().unwrap().unwrap();
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("postlint-lsp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn uri_of(path: &Path) -> String {
    file_uri(path).unwrap().as_str().to_owned()
}

/// (rule, [start line, start character, end line, end character]).
fn ids_and_ranges(diagnostics: &[Value]) -> Vec<(String, [u64; 4])> {
    diagnostics
        .iter()
        .map(|d| {
            let r = &d["range"];
            (
                d["code"].as_str().unwrap_or("").to_owned(),
                [
                    r["start"]["line"].as_u64().unwrap(),
                    r["start"]["character"].as_u64().unwrap(),
                    r["end"]["line"].as_u64().unwrap(),
                    r["end"]["character"].as_u64().unwrap(),
                ],
            )
        })
        .collect()
}

fn find<'a>(diagnostics: &'a [Value], rule: &str) -> &'a Value {
    diagnostics
        .iter()
        .find(|d| d["code"] == rule)
        .unwrap_or_else(|| panic!("no {rule} in {diagnostics:#?}"))
}

/// A byte offset from a position counted in UTF-16 units, written here
/// without the server's code.
fn utf16_offset(text: &str, line: u64, character: u64) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(usize::try_from(line).unwrap())
        .map(str::len)
        .sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' || c == '\r' {
            return start + i;
        }
        units += c.len_utf16() as u64;
    }
    text.len()
}

/// `text` with a WorkspaceEdit's edits for `uri` applied (UTF-16 positions).
fn apply(text: &str, edit: &Value, uri: &str) -> String {
    let mut edits: Vec<(usize, usize, String)> = edit["changes"][uri]
        .as_array()
        .expect("edits for the document")
        .iter()
        .map(|e| {
            let r = &e["range"];
            let at = |p: &Value| {
                utf16_offset(
                    text,
                    p["line"].as_u64().unwrap(),
                    p["character"].as_u64().unwrap(),
                )
            };
            (
                at(&r["start"]),
                at(&r["end"]),
                e["newText"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_owned();
    for (start, end, new) in edits {
        out.replace_range(start..end, &new);
    }
    out
}

const SOCIAL: &str =
    "---\nchannel: x\n---\n🚀 It is the the best way to utilize it. We are GUARANTEED to win!!!\n";

#[test]
fn diagnostics_code_actions_and_a_fixed_text() {
    let dir = temp_dir("fix");
    let path = dir.join("launch.tweet");
    let uri = uri_of(&path);
    let mut client = Client::discover(&dir, json!({}));
    assert_eq!(
        client.initialized["capabilities"]["positionEncoding"],
        "utf-16"
    );
    client.open(&uri, SOCIAL);
    let diagnostics = client.diagnostics(&uri);
    let found = ids_and_ranges(&diagnostics);
    // "🚀 " is 3 UTF-16 units; the second "the" starts after "It is the ".
    assert!(
        found.contains(&("correct.repeated-word".into(), [3, 13, 3, 16])),
        "{found:?}"
    );
    assert!(
        found.contains(&("readable.plain-words".into(), [3, 29, 3, 36])),
        "{found:?}"
    );
    assert!(
        found.contains(&("strategy.shouting".into(), [3, 48, 3, 58])),
        "{found:?}"
    );
    let repeated = find(&diagnostics, "correct.repeated-word");
    assert_eq!(repeated["source"], "postlint");
    assert_eq!(repeated["severity"], 2, "a warning");
    assert!(
        repeated["relatedInformation"][0]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "why as related information: {repeated:#}"
    );
    assert!(
        repeated.get("codeDescription").is_none(),
        "no docs_url, no link"
    );

    // The fix: a preferred quick fix; applied, the finding is gone.
    let actions = client.code_actions(&uri, &repeated["range"], std::slice::from_ref(repeated));
    let fix = actions
        .iter()
        .find(|a| a["isPreferred"] == true)
        .unwrap_or_else(|| panic!("a preferred fix in {actions:#?}"));
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["diagnostics"][0]["code"], "correct.repeated-word");
    let fixed = apply(SOCIAL, &fix["edit"], &uri);
    assert_eq!(
        fixed,
        "---\nchannel: x\n---\n🚀 It is the best way to utilize it. We are GUARANTEED to win!!!\n"
    );
    client.change(&uri, 2, &fixed);
    let after = client.diagnostics(&uri);
    let rules: Vec<String> = ids_and_ranges(&after).into_iter().map(|(r, _)| r).collect();
    assert!(
        !rules.contains(&"correct.repeated-word".to_owned()),
        "{rules:?}"
    );
    assert!(
        rules.contains(&"readable.plain-words".to_owned()),
        "{rules:?}"
    );

    // A fix to review says so and is not preferred.
    let shouting = find(&after, "strategy.shouting").clone();
    let actions = client.code_actions(&uri, &shouting["range"], &[]);
    let review = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("review"))
        .unwrap_or_else(|| panic!("a fix to review in {actions:#?}"));
    assert!(review.get("isPreferred").is_none());
    // A social post: "disable" goes to the front matter, never the body.
    let disable = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .starts_with("Disable strategy.shouting")
        })
        .unwrap_or_else(|| panic!("a disable action in {actions:#?}"));
    assert_eq!(
        apply(&fixed, &disable["edit"], &uri),
        "---\nchannel: x\npostlint:\n  allow:\n    - rule: strategy.shouting\n      text: \"GUARANTEED\"\n---\n🚀 It is the best way to utilize it. We are GUARANTEED to win!!!\n"
    );
    // The front matter entry suppresses exactly that finding.
    client.change(&uri, 10, &apply(&fixed, &disable["edit"], &uri));
    let after = client.diagnostics(&uri);
    assert!(
        after.iter().all(|d| d["code"] != "strategy.shouting"),
        "{after:#?}"
    );
    client.change(&uri, 11, &fixed);
    client.diagnostics(&uri);

    // Every safe fix at once, as a source action.
    let all = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": shouting["range"],
                "context": { "diagnostics": [], "only": ["source.fixAll"] } }),
    );
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0]["kind"], "source.fixAll.postlint");
    assert_eq!(
        apply(&fixed, &all[0]["edit"], &uri),
        "---\nchannel: x\n---\n🚀 It is the best way to use it. We are GUARANTEED to win!!!\n",
        "safe fixes only: the shouting stays for review"
    );

    // Hover on the finding; a score lens on the post's first line.
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": shouting["range"]["start"] }),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("`strategy.shouting`") && text.contains("*Why:*"),
        "{text}"
    );
    let lenses = client.request(
        "textDocument/codeLens",
        json!({ "textDocument": { "uri": uri } }),
    );
    let title = lenses[0]["command"]["title"].as_str().unwrap();
    assert_eq!(lenses[0]["range"]["start"]["line"], 3);
    assert!(
        title.starts_with("postlint: ") && title.contains("correct "),
        "{title}"
    );
    client.shutdown();
}

#[test]
fn markdown_posts_disable_with_a_comment_above_the_line() {
    let dir = temp_dir("markdown");
    std::fs::write(
        dir.join("postlint.toml"),
        "docs_url = \"https://example.com/docs/rules.md\"\n",
    )
    .unwrap();
    let path = dir.join("post.md");
    let uri = uri_of(&path);
    let text = "---\nchannel: blog\n---\n# Release\n\n  It is the the best release yet.\n";
    let mut client = Client::discover(&dir, json!({}));
    client.open(&uri, text);
    let diagnostics = client.diagnostics(&uri);
    let repeated = find(&diagnostics, "correct.repeated-word");
    assert_eq!(
        repeated["codeDescription"]["href"],
        "https://example.com/docs/rules.md#correctrepeated-word"
    );
    let actions = client.code_actions(&uri, &repeated["range"], &[]);
    let disable = actions
        .iter()
        .find(|a| a["title"] == "Disable correct.repeated-word here")
        .unwrap_or_else(|| panic!("{actions:#?}"));
    assert_eq!(
        apply(text, &disable["edit"], &uri),
        "---\nchannel: blog\n---\n# Release\n\n  <!-- postlint-disable-next-line correct.repeated-word -->\n  It is the the best release yet.\n"
    );
    // The edit is a directive the checker honours: the finding is gone.
    client.change(&uri, 2, &apply(text, &disable["edit"], &uri));
    let after = client.diagnostics(&uri);
    assert!(
        after.iter().all(|d| d["code"] != "correct.repeated-word"),
        "{after:#?}"
    );
    client.shutdown();
}

/// Writes a config and moves its modification time on, so that a file
/// system keeping whole seconds sees the change.
fn write_config(path: &Path, text: &str, seconds: u64) {
    std::fs::write(path, text).unwrap();
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(SystemTime::now() + Duration::from_secs(seconds)))
        .unwrap();
}

#[test]
fn a_changed_config_is_picked_up_without_restart() {
    let dir = temp_dir("reload");
    let config = dir.join("postlint.toml");
    write_config(&config, "checklists = [\"correct\"]\n", 0);
    let path = dir.join("launch.tweet");
    let uri = uri_of(&path);
    let watching =
        json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } });
    let mut client = Client::discover(&dir, watching);
    client.open(&uri, SOCIAL);
    let rules =
        |d: &[Value]| -> Vec<String> { ids_and_ranges(d).into_iter().map(|(r, _)| r).collect() };
    let first = rules(&client.diagnostics(&uri));
    assert!(
        first.contains(&"correct.repeated-word".to_owned()),
        "{first:?}"
    );
    assert!(
        !first.contains(&"strategy.shouting".to_owned()),
        "{first:?}"
    );

    let changed = json!({ "changes": [{ "uri": uri_of(&config), "type": 2 }] });
    write_config(&config, "checklists = [\"strategy\"]\n", 5);
    client.notify("workspace/didChangeWatchedFiles", changed.clone());
    let second = rules(&client.diagnostics(&uri));
    assert!(
        second.contains(&"strategy.shouting".to_owned()),
        "{second:?}"
    );
    assert!(
        !second.contains(&"correct.repeated-word".to_owned()),
        "{second:?}"
    );

    // A broken config: an error message, diagnostics cleared, no crash.
    write_config(&config, "checklists = [\n", 10);
    client.notify("workspace/didChangeWatchedFiles", changed.clone());
    let message = client.next("window/showMessage");
    assert_eq!(message["type"], 1, "an error");
    assert!(
        message["message"]
            .as_str()
            .unwrap()
            .contains("postlint.toml"),
        "{message}"
    );
    assert!(client.diagnostics(&uri).is_empty());

    // Saving a fixed config in the editor brings them back.
    write_config(&config, "checklists = [\"correct\"]\n", 15);
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri_of(&config) } }),
    );
    let third = rules(&client.diagnostics(&uri));
    assert!(
        third.contains(&"correct.repeated-word".to_owned()),
        "{third:?}"
    );
    client.shutdown();
}

#[test]
fn positions_are_utf8_when_the_client_offers_it_else_utf16() {
    let dir = temp_dir("encodings");
    let uri = uri_of(&dir.join("launch.tweet"));
    let range_of = |capabilities: Value| {
        let mut client = Client::discover(&dir, capabilities);
        let encoding = client.initialized["capabilities"]["positionEncoding"].clone();
        client.open(&uri, SOCIAL);
        let diagnostics = client.diagnostics(&uri);
        let range = find(&diagnostics, "correct.repeated-word")["range"].clone();
        client.shutdown();
        (encoding, range)
    };
    let (encoding, range) =
        range_of(json!({ "general": { "positionEncodings": ["utf-16", "utf-8"] } }));
    assert_eq!(encoding, "utf-8");
    // "🚀 " is 5 bytes of UTF-8.
    assert_eq!(range["start"], json!({ "line": 3, "character": 15 }));
    assert_eq!(range["end"], json!({ "line": 3, "character": 18 }));
    let (encoding, range) = range_of(json!({ "general": { "positionEncodings": ["utf-16"] } }));
    assert_eq!(encoding, "utf-16");
    assert_eq!(range["start"], json!({ "line": 3, "character": 13 }));
}

#[test]
fn a_finding_on_several_channels_is_listed_once_and_file_problems_are_errors() {
    let dir = temp_dir("channels");
    let uri = uri_of(&dir.join("launch.tweet"));
    let mut client = Client::discover(&dir, json!({}));
    let text = "---\nchannels: [x, bluesky]\n---\nIt is the the best way to utilize it.\n";
    client.open(&uri, text);
    let diagnostics = client.diagnostics(&uri);
    let repeated: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "correct.repeated-word")
        .collect();
    assert_eq!(repeated.len(), 1, "{diagnostics:#?}");
    let lenses = client.request(
        "textDocument/codeLens",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(
        lenses.as_array().unwrap().len(),
        2,
        "a score per channel: {lenses:#}"
    );

    let text = "---\nchannel: nosuch\n---\nIt is the best way.\n";
    client.change(&uri, 2, text);
    let diagnostics = client.diagnostics(&uri);
    let problem = diagnostics
        .iter()
        .find(|d| d.get("code").is_none())
        .unwrap_or_else(|| panic!("a problem of the file in {diagnostics:#?}"));
    assert_eq!(problem["severity"], 1, "an error");
    assert_eq!(
        problem["range"]["start"]["line"], 1,
        "at the front matter line"
    );
    assert!(
        problem["message"].as_str().unwrap().contains("nosuch"),
        "{problem:#}"
    );
    client.shutdown();
}
