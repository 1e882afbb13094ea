//! The files hosts read beside the pages (`[hosting]` in site.toml): the security headers,
//! the Content-Security-Policy with what a meta tag cannot hold (`frame-ancestors`), and the
//! redirect that sends a reader who opens `/` to the notice in their language. `_headers` and
//! `_redirects` are Netlify's format, which Cloudflare Pages reads too (its `_redirects` ignores
//! the language rules, and the page at `/` does the same with script); `_nginx/http.conf` and
//! `_nginx/server.conf` are for nginx to include. A site's own `static/_headers` and
//! `static/_redirects` are kept, after and before sunset's rules.

use super::SiteModel;
use crate::config::Config;
use crate::csp::{self, Policy};
use crate::diagnostics::Diagnostic;
use crate::files::OutputFile;

/// Cloudflare Pages reads at most this many characters of a `_headers` line, and this many
/// rules.
const HEADERS_LINE_LIMIT: usize = 2000;
const HEADERS_RULE_LIMIT: usize = 100;

const HEADERS: &str = "_headers";
const REDIRECTS: &str = "_redirects";

/// What a browser may use on the site's pages: none of the powerful features.
const PERMISSIONS: &str = "accelerometer=(), autoplay=(), camera=(), display-capture=(), \
     geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), \
     publickey-credentials-get=(), screen-wake-lock=(), usb=(), xr-spatial-tracking=()";

/// The names of the files `config` has the build write, which a static file of the same name
/// joins instead of replacing.
pub(super) fn written(config: &Config) -> Vec<&'static str> {
    match config.hosting.netlify {
        true => vec![HEADERS, REDIRECTS],
        false => Vec::new(),
    }
}

/// The host files of the site whose other files are `files`, and a warning when its policy's
/// hashes cannot fit a header line.
pub(super) fn host_files(
    model: &SiteModel,
    files: &[OutputFile],
) -> (Vec<OutputFile>, Vec<Diagnostic>) {
    let config = model.config;
    let mut policy = Policy::default();
    for file in files.iter().filter(|f| f.path.ends_with(".html")) {
        if let Some(page) = Policy::of_page(std::str::from_utf8(&file.bytes).unwrap_or_default()) {
            policy.extend(&page);
        }
    }
    let mut warnings = Vec::new();
    let full = policy.header_value();
    let content_security_policy =
        if "  Content-Security-Policy: ".len() + full.len() <= HEADERS_LINE_LIMIT {
            full
        } else {
            warnings.push(too_many_hashes(policy.hashes()));
            csp::header_without_hashes()
        };
    let headers = security_headers(config, content_security_policy);
    let own = |name: &str| {
        model
            .statics
            .iter()
            .find(|f| f.name == name)
            .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
    };
    let mut out = Vec::new();
    if config.hosting.netlify {
        let mut text = headers_file(config, &headers);
        if let Some(own) = own(HEADERS) {
            text.push('\n');
            text.push_str(&own);
        }
        warnings.extend(beyond_cloudflare_limits(&text));
        out.push(file(HEADERS, text));
        let mut text = own(REDIRECTS).map(|own| own + "\n").unwrap_or_default();
        text.push_str(&redirects_file(model));
        out.push(file(REDIRECTS, text));
    }
    if config.hosting.nginx {
        out.push(file("_nginx/http.conf", nginx_http(model)));
        out.push(file("_nginx/server.conf", nginx_server(config, &headers)));
    }
    (out, warnings)
}

/// The warning for a site whose pages' hashes cannot share a header line.
fn too_many_hashes(hashes: usize) -> Diagnostic {
    Diagnostic::warning(format!(
        "the pages' {hashes} inline scripts and styles make a Content-Security-Policy too long \
         for one header line (Cloudflare Pages reads {HEADERS_LINE_LIMIT} characters): the \
         headers leave them to each page's meta tag"
    ))
    .hint(
        "a template that writes each page's data into a <script> can write it into a data \
         attribute or a <script type=\"application/json\"> instead, which need no hash",
    )
}

fn file(path: &str, text: String) -> OutputFile {
    OutputFile {
        path: path.to_string(),
        bytes: text.into_bytes(),
    }
}

/// Each header and its value, the same for every response: HSTS only for an https site (a
/// browser ignores it over http).
fn security_headers(config: &Config, content_security_policy: String) -> Vec<(&str, String)> {
    let mut headers = vec![("Content-Security-Policy", content_security_policy)];
    if config.base_url.starts_with("https://") {
        headers.push(("Strict-Transport-Security", "max-age=63072000".to_string()));
    }
    headers.extend([
        ("X-Content-Type-Options", "nosniff".to_string()),
        (
            "Referrer-Policy",
            "strict-origin-when-cross-origin".to_string(),
        ),
        ("Permissions-Policy", PERMISSIONS.to_string()),
    ]);
    headers
}

