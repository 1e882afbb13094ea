//! `[[updates]]`: what changed in the notice, and when, as readers and apps follow it (the
//! notice page's list, each language's feed, the reminders of a moved milestone).
//!
//! Each update has an `id` that names it for good (its message, `update-<id>`, and its feed
//! entries' ids), a `date` (a day, or an instant), a `kind`, and for a moved milestone the
//! dates it moved `from` and `to`. The moves of a milestone must chain up to its current date
//! in `[notice]`, so that the history and the notice never disagree.

use std::ops::Range;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::notice::{self, Milestone, Notice};
use crate::diagnostics::{Diagnostic, Location, closest};

/// What an update's message is called: `update-<id>`.
pub const UPDATE_MESSAGE_PREFIX: &str = "update-";

/// The kinds of update, as site.toml writes them.
pub const UPDATE_KINDS: [&str; 4] = ["announcement", "moved", "content", "correction"];

/// One recorded change of the notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    /// Lowercase letters, digits and hyphens: its message is `update-<id>`, and its feed
    /// entries' ids end with it, so it never changes once published.
    pub id: String,
    /// Its day, in the notice's zone for an instant.
    pub date: NaiveDate,
    /// The instant it was made, where site.toml gives one; otherwise the start of `date` in
    /// the notice's zone.
    pub at: Option<DateTime<Utc>>,
    pub kind: UpdateKind,
    /// The key of the page it is about (`faq`), when it is not the notice itself.
    pub page: Option<String>,
    /// Where site.toml writes it, for findings about it.
    pub places: UpdatePlaces,
}

/// Where site.toml writes an update's `id`, `date` and `page`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdatePlaces {
    pub id: Location,
    pub date: Location,
    pub page: Option<Location>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpdateKind {
    /// The end was made public: usually the first update.
    Announcement,
    /// A milestone moved to another day or instant.
    Moved(Move),
    /// Content was added or changed (a new step, a new question).
    Content,
    /// Something the notice said was wrong and was corrected.
    Correction,
}

impl UpdateKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            UpdateKind::Announcement => UPDATE_KINDS[0],
            UpdateKind::Moved(_) => UPDATE_KINDS[1],
            UpdateKind::Content => UPDATE_KINDS[2],
            UpdateKind::Correction => UPDATE_KINDS[3],
        }
    }
}

/// A milestone moved: which one (its place in `[notice]`'s list), from when, to when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    pub milestone: usize,
    pub from: Moment,
    pub to: Moment,
}

/// When a milestone happens, as site.toml writes it: a day, or an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    Day(NaiveDate),
    Instant(DateTime<Utc>),
}

impl Moment {
    /// What `milestone` is now.
    pub fn of(milestone: &Milestone) -> Moment {
        milestone
            .at
            .map_or(Moment::Day(milestone.date), Moment::Instant)
    }

    /// The last day it gives a milestone of `zone`, as `$date_<name>` holds it.
    pub fn last_day(self, zone: Tz) -> NaiveDate {
        match self {
            Moment::Day(day) => day,
            Moment::Instant(instant) => notice::last_day_of(instant, zone),
        }
    }
}

impl std::fmt::Display for Moment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Moment::Day(day) => write!(f, "{day}"),
            Moment::Instant(instant) => write!(f, "{}", instant.format("%Y-%m-%dT%H:%M:%SZ")),
        }
    }
}

impl Update {
    /// Its text's message: `update-<id>`.
    pub fn message_id(&self) -> String {
        format!("{UPDATE_MESSAGE_PREFIX}{}", self.id)
    }

