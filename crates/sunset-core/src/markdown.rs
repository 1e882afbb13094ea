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

use std::cell::Cell;
use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt;
use std::ops::Range;
use std::rc::Rc;

use pulldown_cmark::{
    CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeWithOffset, html,
};

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

const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

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
    let written = Rc::new(Cell::new(0));
    let mut pass = Pass {
        source: TextMergeWithOffset::new(parser),
        options,
        references,
        written: written.clone(),
        ready: VecDeque::new(),
        heading: None,
        content_starts: None,
        problems: Vec::new(),
        used_ids: HashSet::new(),
        next_suffix: HashMap::new(),
        headings: Vec::new(),
        sections: Vec::new(),
        in_code_block: false,
        list_depth: 0,
        steps_list: StepsList::NotSeen,
        steps: Vec::new(),
    };
    let mut html_out = String::with_capacity(text.len() * 3 / 2);
    let writer = CountingWriter {
        out: &mut html_out,
        written,
    };
    // Writing into a String cannot fail.
    let _ = html::write_html_fmt(writer, &mut pass);
    pass.finish(html_out)
}

/// Writes the HTML and publishes how much has been written, so that the pass can tell where
/// each heading and section starts in the output while it feeds the writer.
struct CountingWriter<'o> {
    out: &'o mut String,
    written: Rc<Cell<usize>>,
}

impl fmt::Write for CountingWriter<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.out.push_str(text);
        self.written.set(self.out.len());
        Ok(())
    }
}

#[derive(PartialEq)]
enum StepsList {
    NotSeen,
    Open,
    Closed,
}

/// A heading whose events are held back until its end, when its id is known.
struct OpenHeading<'a> {
    level: HeadingLevel,
    explicit_id: Option<String>,
    text: String,
    events: Vec<Event<'a>>,
}

/// A heading as found, with the byte range of its content in the output.
struct HeadingSpan {
    heading: Heading,
    inner: Range<usize>,
}

/// A `##` section as found: its heading and its text.
struct SectionSpan {
    heading: usize,
    text: String,
}

/// What to note when an event is handed to the writer.
enum Mark {
    HeadingStart(usize),
    HeadingEnd(usize),
}

