//! Problems found in a site, as values.
//!
//! Every stage reports what is wrong with its input as [`Diagnostic`]s instead of stopping at
//! the first one, so that one run of `build` or `check` shows every problem at once. A
//! diagnostic names the file, line and column, quotes the offending line and says what to do;
//! rendering it for a terminal happens once, at the edge, in [`render`].

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    /// A hint worth a look that is not necessarily wrong; never fails a run.
    Note,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// A place in a source file: 1-based line and column (in characters), plus the text of that
/// line so the diagnostic can quote it without reading the file again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub line_text: String,
    /// Byte range of the offending text within `line_text`.
    pub span: Range<usize>,
}

impl Location {
    /// The location of `range` (byte offsets) in `source`. Offsets past the end are clamped, so
    /// a parser that points one past the last byte still gets a useful location.
    pub fn from_range(path: &Path, source: &str, range: Range<usize>) -> Location {
        let start = floor_char_boundary(source, range.start.min(source.len()));
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        let line_text = source[line_start..line_end].trim_end_matches('\r');
        let text_end = line_start + line_text.len();
        // A position on the `\r` of a CRLF line end points at the end of the line's text.
        let start_in_text = start.min(text_end);
        let end = floor_char_boundary(source, range.end.clamp(start_in_text, text_end));
        Location {
            path: path.to_path_buf(),
            line: source[..start].matches('\n').count() + 1,
            column: source[line_start..start_in_text].chars().count() + 1,
            line_text: line_text.to_string(),
            span: (start_in_text - line_start)..(end - line_start),
        }
    }

    /// The location of a 1-based line and 0-based byte column, as template engines report them.
    pub fn from_line_col(path: &Path, source: &str, line: usize, byte_col: usize) -> Location {
        let line_start: usize = source
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum();
        Location::from_range(
            path,
            source,
            line_start + byte_col..line_start + byte_col + 1,
        )
    }
}

fn floor_char_boundary(s: &str, mut index: usize) -> usize {
    while !s.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// What kind of problem it is, for tools reading `check --format json` (`missing-message`).
    pub code: Option<&'static str>,
    pub message: String,
    /// The file, when the problem is in one; a position within it when one is known.
    pub file: Option<PathBuf>,
    pub location: Option<Box<Location>>,
    /// What to do about it.
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code: None,
            message: message.into(),
            file: None,
            location: None,
            hint: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    pub fn note(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(message)
        }
    }

    pub fn code(mut self, code: &'static str) -> Diagnostic {
        self.code = Some(code);
        self
    }

    /// The language whose files the problem is in: `ar` for content/ar/… or locales/ar/….
    pub fn language(&self) -> Option<&str> {
        let mut parts = self.file.as_deref()?.components();
        let top = parts.next()?.as_os_str().to_str()?;
        if top == "content" || top == "locales" {
            parts.next()?.as_os_str().to_str()
        } else {
            None
        }
    }

    pub fn in_file(mut self, path: &Path) -> Diagnostic {
        self.file = Some(path.to_path_buf());
        self
    }

    pub fn at(mut self, location: Location) -> Diagnostic {
        self.file = Some(location.path.clone());
        self.location = Some(Box::new(location));
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// One line per diagnostic: `path:line:col: error: message`, the form editors and CI parse.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.location, &self.file) {
            (Some(loc), _) => write!(f, "{}:{}:{}: ", loc.path.display(), loc.line, loc.column)?,
            (None, Some(file)) => write!(f, "{}: ", file.display())?,
            (None, None) => {}
        }
        write!(f, "{}: {}", self.severity.as_str(), self.message)
    }
}

/// Renders diagnostics rustc-style: the message, `--> path:line:col`, the quoted line with the
/// offending part underlined, and the hint.
/// A count with its noun, for reports: "1 message is", "3 messages are".
pub fn counted(n: usize, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
}

pub fn render(diagnostics: &[Diagnostic], styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for diagnostic in diagnostics {
        let level = match diagnostic.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Note => Level::NOTE,
        };
        let title = match (&diagnostic.location, &diagnostic.file) {
            (None, Some(file)) => format!("{}: {}", file.display(), diagnostic.message),
            _ => diagnostic.message.clone(),
        };
        let mut group = Group::with_title(level.primary_title(title));
        let path_text;
        if let Some(loc) = &diagnostic.location {
            path_text = loc.path.display().to_string();
            let span = if loc.span.is_empty() {
                loc.span.start..loc.span.start
            } else {
                loc.span.clone()
            };
            group = group.element(
                Snippet::source(loc.line_text.as_str())
                    .line_start(loc.line)
                    .path(path_text.as_str())
                    .annotation(AnnotationKind::Primary.span(span)),
            );
        }
        let mut report = vec![group];
        if let Some(hint) = &diagnostic.hint {
            report.push(Group::with_title(
                Level::HELP.secondary_title(hint.as_str()),
            ));
        }
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out
}

/// The name in `names` closest to `word`, if it is close enough to be what was meant.
pub fn closest<'a>(word: &str, names: impl IntoIterator<Item = &'a &'a str>) -> Option<&'a str> {
    names
        .into_iter()
        .map(|name| (edit_distance(word, name), *name))
        .filter(|(distance, name)| *distance > 0 && *distance <= 2.max(name.len() / 3))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}

/// Levenshtein's distance between two words, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("endblok", "endblock"), 1);
        assert_eq!(edit_distance("fqa", "faq"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("é", "e"), 1);
        assert_eq!(closest("zzz", &["faq", "steps"]), None);
    }

    #[test]
    fn location_counts_lines_and_characters_not_bytes() {
        let source = "a = 1\nné = \"x\" oops\n";
        let offset = source.find("oops").unwrap();
        let loc = Location::from_range(Path::new("f.toml"), source, offset..offset + 4);
        assert_eq!((loc.line, loc.column), (2, 10));
        assert_eq!(loc.line_text, "né = \"x\" oops");
        assert_eq!(&loc.line_text[loc.span.clone()], "oops");
    }

    #[test]
    fn location_past_the_end_points_at_the_last_line() {
        let source = "x = [\n";
        let loc = Location::from_range(Path::new("f"), source, 10..12);
        assert_eq!((loc.line, loc.column), (2, 1));
    }

    #[test]
    fn a_position_on_a_crlf_line_end_is_the_end_of_the_line() {
        let loc = Location::from_range(Path::new("f"), "ab\r\ncd", 2..3);
        assert_eq!((loc.line, loc.column, loc.span), (1, 3, 2..2));
    }

    #[test]
    fn line_col_form_matches_range_form() {
        let source = "one\ntwo {{ x }}\n";
        let loc = Location::from_line_col(Path::new("t.html"), source, 2, 4);
        assert_eq!((loc.line, loc.column), (2, 5));
        assert_eq!(&loc.line_text[loc.span.clone()], "{");
    }

    #[test]
    fn display_gives_the_editor_parsable_form() {
        let loc = Location::from_range(Path::new("a/b.md"), "x\ny\n", 2..3);
        let d = Diagnostic::error("bad thing").at(loc);
        assert_eq!(d.to_string(), "a/b.md:2:1: error: bad thing");
        let rendered = render(&[d.hint("fix it")], false);
        assert!(rendered.contains("a/b.md:2:1"), "{rendered}");
        assert!(rendered.contains("help: fix it"), "{rendered}");
    }
}
