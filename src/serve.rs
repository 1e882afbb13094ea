//! `serve`: watch, plus a local web server with live reload and date previews.
//!
//! The server serves the output folder the way a static host does (pretty URLs, `/404.html`
//! with status 404, content types, no listings, nothing outside the folder). Only here is
//! anything added to pages, and only to the responses, never to the files ([`tools`]): live
//! reload (the build number on `/__sunset/events`, each page's version on `/__sunset/check`),
//! a panel to preview the site at another date (`?now=2026-01-15` on any page, built in
//! memory), the warnings of the last build, and an overlay with the diagnostics while the
//! last rebuild has failed. Every response sends the page's Content-Security-Policy as a
//! header, as the hosts' files make them do, with the tools allowed.

mod tools;

use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::Duration;

use chrono::NaiveDate;
use tiny_http::{Header, Request, Response, Server};

use crate::build::{self, BuildRequest};
use crate::card::Cards;
use crate::clock::NowInput;
use crate::csp::Policy;
use crate::diagnostics::{Diagnostic, Severity};
use crate::files::{OutputFile, Sources};
use crate::output::Output;
use crate::render::later;
use crate::watch::{self, Outcome, Session};
use crate::{console, diagnostics};
use tools::{Overlay, Tools};

const EVENTS_PATH: &str = "/__sunset/events";
const CHECK_PATH: &str = "/__sunset/check";
const HEARTBEAT: Duration = Duration::from_secs(15);

/// What the server knows of the last rebuild.
#[derive(Default)]
struct Shared {
    /// The diagnostics of the last rebuild, when it failed.
    failure: Option<String>,
    /// Whether a build has succeeded: the output folder holds a site to show.
    built: bool,
    /// The warnings and notes of the last good build, one rendered diagnostic each.
    warnings: Vec<String>,
    /// How many of each there are, in words: "2 warnings, 5 notes".
    findings_label: String,
    /// Counts rebuilds, so that a page tells a signal it has acted on from a new one.
    build: u64,
    /// The sources of the last rebuild, to build previews at other dates.
    sources: Sources,
    /// Each milestone's name and last day, for the preview panel's shortcuts.
    milestones: Vec<(String, NaiveDate)>,
    /// Connected live-reload clients, each sent the number of every rebuild.
    listeners: Vec<Sender<u64>>,
    /// The last preview built: its "now" as given, and its files and cards (shared: every tab
    /// showing it asks for its version after each rebuild).
    preview: Option<(String, Arc<Preview>)>,
    /// The day `--now` fixes, when it does: the served build is then a preview too.
    fixed_now: Option<String>,
}

/// A site built in memory for another date: its files, and its share cards, drawn when asked
/// for (a preview's page shows its card in the panel).
struct Preview {
    files: Vec<OutputFile>,
    cards: Cards,
}

