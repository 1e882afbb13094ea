//! Phase blocks: which lines of a page's body show in which states of the notice.
//!
//! A block opens with `:::` and words, and closes with `:::`. `upcoming`, `last-day` and
//! `ended` are the phases of the page's milestone (its front matter's `milestone`, else the
//! main one); `before <milestone>`, `on <milestone>` and
//! `after <milestone>` name any milestone. Words about the same milestone are alternatives,
//! words about different milestones must all hold: `::: after service-ends before
//! export-closes` shows between the two.

use std::ops::Range;

use super::Page;
use crate::clock::State;
use crate::config::Notice;
use crate::diagnostics::{Diagnostic, Location};
use crate::phase::Phase;

const BLOCK: &str = ":::";

/// One line of the body and the states it shows in.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct BodyLine {
    range: Range<usize>,
    shows: Condition,
}

/// The states a line shows in: the bits a state may have, three per milestone (see
/// [`State`]). A state matches when each of its bits is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Condition(u64);

impl Condition {
    const ALWAYS: Condition = Condition(u64::MAX);

    fn matches(self, state: State) -> bool {
        self.0 & state.0 == state.0
    }
}

/// The body as shown in one state, and where each of its lines starts in the source file.
pub struct PhaseBody {
    pub text: String,
    line_starts: Vec<(usize, usize)>,
}

impl PhaseBody {
    /// Maps a byte range of `text` back to the source file.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let index = self
            .line_starts
            .partition_point(|(in_text, _)| *in_text <= range.start)
            .saturating_sub(1);
        let (in_text, in_source) = self.line_starts.get(index).copied().unwrap_or((0, 0));
        let start = in_source + (range.start - in_text);
        start..start + range.len()
    }
}

impl Page {
    /// The Markdown of the body as it reads in `state`.
    pub fn body(&self, state: State) -> PhaseBody {
        if self
            .lines
            .iter()
            .all(|line| line.shows == Condition::ALWAYS)
        {
            return PhaseBody {
                text: self.body_source().to_string(),
                line_starts: vec![(0, self.body_start)],
            };
        }
        let mut text = String::new();
        let mut line_starts = Vec::new();
        for line in &self.lines {
            if line.shows.matches(state) {
                line_starts.push((text.len(), line.range.start));
                text.push_str(&self.source[line.range.clone()]);
            }
        }
        PhaseBody { text, line_starts }
    }
}

/// The words of a block's opening line as a condition, or what is wrong with them. A bare
/// phase (`upcoming`) is about milestone `bare`.
fn condition(notice: &Notice, bare: usize, words: &[&str]) -> Result<Condition, String> {
    let mut allowed = vec![0u64; notice.milestones.len()];
    let mut words = words.iter();
    while let Some(word) = words.next() {
        let (milestone, phase) = if let Some(phase) = Phase::from_name(word) {
            (bare, phase)
        } else if let Some(phase) = Phase::from_word(word) {
            let Some(name) = words.next() else {
                return Err(format!("`{word}` needs the name of a milestone after it"));
            };
            match notice.milestone(name) {
                Some(index) => (index, phase),
                None => return Err(format!("there is no milestone `{name}`")),
            }
        } else {
            return Err(format!("`{word}` is not a phase"));
        };
        allowed[milestone] |= State::bit(milestone, phase);
    }
    Ok(Condition(allowed.iter().enumerate().fold(
        u64::MAX,
        |condition, (milestone, bits)| {
            if *bits == 0 {
                condition
            } else {
                condition & !(State::GROUP << (3 * milestone)) | bits
            }
        },
    )))
}

/// What a block's opening line may say, for hints.
fn block_words(notice: &Notice) -> String {
    let mut hint = String::from("phases are upcoming, last-day and ended");
    if notice.has_several_milestones() {
        let names: Vec<&str> = notice.milestones.iter().map(|m| m.name.as_str()).collect();
        hint.push_str(&format!(
            ", or before, on or after a milestone ({})",
            names.join(", ")
        ));
    }
    hint
}

