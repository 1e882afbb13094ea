//! `[notice]`: the notice's zone and its milestones, the dates its wording changes on.
//!
//! A notice with one date writes `end_date`; one with several lists `[[notice.milestones]]`
//! and names the `main` one, which the page's status contract (`data-phase`,
//! `data-days-left`, the end `<time>`) follows. Both mean the same model: a list of
//! milestones, one of them main.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use super::calendar_date;
use crate::diagnostics::{Diagnostic, Location};
use crate::phase::Phase;

/// How many milestones a notice may have: a state keeps three bits per milestone in a `u64`.
pub const MAX_MILESTONES: usize = 16;

/// The name of the one milestone that `end_date` stands for.
pub const END: &str = "end";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The zone of pages read without script (and by crawlers), and of the build's status
    /// line; with `day = "zone"`, the zone whose midnight every reader's page switches at.
    pub time_zone: Tz,
    /// In site.toml's order, which is also their order in a state.
    pub milestones: Vec<Milestone>,
    /// Which of `milestones` the status contract follows.
    pub main: usize,
}

/// One date of the notice: before it, on it (its last day), after it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Milestone {
    /// Lowercase letters, digits and hyphens (`export-closes`): it names the milestone in
    /// phase blocks, Fluent variables and notice.json.
    pub name: String,
    /// The last day before it happens, in `time_zone`.
    pub date: NaiveDate,
    pub time_zone: Tz,
    /// The instant it happens, where site.toml gives one; otherwise midnight after `date`.
    pub at: Option<DateTime<Utc>>,
    /// Whether readers are offered a calendar reminder of it (with `[reminder]`).
    pub remind: bool,
    /// Whether its day is each reader's own calendar day: a date with no instant and no zone
    /// of its own, on a notice with `day = "reader"` (the default). Pages switch at the
    /// reader's midnight; `time_zone` decides only what the build writes.
    pub reader_day: bool,
}

impl Notice {
    /// The notice of `end_date`: one milestone, the main one.
    pub fn single(end_date: NaiveDate, time_zone: Tz) -> Notice {
        Notice {
            time_zone,
            milestones: vec![Milestone {
                name: END.into(),
                date: end_date,
                time_zone,
                at: None,
                remind: true,
                reader_day: true,
            }],
            main: 0,
        }
    }

    pub fn main(&self) -> &Milestone {
        &self.milestones[self.main]
    }

    /// The main milestone's last day.
    pub fn end_date(&self) -> NaiveDate {
        self.main().date
    }

    /// The earliest milestone's last day: a build before it renders every state.
    pub fn first_date(&self) -> NaiveDate {
        self.milestones
            .iter()
            .map(|m| m.date)
            .min()
            .unwrap_or(self.main().date)
    }

    /// Whether the notice has more than one milestone. With one, every output is what it was
    /// before milestones existed.
    pub fn has_several_milestones(&self) -> bool {
        self.milestones.len() > 1
    }