/// The event pass, an iterator the HTML writer pulls from: it transforms each parser event,
/// holding back only the events of an open heading. Nothing else is stored, so memory follows
/// the size of the output, not the number of events.
struct Pass<'a, 'r, I> {
    source: I,
    options: &'r RenderOptions,
    references: &'r dyn References,
    written: Rc<Cell<usize>>,
    ready: VecDeque<(Event<'a>, Option<Mark>)>,
    heading: Option<OpenHeading<'a>>,
    /// A heading whose content starts where the writer is after the last event handed out.
    content_starts: Option<usize>,
    problems: Vec<Problem>,
    used_ids: HashSet<String>,
    next_suffix: HashMap<String, usize>,
    headings: Vec<HeadingSpan>,
    sections: Vec<SectionSpan>,
    in_code_block: bool,
    list_depth: usize,
    steps_list: StepsList,
    steps: Vec<String>,
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Iterator for Pass<'a, '_, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        self.settle();
        loop {
            if let Some((event, mark)) = self.ready.pop_front() {
                self.on_write(mark);
                return Some(event);
            }
            let (event, range) = self.source.next()?;
            self.event(event, range);
        }
    }
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Pass<'a, '_, I> {
    /// Records the position the writer has reached after the event handed to it last.
    fn settle(&mut self) {
        if let Some(heading) = self.content_starts.take() {
            self.headings[heading].inner.start = self.written.get();
        }
    }

    fn on_write(&mut self, mark: Option<Mark>) {
        match mark {
            Some(Mark::HeadingStart(heading)) => self.content_starts = Some(heading),
            Some(Mark::HeadingEnd(heading)) => {
                self.headings[heading].inner.end = self.written.get()
            }
            None => {}
        }
    }

    fn finish(mut self, html_out: String) -> (Rendered, Vec<Problem>) {
        self.settle();
        let slice =
            |range: &Range<usize>| html_out.get(range.clone()).unwrap_or_default().to_string();
        let headings: Vec<Heading> = self
            .headings
            .iter()
            .map(|span| Heading {
                html: slice(&span.inner),
                ..span.heading.clone()
            })
            .collect();
        let sections = self
            .sections
            .iter()
            .map(|section| {
                let heading = &headings[section.heading];
                Section {
                    id: heading.id.clone(),
                    title: heading.text.clone(),
                    title_html: heading.html.clone(),
                    text: collapse_whitespace(&section.text),
                }
            })
            .collect();
        let rendered = Rendered {
            html: html_out,
            headings,
            sections,
            steps: self.steps,
        };
        (rendered, self.problems)
    }

    /// Hands a transformed event on, held back while a heading is open.
    fn emit(&mut self, event: Event<'a>, plain: &str) {
        if self.steps_list == StepsList::Open
            && self.list_depth >= 1
            && let Some(step) = self.steps.last_mut()
        {
            step.push_str(plain);
        }
        match &mut self.heading {
            Some(heading) => {
                heading.text.push_str(plain);
                heading.events.push(event);
            }
            None => {
                if let Some(section) = self.sections.last_mut() {
                    section.text.push_str(plain);
                }
                self.ready.push_back((event, None));
            }
        }
    }

    fn problem(&mut self, range: Range<usize>, message: String, hint: &str) {
        self.problems.push(Problem {
            range,
            message,
            hint: hint.to_string(),
        });
    }

    fn event(&mut self, event: Event<'a>, range: Range<usize>) {
        match event {
            Event::Text(text) if self.in_code_block => {
                let plain = text.to_string();
                self.emit(Event::Text(text), &plain);
            }
            Event::Text(text) => self.text(&text, range),
            Event::Html(raw) | Event::InlineHtml(raw) if !self.options.raw_html => {
                self.text(&raw, range)
            }
            Event::Code(code) => {
                let plain = code.to_string();
                self.emit(Event::Code(code), &plain);
            }
            Event::SoftBreak | Event::HardBreak => self.emit(event, " "),
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            other => self.emit(other, ""),
        }
    }

    fn text(&mut self, text: &str, range: Range<usize>) {
        let mut html = String::new();
        let mut plain = String::new();
        let mut rest = text;
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
                Err(why) => {
                    let hint = placeholder_hint(id, &self.references.message_ids());
                    self.problem(
                        at..at + placeholder_len,
                        format!("`{{{{ {id} }}}}`: {why}"),
                        &hint,
                    )
                }
            }
            consumed = text.len() - after.len();
            rest = after;
        }
        self.push_text(&mut html, &mut plain, rest);
        self.emit(Event::InlineHtml(html.into()), &plain);
    }

    fn push_text(&self, html: &mut String, plain: &mut String, text: &str) {
        html.push_str(&text_html(text, self.options.dir));
        plain.push_str(text);
    }

    fn start(&mut self, tag: Tag<'a>, range: Range<usize>) {
        let tag = match tag {
            Tag::Heading {
                level,
                id,
                classes,
                attrs,
            } => {
                self.heading = Some(OpenHeading {
                    level,
                    explicit_id: id.map(|id| id.to_string()),
                    text: String::new(),
                    events: Vec::new(),
                });
                Tag::Heading {
                    level,
                    id: None,
                    classes,
                    attrs,
                }
            }
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            } => Tag::Link {
                link_type,
                dest_url: self.checked_url(dest_url, range),
                title,
                id,
            },
            Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            } => Tag::Image {
                link_type,
                dest_url: self.checked_url(dest_url, range),
                title,
                id,
            },
            Tag::CodeBlock(kind) => {
                self.in_code_block = true;
                Tag::CodeBlock(kind)
            }
            Tag::HtmlBlock if !self.options.raw_html => Tag::Paragraph,
            Tag::List(first) => {
                if self.list_depth == 0 && first.is_some() && self.steps_list == StepsList::NotSeen
                {
                    self.steps_list = StepsList::Open;
                }
                self.list_depth += 1;
                Tag::List(first)
            }
            Tag::Item => {
                if self.steps_list == StepsList::Open && self.list_depth == 1 {
                    self.steps.push(String::new());
                }
                Tag::Item
            }
            other => other,
        };
        self.emit(Event::Start(tag), "");
    }

    fn end(&mut self, tag: TagEnd) {
        let tag = match tag {
            TagEnd::CodeBlock => {
                self.in_code_block = false;
                TagEnd::CodeBlock
            }
            TagEnd::HtmlBlock if !self.options.raw_html => TagEnd::Paragraph,
            TagEnd::List(ordered) => {
                self.list_depth -= 1;
                if self.list_depth == 0 && self.steps_list == StepsList::Open {
                    self.steps_list = StepsList::Closed;
                }
                TagEnd::List(ordered)
            }
            other => other,
        };
        if let TagEnd::Heading(_) = tag {
            return self.close_heading(tag);
        }
        let plain = match tag {
            TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell => " ",
            _ => "",
        };
        self.emit(Event::End(tag), plain);
        if self.steps_list != StepsList::NotSeen
            && let Some(step) = self.steps.last_mut()
            && matches!(tag, TagEnd::Item)
        {
            *step = collapse_whitespace(step);
        }
    }

    /// Gives the heading its id and hands its events on.
    fn close_heading(&mut self, end: TagEnd) {
        let Some(mut heading) = self.heading.take() else {
            return;
        };
        let text = collapse_whitespace(&heading.text);
        let base = heading
            .explicit_id
            .clone()
            .unwrap_or_else(|| slugify(&text));
        // Counting per base keeps a page with thousands of equal headings linear.
        let mut id = base.clone();
        while !self.used_ids.insert(id.clone()) {
            let n = self.next_suffix.entry(base.clone()).or_insert(0);
            *n += 1;
            id = format!("{base}-{n}");
        }
        let mut events = heading.events.drain(..);
        let Some(Event::Start(Tag::Heading {
            level,
            classes,
            attrs,
            ..
        })) = events.next()
        else {
            return;
        };
        let index = self.headings.len();
        if heading.level == HeadingLevel::H2 {
            self.sections.push(SectionSpan {
                heading: index,
                text: String::new(),
            });
        }
        let start = Tag::Heading {
            level,
            id: Some(CowStr::from(id.clone())),
            classes,
            attrs,
        };
        self.ready
            .push_back((Event::Start(start), Some(Mark::HeadingStart(index))));
        self.ready.extend(events.map(|event| (event, None)));
        self.ready
            .push_back((Event::End(end), Some(Mark::HeadingEnd(index))));
        self.headings.push(HeadingSpan {
            heading: Heading {
                level: heading.level as u8,
                id,
                text,
                html: String::new(),
            },
            inner: 0..0,
        });
    }

    fn checked_url(&mut self, url: CowStr<'a>, range: Range<usize>) -> CowStr<'a> {
        if let Some(target) = url.strip_prefix("@/") {
            return match self.references.link(target) {
                Ok(resolved) => resolved.into(),
                Err(why) => {
                    self.problem(
                        range,
                        format!("broken link `@/{target}`: {why}"),
                        "link to another page as @/page.md or @/page.md#heading-id",
                    );
                    "#".into()
                }
            };
        }
        match disallowed_scheme(&url) {
            None => url,
            Some(scheme) => {
                self.problem(
                    range,
                    format!("link with the scheme `{scheme}:` is not allowed"),
                    "links may use http, https, mailto or tel, or be relative",
                );
                "#".into()
            }
        }
    }
}

