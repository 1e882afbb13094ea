//! Markdown to HTML, safely, with the structure later stages need.
//!
//! On top of pulldown-cmark this adds what a notice site needs and Markdown lacks:
//! - raw HTML is shown as text unless the site opts in, and links may only use http(s),
//!   mailto and tel (or be relative), so no translator can inject script;
//! - every heading gets a stable id for deep links: `{#id}` when the author gave one, else a
//!   Unicode-aware slug, made unique within the page;
//! - `@/faq.md#why` links to another page of the same language and `{{ message-id }}` inserts a
//!   translation (a countdown, a date), both resolved by the caller;
//! - text in right-to-left pages has its left-to-right runs isolated (see `bidi`);
//! - the page is also returned as sections (one per `##` heading, for an FAQ) and steps (the
//!   items of its first numbered list, for a how-to), so structured data comes from the
//!   content itself.
//!
//! Each parser event goes through one step per concern, in this order: `safety`,
//! `references` (text to HTML, placeholders and `@/` links), `outline` (sections and steps),
//! `headings` (ids; a heading's events wait for its end), `offsets` (where each heading's
//! HTML lands) and `tables` (cells aligned by class, never by a `style` attribute). The HTML
//! writer pulls events one at a time, so memory follows the size of the output, not the number
//! of events. Problems carry the byte range of the text given to
//! [`render`]; the caller maps it back to its file.

mod headings;
mod offsets;
mod outline;
mod references;
mod safety;
mod tables;

use std::cell::Cell;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, TextMergeWithOffset, html};

use crate::config::Direction;
use headings::Headings;
pub use headings::slugify;
use offsets::{CountingWriter, HeadingSpans};
use outline::Outline;
use references::Resolver;
pub use references::{MessageText, References};
use safety::Safety;
use tables::Tables;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    pub dir: Direction,
    pub raw_html: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
    /// The heading's content as HTML, for a table of contents.
    pub html: String,
}

/// A `##` heading and what follows it up to the next one: for a table of contents and for
/// structured data (the page's HTML already holds the sections, with their ids).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub title_html: String,
    /// The section's text without markup.
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub sections: Vec<Section>,
    /// Plain text of each item of the first top-level numbered list.
    pub steps: Vec<String>,
}

/// A problem in the Markdown, at a byte range of the rendered text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub range: Range<usize>,
    pub message: String,
    pub hint: String,
}

impl Problem {
    fn new(range: Range<usize>, message: String, hint: &str) -> Self {
        Problem {
            range,
            message,
            hint: hint.to_string(),
        }
    }
}

pub fn render(
    text: &str,
    options: &RenderOptions,
    references: &dyn References,
) -> (Rendered, Vec<Problem>) {
    let mut parser_options = Options::empty();
    parser_options.insert(Options::ENABLE_TABLES);
    parser_options.insert(Options::ENABLE_FOOTNOTES);
    parser_options.insert(Options::ENABLE_STRIKETHROUGH);
    parser_options.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    let parser = Parser::new_ext(text, parser_options).into_offset_iter();
    let written = Cell::new(0);
    let mut steps = Steps {
        events: TextMergeWithOffset::new(parser),
        safety: Safety::new(options.raw_html),
        resolver: Resolver::new(references, options.dir),
        outline: Outline::default(),
        headings: Headings::default(),
        heading_spans: HeadingSpans::new(&written),
        tables: Tables::default(),
        problems: Vec::new(),
    };
    let mut html_out = String::with_capacity(text.len() * 3 / 2);
    // Writing into a String cannot fail.
    let _ = html::write_html_fmt(CountingWriter::new(&mut html_out, &written), &mut steps);
    steps.finish(html_out)
}

/// An event on its way to the writer, with the text it adds to the page's plain text (the
/// text of headings, sections and steps).
struct Piece<'a> {
    event: Event<'a>,
    plain: CowStr<'a>,
}

impl<'a> Piece<'a> {
    /// An event whose plain text follows from the event itself.
    fn new(event: Event<'a>) -> Self {
        let plain = match &event {
            Event::Text(text) | Event::Code(text) => text.clone(),
            // Breaks and block ends separate words.
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => " ".into(),
            _ => "".into(),
        };
        Piece { event, plain }
    }
}

/// The target of a link or an image, which both safety and references may rewrite.
fn link_target<'e, 'a>(event: &'e mut Event<'a>) -> Option<&'e mut CowStr<'a>> {
    match event {
        Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => Some(dest_url),
        _ => None,
    }
}

