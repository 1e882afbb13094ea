//! Characters and leftovers that must not reach readers, in any text of any language.

use std::path::Path;

use crate::content::Page;
use crate::diagnostics::{Diagnostic, Location};

const BIDI_OVERRIDES: [char; 5] = ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}'];
const ISOLATE_OPENERS: [char; 3] = ['\u{2066}', '\u{2067}', '\u{2068}'];
const ISOLATE_CLOSER: char = '\u{2069}';

/// Bidi embeddings and overrides (the "Trojan source" characters), and isolates left open.
pub(super) fn check_dangerous_characters(path: &Path, text: &str, findings: &mut Vec<Diagnostic>) {
    if !has_bidi_control(text) {
        return;
    }
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

/// Whether `text` holds any of the characters above, found by their UTF-8 bytes: U+202A to
/// U+202E are E2 80 AA to AE, U+2066 to U+2069 are E2 81 A6 to A9. Scanning bytes keeps the
/// check off the profile of a build in which no text has one.
fn has_bidi_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xE2, bytes).any(|at| {
        matches!(
            bytes.get(at + 1..at + 3),
            Some([0x80, 0xAA..=0xAE] | [0x81, 0xA6..=0xA9])
        )
    })
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
    leftover_at(text).map(|(leftover, _)| leftover)
}

/// The first leftover `text` holds as a whole word, in any case, and where it starts. The
/// leftovers are ASCII, so comparing bytes without case finds them without lowercasing the text.
fn leftover_at(text: &str) -> Option<(&'static str, usize)> {
    let bytes = text.as_bytes();
    LEFTOVERS.into_iter().find_map(|leftover| {
        let needle = leftover.as_bytes();
        let first = needle[0];
        memchr::memchr2_iter(
            first.to_ascii_lowercase(),
            first.to_ascii_uppercase(),
            bytes,
        )
        .find(|&at| {
            bytes
                .get(at..at + needle.len())
                .is_some_and(|found| found.eq_ignore_ascii_case(needle))
                && !text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                && !text[at + needle.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })
        .map(|at| (leftover, at))
    })
}

pub(super) fn check_placeholders(page: &Page, findings: &mut Vec<Diagnostic>) {
    let Some((leftover, at)) = leftover_at(&page.source) else {
        return;
    };
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
    fn every_bidi_control_is_found_by_its_bytes_and_no_neighbour_is() {
        let controls = BIDI_OVERRIDES
            .into_iter()
            .chain(ISOLATE_OPENERS)
            .chain([ISOLATE_CLOSER]);
        for control in controls {
            assert!(
                has_bidi_control(&format!("ab{control}")),
                "U+{:04X}",
                control as u32
            );
        }
        // Their neighbours in the same blocks, and typographic punctuation sharing the lead byte.
        for text in [
            "\u{2029}\u{202F}\u{2065}\u{206A}",
            "“quoted” – dash…",
            "",
            "\u{E2}",
        ] {
            assert!(!has_bidi_control(text), "{text:?}");
        }
    }

    #[test]
    fn a_leftover_is_a_whole_word_in_any_case_found_where_it_stands() {
        assert_eq!(leftover_at("Çeviri: todo."), Some(("TODO", 9)));
        assert_eq!(leftover_at("مرحبا Lorem Ipsum"), Some(("lorem ipsum", 11)));
        assert_eq!(leftover_at("ÉtodoÉ fixme"), Some(("FIXME", 9)));
        assert_eq!(leftover_at("TODOS tbdx [translat"), None);
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
