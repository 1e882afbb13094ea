//! What a page refers to outside itself: `@/page.md` links and `{{ message-id }}`
//! placeholders, resolved through [`References`]. Text becomes HTML here, because a
//! placeholder's text is escaped and isolated with the text around it.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::{Piece, Problem, link_target};
use crate::bidi::text_html;
use crate::config::Direction;
use crate::diagnostics::closest;

/// What a page's Markdown may refer to outside itself.
pub trait References {
    /// The URL of an `@/page.md#anchor` link target (given without the `@/`).
    fn link(&self, target: &str) -> Result<String, String>;
    /// The formatted text of a `{{ message-id }}` placeholder.
    fn message(&self, id: &str) -> Result<MessageText, String>;
    /// The ids a placeholder can name, for the hint of one that names none of them.
    fn message_ids(&self) -> Vec<String>;
}

/// A placeholder's text, and its language where that is not the page's: a translation not
/// written yet shows the default language's text, marked as such.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageText {
    pub text: String,
    pub foreign: Option<(String, Direction)>,
}

pub(super) struct Resolver<'r> {
    references: &'r dyn References,
    dir: Direction,
    /// Code is shown as written: no placeholders, no isolation.
    in_code_block: bool,
}

impl<'r> Resolver<'r> {
    pub(super) fn new(references: &'r dyn References, dir: Direction) -> Self {
        Resolver {
            references,
            dir,
            in_code_block: false,
        }
    }

    /// The event with its text as HTML (placeholders filled in) and `@/` targets as URLs;
    /// what cannot be resolved is a problem at `range`.
    pub(super) fn resolve<'a>(
        &mut self,
        mut event: Event<'a>,
        range: Range<usize>,
        problems: &mut Vec<Problem>,
    ) -> Piece<'a> {
        match event {
            Event::Start(Tag::CodeBlock(_)) => self.in_code_block = true,
            Event::End(TagEnd::CodeBlock) => self.in_code_block = false,
            Event::Text(text) if !self.in_code_block => return self.text(text, range, problems),
            _ => {}
        }
        if let Some(url) = link_target(&mut event)
            && let Some(target) = url.strip_prefix("@/")
        {
            let resolved = match self.references.link(target) {
                Ok(resolved) => resolved.into(),
                Err(why) => {
                    problems.push(Problem::new(
                        range,
                        format!("broken link `@/{target}`: {why}"),
                        "link to another page as @/page.md or @/page.md#heading-id",
                    ));
                    "#".into()
                }
            };
            *url = resolved;
        }
        Piece::new(event)
    }

    fn text<'a>(
        &self,
        text: CowStr<'a>,
        range: Range<usize>,
        problems: &mut Vec<Problem>,
    ) -> Piece<'a> {
        if next_placeholder(&text).is_none() {
            // Most text has no placeholder: its plain text is the text itself.
            let html = text_html(&text, self.dir);
            return Piece {
                event: Event::InlineHtml(html.into()),
                plain: text,
            };
        }
        let mut html = String::new();
        let mut plain = String::new();
        let mut rest: &str = &text;
        let mut consumed = 0;
        while let Some((before, id, after)) = next_placeholder(rest) {
            self.push_text(&mut html, &mut plain, before);
            let at = range.start + consumed + before.len();
            let placeholder_len = rest.len() - before.len() - after.len();
            match self.references.message(id) {
                Ok(MessageText {
                    text,
                    foreign: None,
                }) => self.push_text(&mut html, &mut plain, &text),
                Ok(MessageText {
                    text,
                    foreign: Some((lang, dir)),
                }) => {
                    html.push_str(&format!(r#"<span lang="{lang}" dir="{}">"#, dir.as_str()));
                    html.push_str(&text_html(&text, dir));
                    html.push_str("</span>");
                    plain.push_str(&text);
                }
                Err(why) => problems.push(Problem::new(
                    at..at + placeholder_len,
                    format!("`{{{{ {id} }}}}`: {why}"),
                    &placeholder_hint(id, &self.references.message_ids()),
                )),
            }
            consumed = text.len() - after.len();
            rest = after;
        }
        self.push_text(&mut html, &mut plain, rest);
        Piece {
            event: Event::InlineHtml(html.into()),
            plain: plain.into(),
        }
    }

    fn push_text(&self, html: &mut String, plain: &mut String, text: &str) {
        html.push_str(&text_html(text, self.dir));
        plain.push_str(text);
    }
}

/// Finds the next `{{ id }}` in `text`: the text before it, the id, and the text after it.
fn next_placeholder(text: &str) -> Option<(&str, &str, &str)> {
    // Most text has no `{` at all: one byte search settles it.
    memchr::memchr(b'{', text.as_bytes())?;
    let mut from = 0;
    while let Some(open) = text[from..].find("{{").map(|i| from + i) {
        let close = text[open + 2..].find("}}").map(|i| open + 2 + i)?;
        let id = text[open + 2..close].trim();
        let valid = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if valid {
            return Some((&text[..open], id, &text[close + 2..]));
        }
        from = open + 2;
    }
    None
}

/// What to write instead of a placeholder that could not be shown: the closest of the `ids`
/// there are, else one of them as an example.
fn placeholder_hint(id: &str, ids: &[String]) -> String {
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    if ids.contains(&id) {
        return "fix the message where it is defined".to_string();
    }
    match (closest(id, &ids), ids.first()) {
        (Some(meant), _) => format!("did you mean {{{{ {meant} }}}}?"),
        (None, Some(example)) => {
            format!("a placeholder names a message of the locales/ files, like {{{{ {example} }}}}")
        }
        (None, None) => {
            "a placeholder names a message of the locales/ files, which have none yet".to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{md, rtl};

    #[test]
    fn links_and_placeholders_are_resolved() {
        let (r, p) = md(
            "See [the FAQ](@/faq.md#why): {{ countdown }}, call {{phone}}.\n\n`{{ countdown }}` stays code.",
        );
        assert!(p.is_empty(), "{p:?}");
        assert!(r.html.contains("href=\"/help/en/faq/#why\""), "{}", r.html);
        assert!(
            r.html
                .contains("10 days left, call <span class=\"nowrap\">+1-800-242-8478</span>."),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("<code>{{ countdown }}</code>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn broken_references_are_located() {
        let text = "Line one.\n\nSee [x](@/nope.md) and {{ missing }}.\n";
        let (_, p) = md(text);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(&text[p[0].range.clone()], "[x](@/nope.md)");
        assert_eq!(&text[p[1].range.clone()], "{{ missing }}");
    }

    #[test]
    fn rtl_text_isolates_latin_runs_but_not_in_code() {
        let r = rtl("اتصل بـ {{ phone }} عبر WhatsApp.\n\n```\nWhatsApp\n```\n");
        assert!(
            r.html
                .contains("<bdi dir=\"ltr\" class=\"nowrap\">+1-800-242-8478</bdi>"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("<bdi dir=\"ltr\">WhatsApp</bdi>."),
            "{}",
            r.html
        );
        assert!(r.html.contains("<code>WhatsApp\n</code>"), "{}", r.html);
    }
}