fn lock(shared: &Mutex<Shared>) -> MutexGuard<'_, Shared> {
    // A panic while holding the lock cannot leave `Shared` half-updated in a way that matters
    // to a dev server: keep serving.
    shared
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Binds `address:port` (port 0: any free port), then watches and serves until stopped.
pub fn serve(
    root: PathBuf,
    output: Output,
    now: watch::NowSource,
    address: IpAddr,
    port: u16,
    mut report: impl FnMut(&Session, &Outcome) + Send + 'static,
) -> Result<(), String> {
    // Before the first thread (tiny_http starts one to accept connections), which inherits it.
    let stop_signals = block_stop_signals();
    let server = Server::http(SocketAddr::new(address, port))
        .map_err(|e| format!("cannot listen on {address}:{port}: {e}"))?;
    let server = Arc::new(server);
    stop_on(stop_signals, server.clone());
    let bound = server
        .server_addr()
        .to_ip()
        .ok_or("the server has no IP address")?;
    let host = if address.is_unspecified() {
        "127.0.0.1".to_string()
    } else {
        address.to_string()
    };
    let base_url = format!("http://{host}:{}/", bound.port());
    // A console that cannot take a line (closed, full) does not stop the server.
    let _ = console::print(&format!("serving {base_url} (Ctrl-C to stop)\n"));
    if !address.is_loopback() {
        console::eprint(&format!(
            "warning: listening on {address}: anyone who can reach this machine can read the site\n"
        ));
    }

    let fixed_now = match &now {
        watch::NowSource::Fixed(NowInput::Date(date)) => Some(date.to_string()),
        watch::NowSource::Fixed(NowInput::Instant(instant)) => Some(instant.to_rfc3339()),
        watch::NowSource::Clock(_) => None,
    };
    let shared = Arc::new(Mutex::new(Shared {
        fixed_now,
        ..Shared::default()
    }));
    let out = output.path().to_path_buf();
    let session = Session::new(root, output, Some(base_url.clone()), now);
    let watcher_shared = shared.clone();
    thread::spawn(move || {
        let result = watch::run(session, move |session, outcome| {
            let mut state = lock(&watcher_shared);
            state.sources = session.sources().clone();
            state.milestones = session.milestones();
            state.preview = None;
            state.build += 1;
            match outcome {
                Outcome::Built { warnings, .. } => {
                    state.failure = None;
                    state.built = true;
                    // Warnings first, then notes, counted apart: a note is not a warning.
                    let mut listed: Vec<&Diagnostic> = warnings.iter().collect();
                    listed.sort_by_key(|d| d.severity != Severity::Warning);
                    let notes = listed
                        .iter()
                        .filter(|d| d.severity == Severity::Note)
                        .count();
                    state.findings_label = tools::findings_label(listed.len() - notes, notes);
                    state.warnings = listed
                        .into_iter()
                        .map(|w| diagnostics::render(std::slice::from_ref(w), false))
                        .collect();
                }
                Outcome::Failed { diagnostics, .. } => {
                    // The errors are what the overlay is for; the panel keeps the warnings.
                    let errors: Vec<Diagnostic> = diagnostics
                        .iter()
                        .filter(|d| d.is_error())
                        .cloned()
                        .collect();
                    state.failure = Some(diagnostics::render(&errors, false));
                }
            }
            let build = state.build;
            state
                .listeners
                .retain(|listener| listener.send(build).is_ok());
            drop(state);
            // After the state is updated, so that whoever reads this line finds the new build.
            report(session, outcome);
        });
        if let Err(error) = result {
            console::eprint(&format!("{}\n", diagnostics::render(&[error], false)));
        }
    });

    for request in server.incoming_requests() {
        let (path, query) = request.url().split_once('?').unwrap_or((request.url(), ""));
        if path == EVENTS_PATH {
            let (sender, receiver) = channel();
            let mut state = lock(&shared);
            // The current number first: a page that missed a signal while it reloaded, or
            // whose leader tab just closed, learns of the build it missed.
            let _ = sender.send(state.build);
            state.listeners.push(sender);
            drop(state);
            thread::spawn(move || stream_events(request, receiver));
            continue;
        }
        let response = if path == CHECK_PATH {
            let page = query_value(query, "page").unwrap_or_default();
            version_reply(&out, &base_url, &shared, &page)
        } else {
            respond(&out, &base_url, &shared, request.url())
        };
        let _ = request.respond(response);
    }
    Ok(())
}

/// Blocks SIGINT and SIGTERM in the calling thread and every thread it starts later, so that
/// they wait for [`stop_on`] instead of ending the process before its temporary output is
/// removed. Returns the set blocked.
fn block_stop_signals() -> libc::sigset_t {
    // SAFETY: the set is initialized by sigemptyset before use, and pthread_sigmask only
    // changes the calling thread's mask.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        libc::sigaddset(&mut set, libc::SIGTERM);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
        set
    }
}

/// Waits for a signal of `set` in a thread of its own (no handler runs at an arbitrary
/// point), then ends the server's loop: `serve` returns and its caller cleans up.
fn stop_on(set: libc::sigset_t, server: Arc<Server>) {
    thread::spawn(move || {
        let mut signal = 0;
        // SAFETY: `set` is an initialized signal set; sigwait writes into `signal` only.
        if unsafe { libc::sigwait(&set, &mut signal) } == 0 {
            server.unblock();
        }
    });
}

