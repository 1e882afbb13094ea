//! `serve`: watch, plus a local web server with live reload and date previews.
//!
//! The server serves the output folder the way a static host does (pretty URLs, `/404.html`
//! with status 404, content types, no listings, nothing outside the folder). Only here is
//! anything added to pages, and only to the responses, never to the files: a live-reload script
//! (Server-Sent Events on `/__sunset/events`), a panel to preview the site at another date
//! (`?now=2026-01-15` on any page, built in memory), and an overlay with the diagnostics while
//! the last rebuild has failed.

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use tiny_http::{Header, Request, Response, Server};

use crate::bidi::escape_html;
use crate::build::{self, BuildRequest};
use crate::clock::NowInput;
use crate::output::{Output, OutputFile};
use crate::render::later;
use crate::source::Sources;
use crate::watch::{self, Outcome, Session};
use crate::{console, diagnostics};

const EVENTS_PATH: &str = "/__sunset/events";
const HEARTBEAT: Duration = Duration::from_secs(15);

/// What the server knows of the last rebuild.
#[derive(Default)]
struct Shared {
    /// The diagnostics of the last rebuild, when it failed.
    failure: Option<String>,
    /// The sources of the last rebuild, to build previews at other dates.
    sources: Sources,
    /// The last day of the notice, for the preview panel's shortcuts.
    end_date: Option<NaiveDate>,
    /// Connected live-reload clients.
    listeners: Vec<Sender<()>>,
    /// The last preview built: its "now" as given, and its files.
    preview: Option<(String, Vec<OutputFile>)>,
    /// Whether `--now` fixes the served build's day, which then is a preview too.
    fixed_now: bool,
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
    now: watch::Now,
    address: IpAddr,
    port: u16,
    mut report: impl FnMut(&Session, &Outcome) + Send + 'static,
) -> Result<(), String> {
    let server = Server::http(SocketAddr::new(address, port))
        .map_err(|e| format!("cannot listen on {address}:{port}: {e}"))?;
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

    let shared = Arc::new(Mutex::new(Shared {
        fixed_now: matches!(now, watch::Now::Fixed(_)),
        ..Shared::default()
    }));
    let out = output.path().to_path_buf();
    let session = Session::new(root, output, Some(base_url.clone()), now);
    let watcher_shared = shared.clone();
    thread::spawn(move || {
        let result = watch::run(session, move |session, outcome| {
            let mut state = lock(&watcher_shared);
            state.sources = session.sources().clone();
            state.end_date = session.end_date();
            state.preview = None;
            state.failure = match outcome {
                Outcome::Built { .. } => None,
                Outcome::Failed { diagnostics, .. } => {
                    Some(diagnostics::render(diagnostics, false))
                }
            };
            state.listeners.retain(|listener| listener.send(()).is_ok());
            drop(state);
            // After the state is updated, so that whoever reads this line finds the new build.
            report(session, outcome);
        });
        if let Err(error) = result {
            console::eprint(&format!("{}\n", diagnostics::render(&[error], false)));
        }
    });

    for request in server.incoming_requests() {
        if request.url() == EVENTS_PATH {
            let (sender, receiver) = channel();
            lock(&shared).listeners.push(sender);
            thread::spawn(move || stream_events(request, receiver));
            continue;
        }
        let response = respond(&out, &base_url, &shared, request.url());
        let _ = request.respond(response);
    }
    Ok(())
}

/// Keeps a live-reload connection open, sending `reload` after each rebuild.
fn stream_events(request: Request, rebuilds: Receiver<()>) {
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
        let message: &[u8] = match rebuilds.recv_timeout(HEARTBEAT) {
            Ok(()) => b"data: reload\n\n",
            Err(RecvTimeoutError::Timeout) => b": still here\n\n",
            Err(RecvTimeoutError::Disconnected) => return,
        };
        // Written and flushed by hand: tiny_http's responses buffer the whole body.
        if writer
            .write_all(message)
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

fn respond(out: &Path, base_url: &str, shared: &Mutex<Shared>, url: &str) -> Reply {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let preview = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("now="))
        .and_then(percent_decode)
        .filter(|now| !now.is_empty());
    if let Some(now) = preview {
        return respond_preview(base_url, shared, path, &now);
    }
    match resolve(out, path) {
        Target::File(file) => match std::fs::read(&file) {
            Ok(bytes) => {
                let day = served_day(shared);
                page_response(bytes, &file.to_string_lossy(), 200, shared, day, None)
            }
            Err(_) => not_found(out, shared),
        },
        Target::Redirect(location) => with_header(
            Response::from_data(Vec::new()).with_status_code(301),
            "Location",
            &location,
        ),
        Target::NotFound => not_found(out, shared),
    }
}

fn not_found(out: &Path, shared: &Mutex<Shared>) -> Reply {
    let body = std::fs::read(out.join("404.html"))
        .unwrap_or_else(|_| b"<!DOCTYPE html><title>404</title><body>Not found</body>".to_vec());
    page_response(body, "404.html", 404, shared, served_day(shared), None)
}

fn served_day(shared: &Mutex<Shared>) -> Day {
    if lock(shared).fixed_now {
        Day::Previewed
    } else {
        Day::Browser
    }
}

