//! Heading ids for deep links: `{#id}` when the author gave one, else a slug of the heading's
//! text, made unique within the page.

use std::collections::{HashMap, HashSet, VecDeque};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::{Heading, Piece, collapse_whitespace};

/// Passes events on in order, holding back a heading's until its end, when its id is known.
#[derive(Default)]
pub(super) struct Headings<'a> {
    open: Option<OpenHeading<'a>>,
    ready: VecDeque<Event<'a>>,
    ids: UniqueIds,
    found: Vec<Heading>,
}

/// A heading whose start tag waits for its id.
struct OpenHeading<'a> {
    level: HeadingLevel,
    explicit_id: Option<CowStr<'a>>,
    classes: Vec<CowStr<'a>>,
    attrs: Vec<(CowStr<'a>, Option<CowStr<'a>>)>,
    text: String,
    events: Vec<Event<'a>>,
}

impl<'a> Headings<'a> {
    /// Queues the event for the writer, or holds it back while a heading is open.
    pub(super) fn take(&mut self, piece: Piece<'a>) {
        match piece.event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                self.open = Some(OpenHeading {
                    level,
                    explicit_id: id,
                    classes,
                    attrs,
                    text: String::new(),
                    events: Vec::new(),
                });
            }
            Event::End(end @ TagEnd::Heading(_)) => self.close(end),
            event => match &mut self.open {
                Some(heading) => {
                    heading.text.push_str(&piece.plain);
                    heading.events.push(event);
                }
                None => self.ready.push_back(event),
            },
        }
    }

    /// The next event the writer may have.
    pub(super) fn next_ready(&mut self) -> Option<Event<'a>> {
        self.ready.pop_front()
    }

    /// The page's headings, in order; their HTML is left for the caller to fill in.
    pub(super) fn into_found(self) -> Vec<Heading> {
        self.found
    }

    /// Gives the open heading its id and passes its events on.
    fn close(&mut self, end: TagEnd) {
        let Some(heading) = self.open.take() else {
            return;
        };
        let text = collapse_whitespace(&heading.text);
        let base = match heading.explicit_id {
            Some(id) => id.to_string(),
            None => slugify(&text),
        };
        let id = self.ids.claim(base);
        self.ready.push_back(Event::Start(Tag::Heading {
            level: heading.level,
            id: Some(CowStr::from(id.clone())),
            classes: heading.classes,
            attrs: heading.attrs,
        }));
        self.ready.extend(heading.events);
        self.ready.push_back(Event::End(end));
        self.found.push(Heading {
            level: heading.level as u8,
            id,
            text,
            html: String::new(),
        });
    }
}

/// The ids given so far, and for each base the last suffix tried.
#[derive(Default)]
struct UniqueIds {
    used: HashSet<String>,
    next_suffix: HashMap<String, usize>,
}

impl UniqueIds {
    /// `base`, or `base-1`, `base-2` … when it is taken.
    fn claim(&mut self, base: String) -> String {
        // Counting per base keeps a page with thousands of equal headings linear.
        let mut id = base.clone();
        while !self.used.insert(id.clone()) {
            let n = self.next_suffix.entry(base.clone()).or_insert(0);
            *n += 1;
            id = format!("{base}-{n}");
        }
        id
    }
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

#[cfg(test)]
mod tests {
    use super::super::tests::{md, rtl};

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
}