    /// The milestone it moved, if it moved one.
    pub fn moved(&self) -> Option<&Move> {
        match &self.kind {
            UpdateKind::Moved(moved) => Some(moved),
            _ => None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawUpdate {
    id: Spanned<String>,
    date: Spanned<Datetime>,
    kind: Spanned<String>,
    milestone: Option<Spanned<String>>,
    from: Option<Spanned<Datetime>>,
    to: Option<Spanned<Datetime>>,
    page: Option<Spanned<String>>,
}

/// The updates of site.toml, in the order they happened (site.toml's order for the same
/// moment), each checked on its own and the moves of each milestone against each other and
/// against `[notice]`.
pub(super) fn validate(
    raw: &[RawUpdate],
    notice: &Notice,
    at: &impl Fn(Range<usize>) -> Location,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Update> {
    let before = errors.len();
    let mut updates: Vec<(Update, &RawUpdate)> = Vec::new();
    for raw in raw {
        let id = raw.id.get_ref();
        if let Some(why) = notice::identifier_problem(id) {
            errors.push(
                Diagnostic::error(format!("the update id {id:?} {why}"))
                    .at(at(raw.id.span()))
                    .hint("use lowercase letters, digits and hyphens, such as \"end-moved\": its message is update-<id>"),
            );
            continue;
        }
        if updates.iter().any(|(update, _)| update.id == *id) {
            errors.push(
                Diagnostic::error(format!("the update id {id:?} is used twice"))
                    .at(at(raw.id.span()))
                    .hint("give each update its own id; it names the update for good"),
            );
            continue;
        }
        let date = notice::day_or_instant(&raw.date, at, errors);
        let kind = kind(raw, notice, at, errors);
        let (Some((date, instant)), Some(kind)) = (date, kind) else {
            continue;
        };
        let date = instant.map_or(date, |instant| {
            instant.with_timezone(&notice.time_zone).date_naive()
        });
        let update = Update {
            id: id.clone(),
            date,
            at: instant,
            kind,
            page: raw.page.as_ref().map(|page| page.get_ref().clone()),
            places: UpdatePlaces {
                id: at(raw.id.span()),
                date: at(raw.date.span()),
                page: raw.page.as_ref().map(|page| at(page.span())),
            },
        };
        updates.push((update, raw));
    }
    // A day's update comes before that day's updates of an exact instant.
    updates.sort_by_key(|(update, _)| (update.date, update.at));
    if errors.len() == before {
        check_moves(&updates, notice, at, errors);
    }
    updates.into_iter().map(|(update, _)| update).collect()
}

/// An update's `kind`, with the milestone, `from` and `to` a move gives and nothing else has.
fn kind(
    raw: &RawUpdate,
    notice: &Notice,
    at: &impl Fn(Range<usize>) -> Location,
    errors: &mut Vec<Diagnostic>,
) -> Option<UpdateKind> {
    let written = raw.kind.get_ref().as_str();
    let kind = match written {
        "announcement" => UpdateKind::Announcement,
        "content" => UpdateKind::Content,
        "correction" => UpdateKind::Correction,
        "moved" => return moved(raw, notice, at, errors).map(UpdateKind::Moved),
        _ => {
            let hint = match closest(written, &UPDATE_KINDS) {
                Some(meant) => format!("did you mean \"{meant}\"?"),
                None => format!("write one of: {}", UPDATE_KINDS.join(", ")),
            };
            errors.push(
                Diagnostic::error(format!("unknown kind of update {written:?}"))
                    .at(at(raw.kind.span()))
                    .hint(hint),
            );
            return None;
        }
    };
    let given = [
        ("milestone", raw.milestone.as_ref().map(Spanned::span)),
        ("from", raw.from.as_ref().map(Spanned::span)),
        ("to", raw.to.as_ref().map(Spanned::span)),
    ];
    let mut fine = true;
    for (key, span) in given {
        if let Some(span) = span {
            errors.push(
                Diagnostic::error(format!(
                    "`{key}` belongs to a moved milestone, and this update is {written:?}"
                ))
                .at(at(span))
                .hint(format!(
                    "write kind = \"moved\" for a milestone that moved, or remove `{key}`"
                )),
            );
            fine = false;
        }
    }
    fine.then_some(kind)
}

/// A `moved` update's milestone (the main one unless it names another), `from` and `to`.
fn moved(
    raw: &RawUpdate,
    notice: &Notice,
    at: &impl Fn(Range<usize>) -> Location,
    errors: &mut Vec<Diagnostic>,
) -> Option<Move> {
    let milestone = match &raw.milestone {
        None => Some(notice.main),
        Some(name) => notice.milestone(name.get_ref()).or_else(|| {
            let names: Vec<&str> = notice.milestones.iter().map(|m| m.name.as_str()).collect();
            let hint = match closest(name.get_ref(), &names) {
                Some(meant) => format!("did you mean \"{meant}\"?"),
                None => format!("name one of: {}", names.join(", ")),
            };
            errors.push(
                Diagnostic::error(format!(
                    "the update moves {:?}, which is not a milestone of [notice]",
                    name.get_ref()
                ))
                .at(at(name.span()))
                .hint(hint),
            );
            None
        }),
    };
    let moment = |key: &str, value: &Option<Spanned<Datetime>>, errors: &mut Vec<Diagnostic>| {
        let Some(value) = value else {
            errors.push(
                Diagnostic::error(format!("a moved milestone needs `{key}`"))
                    .at(at(raw.kind.span()))
                    .hint(format!(
                        "add `{key} = 2026-01-15`: the milestone's date {} the move",
                        if key == "from" { "before" } else { "after" }
                    )),
            );
            return None;
        };
        let (day, instant) = notice::day_or_instant(value, at, errors)?;
        Some(instant.map_or(Moment::Day(day), Moment::Instant))
    };
    let from = moment("from", &raw.from, errors);
    let to = moment("to", &raw.to, errors);
    let (milestone, from, to) = (milestone?, from?, to?);
    if from == to {
        errors.push(
            Diagnostic::error(format!(
                "the update moves the milestone from {from} to {to}"
            ))
            .at(at(raw.to.as_ref().map_or(raw.kind.span(), Spanned::span)))
            .hint("`from` is its date before the move, `to` its date after"),
        );
        return None;
    }
    Some(Move {
        milestone,
        from,
        to,
    })
}

/// Each milestone's moves, in order, chain: each one moves it from where the one before put
/// it, and the last puts it where `[notice]` says it is now.
fn check_moves(
    updates: &[(Update, &RawUpdate)],
    notice: &Notice,
    at: &impl Fn(Range<usize>) -> Location,
    errors: &mut Vec<Diagnostic>,
) {
    for (index, milestone) in notice.milestones.iter().enumerate() {
        let moves: Vec<(&Update, &Move, &RawUpdate)> = updates
            .iter()
            .filter_map(|(update, raw)| {
                let moved = update.moved().filter(|m| m.milestone == index)?;
                Some((update, moved, *raw))
            })
            .collect();
        for pair in moves.windows(2) {
            let [(before, earlier, _), (update, moved, raw)] = pair else {
                continue;
            };
            if moved.from != earlier.to {
                let span = raw.from.as_ref().map_or(raw.kind.span(), Spanned::span);
                errors.push(
                    Diagnostic::error(format!(
                        "the update `{}` moves {} from {}, but the update before it, `{}`, moved it to {}",
                        update.id, milestone.name, moved.from, before.id, earlier.to
                    ))
                    .at(at(span))
                    .hint(format!("write from = {}", earlier.to)),
                );
            }
        }
        let now = Moment::of(milestone);
        if let Some((update, moved, raw)) = moves.last()
            && moved.to != now
        {
            let span = raw.to.as_ref().map_or(raw.kind.span(), Spanned::span);
            errors.push(
                Diagnostic::error(format!(
                    "the update `{}` moves {} to {}, but [notice] gives it {now}",
                    update.id, milestone.name, moved.to
                ))
                .at(at(span))
                .hint(format!(
                    "the last move of a milestone is its date: change the date in [notice] to {}, or write to = {now}",
                    moved.to
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, parse};
    use crate::diagnostics::Diagnostic;
    use std::path::Path;

    const SITE: &str = r#"base_url = "https://example.org/"

[notice]
end_date = 2026-01-31
time_zone = "Europe/Paris"

[[updates]]
id = "announced"
date = 2025-10-21
kind = "announcement"

[[updates]]
id = "end-moved"
date = 2026-01-10T14:30:00Z
kind = "moved"
from = 2026-01-15
to = 2026-01-31

[[updates]]
id = "new-question"
date = 2026-01-10
kind = "content"
page = "faq"

[[languages]]
code = "en"
"#;

    fn config(text: &str) -> Config {
        parse(Path::new("site.toml"), text).unwrap()
    }

    fn errors(text: &str) -> Vec<Diagnostic> {
        parse(Path::new("site.toml"), text).unwrap_err()
    }

    /// The line and message of the only error of `text`.
    fn only_error(text: &str) -> (usize, String, String) {
        let errors = errors(text);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        let error = &errors[0];
        (
            error.location.as_ref().map_or(0, |l| l.line),
            error.message.clone(),
            error.hint.clone().unwrap_or_default(),
        )
    }

    #[test]
    fn updates_are_in_the_order_they_happened() {
        let config = config(SITE);
        let ids: Vec<&str> = config.updates.iter().map(|u| u.id.as_str()).collect();
        // The day's content update is at its start, before the move of 14:30.
        assert_eq!(ids, ["announced", "new-question", "end-moved"]);
        let moved = config.updates[2].moved().unwrap();
        assert_eq!(moved.milestone, 0);
        assert_eq!(
            (moved.from.to_string(), moved.to.to_string()),
            ("2026-01-15".into(), "2026-01-31".into())
        );
        assert_eq!(config.updates[2].date.to_string(), "2026-01-10");
        assert_eq!(config.updates[1].page.as_deref(), Some("faq"));
        assert_eq!(config.updates[1].places.id.line, 20);
        assert_eq!(config.updates[0].message_id(), "update-announced");
    }

    #[test]
    fn an_instant_late_in_the_day_is_the_notices_next_day() {
        let text = SITE.replace("2026-01-10T14:30:00Z", "2026-01-10T23:30:00Z");
        let config = config(&text);
        // 00:30 on the 11th in Paris.
        assert_eq!(config.updates[2].date.to_string(), "2026-01-11");
    }

    #[test]
    fn mistakes_in_updates_are_located_with_what_to_write() {
        let (line, message, hint) = only_error(&SITE.replace("\"content\"", "\"contnet\""));
        assert_eq!(line, 22);
        assert_eq!(message, "unknown kind of update \"contnet\"");
        assert_eq!(hint, "did you mean \"content\"?");
        let (line, message, hint) = only_error(&SITE.replace("2025-10-21", "21/10/2025"));
        assert_eq!(line, 9);
        assert_eq!(
            message,
            "string values must be quoted, expected literal string"
        );
        assert_eq!(
            hint,
            "write a TOML date, year-month-day without quotes: date = 2025-10-21, or an instant with its offset: date = 2025-10-21T09:00:00Z"
        );
        let (line, message, hint) = only_error(&SITE.replace("2025-10-21", "2025-10-21T10:00:00"));
        assert_eq!(line, 9);
        assert_eq!(
            message,
            "expected a date or an instant, found 2025-10-21T10:00:00"
        );
        assert!(hint.contains("offset"), "{hint}");
        let (line, message, _) = only_error(&SITE.replace("\"new-question\"", "\"announced\""));
        assert_eq!(line, 20);
        assert!(message.contains("used twice"), "{message}");
        let (line, message, _) = only_error(&SITE.replace("\"new-question\"", "\"New\""));
        assert_eq!(line, 20);
        assert!(message.contains("lowercase"), "{message}");
        let (line, message, hint) = only_error(&SITE.replace("from = 2026-01-15\n", ""));
        assert_eq!(line, 15);
        assert_eq!(message, "a moved milestone needs `from`");
        assert!(hint.starts_with("add `from = "), "{hint}");
        let (line, message, _) =
            only_error(&SITE.replace("page = \"faq\"", "page = \"faq\"\nto = 2026-01-31"));
        assert_eq!(line, 24);
        assert!(
            message.contains("`to` belongs to a moved milestone"),
            "{message}"
        );
        let (line, message, hint) =
            only_error(&SITE.replace("kind = \"moved\"", "kind = \"moved\"\nmilestone = \"edn\""));
        assert_eq!(line, 16);
        assert!(message.contains("\"edn\""), "{message}");
        assert_eq!(hint, "did you mean \"end\"?");
    }

    #[test]
    fn the_moves_of_a_milestone_end_at_its_date() {
        // The notice still says the old date: the move was recorded, the date not changed.
        let (line, message, hint) =
            only_error(&SITE.replace("end_date = 2026-01-31", "end_date = 2026-01-15"));
        assert_eq!(line, 17);
        assert_eq!(
            message,
            "the update `end-moved` moves end to 2026-01-31, but [notice] gives it 2026-01-15"
        );
        assert!(
            hint.contains("change the date in [notice] to 2026-01-31"),
            "{hint}"
        );
        // A second move starts where the first left it.
        let second = "\n[[updates]]\nid = \"moved-again\"\ndate = 2026-01-20\nkind = \"moved\"\nfrom = 2026-01-30\nto = 2026-02-15\n";
        let text = SITE.replace("end_date = 2026-01-31", "end_date = 2026-02-15") + second;
        let (line, message, hint) = only_error(&text);
        assert_eq!(line, 32);
        assert!(
            message.contains("but the update before it, `end-moved`, moved it to 2026-01-31"),
            "{message}"
        );
        assert_eq!(hint, "write from = 2026-01-31");
        let fixed = text.replace("from = 2026-01-30", "from = 2026-01-31");
        assert_eq!(config(&fixed).updates.len(), 4);
        let (_, message, _) = only_error(&SITE.replace("from = 2026-01-15", "from = 2026-01-31"));
        assert!(
            message.contains("from 2026-01-31 to 2026-01-31"),
            "{message}"
        );
    }
}
