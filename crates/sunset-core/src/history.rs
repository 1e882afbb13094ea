//! The notice's history as a build shows it: the updates of site.toml whose moment has come at
//! the build's "now" (an update dated later waits for a build on or after its date), the
//! moves of each milestone among them (a reminder's `SEQUENCE`), and the variables each
//! update's message gets.
//!
//! Builds are dated: what one shows depends on its "now" only, and a later reading that a
//! page carries (see `clock::readings`) shows the same history, which stays true.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::clock::NowInput;
use crate::config::{Config, Moment, Move, UPDATE_MESSAGE_PREFIX, Update};
use crate::variables::Variable;

/// The updates a build shows.
pub struct History<'a> {
    /// The updates whose moment has come, the latest first.
    pub shown: Vec<&'a Update>,
}

impl<'a> History<'a> {
    /// What a build at `now` shows of `config`'s updates.
    pub fn at(config: &'a Config, now: DateTime<Utc>) -> History<'a> {
        let mut shown: Vec<&Update> = config
            .updates
            .iter()
            .filter(|update| instant_of(config, update) <= now)
            .collect();
        shown.reverse();
        History { shown }
    }

    pub fn latest(&self) -> Option<&'a Update> {
        self.shown.first().copied()
    }

    /// The moves of the milestone at `milestone` (its place in `[notice]`) that are shown, the
    /// latest first: a reminder of it counts them, and says when the latest was made.
    pub fn moves_of(&self, milestone: usize) -> Vec<(&'a Update, &'a Move)> {
        self.shown
            .iter()
            .filter_map(|update| {
                let moved = update.moved().filter(|m| m.milestone == milestone)?;
                Some((*update, moved))
            })
            .collect()
    }
}

/// When `update` was made: its instant, or the start of its day in the notice's zone.
pub fn instant_of(config: &Config, update: &Update) -> DateTime<Utc> {
    update
        .at
        .unwrap_or_else(|| NowInput::Date(update.date).resolve(config.notice.time_zone))
}

/// The variables of each update's message (`update-<id>`) besides the build's, by message:
/// `$date` (its day), for a move `$from` and `$to` (the milestone's last day before and
/// after), and the milestones' dates as they stood once the update was made (`$end_date`, and
/// `$date_<name>` with several milestones), in place of the build's: an announcement that
/// names the last day keeps naming the day it announced after the date moves.
pub fn message_variables(config: &Config) -> HashMap<String, Vec<(String, Variable)>> {
    let notice = &config.notice;
    let text = |date: chrono::NaiveDate| Variable::Text(date.to_string());
    config
        .updates
        .iter()
        .enumerate()
        .map(|(index, update)| {
            let mut variables = vec![("date".to_string(), text(update.date))];
            if let Some(moved) = update.moved() {
                let zone = notice.milestones[moved.milestone].time_zone;
                variables.push(("from".into(), text(moved.from.last_day(zone))));
                variables.push(("to".into(), text(moved.to.last_day(zone))));
            }
            for (milestone_index, milestone) in notice.milestones.iter().enumerate() {
                let then =
                    moment_after(config, index, milestone_index).last_day(milestone.time_zone);
                if milestone_index == notice.main {
                    variables.push(("end_date".into(), text(then)));
                }
                if notice.has_several_milestones() {
                    variables.push((format!("date_{}", milestone.name), text(then)));
                }
            }
            (update.message_id(), variables)
        })
        .collect()
}

/// The names of the variables message `id` gets as an update's text besides the build's (see
/// [`message_variables`]): a move's `$date`, `$from` and `$to`, another update's `$date`.
/// The text of an update site.toml does not record (yet, or any more) may use any of them:
/// recording it decides.
pub fn message_variable_names<'c>(
    config: &'c Config,
    id: &str,
) -> impl Iterator<Item = &'static str> + 'c {
    let recorded = config.updates.iter().find(|u| u.message_id() == id);
    let names: &[&str] = match recorded {
        Some(update) if update.moved().is_none() => &["date"],
        Some(_) => &["date", "from", "to"],
        None if id.starts_with(UPDATE_MESSAGE_PREFIX) => &["date", "from", "to"],
        None => &[],
    };
    names.iter().copied()
}