/// Keeps a live-reload connection open, sending the number of each rebuild.
fn stream_events(request: Request, rebuilds: Receiver<u64>) {
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
                Connection: keep-alive\r\n\r\n";
    if writer
        .write_all(head.as_bytes())
        .and_then(|()| writer.flush())
        .is_err()
    {
        return;
    }
    loop {
        let message = match rebuilds.recv_timeout(HEARTBEAT) {
            Ok(build) => format!("data: {build}\n\n"),
            Err(RecvTimeoutError::Timeout) => ": still here\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        // Written and flushed by hand: tiny_http's responses buffer the whole body.
        if writer
            .write_all(message.as_bytes())
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
    }
}

/// Where a request path leads in the output folder.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    File(PathBuf),
    /// A folder asked for without its trailing slash.
    Redirect(String),
    NotFound,
}

/// Resolves a URL path (without query) inside `out`. Percent-escapes are decoded first, so
/// `%2e%2e` is `..`: any `..`, backslash or NUL is refused, and so is a symbolic link that
/// leads outside the folder. Folders give their `index.html`, never a listing.
fn resolve(out: &Path, url_path: &str) -> Target {
    let Some(decoded) = percent_decode(url_path) else {
        return Target::NotFound;
    };
    let segments: Vec<&str> = decoded
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    if segments
        .iter()
        .any(|s| *s == ".." || s.contains(['\\', '\0']))
    {
        return Target::NotFound;
    }
    let mut path = out.to_path_buf();
    path.extend(&segments);
    if path.is_dir() {
        if !url_path.ends_with('/') {
            return Target::Redirect(format!("{url_path}/"));
        }
        path.push("index.html");
    }
    let inside = match (path.canonicalize(), out.canonicalize()) {
        (Ok(file), Ok(folder)) => file.starts_with(folder) && file.is_file(),
        _ => false,
    };
    if inside {
        Target::File(path)
    } else {
        Target::NotFound
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(decoded).ok()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

type Reply = Response<std::io::Cursor<Vec<u8>>>;

/// Adds a header; a value that is not ASCII (a strange request path) is left out.
fn with_header(response: Reply, name: &str, value: &str) -> Reply {
    match Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(header) => response.with_header(header),
        Err(()) => response,
    }
}

/// The value of `name` in a query string, percent-decoded.
fn query_value(query: &str, name: &str) -> Option<String> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        .and_then(percent_decode)
}

/// What a URL leads to, before serve's tools are added.
enum Answer {
    File(Found),
    /// A folder asked for without its trailing slash.
    Redirect(String),
}

struct Found {
    bytes: Vec<u8>,
    /// The file's name, for its content type.
    name: String,
    status: u16,
    day: Day,
    /// The `now` of a `?now=` preview, as given.
    preview: Option<String>,
    /// Why nothing is shown: a preview that could not be built.
    error: Option<String>,
}

/// Whose day a page shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Day {
    /// Today's build: the browser's clock is the reader's day, as on the published site.
    Browser,
    /// A preview (`?now=` or `--now`): the page must read as that day's build, whatever the
    /// browser's clock says, so what the page carries for later phases is left out.
    Previewed,
}

fn respond(out: &Path, base_url: &str, shared: &Mutex<Shared>, url: &str) -> Reply {
    match find(out, base_url, shared, url) {
        Answer::Redirect(location) => with_header(
            Response::from_data(Vec::new()).with_status_code(301),
            "Location",
            &location,
        ),
        Answer::File(found) => {
            let kind = content_type(&found.name);
            let status = found.status;
            let (body, policy) = if kind.starts_with("text/html") {
                let state = lock(shared);
                let page = ServedPage::of(found, &state);
                let (html, policy) = tools::inject(&page.html, &page.tools(&state));
                (html.into_bytes(), policy)
            } else {
                (found.bytes, Policy::default())
            };
            let response = Response::from_data(body).with_status_code(status);
            let response = with_header(
                with_header(response, "Content-Type", kind),
                "Cache-Control",
                "no-store",
            );
            with_header(response, "Content-Security-Policy", &policy.header_value())
        }
    }
}

