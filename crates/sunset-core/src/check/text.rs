//! Characters and leftovers that must not reach readers, in any text of any language.

use std::path::Path;

use crate::content::Page;
use crate::diagnostics::{Diagnostic, Location};

const BIDI_OVERRIDES: [char; 5] = ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}'];
const ISOLATE_OPENERS: [char; 3] = ['\u{2066}', '\u{2067}', '\u{2068}'];
const ISOLATE_CLOSER: char = '\u{2069}';

/// Bidi embeddings and overrides (the "Trojan source" characters), and isolates left open.
pub(super) fn check_dangerous_characters(path: &Path, text: &str, findings: &mut Vec<Diagnostic>) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(at) = line.find(BIDI_OVERRIDES) {
            let start = offset + at;
            // Every bidi control is three bytes in UTF-8.
            findings.push(
                Diagnostic::error(format!("invisible bidi control U+{:04X} in the text", line[at..].chars().next().map_or(0, |c| c as u32)))
                    .code("bidi-control")
                    .at(Location::from_range(path, text, start..start + 3))
                    .hint("remove it: embeddings and overrides reorder text invisibly; the build isolates left-to-right runs itself"),
            );
        }
        let opened = line.matches(ISOLATE_OPENERS).count();
        let closed = line.matches(ISOLATE_CLOSER).count();
        if opened != closed {
            let at = line
                .find(ISOLATE_OPENERS)
                .or_else(|| line.find(ISOLATE_CLOSER))
                .unwrap_or(0);
            findings.push(
                Diagnostic::error(format!(
                    "{opened} bidi isolates opened and {closed} closed on this line"
                ))
                .code("bidi-isolate")
                .at(Location::from_range(
                    path,
                    text,
                    offset + at..offset + at + 3,
                ))
                .hint("remove the invisible isolate characters (U+2066 to U+2069)"),
            );
        }
        offset += line.len();
    }
}

const LEFTOVERS: [&str; 6] = ["TODO", "FIXME", "XXX", "TBD", "[translate", "lorem ipsum"];

/// Markup and leftovers in a message's text.
pub(super) fn check_text(text: &str, location: &Location, findings: &mut Vec<Diagnostic>) {
    let markup = text.char_indices().any(|(i, c)| {
        c == '<'
            && text[i + 1..].starts_with(|n: char| n.is_ascii_alphabetic() || n == '/' || n == '!')
    });
    if markup {
        findings.push(
            Diagnostic::error("markup in a translation: it is shown as text, never as HTML")
                .code("markup")
                .at(location.clone())
                .hint("write plain text; emphasis and links belong in the templates or the Markdown pages"),
        );
    }
    if let Some(leftover) = leftover_in(text) {
        findings.push(
            Diagnostic::warning(format!("the text still holds {leftover:?}"))
                .code("placeholder")
                .at(location.clone())
                .hint("finish the translation"),
        );
    }
}

pub(super) fn leftover_in(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    LEFTOVERS.into_iter().find(|leftover| {
        let needle = leftover.to_lowercase();
        lower.match_indices(&needle).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + needle.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

pub(super) fn check_placeholders(page: &Page, findings: &mut Vec<Diagnostic>) {
    let Some(leftover) = leftover_in(&page.source) else {
        return;
    };
    let at = page
        .source
        .to_lowercase()
        .find(&leftover.to_lowercase())
        .unwrap_or(0);
    findings.push(
        Diagnostic::warning(format!("the page still holds {leftover:?}"))
            .code("placeholder")
            .at(Location::from_range(
                &page.path,
                &page.source,
                at..at + leftover.len(),
            ))
            .hint("finish the translation"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dangerous(text: &str) -> Vec<(String, std::ops::Range<usize>, usize)> {
        let mut findings = Vec::new();
        check_dangerous_characters(Path::new("x.ftl"), text, &mut findings);
        findings
            .into_iter()
            .map(|d| {
                let at = d.location.unwrap();
                (d.code.unwrap_or_default().to_string(), at.span, at.line)
            })
            .collect()
    }

    #[test]
    fn a_bidi_control_is_pointed_at_exactly() {
        let text = "first line\nab \u{202E}cd \u{2067}ef\n";
        assert_eq!(
            dangerous(text),
            [
                ("bidi-control".to_string(), 3..6, 2),
                ("bidi-isolate".to_string(), 9..12, 2),
            ]
        );
        assert!(dangerous("a \u{2066}b\u{2069} c").is_empty());
    }

    #[test]
    fn markup_is_a_tag_a_closing_tag_or_a_comment_not_a_lone_angle() {
        let is_markup = |text: &str| {
            let mut findings = Vec::new();
            let at = Location::from_range(Path::new("x.ftl"), text, 0..0);
            check_text(text, &at, &mut findings);
            findings.iter().any(|d| d.code == Some("markup"))
        };
        for text in ["a <b>bold</b>", "end</p>", "<!-- note -->"] {
            assert!(is_markup(text), "{text}");
        }
        for text in ["a < b", "<3", "1 <= 2", "x <"] {
            assert!(!is_markup(text), "{text}");
        }
    }
}
