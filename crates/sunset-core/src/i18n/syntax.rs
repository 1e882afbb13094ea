//! Fluent's syntax errors as diagnostics: where the translator's slip is (the parser notices
//! some only lines later) and what to write instead.

use fluent_syntax::parser::{ErrorKind, ParserError};

use super::LocaleFile;
use crate::diagnostics::{Diagnostic, Location};

/// The diagnostic for the syntax error `error` in `file`.
pub(super) fn diagnostic(file: &LocaleFile, error: &ParserError) -> Diagnostic {
    let missing_default = matches!(error.kind, ErrorKind::MissingDefaultVariant);
    let (message, range, hint) =
        match unclosed_brace(&file.text, error).filter(|_| !missing_default) {
            Some(at) => (
                "Fluent syntax: this `{` is never closed".to_string(),
                at..at + 1,
                "close the placeable with `}` (`{ $days }`); for a brace in the \
             text itself, write `{\"{\"}`",
            ),
            None if missing_default => (
                "Fluent syntax: this select has no default variant".to_string(),
                error_position(&file.text, error),
                "mark the variant used for every other value with `*`, as in `*[other] …`",
            ),
            None => (
                format!("Fluent syntax: {}", error.kind),
                error_position(&file.text, error),
                "messages look like `id = text`; continuation lines are \
             indented; see https://projectfluent.org/fluent/guide/",
            ),
        };
    Diagnostic::error(message)
        .code("syntax")
        .at(Location::from_range(&file.path, &file.text, range))
        .hint(hint)
}

/// Where to point for a parse error that is not an unclosed brace. The parser notices some
/// mistakes only at the start of a following line, after any blank lines; the end of the
/// line the mistake is on is where the fix goes.
fn error_position(text: &str, error: &ParserError) -> std::ops::Range<usize> {
    let entry_start = error.slice.as_ref().map_or(error.pos.start, |s| s.start);
    let at = error.pos.start.min(text.len());
    if at > entry_start && text[..at].ends_with('\n') {
        let end_of_line = text[..at].trim_end().len().max(entry_start);
        return end_of_line..end_of_line;
    }
    error.pos.clone()
}

/// The offset of the `{` a parse error comes from, when the entry it is in opens a placeable
/// before the error and never closes it: the parser reports that where it gave up (often the
/// next line), the translator's slip is the brace. String literals in placeables (`{"{"}`)
/// are skipped.
fn unclosed_brace(text: &str, error: &ParserError) -> Option<usize> {
    let start = error.slice.as_ref().map_or(error.pos.start, |s| s.start);
    let end = error.pos.start.min(text.len());
    let entry = text.get(start..end)?;
    let mut open = Vec::new();
    let mut chars = entry.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' => open.push(i),
            '}' => {
                open.pop();
            }
            '"' if !open.is_empty() => {
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' | '\n' => break,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    open.last().map(|i| start + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentResource;
    use std::path::Path;
    /// The line, column and message of each syntax error in `text`.
    fn syntax_errors(text: &str) -> Vec<(usize, usize, String)> {
        let (_, errors) = FluentResource::try_new(text.to_string()).unwrap_err();
        errors
            .iter()
            .map(|error| {
                let (range, message) = match unclosed_brace(text, error) {
                    Some(at) => (at..at + 1, "unclosed".to_string()),
                    None => (error_position(text, error), error.kind.to_string()),
                };
                let location = Location::from_range(Path::new("x.ftl"), text, range);
                (location.line, location.column, message)
            })
            .collect()
    }

    #[test]
    fn an_unclosed_brace_is_found_where_it_is() {
        // At the end of a line, before a blank line: the parser gives up two lines later.
        assert_eq!(
            syntax_errors("a = A\nfaq = Sur cette page {\n\nb = B\n"),
            [(2, 22, "unclosed".to_string())]
        );
        assert_eq!(
            syntax_errors("cta = Questions { et réponses\nb = B\n"),
            [(1, 17, "unclosed".to_string())]
        );
        // A brace inside a string literal is text; the one that opens the placeable is not.
        assert_eq!(
            syntax_errors("a = { \"{\" } and { $x\n"),
            [(1, 17, "unclosed".to_string())]
        );
        let other = syntax_errors("a = A\n= B\n");
        assert_ne!(other[0].2, "unclosed", "{other:?}");
        // The innermost of two is closed: the outer one is the slip.
        assert_eq!(
            syntax_errors("a = {  { $x }\n"),
            [(1, 5, "unclosed".to_string())]
        );
        // Quotes outside a placeable are text, and do not hide the brace after them.
        assert_eq!(
            syntax_errors("a = \"x { $n\n"),
            [(1, 8, "unclosed".to_string())]
        );
        // A `}` inside a string literal, escaped quote or not, closes nothing.
        assert_eq!(
            syntax_errors("a = { \"}\" \n"),
            [(1, 5, "unclosed".to_string())]
        );
        assert_eq!(
            syntax_errors("a = { \"\\\"}\" \n"),
            [(1, 5, "unclosed".to_string())]
        );
    }

    /// Where a mistake that the parser notices only on a later line is pointed at: the end of
    /// its own line, not the start of what follows; one it notices where it is, there.
    #[test]
    fn other_syntax_errors_point_at_the_end_of_their_line() {
        let position = |text: &str| {
            let (_, errors) = FluentResource::try_new(text.to_string()).unwrap_err();
            error_position(text, &errors[0])
        };
        // No default variant: noticed at the `}` on the next line.
        assert_eq!(position("a = A\nb = { $n ->\n  [one] x\n}\n"), 27..27);
        // No value: noticed at the entry's own start, which follows a line break.
        assert_eq!(position("a = A\nb =\n\nc = C\n"), 6..11);
    }
}
