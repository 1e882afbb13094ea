//! The page as data for structured data: its sections (one per `##` heading, for an FAQ) and
//! its steps (the items of its first top-level numbered list, for a how-to).

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::{Heading, Piece, Section, collapse_whitespace};

#[derive(Default)]
pub(super) struct Outline {
    in_heading: bool,
    headings_seen: usize,
    sections: Vec<SectionText>,
    list_depth: usize,
    steps_list: StepsList,
    steps: Vec<String>,
}

/// A `##` section as found: its heading's index and its text.
struct SectionText {
    heading: usize,
    text: String,
}

#[derive(Default, PartialEq)]
enum StepsList {
    #[default]
    NotSeen,
    Open,
    Closed,
}

impl Outline {
    /// Adds the piece's plain text to the step and the section it is in.
    pub(super) fn note(&mut self, piece: &Piece) {
        match &piece.event {
            Event::Start(Tag::Heading { .. }) => self.in_heading = true,
            Event::End(TagEnd::Heading(level)) => {
                self.in_heading = false;
                // A section's text starts after its heading.
                if *level == HeadingLevel::H2 {
                    self.sections.push(SectionText {
                        heading: self.headings_seen,
                        text: String::new(),
                    });
                }
                self.headings_seen += 1;
            }
            Event::Start(Tag::List(first)) => {
                if self.list_depth == 0 && first.is_some() && self.steps_list == StepsList::NotSeen
                {
                    self.steps_list = StepsList::Open;
                }
                self.list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => {
                self.list_depth -= 1;
                if self.list_depth == 0 && self.steps_list == StepsList::Open {
                    self.steps_list = StepsList::Closed;
                }
            }
            Event::Start(Tag::Item)
                if self.steps_list == StepsList::Open && self.list_depth == 1 =>
            {
                self.steps.push(String::new());
            }
            _ => {}
        }
        if self.steps_list == StepsList::Open
            && let Some(step) = self.steps.last_mut()
        {
            step.push_str(&piece.plain);
            if matches!(piece.event, Event::End(TagEnd::Item)) {
                *step = collapse_whitespace(step);
            }
        }
        // A heading's text is its own, not its section's.
        if !self.in_heading
            && let Some(section) = self.sections.last_mut()
        {
            section.text.push_str(&piece.plain);
        }
    }

    /// The sections, given the page's headings, and the steps.
    pub(super) fn finish(self, headings: &[Heading]) -> (Vec<Section>, Vec<String>) {
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
        (sections, self.steps)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::md;

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
}