    pub fn milestone(&self, name: &str) -> Option<usize> {
        self.milestones.iter().position(|m| m.name == name)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNotice {
    end_date: Option<Spanned<Datetime>>,
    time_zone: Spanned<String>,
    day: Option<Spanned<String>>,
    main: Option<Spanned<String>>,
    milestones: Option<Spanned<Vec<RawMilestone>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMilestone {
    name: Spanned<String>,
    date: Spanned<Datetime>,
    time_zone: Option<Spanned<String>>,
    #[serde(default)]
    remind: bool,
}

pub(super) fn validate(
    raw: &Spanned<RawNotice>,
    at: &impl Fn(std::ops::Range<usize>) -> Location,
    errors: &mut Vec<Diagnostic>,
) -> Option<Notice> {
    let notice = raw.get_ref();
    let time_zone = zone(&notice.time_zone, at, errors);
    let reader_day = match notice.day.as_ref() {
        None => true,
        Some(day) => match day.get_ref().as_str() {
            "reader" => true,
            "zone" => false,
            other => {
                errors.push(
                    Diagnostic::error(format!("`day` is {other:?}, which sunset does not know"))
                        .at(at(day.span()))
                        .hint("write `day = \"reader\"` (each reader's own midnight) or `day = \"zone\"` (midnight in time_zone for everyone)"),
                );
                return None;
            }
        },
    };
    let notice_of = |notice: Notice| Notice {
        milestones: notice
            .milestones
            .into_iter()
            .map(|m| Milestone {
                reader_day: m.reader_day && reader_day,
                ..m
            })
            .collect(),
        ..notice
    };
    match (&notice.end_date, &notice.milestones) {
        (Some(end_date), None) => {
            if let Some(main) = &notice.main {
                errors.push(
                    Diagnostic::error("`main` names a milestone, but [notice] lists none")
                        .at(at(main.span()))
                        .hint("remove `main`; with `end_date`, the end is the only milestone"),
                );
            }
            let end_date = super::date_of(end_date, at, errors)?;
            Some(notice_of(Notice::single(end_date, time_zone?)))
        }
        (Some(end_date), Some(_)) => {
            errors.push(
                Diagnostic::error("[notice] has both `end_date` and milestones")
                    .at(at(end_date.span()))
                    .hint("remove `end_date` and list the end as one of [[notice.milestones]]"),
            );
            None
        }
        (None, None) => {
            errors.push(
                Diagnostic::error("[notice] gives no date")
                    .at(at(raw.span()))
                    .hint("add `end_date = 2026-01-15`, or [[notice.milestones]] for a notice with several dates"),
            );
            None
        }
        (None, Some(list)) => milestones(notice, list, time_zone?, at, errors).map(notice_of),
    }
}

fn milestones(
    notice: &RawNotice,
    list: &Spanned<Vec<RawMilestone>>,
    time_zone: Tz,
    at: &impl Fn(std::ops::Range<usize>) -> Location,
    errors: &mut Vec<Diagnostic>,
) -> Option<Notice> {
    let before = errors.len();
    if list.get_ref().is_empty() || list.get_ref().len() > MAX_MILESTONES {
        errors.push(
            Diagnostic::error(format!(
                "a notice has from 1 to {MAX_MILESTONES} milestones; this one has {}",
                list.get_ref().len()
            ))
            .at(at(list.span()))
            .hint(
                "list each date the notice's wording changes on as a [[notice.milestones]] table",
            ),
        );
        return None;
    }
    let mut milestones: Vec<Milestone> = Vec::new();
    for raw in list.get_ref() {
        let name = raw.name.get_ref();
        let here = || at(raw.name.span());
        if let Some(why) = name_problem(name) {
            errors.push(
                Diagnostic::error(format!("the milestone name {name:?} {why}"))
                    .at(here())
                    .hint("use lowercase letters, digits and hyphens, such as \"export-closes\""),
            );
            continue;
        }
        if milestones.iter().any(|m| m.name == *name) {
            errors.push(
                Diagnostic::error(format!("the milestone {name:?} is listed twice"))
                    .at(here())
                    .hint("give each milestone its own name"),
            );
            continue;
        }
        let zone = match &raw.time_zone {
            Some(own) => zone(own, at, errors),
            None => Some(time_zone),
        };
        let (Some(zone), Some((date, instant))) = (zone, day_or_instant(&raw.date, at, errors))
        else {
            continue;
        };
        let date = instant.map_or(date, |instant| last_day_of(instant, zone));
        milestones.push(Milestone {
            name: name.clone(),
            date,
            time_zone: zone,
            at: instant,
            remind: raw.remind,
            reader_day: instant.is_none() && raw.time_zone.is_none(),
        });
    }
    let main = match &notice.main {
        Some(main) => match milestones.iter().position(|m| m.name == *main.get_ref()) {
            Some(index) => Some(index),
            None => {
                let names: Vec<&str> = milestones.iter().map(|m| m.name.as_str()).collect();
                errors.push(
                    Diagnostic::error(format!(
                        "`main` names {:?}, which is not one of the milestones",
                        main.get_ref()
                    ))
                    .at(at(main.span()))
                    .hint(format!("name one of: {}", names.join(", "))),
                );
                None
            }
        },
        None if list.get_ref().len() == 1 => Some(0),
        None => {
            errors.push(
                Diagnostic::error("[notice] lists several milestones but names no `main` one")
                    .at(at(list.span()))
                    .hint("add `main = \"…\"` to [notice]: the milestone the page's status (`data-phase`) follows"),
            );
            None
        }
    };
    if errors.len() > before {
        return None;
    }
    Some(Notice {
        time_zone,
        milestones,
        main: main?,
    })
}

/// The last day of a milestone that happens at `instant`: the day the instant ends, in
/// `zone`; an instant at midnight ends the day before.
pub(super) fn last_day_of(instant: DateTime<Utc>, zone: Tz) -> NaiveDate {
    (instant - chrono::Duration::seconds(1))
        .with_timezone(&zone)
        .date_naive()
}

/// Why `name` cannot name a milestone, if it cannot.
fn name_problem(name: &str) -> Option<&'static str> {
    if let Some(problem) = identifier_problem(name) {
        return Some(problem);
    }
    if Phase::from_name(name).is_some() || ["before", "on", "after"].contains(&name) {
        return Some("is a word of phase blocks");
    }
    None
}

/// Why `name` is not made of lowercase letters, digits and hyphens starting with a letter,
/// as the names site.toml gives milestones and updates must be, if it is not.
pub(super) fn identifier_problem(name: &str) -> Option<&'static str> {
    let mut chars = name.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_lowercase()) {
        return Some("does not start with a lowercase letter");
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Some("holds a character other than a-z, 0-9 and -");
    }
    None
}