/// When the milestone at `milestone` happened as it stood once the update at `update` (places
/// in site.toml's lists, updates in the order they happened) was made: where the last move up
/// to it put the milestone, else where the first move after it found the milestone, else its
/// date now.
fn moment_after(config: &Config, update: usize, milestone: usize) -> Moment {
    let moves =
        config.updates.iter().enumerate().filter_map(|(index, u)| {
            Some((index, u.moved().filter(|m| m.milestone == milestone)?))
        });
    let mut next = None;
    let mut last = None;
    for (index, moved) in moves {
        if index <= update {
            last = Some(moved.to);
        } else if next.is_none() {
            next = Some(moved.from);
        }
    }
    last.or(next)
        .unwrap_or_else(|| Moment::of(&config.notice.milestones[milestone]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse;
    use std::path::Path;

    const SITE: &str = r#"base_url = "https://example.org/"

[notice]
end_date = 2026-02-15
time_zone = "America/New_York"

[[updates]]
id = "announced"
date = 2025-10-21
kind = "announcement"

[[updates]]
id = "first-move"
date = 2026-01-05
kind = "moved"
from = 2026-01-15
to = 2026-01-31

[[updates]]
id = "second-move"
date = 2026-01-20T15:00:00Z
kind = "moved"
from = 2026-01-31
to = 2026-02-15

[[languages]]
code = "en"
"#;

    fn at(config: &Config, now: &str) -> Vec<String> {
        let now = NowInput::parse(now)
            .unwrap()
            .resolve(config.notice.time_zone);
        let history = History::at(config, now);
        history.shown.iter().map(|u| u.id.clone()).collect()
    }

    #[test]
    fn a_build_shows_the_updates_whose_moment_has_come_the_latest_first() {
        let config = parse(Path::new("site.toml"), SITE).unwrap();
        assert!(at(&config, "2025-10-20").is_empty());
        assert_eq!(at(&config, "2025-10-21"), ["announced"]);
        // Midnight in New York, not in UTC.
        assert_eq!(at(&config, "2026-01-05T04:59:59Z"), ["announced"]);
        assert_eq!(
            at(&config, "2026-01-05T05:00:00Z"),
            ["first-move", "announced"]
        );
        assert_eq!(at(&config, "2026-01-20T14:59:59Z").len(), 2);
        assert_eq!(
            at(&config, "2026-01-20T15:00:00Z"),
            ["second-move", "first-move", "announced"]
        );
        let now = NowInput::parse("2026-03-01")
            .unwrap()
            .resolve(chrono_tz::UTC);
        let history = History::at(&config, now);
        let moves: Vec<&str> = history
            .moves_of(0)
            .iter()
            .map(|(u, _)| u.id.as_str())
            .collect();
        assert_eq!(moves, ["second-move", "first-move"]);
        assert_eq!(history.latest().unwrap().id, "second-move");
    }

    #[test]
    fn an_update_names_the_dates_as_they_stood_when_it_was_made() {
        let config = parse(Path::new("site.toml"), SITE).unwrap();
        let variables = message_variables(&config);
        let value = |id: &str, name: &str| {
            variables[id]
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        };
        let date = |text: &str| Some(Variable::Text(text.into()));
        assert_eq!(value("update-announced", "end_date"), date("2026-01-15"));
        assert_eq!(value("update-announced", "date"), date("2025-10-21"));
        assert_eq!(value("update-announced", "from"), None);
        assert_eq!(value("update-first-move", "end_date"), date("2026-01-31"));
        assert_eq!(value("update-first-move", "from"), date("2026-01-15"));
        assert_eq!(value("update-first-move", "to"), date("2026-01-31"));
        assert_eq!(value("update-second-move", "end_date"), date("2026-02-15"));
        assert_eq!(value("update-second-move", "date"), date("2026-01-20"));
        // One milestone: no `$date_end`.
        assert_eq!(value("update-second-move", "date_end"), None);
    }
}