/// Splits the body into lines, each with the states it shows in; bare phases are about
/// milestone `bare`.
pub(super) fn phase_lines(
    notice: &Notice,
    bare: usize,
    source: &str,
    body_start: usize,
    at: &impl Fn(Range<usize>) -> Location,
    problems: &mut Vec<Diagnostic>,
) -> Vec<BodyLine> {
    let mut lines = Vec::new();
    let mut open: Option<(Range<usize>, Condition)> = None;
    let mut offset = body_start;
    for line in source[body_start..].split_inclusive('\n') {
        let range = offset..offset + line.len();
        offset += line.len();
        let Some(rest) = line.trim().strip_prefix(BLOCK) else {
            lines.push(BodyLine {
                range,
                shows: open.as_ref().map_or(Condition::ALWAYS, |(_, shows)| *shows),
            });
            continue;
        };
        let words: Vec<&str> = rest.split_whitespace().collect();
        let fence = range.start..range.start + line.trim_end().len();
        match (&open, words.is_empty()) {
            (Some(_), true) => open = None,
            (None, true) => problems.push(
                Diagnostic::error("`:::` closes a phase block that was never opened")
                    .at(at(fence))
                    .hint("open a block with `::: upcoming`, `::: last-day` or `::: ended`"),
            ),
            (Some((opened, _)), false) => problems.push(
                Diagnostic::error("phase blocks cannot be nested")
                    .at(at(fence))
                    .hint(format!(
                        "close the block opened on line {} with `:::` first",
                        at(opened.clone()).line
                    )),
            ),
            (None, false) => {
                let shows = condition(notice, bare, &words).unwrap_or_else(|why| {
                    problems.push(
                        Diagnostic::error(format!("unknown phase in `{}`: {why}", line.trim()))
                            .at(at(fence.clone()))
                            .hint(block_words(notice)),
                    );
                    Condition(0)
                });
                // A block with a mistake still opens, so its `:::` closes it without a
                // second, misleading error.
                open = Some((fence, shows));
            }
        }
    }
    if let Some((opened, _)) = open {
        problems.push(
            Diagnostic::error("this phase block is never closed")
                .at(at(opened))
                .hint("end it with a line `:::`"),
        );
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Milestone, Notice};
    use chrono::NaiveDate;

    /// `service-ends` (main), `export-closes`, `data-deleted`.
    fn notice() -> Notice {
        let milestone = |name: &str, day: u32| Milestone {
            name: name.into(),
            date: NaiveDate::from_ymd_opt(2026, 4, day).unwrap(),
            time_zone: chrono_tz::UTC,
            at: None,
            remind: false,
            reader_day: true,
        };
        Notice {
            time_zone: chrono_tz::UTC,
            milestones: vec![
                milestone("service-ends", 10),
                milestone("export-closes", 20),
                milestone("data-deleted", 30),
            ],
            main: 0,
        }
    }

    fn state(phases: [Phase; 3]) -> State {
        State(
            phases
                .iter()
                .enumerate()
                .fold(0, |bits, (m, p)| bits | State::bit(m, *p)),
        )
    }

    fn shows(words: &str, phases: [Phase; 3]) -> bool {
        shows_on_page_about(0, words, phases)
    }

    fn shows_on_page_about(milestone: usize, words: &str, phases: [Phase; 3]) -> bool {
        let words: Vec<&str> = words.split_whitespace().collect();
        condition(&notice(), milestone, &words)
            .unwrap()
            .matches(state(phases))
    }

    #[test]
    fn block_words_name_milestones_and_combine() {
        use Phase::*;
        assert!(shows("ended", [Ended, Upcoming, Upcoming]));
        assert!(!shows("ended", [LastDay, Upcoming, Upcoming]));
        assert!(shows("after service-ends", [Ended, Ended, Upcoming]));
        // Words about different milestones must all hold.
        let between = "after service-ends before export-closes";
        assert!(shows(between, [Ended, Upcoming, Upcoming]));
        assert!(!shows(between, [Ended, LastDay, Upcoming]));
        assert!(!shows(between, [Upcoming, Upcoming, Upcoming]));
        // Words about the same milestone are alternatives.
        let until = "before export-closes on export-closes";
        assert!(shows(until, [Ended, LastDay, Upcoming]));
        assert!(shows(until, [Upcoming, Upcoming, Upcoming]));
        assert!(!shows(until, [Ended, Ended, Upcoming]));
        assert!(shows("ended on data-deleted", [Ended, Ended, LastDay]));
        assert!(!shows("upcoming on data-deleted", [Ended, Ended, LastDay]));
    }

    #[test]
    fn bare_phases_are_about_the_page_s_milestone() {
        use Phase::*;
        // On a page about export-closes, `ended` waits for the exports, not the service.
        assert!(!shows_on_page_about(
            1,
            "ended",
            [Ended, Upcoming, Upcoming]
        ));
        assert!(shows_on_page_about(1, "ended", [Ended, Ended, Upcoming]));
        assert!(shows_on_page_about(
            1,
            "last-day",
            [Ended, LastDay, Upcoming]
        ));
        // Named words still name their own milestone.
        assert!(shows_on_page_about(
            1,
            "ended after service-ends",
            [Ended, Ended, Upcoming]
        ));
        assert!(!shows_on_page_about(
            1,
            "upcoming on service-ends",
            [LastDay, LastDay, Upcoming]
        ));
    }

    #[test]
    fn block_word_mistakes_say_what_is_wrong() {
        let why = |words: &str| {
            let words: Vec<&str> = words.split_whitespace().collect();
            condition(&notice(), 0, &words).unwrap_err()
        };
        assert_eq!(why("someday"), "`someday` is not a phase");
        assert_eq!(
            why("after"),
            "`after` needs the name of a milestone after it"
        );
        assert_eq!(why("before exports"), "there is no milestone `exports`");
        assert!(block_words(&notice()).contains("service-ends, export-closes, data-deleted"));
    }
}