/// Finds the next `{{ id }}` in `text`: the text before it, the id, and the text after it.
fn next_placeholder(text: &str) -> Option<(&str, &str, &str)> {
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

/// A heading id from its text: lower case, letters and digits of any script kept, spaces and
/// dashes joined into single dashes, everything else dropped.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || is_mark(c) {
            slug.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '_') && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        "section".to_string()
    } else {
        slug.to_string()
    }
}

/// Combining marks (Arabic vowel marks, accents written apart) belong to their letter.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670)
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

/// Joins runs of spaces, tabs and line breaks into one space. No-break spaces are typography
/// (French puts them before `:` and `?`), so they stay.
fn collapse_whitespace(text: &str) -> String {
    text.split(|c: char| c.is_ascii_whitespace())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
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

    fn md(text: &str) -> (Rendered, Vec<Problem>) {
        render(
            text,
            &RenderOptions {
                dir: Direction::Ltr,
                raw_html: false,
            },
            &Refs,
        )
    }

    fn rtl(text: &str) -> Rendered {
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
    fn raw_html_is_text_unless_allowed() {
        let (r, p) = md("<script>alert(1)</script>\n\nHi <b onclick=\"x()\">there</b>\n");
        assert!(p.is_empty());
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("<b "), "{}", r.html);
        assert!(r.html.contains("&lt;script&gt;"), "{}", r.html);
        let allowed = render(
            "Hi <b>x</b>\n",
            &RenderOptions {
                dir: Direction::Ltr,
                raw_html: true,
            },
            &Refs,
        )
        .0;
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

    #[test]
    fn heading_ids_explicit_slugged_and_unique() {
        let (r, _) = md(
            "## Why is it ending? {#why}\n\n## Où est l’été ?\n\n## Où est l’été ?\n\n## لماذا؟\n",
        );
        let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["why", "où-est-lété", "où-est-lété-1", "لماذا"]);
        assert!(
            r.html.contains("<h2 id=\"why\">Why is it ending?</h2>"),
            "{}",
            r.html
        );
        let r = rtl("## ما هو الرقم 1-800-ChatGPT؟ {#number}\n");
        assert_eq!(
            r.headings[0].html,
            "ما هو الرقم <bdi dir=\"ltr\" class=\"nowrap\">1-800-ChatGPT</bdi>؟"
        );
    }

    #[test]
    fn sections_and_steps_come_from_the_content() {
        let (r, _) = md(
            "Intro.\n\n## Q one {#one}\n\nAnswer *one*.\n\n## Q two\n\n1. Open it.\n2. Sign\n   in.\n\n3. Done.\n\n- not a step\n",
        );
        assert_eq!(r.sections.len(), 2);
        assert_eq!(r.sections[0].id, "one");
        assert_eq!(r.sections[0].text, "Answer one.");
        assert_eq!(r.sections[1].title_html, "Q two");
        assert_eq!(r.steps, ["Open it.", "Sign in.", "Done."]);
    }

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
}
