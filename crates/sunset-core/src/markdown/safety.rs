//! What keeps a translator from injecting script: raw HTML becomes text unless the site opts
//! in, and link and image targets may only use an allowed scheme.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{Problem, link_target};

const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

pub(super) struct Safety {
    raw_html: bool,
}

impl Safety {
    pub(super) fn new(raw_html: bool) -> Self {
        Safety { raw_html }
    }

    /// The event made safe: raw HTML as text (an HTML block as a paragraph), a target with a
    /// scheme not allowed as `#`, which is a problem at `range`.
    pub(super) fn guard<'a>(
        &self,
        mut event: Event<'a>,
        range: &Range<usize>,
        problems: &mut Vec<Problem>,
    ) -> Event<'a> {
        if !self.raw_html {
            match event {
                Event::Html(raw) | Event::InlineHtml(raw) => return Event::Text(raw),
                Event::Start(Tag::HtmlBlock) => return Event::Start(Tag::Paragraph),
                Event::End(TagEnd::HtmlBlock) => return Event::End(TagEnd::Paragraph),
                _ => {}
            }
        }
        // An `@/` target never looks like a scheme (no scheme has an `@`): references resolve it.
        if let Some(url) = link_target(&mut event)
            && let Some(scheme) = disallowed_scheme(url)
        {
            problems.push(Problem::new(
                range.clone(),
                format!("link with the scheme `{scheme}:` is not allowed"),
                "links may use http, https, mailto or tel, or be relative",
            ));
            *url = "#".into();
        }
        event
    }
}

/// The scheme of `url` when it has one that is not allowed. Browsers ignore whitespace and
/// control characters inside a scheme (`java\tscript:`), so they are dropped before looking.
fn disallowed_scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let looks_like_scheme = !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (looks_like_scheme && !ALLOWED_SCHEMES.contains(&scheme)).then(|| scheme.to_string())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{md, md_with};

    #[test]
    fn raw_html_is_text_unless_allowed() {
        let (r, p) = md("<script>alert(1)</script>\n\nHi <b onclick=\"x()\">there</b>\n");
        assert!(p.is_empty());
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("<b "), "{}", r.html);
        assert!(r.html.contains("&lt;script&gt;"), "{}", r.html);
        let allowed = md_with("Hi <b>x</b>\n", true).0;
        assert!(allowed.html.contains("<b>x</b>"), "{}", allowed.html);
    }

    #[test]
    fn dangerous_link_schemes_are_problems() {
        for link in [
            "[x](javascript:alert(1))",
            "<javascript:alert(1)>",
            "[x](<java script:y>)",
            "[x](JaVaScRiPt:y)",
            "[x](data:text/html,hi)",
            "![x](vbscript:y)",
        ] {
            let (r, p) = md(link);
            assert_eq!(p.len(), 1, "{link}: {p:?}");
            assert!(r.html.contains("=\"#\""), "{link}: {}", r.html);
            assert!(
                !r.html.contains("=\"javascript") && !r.html.contains("=\"data"),
                "{link}: {}",
                r.html
            );
        }
        let (_, p) =
            md("[a](https://x.org) [b](mailto:a@b.c) [c](tel:+18002428478) [d](../faq/) [e](#top)");
        assert!(p.is_empty(), "{p:?}");
    }
}