/// The steps, in order, as the iterator the HTML writer pulls from.
struct Steps<'a, 'r, I> {
    events: I,
    safety: Safety,
    resolver: Resolver<'r>,
    outline: Outline,
    headings: Headings<'a>,
    heading_spans: HeadingSpans<'r>,
    tables: Tables,
    problems: Vec<Problem>,
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Iterator for Steps<'a, '_, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        self.heading_spans.writer_caught_up();
        loop {
            if let Some(event) = self.headings.next_ready() {
                self.heading_spans.before_writing(&event);
                return Some(self.tables.write(event));
            }
            let (event, range) = self.events.next()?;
            let event = self.safety.guard(event, &range, &mut self.problems);
            let piece = self.resolver.resolve(event, range, &mut self.problems);
            self.outline.note(&piece);
            self.headings.take(piece);
        }
    }
}

impl<I> Steps<'_, '_, I> {
    fn finish(self, html_out: String) -> (Rendered, Vec<Problem>) {
        let mut headings = self.headings.into_found();
        for (heading, span) in headings.iter_mut().zip(self.heading_spans.into_spans()) {
            heading.html = html_out.get(span).unwrap_or_default().to_string();
        }
        let (sections, steps) = self.outline.finish(&headings);
        let rendered = Rendered {
            html: html_out,
            headings,
            sections,
            steps,
        };
        (rendered, self.problems)
    }
}

/// Joins runs of spaces, tabs and line breaks into one space. No-break spaces are typography
/// (French puts them before `:` and `?`), so they stay.
fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut push_word = |word: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    };
    // Whitespace is ASCII, so every index next to it is a character boundary.
    let mut word_start = None;
    for (at, byte) in text.bytes().enumerate() {
        match (byte.is_ascii_whitespace(), word_start) {
            (true, Some(start)) => {
                push_word(&text[start..at]);
                word_start = None;
            }
            (false, None) => word_start = Some(at),
            _ => {}
        }
    }
    if let Some(start) = word_start {
        push_word(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Refs;
    impl References for Refs {
        fn link(&self, target: &str) -> Result<String, String> {
            match target {
                "faq.md" => Ok("/help/en/faq/".into()),
                t if t.starts_with("faq.md#") => Ok(format!("/help/en/faq/{}", &t[6..])),
                _ => Err("no such page".into()),
            }
        }
        fn message(&self, id: &str) -> Result<MessageText, String> {
            let text = match id {
                "countdown" => "10 days left",
                "phone" => "+1-800-242-8478",
                _ => return Err("unknown message".into()),
            };
            Ok(MessageText {
                text: text.into(),
                foreign: None,
            })
        }
        fn message_ids(&self) -> Vec<String> {
            vec!["countdown".into(), "phone".into()]
        }
    }

    /// A left-to-right page, raw HTML off unless `raw_html`.
    pub(super) fn md_with(text: &str, raw_html: bool) -> (Rendered, Vec<Problem>) {
        render(
            text,
            &RenderOptions {
                dir: Direction::Ltr,
                raw_html,
            },
            &Refs,
        )
    }

    pub(super) fn md(text: &str) -> (Rendered, Vec<Problem>) {
        md_with(text, false)
    }

    pub(super) fn rtl(text: &str) -> Rendered {
        render(
            text,
            &RenderOptions {
                dir: Direction::Rtl,
                raw_html: false,
            },
            &Refs,
        )
        .0
    }

    #[test]
    fn no_break_spaces_survive_in_headings_and_sections() {
        let (r, _) = md("## Pourquoi\u{202f}? {#why}\n\nRéponse\u{a0}: oui.\n");
        assert_eq!(r.headings[0].text, "Pourquoi\u{202f}?");
        assert_eq!(r.sections[0].text, "Réponse\u{a0}: oui.");
    }

    #[test]
    fn tables_and_footnotes_render() {
        let (r, _) = md("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: Note.\n");
        assert!(r.html.contains("<table>"), "{}", r.html);
        assert!(r.html.contains("footnote-definition"), "{}", r.html);
    }

    /// A `style` attribute would be blocked by the site's Content-Security-Policy.
    #[test]
    fn aligned_cells_get_a_class_and_no_style() {
        let (r, _) = md("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n| **5** |\n");
        assert_eq!(
            r.html,
            "<table><thead><tr><th class=\"align-start\">a</th><th class=\"align-center\">b</th>\
             <th class=\"align-end\">c</th><th>d</th></tr></thead><tbody>\n\
             <tr><td class=\"align-start\">1</td><td class=\"align-center\">2</td>\
             <td class=\"align-end\">3</td><td>4</td></tr>\n\
             <tr><td class=\"align-start\"><strong>5</strong></td><td class=\"align-center\"></td>\
             <td class=\"align-end\"></td><td></td></tr>\n</tbody></table>\n"
        );
    }
}