fn headers_file(config: &Config, headers: &[(&str, String)]) -> String {
    let mut text = format!(
        "# The security headers of every response, written by sunset for {}\n{}*\n",
        config.base_url, config.base_path
    );
    for (name, value) in headers {
        text.push_str(&format!("  {name}: {value}\n"));
    }
    text
}

/// A warning when a `_headers` file has more rules or longer lines than Cloudflare Pages reads
/// (a site's own rules count too).
fn beyond_cloudflare_limits(text: &str) -> Option<Diagnostic> {
    let rules = text
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with([' ', '\t', '#']))
        .count();
    let longest = text.lines().map(str::len).max().unwrap_or(0);
    let beyond = match (rules > HEADERS_RULE_LIMIT, longest > HEADERS_LINE_LIMIT) {
        (false, false) => return None,
        (true, _) => format!("{rules} rules (Cloudflare Pages reads {HEADERS_RULE_LIMIT})"),
        (false, true) => {
            format!("a line of {longest} characters (Cloudflare Pages reads {HEADERS_LINE_LIMIT})")
        }
    };
    Some(
        Diagnostic::warning(format!("_headers has {beyond}"))
            .in_file(std::path::Path::new("static/_headers"))
            .hint("join rules with a `*` in their path, or shorten the line"),
    )
}

/// Each language's notice and its code, in site.toml's order.
fn notices<'a>(model: &'a SiteModel) -> impl Iterator<Item = (&'a str, String)> {
    model.config.languages.iter().map(|language| {
        let url_path = model
            .page(&language.code, "index")
            .map_or_else(|| format!("{}/", language.code), |p| p.url_path.clone());
        (language.code.as_str(), model.config.url_of(&url_path))
    })
}

fn redirects_file(model: &SiteModel) -> String {
    let root = &model.config.base_path;
    let mut text = format!(
        "# A reader who opens {root} goes to the notice in their browser's language (Netlify; \
         Cloudflare Pages\n# ignores these lines, and the page at {root} does the same with \
         script). Written by sunset.\n"
    );
    for (code, url) in notices(model) {
        text.push_str(&format!("{root}  {url}  302!  Language={code}\n"));
    }
    text
}

/// The maps nginx's `http` block must hold: the first of the reader's languages the site has,
/// the redirect at the root, and the root page's `Vary`.
fn nginx_http(model: &SiteModel) -> String {
    let config = model.config;
    let root = &config.base_path;
    let mut codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    // A longer code first, so that `pt-BR` is not read as `pt`.
    codes.sort_by_key(|code| std::cmp::Reverse(code.len()));
    let mut text = format!(
        "# Written by sunset for {}\n# Include this file in nginx's http block, and server.conf in the server block that\n\
         # serves the site.\n\n\
         # The first of the reader's languages (Accept-Language) that the site has.\n\
         map $http_accept_language $sunset_accepted {{\n    default \"\";\n    \
         \"~*^(?:[^,]*,)*?\\s*(?<sunset_code>{})(?:[-;,\\s]|$)\" $sunset_code;\n}}\n\n\
         # {root} sends the reader to the notice in that language; without one, its page lists them.\n\
         map \"$uri $sunset_accepted\" $sunset_redirect {{\n    default \"\";\n",
        config.base_url,
        codes.join("|")
    );
    for (code, url) in notices(model) {
        text.push_str(&format!("    \"~*^{root} {code}$\" {url};\n"));
    }
    text.push_str(&format!(
        "}}\n\n# The page at {root} depends on Accept-Language.\n\
         map $uri $sunset_vary {{\n    default \"\";\n    {root} Accept-Language;\n    \
         {root}index.html Accept-Language;\n}}\n"
    ));
    text
}

/// What nginx's `server` block must hold: every header on every response (`always`: errors
/// and redirects too), the redirect at the root, and no access to these files themselves.
fn nginx_server(config: &Config, headers: &[(&str, String)]) -> String {
    let root = &config.base_path;
    let mut text = format!(
        "# Written by sunset for {}\n\
         # Include this file in the server block that serves the site, and http.conf in nginx's\n\
         # http block. Reload nginx after each deploy (the policy's hashes follow the pages); a\n\
         # location with add_header lines of its own must include this file too, since nginx\n\
         # then drops the server's.\n",
        config.base_url
    );
    for (name, value) in headers {
        text.push_str(&format!("add_header {name} \"{value}\" always;\n"));
    }
    text.push_str(&format!(
        "add_header Vary $sunset_vary always;\n\
         if ($sunset_redirect) {{\n    return 302 $sunset_redirect$is_args$args;\n}}\n\
         if ($uri ~ \"^{root}(_nginx/|_headers$|_redirects$)\") {{\n    return 404;\n}}\n"
    ));
    text
}