fn zone(
    name: &Spanned<String>,
    at: &impl Fn(std::ops::Range<usize>) -> Location,
    errors: &mut Vec<Diagnostic>,
) -> Option<Tz> {
    name.get_ref()
        .parse::<Tz>()
        .map_err(|_| {
            let zones: Vec<&str> = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
            let hint = match crate::diagnostics::closest(name.get_ref(), &zones) {
                Some(meant) => format!("did you mean \"{meant}\"?"),
                None => "use an IANA zone name such as \"UTC\" or \"Europe/Paris\"".to_string(),
            };
            errors.push(
                Diagnostic::error(format!("unknown time zone {:?}", name.get_ref()))
                    .at(at(name.span()))
                    .hint(hint),
            )
        })
        .ok()
}

/// A milestone's `date` (or an update's): a calendar date, or an instant with its offset.
pub(super) fn day_or_instant(
    value: &Spanned<Datetime>,
    at: &impl Fn(std::ops::Range<usize>) -> Location,
    errors: &mut Vec<Diagnostic>,
) -> Option<(NaiveDate, Option<DateTime<Utc>>)> {
    let datetime = value.get_ref();
    if let Some(date) = calendar_date(datetime) {
        return Some((date, None));
    }
    let instant = datetime
        .offset
        .and_then(|_| DateTime::parse_from_rfc3339(&datetime.to_string()).ok());
    match instant {
        Some(instant) => Some((instant.date_naive(), Some(instant.with_timezone(&Utc)))),
        None => {
            errors.push(
                Diagnostic::error(format!("expected a date or an instant, found {datetime}"))
                    .at(at(value.span()))
                    .hint("write a date (2026-07-31) or an instant with its offset (2026-07-31T17:00:00-04:00)"),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::parse;
    use crate::diagnostics::Diagnostic;
    use std::path::Path;

    const SITE: &str = r#"base_url = "https://example.org/"

[notice]
time_zone = "Europe/Berlin"
main = "streaming-ends"

[[notice.milestones]]
name = "streaming-ends"
date = 2026-04-30
remind = true

[[notice.milestones]]
name = "export-closes"
date = 2026-07-31
time_zone = "America/New_York"

[[notice.milestones]]
name = "data-deleted"
date = 2026-10-01T00:00:00Z

[[languages]]
code = "en"
"#;

    fn errors(text: &str) -> Vec<Diagnostic> {
        parse(Path::new("site.toml"), text).unwrap_err()
    }

    fn only_error(text: &str) -> (usize, String) {
        let errors = errors(text);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        let line = errors[0].location.as_ref().map_or(0, |l| l.line);
        (line, errors[0].message.clone())
    }

    #[test]
    fn milestones_have_their_own_zone_or_instant() {
        let config = parse(Path::new("site.toml"), SITE).unwrap();
        let notice = &config.notice;
        assert!(notice.has_several_milestones());
        assert_eq!(notice.main().name, "streaming-ends");
        assert_eq!(notice.end_date().to_string(), "2026-04-30");
        let [streaming, export, deleted] = &notice.milestones[..] else {
            panic!("{notice:?}")
        };
        assert!(streaming.remind && !export.remind && !deleted.remind);
        assert_eq!(export.time_zone, chrono_tz::America::New_York);
        assert_eq!(streaming.time_zone, chrono_tz::Europe::Berlin);
        // An instant at midnight UTC ends 1 October in Berlin (02:00 there): that is its day.
        assert_eq!(deleted.date.to_string(), "2026-10-01");
        assert_eq!(
            deleted.at.unwrap().to_rfc3339(),
            "2026-10-01T00:00:00+00:00"
        );
        assert_eq!(notice.first_date().to_string(), "2026-04-30");
    }

    #[test]
    fn the_end_date_alone_is_one_main_milestone() {
        let text = SITE.split("main =").next().unwrap().to_string()
            + "end_date = 2026-01-15\n\n[[languages]]\ncode = \"en\"\n";
        let notice = parse(Path::new("site.toml"), &text).unwrap().notice;
        assert!(!notice.has_several_milestones());
        assert_eq!(notice.milestones.len(), 1);
        assert_eq!((notice.main, notice.main().name.as_str()), (0, "end"));
        assert!(notice.main().remind);
    }

    #[test]
    fn milestone_mistakes_are_located() {
        let (line, message) = only_error(&SITE.replace("main = \"streaming-ends\"\n", ""));
        assert!(message.contains("names no `main`"), "{message}");
        assert_eq!(line, 6);
        let (line, message) =
            only_error(&SITE.replace("main = \"streaming-ends\"", "main = \"end\""));
        assert_eq!(line, 5);
        assert!(message.contains("not one of the milestones"), "{message}");
        let (line, message) = only_error(&SITE.replace("\"export-closes\"", "\"Export closes\""));
        assert_eq!(line, 13);
        assert!(message.contains("lowercase letter"), "{message}");
        let (line, message) = only_error(&SITE.replace("\"data-deleted\"", "\"after\""));
        assert_eq!(line, 18);
        assert!(message.contains("word of phase blocks"), "{message}");
        let (line, message) = only_error(&SITE.replace("\"data-deleted\"", "\"export-closes\""));
        assert_eq!(line, 18);
        assert!(message.contains("listed twice"), "{message}");
        let (line, message) =
            only_error(&SITE.replace("2026-10-01T00:00:00Z", "2026-10-01T00:00:00"));
        assert_eq!(line, 19);
        assert!(
            message.contains("instant with its offset") || message.contains("date or an instant"),
            "{message}"
        );
        let (line, message) = only_error(&SITE.replace("America/New_York", "America/Gotham"));
        assert_eq!(line, 15);
        assert!(message.contains("America/Gotham"), "{message}");
        let (line, message) = only_error(&SITE.replace(
            "time_zone = \"Europe/Berlin\"",
            "time_zone = \"Europe/Berlin\"\nend_date = 2026-01-15",
        ));
        assert_eq!(line, 5);
        assert!(
            message.contains("both `end_date` and milestones"),
            "{message}"
        );
        let text = format!("{SITE}\n[dates]\nexport-closes = 2026-01-01\n");
        let (_, message) = only_error(&text);
        assert!(message.contains("both a date and a milestone"), "{message}");
    }
}
