//! What a hash-based policy blocks and no hash can allow: a `style` attribute, an `on…`
//! handler, a `javascript:` link, a file of another origin. `check::policy` reports each one
//! where the template or page writes it.

use super::tokens::{StartTag, Token, tokens};

/// What a hash-based policy blocks, which no hash can allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockedKind {
    /// `style="…"`: put the rule in the stylesheet, with a class.
    StyleAttribute,
    /// `onclick="…"` and every other `on…` attribute.
    EventHandler,
    /// `href="javascript:…"`.
    JavascriptUrl,
    /// A file of another origin (or a `data:` URL) the page would load.
    OtherOrigin,
}

/// Something in a page that the policy blocks: its kind, the attribute as written, its value,
/// and where the attribute starts in the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocked<'a> {
    pub kind: BlockedKind,
    pub attribute: &'a str,
    pub value: &'a str,
    pub at: usize,
}

/// What `html` holds that its policy would block: style attributes, event handlers,
/// `javascript:` URLs, and files loaded from anywhere but `origin` (`https://example.org`,
/// the site's own).
pub fn blocked<'a>(html: &'a str, origin: &str) -> Vec<Blocked<'a>> {
    let mut found = Vec::new();
    for token in tokens(html) {
        let Token::Start(tag) = token else {
            continue;
        };
        for attribute in &tag.attributes {
            let name = attribute.name.as_str();
            let value = attribute.value;
            let kind = if name == "style" {
                BlockedKind::StyleAttribute
            } else if name.len() > 2 && name.starts_with("on") {
                BlockedKind::EventHandler
            } else if is_url_attribute(name) && is_javascript(value) {
                BlockedKind::JavascriptUrl
            } else if loads(&tag, name)
                && loaded_urls(name, value)
                    .any(|url| !(same_origin(url, origin) || is_data(url) && image(&tag, name)))
            {
                BlockedKind::OtherOrigin
            } else {
                continue;
            };
            found.push(Blocked {
                kind,
                attribute: &html[attribute.at..attribute.at + name.len()],
                value,
                at: attribute.at,
            });
        }
    }
    found
}

fn is_url_attribute(name: &str) -> bool {
    matches!(
        name,
        "href" | "src" | "action" | "formaction" | "xlink:href" | "data"
    )
}

/// Whether a URL is `javascript:`, as the browser reads it: spaces around it and tabs and line
/// breaks inside it do not count.
fn is_javascript(value: &str) -> bool {
    let url: String = value
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take("javascript:".len())
        .collect();
    url.eq_ignore_ascii_case("javascript:")
}

/// Whether attribute `name` of `tag` makes the browser load its URL.
fn loads(tag: &StartTag, name: &str) -> bool {
    match (tag.name.as_str(), name) {
        (_, "src" | "srcset" | "poster") => true,
        ("object", "data") | ("form", "action") | (_, "formaction") => true,
        ("link", "href") => tag.attribute("rel").is_some_and(|rel| {
            rel.split_ascii_whitespace().any(|rel| {
                [
                    "stylesheet",
                    "icon",
                    "apple-touch-icon",
                    "mask-icon",
                    "manifest",
                    "preload",
                    "modulepreload",
                    "prefetch",
                ]
                .iter()
                .any(|loading| rel.eq_ignore_ascii_case(loading))
            })
        }),
        _ => false,
    }
}

/// Whether attribute `name` of `tag` loads an image, which may be a `data:` URL.
fn image(tag: &StartTag, name: &str) -> bool {
    match (tag.name.as_str(), name) {
        ("img" | "source", "src" | "srcset") | ("video", "poster") => true,
        ("input", "src") => tag
            .attribute("type")
            .is_some_and(|kind| kind.eq_ignore_ascii_case("image")),
        ("link", "href") => tag.attribute("rel").is_some_and(|rel| {
            rel.split_ascii_whitespace()
                .any(|rel| rel.to_ascii_lowercase().ends_with("icon"))
        }),
        _ => false,
    }
}

fn is_data(url: &str) -> bool {
    url.get(..5)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("data:"))
}

/// The URLs of an attribute: one, or a `srcset`'s candidates.
fn loaded_urls<'a>(name: &str, value: &'a str) -> Box<dyn Iterator<Item = &'a str> + 'a> {
    match name {
        "srcset" => Box::new(
            value
                .split(',')
                .filter_map(|candidate| candidate.split_ascii_whitespace().next()),
        ),
        _ => Box::new(std::iter::once(value.trim())),
    }
}

/// Whether `url` is on `origin`: a path (`/static/a.svg`, `a.svg`, `#x`), or an absolute URL
/// that starts with the origin.
fn same_origin(url: &str, origin: &str) -> bool {
    let scheme_end = url.find(':').filter(|&colon| {
        url[..colon]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && !url[..colon].contains('/')
    });
    match scheme_end {
        None => !url.starts_with("//"),
        Some(_) => {
            let origin = origin.trim_end_matches('/');
            url.get(..origin.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(origin))
                && url[origin.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| "/?#".contains(c))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_no_hash_can_allow_is_found_where_it_is_written() {
        let html = "<p style=\"color:red\"><button onClick=\"go()\" data-on=\"x\" hidden>\
            <a href=\" JavaScript:go()\">x</a><a href=\"https://elsewhere.example/\">ok</a>\
            <img src=\"https://site.example/a.png\" srcset=\"/a.png 1x, https://cdn.example/b.png 2x\">\
            <link rel=\"canonical\" href=\"https://elsewhere.example/\">\
            <link rel=\"stylesheet\" href=\"//cdn.example/a.css\"><img src=\"data:image/png;base64,x\">\
            <link rel=\"icon\" href=\"data:,\"><script src=\"data:text/javascript,x()\"></script>\
            <img src=\"https://site.example.evil/a.png\"><script>var a = '<b style=\"x\">';</script>";
        let found: Vec<(BlockedKind, &str, &str)> = blocked(html, "https://site.example/")
            .iter()
            .map(|b| (b.kind, b.attribute, &html[b.at..b.at + b.attribute.len()]))
            .collect();
        use BlockedKind::*;
        assert_eq!(
            found,
            [
                (StyleAttribute, "style", "style"),
                (EventHandler, "onClick", "onClick"),
                (JavascriptUrl, "href", "href"),
                (OtherOrigin, "srcset", "srcset"),
                (OtherOrigin, "href", "href"),
                (OtherOrigin, "src", "src"),
                (OtherOrigin, "src", "src"),
            ]
        );
    }
}