/// `page`'s version now and the warnings of the last build, as JSON: a tab reloads when the
/// version differs from the one it was answered with.
fn version_reply(out: &Path, base_url: &str, shared: &Mutex<Shared>, page: &str) -> Reply {
    let version = match find(out, base_url, shared, page) {
        Answer::File(found) => ServedPage::of(found, &lock(shared)).version,
        Answer::Redirect(location) => format!("moved to {location}"),
    };
    let state = lock(shared);
    let json = serde_json::json!({
        "version": version,
        "warnings": state.warnings,
        "label": state.findings_label,
    });
    let response = Response::from_data(json.to_string().into_bytes());
    with_header(
        with_header(response, "Content-Type", "application/json"),
        "Cache-Control",
        "no-store",
    )
}

/// An HTML page as served: without what it carries for later phases when previewed, and the
/// overlay it gets; `version` covers both, so a tab sees any change to what it shows.
struct ServedPage {
    html: String,
    overlay: Option<(&'static str, String)>,
    version: String,
    /// The `now` of a `?now=` preview, as given.
    preview: Option<String>,
    /// Its share card's address on this server (with the preview's `now`) and text alternative.
    card: Option<(String, String)>,
}

impl ServedPage {
    fn of(found: Found, state: &Shared) -> ServedPage {
        let html = String::from_utf8_lossy(&found.bytes);
        let html = match found.day {
            Day::Browser => html.into_owned(),
            Day::Previewed => later::without_later(&html),
        };
        let overlay = match (found.error, &state.failure) {
            (Some(error), _) => Some((
                "This preview could not be built, so there is nothing to show.",
                error,
            )),
            (None, Some(failure)) if state.built => Some((
                "The last rebuild failed. Close this to see the last good build.",
                failure.clone(),
            )),
            (None, Some(failure)) => Some((
                "The site could not be built, so there is nothing to show yet.",
                failure.clone(),
            )),
            (None, None) => None,
        };
        let mut hasher = DefaultHasher::new();
        (&html, &overlay).hash(&mut hasher);
        let card = meta_content(&html, "og:image").map(|url| {
            // The card's path on this server: its address is absolute, for chat apps.
            let path = url
                .split_once("://")
                .and_then(|(_, rest)| rest.find('/').map(|at| rest[at..].to_string()))
                .unwrap_or(url);
            let path = match &found.preview {
                Some(now) => format!("{path}?now={}", now.replace('+', "%2B")),
                None => path,
            };
            (
                path,
                meta_content(&html, "og:image:alt").unwrap_or_default(),
            )
        });
        ServedPage {
            html,
            overlay,
            version: format!("{:016x}", hasher.finish()),
            preview: found.preview,
            card,
        }
    }