/// The page at `path` as the site reads at `now`, built in memory from the current sources.
fn respond_preview(base_url: &str, shared: &Mutex<Shared>, path: &str, now: &str) -> Reply {
    let mut state = lock(shared);
    let files = match &state.preview {
        Some((built_for, files)) if built_for == now => Ok(files.clone()),
        _ => NowInput::parse(now)
            .map_err(|e| format!("preview: {e}"))
            .and_then(|input| {
                let request = BuildRequest {
                    now: input,
                    base_url: Some(base_url.to_string()),
                };
                build::build(&state.sources, &request)
                    .map(|built| built.files)
                    .map_err(|d| diagnostics::render(&d, false))
            }),
    };
    let files = match files {
        Ok(files) => {
            state.preview = Some((now.to_string(), files.clone()));
            files
        }
        Err(message) => {
            drop(state);
            let body = b"<!DOCTYPE html><title>Preview</title><body></body>".to_vec();
            return page_response(
                body,
                "preview.html",
                400,
                shared,
                Day::Previewed,
                Some(message),
            );
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
    match candidates
        .iter()
        .find_map(|c| files.iter().find(|f| f.path == *c))
    {
        Some(file) => page_response(
            file.bytes.clone(),
            &file.path,
            200,
            shared,
            Day::Previewed,
            None,
        ),
        None => {
            let body = files
                .iter()
                .find(|f| f.path == "404.html")
                .map(|f| f.bytes.clone())
                .unwrap_or_default();
            page_response(body, "404.html", 404, shared, Day::Previewed, None)
        }
    }
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

/// A response; HTML gets the live-reload script, the preview panel and any error overlay.
fn page_response(
    bytes: Vec<u8>,
    name: &str,
    status: u16,
    shared: &Mutex<Shared>,
    day: Day,
    error: Option<String>,
) -> Reply {
    let kind = content_type(name);
    let body = if kind.starts_with("text/html") {
        let state = lock(shared);
        let failure = error.or_else(|| state.failure.clone());
        let html = String::from_utf8_lossy(&bytes);
        let html = match day {
            Day::Browser => html.into_owned(),
            Day::Previewed => later::without_later(&html),
        };
        inject(&html, failure.as_deref(), state.end_date).into_bytes()
    } else {
        bytes
    };
    let response = Response::from_data(body).with_status_code(status);
    with_header(
        with_header(response, "Content-Type", kind),
        "Cache-Control",
        "no-store",
    )
}

/// Adds the development tools before `</body>`.
fn inject(html: &str, failure: Option<&str>, end_date: Option<NaiveDate>) -> String {
    let mut tools = String::from("<div id=\"sunset-dev\" dir=\"ltr\" lang=\"en\">");
    if let Some(failure) = failure {
        tools.push_str(&format!(
            "<div role=\"alert\" style=\"position:fixed;inset:0;z-index:99;overflow:auto;background:#1b1f23f0;color:#fff;padding:2rem;font:14px/1.5 monospace\">\
             <p style=\"font-weight:bold\">The last rebuild failed. The page shows the last good build.</p>\
             <pre style=\"white-space:pre-wrap\">{}</pre></div>",
            escape_html(failure)
        ));
    }
    tools.push_str(
        "<form style=\"position:fixed;inset-block-end:.5rem;inset-inline-end:.5rem;z-index:98;background:#fff;color:#000;\
         border:1px solid #888;border-radius:.4rem;padding:.3rem .5rem;font:13px system-ui\" onsubmit=\"return false\">\
         <label>Preview at <input type=\"date\" id=\"sunset-now\"></label> ",
    );
    if let Some(end) = end_date {
        let shortcuts = [
            ("10 days before", end.checked_sub_days(Days::new(10))),
            ("last day", Some(end)),
            ("a week after", end.checked_add_days(Days::new(7))),
        ];
        for (label, date) in shortcuts {
            if let Some(date) = date {
                tools.push_str(&format!(
                    "<button type=\"button\" data-now=\"{date}\">{label}</button> "
                ));
            }
        }
    }
    tools.push_str("<button type=\"button\" data-now=\"\">now</button></form>");
    tools.push_str(
        "<script>(function(){\
         var q=new URLSearchParams(location.search),now=q.get('now')||'';\
         var input=document.getElementById('sunset-now');input.value=now.slice(0,10);\
         function go(v){var u=new URL(location.href);if(v){u.searchParams.set('now',v)}else{u.searchParams.delete('now')}location.href=u.href}\
         input.addEventListener('change',function(){go(input.value)});\
         document.querySelectorAll('#sunset-dev [data-now]').forEach(function(b){b.addEventListener('click',function(){go(b.dataset.now)})});\
         if(now){document.querySelectorAll('a[href^=\"/\"]').forEach(function(a){var u=new URL(a.href);u.searchParams.set('now',now);a.href=u.href})}\
         new EventSource('/__sunset/events').onmessage=function(e){if(e.data==='reload')location.reload()};\
         })();</script></div>",
    );
    match html.rfind("</body>") {
        Some(at) => format!("{}{tools}{}", &html[..at], &html[at..]),
        None => format!("{html}{tools}"),
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
    fn tools_are_injected_before_the_end_of_the_body() {
        let html = inject(
            "<html><body><p>x</p></body></html>",
            Some("error: <bad>"),
            NaiveDate::from_ymd_opt(2026, 1, 15),
        );
        assert!(html.ends_with("</div></body></html>"), "{html}");
        assert!(html.contains("error: &lt;bad&gt;"));
        assert!(html.contains("data-now=\"2026-01-05\""));
        assert!(html.contains("data-now=\"2026-01-22\""));
        assert!(html.contains("EventSource('/__sunset/events')"));
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
