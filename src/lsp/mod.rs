//! `postlint lsp`: a language server on stdin/stdout. Diagnostics on open,
//! change and save; fixes and "disable here" as code actions; hover on a
//! finding; scores as code lenses.
//!
//! Synchronous, on `lsp-server` (rust-analyzer's transport): checking a
//! post takes milliseconds, so one thread answering messages in order is
//! enough, and no async runtime is linked in. Text sync is full (each
//! change sends the whole text; posts are small). Changes are checked when
//! no further message is waiting, so a burst of keystrokes is checked once.
//!
//! Settings are resolved as `postlint check` resolves them ([`Engines`]):
//! each document gets the closest `postlint.toml` above it, or `--config`
//! for all. A `postlint.toml` changed on disk (watched files, or saved in
//! the editor) reloads and re-checks every open document.

mod actions;
mod convert;
mod diagnostics;
mod disable;
mod documents;
mod hover;
mod lens;

use std::sync::Arc;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{CodeActionRequest, CodeLensRequest, HoverRequest, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CodeLensOptions,
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern,
    HoverProviderCapability, InitializeParams, MessageType, PublishDiagnosticsParams, Registration,
    RegistrationParams, SaveOptions, ServerCapabilities, ShowMessageParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};

pub use documents::{file_path, file_uri};

use crate::engine::Options;
use crate::engines::Engines;
use crate::input::walk;
use crate::settings::config::FILE_NAME;
use crate::span::Encoding;
use documents::{Checked, Documents};

/// Serves on stdin/stdout until the client says `exit`.
pub fn run(options: Options) -> Result<(), String> {
    let (connection, io_threads) = Connection::stdio();
    serve(&connection, options)?;
    drop(connection);
    io_threads.join().map_err(|e| format!("lsp: {e}"))
}

/// Serves on `connection` (stdio, or an in-memory one in tests): the
/// `initialize` handshake, then messages until `exit`.
pub fn serve(connection: &Connection, options: Options) -> Result<(), String> {
    let err = |e: lsp_server::ProtocolError| format!("lsp: {e}");
    let (id, params) = connection.initialize_start().map_err(err)?;
    let params: InitializeParams =
        serde_json::from_value(params).map_err(|e| format!("lsp: bad initialize: {e}"))?;
    let encoding = convert::negotiate(&params.capabilities);
    let result = serde_json::json!({
        "capabilities": capabilities(encoding),
        "serverInfo": { "name": "postlint", "version": env!("CARGO_PKG_VERSION") },
    });
    connection.initialize_finish(id, result).map_err(err)?;
    let mut server = Server {
        connection,
        engines: Engines::new(options),
        documents: Documents::default(),
        encoding,
        shown_errors: None,
    };
    let watch = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files)
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false);
    if watch {
        server.register_config_watcher();
    }
    server.main_loop().map_err(err)
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(convert::kind(encoding)),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, actions::fix_all_kind()]),
            ..CodeActionOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_lens_provider: Some(CodeLensOptions {
            resolve_provider: Some(false),
        }),
        ..ServerCapabilities::default()
    }
}

struct Server<'a> {
    connection: &'a Connection,
    engines: Engines,
    documents: Documents,
    encoding: Encoding,
    /// The config errors last shown, so that each keystroke does not show
    /// them again.
    shown_errors: Option<Arc<Vec<String>>>,
}