    fn tools<'a>(&'a self, state: &'a Shared) -> Tools<'a> {
        Tools {
            overlay: self
                .overlay
                .as_ref()
                .map(|(headline, text)| Overlay { headline, text }),
            version: &self.version,
            build: state.build,
            milestones: &state.milestones,
            preview: self.preview.as_deref(),
            fixed_now: state.fixed_now.as_deref(),
            warnings: &state.warnings,
            findings_label: &state.findings_label,
            card: self.card.clone(),
        }
    }
}

/// The `content` of `<meta property="{property}" content="…">` in `html`, unescaped.
fn meta_content(html: &str, property: &str) -> Option<String> {
    let start = format!("<meta property=\"{property}\" content=\"");
    let at = html.find(&start)? + start.len();
    let value = &html[at..at + html[at..].find('"')?];
    Some(
        value
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

/// What `url` (path and query) leads to: a preview when it has `now=`, else the output folder.
fn find(out: &Path, base_url: &str, shared: &Mutex<Shared>, url: &str) -> Answer {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    if let Some(now) = query_value(query, "now").filter(|now| !now.is_empty()) {
        return Answer::File(find_preview(base_url, shared, path, &now));
    }
    let day = if lock(shared).fixed_now.is_some() {
        Day::Previewed
    } else {
        Day::Browser
    };
    let found = |bytes, name: &Path, status| Found {
        bytes,
        name: name.to_string_lossy().into_owned(),
        status,
        day,
        preview: None,
        error: None,
    };
    let file = match resolve(out, path) {
        Target::Redirect(location) => return Answer::Redirect(location),
        Target::File(file) => std::fs::read(&file).ok().map(|bytes| (bytes, file)),
        Target::NotFound => None,
    };
    Answer::File(match file {
        Some((bytes, file)) => found(bytes, &file, 200),
        None => {
            let body = std::fs::read(out.join("404.html")).unwrap_or_else(|_| {
                b"<!DOCTYPE html><title>404</title><body>Not found</body>".to_vec()
            });
            found(body, Path::new("404.html"), 404)
        }
    })
}

/// The file at `path` as the site reads at `now`, built in memory from the current sources.
fn find_preview(base_url: &str, shared: &Mutex<Shared>, path: &str, now: &str) -> Found {
    let mut state = lock(shared);
    let preview = match &state.preview {
        Some((built_for, preview)) if built_for == now => Ok(Arc::clone(preview)),
        _ => NowInput::parse(now)
            .map_err(|e| format!("preview: {e}"))
            .and_then(|input| {
                let request = BuildRequest {
                    now: input,
                    base_url: Some(base_url.to_string()),
                };
                build::build(&state.sources, &request)
                    .map(|built| {
                        Arc::new(Preview {
                            files: built.files,
                            cards: built.cards,
                        })
                    })
                    .map_err(|d| diagnostics::render(&d, false))
            }),
    };
    let preview = match preview {
        Ok(preview) => {
            state.preview = Some((now.to_string(), Arc::clone(&preview)));
            preview
        }
        Err(message) => {
            return Found {
                bytes: b"<!DOCTYPE html><title>Preview</title><body></body>".to_vec(),
                name: "preview.html".into(),
                status: 400,
                day: Day::Previewed,
                preview: Some(now.to_string()),
                error: Some(message),
            };
        }
    };
    drop(state);
    let wanted = percent_decode(path).unwrap_or_default();
    let wanted = wanted.trim_start_matches('/');
    let candidates = [
        wanted.to_string(),
        format!("{wanted}index.html"),
        format!("{wanted}/index.html"),
    ];
    let files = &preview.files;
    let card = preview
        .cards
        .plans
        .iter()
        .find(|plan| plan.path == wanted)
        .and_then(|plan| preview.cards.draw(&[plan]).ok())
        .and_then(|mut drawn| drawn.pop());
    let file = candidates
        .iter()
        .find_map(|c| files.iter().find(|f| f.path == *c))
        .or(card.as_ref());
    let (file, status) = match file {
        Some(file) => (Some(file), 200),
        None => (files.iter().find(|f| f.path == "404.html"), 404),
    };
    Found {
        bytes: file.map(|f| f.bytes.clone()).unwrap_or_default(),
        name: file.map_or_else(|| "404.html".into(), |f| f.path.clone()),
        status,
        day: Day::Previewed,
        preview: Some(now.to_string()),
        error: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("en/faq")).unwrap();
        std::fs::write(out.join("en/faq/index.html"), "faq").unwrap();
        std::fs::write(dir.path().join("secret.toml"), "x").unwrap();
        assert_eq!(
            resolve(&out, "/en/faq/"),
            Target::File(out.join("en/faq/index.html"))
        );
        assert_eq!(
            resolve(&out, "/en/faq"),
            Target::Redirect("/en/faq/".into())
        );
        assert_eq!(resolve(&out, "/en/"), Target::NotFound, "no listing");
        for attack in [
            "/../secret.toml",
            "/%2e%2e/secret.toml",
            "/en/%2E%2E/%2e%2e/secret.toml",
            "/..%2fsecret.toml",
            "/en/..%5c..%5csecret.toml",
            "/%00",
            "/%zz",
        ] {
            assert_eq!(resolve(&out, attack), Target::NotFound, "{attack}");
        }
    }

    #[test]
    fn symbolic_links_out_of_the_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(dir.path().join("secret.toml"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.toml"), out.join("link.toml")).unwrap();
        assert_eq!(resolve(&out, "/link.toml"), Target::NotFound);
    }

    #[test]
    fn content_types_follow_the_extension() {
        assert_eq!(content_type("en/index.html"), "text/html; charset=utf-8");
        assert_eq!(
            content_type("sitemap.xml"),
            "application/xml; charset=utf-8"
        );
        assert_eq!(
            content_type("fr/remind-me.ics"),
            "text/calendar; charset=utf-8"
        );
        assert_eq!(content_type("favicon.svg"), "image/svg+xml");
    }
}
