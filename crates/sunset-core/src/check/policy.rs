//! What the built pages hold that their Content-Security-Policy blocks (see `csp::blocked`):
//! a `style` attribute, an `on…` handler, a `javascript:` link, a file of another origin. The
//! browser would drop each one silently, so each is an error where a template or page writes it.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::config::Config;
use crate::content::Page;
use crate::csp::{self, Blocked, BlockedKind};
use crate::diagnostics::{Diagnostic, Location};
use crate::files::TemplateFile;
use crate::render::RenderedSite;

/// Each thing the pages of `site` (and what they carry for later readings) hold that the
/// policy blocks, once per place it is written: in a template, at its attribute; in a page's
/// own HTML (`raw_html`), at its source; else in the built file.
pub fn policy_findings(
    config: &Config,
    pages: &[Page],
    templates: &[TemplateFile],
    site: &RenderedSite,
) -> Vec<Diagnostic> {
    let (files, later) = (&site.files, &site.later);
    let origin = origin(&config.base_url);
    let sources: HashMap<String, &Page> = pages
        .iter()
        .map(|p| (format!("{}index.html", p.url_path), p))
        .collect();
    let mut findings = Vec::new();
    let mut reported = HashSet::new();
    for file in files.iter().filter(|f| f.path.ends_with(".html")) {
        let html = std::str::from_utf8(&file.bytes).unwrap_or_default();
        let carried = later.get(&file.path).map(String::as_str);
        for html in std::iter::once(html).chain(carried) {
            for blocked in csp::blocked(html, origin) {
                let page = sources.get(&file.path).copied();
                let finding = finding(&blocked, templates, page, &file.path);
                let place = finding
                    .location
                    .as_deref()
                    .map(|l| format!("{}:{}:{}", l.path.display(), l.line, l.column))
                    .unwrap_or_else(|| finding.to_string());
                if reported.insert(place) {
                    findings.push(finding);
                }
            }
        }
    }
    findings
}

/// `https://example.org` of `https://example.org/help/`.
fn origin(base_url: &str) -> &str {
    let after_scheme = base_url.find("//").map_or(0, |at| at + 2);
    match base_url[after_scheme..].find('/') {
        Some(end) => &base_url[..after_scheme + end],
        None => base_url,
    }
}

fn finding(
    blocked: &Blocked,
    templates: &[TemplateFile],
    page: Option<&Page>,
    output: &str,
) -> Diagnostic {
    let attribute = blocked.attribute;
    let (message, hint) = match blocked.kind {
        BlockedKind::StyleAttribute => (
            "a `style` attribute, which the site's Content-Security-Policy blocks".to_string(),
            "give the element a class and put the rule in the stylesheet",
        ),
        BlockedKind::EventHandler => (
            format!("an `{attribute}` handler, which the site's Content-Security-Policy blocks"),
            "attach it from a <script> with addEventListener: inline scripts are allowed by \
             their hash",
        ),
        BlockedKind::JavascriptUrl => (
            "a `javascript:` link, which the site's Content-Security-Policy blocks".to_string(),
            "use a <button> and attach what it does from a <script> with addEventListener",
        ),
        BlockedKind::OtherOrigin => (
            format!(
                "loads {}, which the site's Content-Security-Policy blocks: only the site's own \
                 files load",
                blocked.value
            ),
            "put the file in static/ and link it with asset(path=\"…\")",
        ),
    };
    let written = [
        format!("{attribute}=\"{}\"", blocked.value),
        format!("{attribute}='{}'", blocked.value),
        format!("{attribute}={}", blocked.value),
    ];
    let find = |text: &str| {
        written
            .iter()
            .find_map(|w| text.find(w.as_str()).map(|at| at..at + attribute.len()))
    };
    // The attribute as written, else the attribute alone (its value may come from a variable).
    let in_template = templates
        .iter()
        .find_map(|t| find(&t.text).map(|range| (t, range)))
        .or_else(|| {
            templates.iter().find_map(|t| {
                attribute_at(&t.text, attribute).map(|at| (t, at..at + attribute.len()))
            })
        });
    let diagnostic = match (in_template, page) {
        (Some((template, range)), _) => Diagnostic::error(message).at(Location::from_range(
            &template.path,
            &template.text,
            range,
        )),
        (None, Some(page)) => {
            let diagnostic = Diagnostic::error(format!("/{output} holds {message}"));
            match find(&page.source) {
                Some(range) => diagnostic.at(Location::from_range(&page.path, &page.source, range)),
                None => diagnostic.in_file(&page.path),
            }
        }
        (None, None) => Diagnostic::error(format!("/{output} holds {message}"))
            .in_file(&Path::new("templates").join(output)),
    };
    diagnostic.code("blocked-by-policy").hint(hint)
}

/// Where `attribute` (`style`, `onClick`) is written as an attribute in `text`: after a space,
/// followed by `=`.
fn attribute_at(text: &str, attribute: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    let wanted = attribute.to_ascii_lowercase();
    lower.match_indices(&wanted).map(|(at, _)| at).find(|&at| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + wanted.len()..].trim_start().chars().next();
        before.is_some_and(char::is_whitespace) && after == Some('=')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_origin_is_the_scheme_and_host() {
        assert_eq!(origin("https://example.org/help/"), "https://example.org");
        assert_eq!(origin("http://127.0.0.1:8080/"), "http://127.0.0.1:8080");
    }

    #[test]
    fn an_attribute_is_found_where_it_is_written_as_one() {
        let text = "<p>style=\"x\"</p><p class=\"style\" style = \"color:red\">";
        assert_eq!(attribute_at(text, "style"), text.find("style = "));
        assert_eq!(attribute_at("<b onclick=go()>", "onClick"), Some(3));
        assert_eq!(attribute_at("<b data-onclick=go()>", "onclick"), None);
    }
}