impl Server<'_> {
    fn main_loop(&mut self) -> Result<(), lsp_server::ProtocolError> {
        loop {
            let Ok(message) = self.connection.receiver.recv() else {
                return Ok(());
            };
            match message {
                Message::Request(req) => {
                    if self.connection.handle_shutdown(&req)? {
                        return Ok(());
                    }
                    self.request(req);
                }
                Message::Notification(n) if n.method == "exit" => return Ok(()),
                Message::Notification(n) => self.notification(n),
                Message::Response(_) => {}
            }
            if self.connection.receiver.is_empty() {
                for uri in self.documents.stale() {
                    self.check(&uri);
                }
            }
        }
    }

    fn send(&self, message: impl Into<Message>) {
        // The client is gone when this fails; the loop ends on the next recv.
        let _ = self.connection.sender.send(message.into());
    }

    fn register_config_watcher(&self) {
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String(format!("**/{FILE_NAME}")),
                kind: None,
            }],
        };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "postlint-config".to_owned(),
                method: DidChangeWatchedFiles::METHOD.to_owned(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.send(Request::new(
            RequestId::from("postlint-register-watcher".to_owned()),
            "client/registerCapability".to_owned(),
            params,
        ));
    }

    fn request(&mut self, req: Request) {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            CodeActionRequest::METHOD => parse::<lsp_types::CodeActionParams>(req).map(|p| {
                let uri = p.text_document.uri;
                self.fresh(&uri);
                let Some(doc) = self.documents.get(&uri) else {
                    return serde_json::Value::Null;
                };
                let Some(checked) = &doc.checked else {
                    return serde_json::Value::Null;
                };
                let wants = |kind: &CodeActionKind| {
                    p.context.only.as_ref().is_none_or(|only| {
                        only.iter().any(|o| {
                            kind.as_str() == o.as_str()
                                || kind.as_str().starts_with(&format!("{}.", o.as_str()))
                        })
                    })
                };
                let mut found = Vec::new();
                if wants(&CodeActionKind::QUICKFIX) {
                    found = actions::code_actions(
                        checked,
                        doc.path.as_deref(),
                        &uri,
                        p.range,
                        &p.context.diagnostics,
                        self.encoding,
                    );
                }
                if wants(&actions::fix_all_kind()) {
                    found.extend(actions::fix_all(checked, &uri, self.encoding));
                }
                serde_json::to_value(found).unwrap_or_default()
            }),
            HoverRequest::METHOD => parse::<lsp_types::HoverParams>(req).map(|p| {
                let uri = p.text_document_position_params.text_document.uri;
                self.fresh(&uri);
                self.checked(&uri)
                    .and_then(|c| {
                        hover::hover(c, p.text_document_position_params.position, self.encoding)
                    })
                    .and_then(|h| serde_json::to_value(h).ok())
                    .unwrap_or_default()
            }),
            CodeLensRequest::METHOD => parse::<lsp_types::CodeLensParams>(req).map(|p| {
                let uri = p.text_document.uri;
                self.fresh(&uri);
                self.checked(&uri)
                    .map(|c| lens::code_lenses(c, self.encoding))
                    .and_then(|l| serde_json::to_value(l).ok())
                    .unwrap_or_default()
            }),
            other => Err((
                ErrorCode::MethodNotFound,
                format!("postlint lsp does not handle {other}"),
            )),
        };
        self.send(match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        });
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp_types::DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                {
                    let doc = p.text_document;
                    if is_config(&doc.uri) {
                        return;
                    }
                    self.documents.open(doc.uri, doc.version, doc.text);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) = n.extract::<lsp_types::DidChangeTextDocumentParams>(
                    DidChangeTextDocument::METHOD,
                ) {
                    let uri = p.text_document.uri;
                    if is_config(&uri) {
                        self.reload_config();
                    } else if let Some(change) = p.content_changes.into_iter().last() {
                        // Full sync: the last change holds the whole text.
                        self.documents
                            .change(&uri, p.text_document.version, change.text);
                    }
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp_types::DidSaveTextDocumentParams>(DidSaveTextDocument::METHOD)
                    && is_config(&p.text_document.uri)
                {
                    self.reload_config();
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp_types::DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                {
                    let uri = p.text_document.uri;
                    if self.documents.get(&uri).is_some() {
                        self.documents.close(&uri);
                        self.publish(uri, Vec::new(), None);
                    }
                }
            }
            DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = n.extract::<lsp_types::DidChangeWatchedFilesParams>(
                    DidChangeWatchedFiles::METHOD,
                ) && p.changes.iter().any(|c| is_config(&c.uri))
                {
                    self.reload_config();
                }
            }
            _ => {}
        }
    }

    /// A config changed: load again what changed and check every open
    /// document again (when no message is waiting).
    fn reload_config(&mut self) {
        self.engines.refresh();
        self.documents.mark_all_stale();
        self.shown_errors = None;
    }

    /// Checks a document now when its text changed since its last check.
    fn fresh(&mut self, uri: &Uri) {
        if self.documents.get(uri).is_some_and(|d| d.stale) {
            self.check(uri);
        }
    }

    fn checked(&self, uri: &Uri) -> Option<&Checked> {
        self.documents.get(uri)?.checked.as_ref()
    }

    /// Checks a document and publishes its diagnostics.
    fn check(&mut self, uri: &Uri) {
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        doc.stale = false;
        doc.checked = None;
        let version = doc.version;
        let path = doc.path.clone();
        // A file the walk would not check (not a post, or excluded by its
        // config) gets no diagnostics, as `postlint check .` gives none.
        if path.as_deref().is_some_and(|p| !walk::is_post_file(p)) {
            self.publish(uri.clone(), Vec::new(), Some(version));
            return;
        }
        let loaded = match &path {
            Some(p) => self.engines.for_file(p),
            None => self.engines.for_cwd(),
        };
        let engine = match loaded {
            Ok(engine) => engine,
            Err(errors) => {
                if self.shown_errors.as_ref() != Some(&errors) {
                    self.send(Notification::new(
                        ShowMessage::METHOD.to_owned(),
                        ShowMessageParams {
                            typ: MessageType::ERROR,
                            message: format!(
                                "postlint: the config did not load:\n{}",
                                errors.join("\n")
                            ),
                        },
                    ));
                    self.shown_errors = Some(errors);
                }
                self.publish(uri.clone(), Vec::new(), Some(version));
                return;
            }
        };
        if path
            .as_deref()
            .is_some_and(|p| engine.config.is_excluded(p))
        {
            self.publish(uri.clone(), Vec::new(), Some(version));
            return;
        }
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        let shown = path
            .as_deref()
            .map_or_else(|| uri.as_str().to_owned(), |p| p.display().to_string());
        let text = doc.text.clone();
        let checking = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            engine.check_source(path.as_deref(), shown, text)
        }));
        let outcome = match checking {
            Ok(outcome) => outcome,
            Err(_) => {
                self.send(Notification::new(
                    ShowMessage::METHOD.to_owned(),
                    ShowMessageParams {
                        typ: MessageType::ERROR,
                        message: format!(
                            "postlint: checking {} failed (a bug: please report it)",
                            uri.as_str()
                        ),
                    },
                ));
                self.publish(uri.clone(), Vec::new(), Some(version));
                return;
            }
        };
        let checked = Checked { engine, outcome };
        let found = diagnostics::diagnostics(&checked, uri, self.encoding);
        doc.checked = Some(checked);
        self.publish(uri.clone(), found, Some(version));
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        self.send(Notification::new(
            PublishDiagnostics::METHOD.to_owned(),
            PublishDiagnosticsParams {
                uri,
                diagnostics,
                version,
            },
        ));
    }
}

type Failure = (ErrorCode, String);

fn parse<P: serde::de::DeserializeOwned>(req: Request) -> Result<P, Failure> {
    serde_json::from_value(req.params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn is_config(uri: &Uri) -> bool {
    file_path(uri).is_some_and(|p| p.file_name().is_some_and(|n| n == FILE_NAME))
}
