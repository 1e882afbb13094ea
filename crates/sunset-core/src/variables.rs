//! The variables translations get from the build: one definition, which `render` gives values
//! from each reading and `check` reads the names of (a message may use only these and what its
//! template passes).

use crate::clock::Status;
use crate::config::Config;

/// A value handed to Fluent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Variable {
    Number(i64),
    Text(String),
}

/// What a build variable is, before a reading gives it a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source<'a> {
    /// `$phase`: the main milestone's phase.
    Phase,
    /// `$days_left`: days until the main milestone's last day; absent once it has happened.
    DaysLeft,
    /// `$end_date`.
    EndDate,
    /// `$date_<name>` of a date of `[dates]`.
    Date(&'a str),
    /// `$date_<name>` of a milestone, with several.
    MilestoneDate(usize),
    /// `$phase_<name>` of a milestone, with several.
    MilestonePhase(usize),
    /// `$days_until_<name>` of a milestone, with several; absent once it has happened.
    DaysUntil(usize),
}

/// The messages of the calendar reminder and what they get besides the build variables:
/// `$date` (the reminded milestone's) and, with several milestones, `$milestone` (its name).
pub const REMINDER_MESSAGES: [&str; 3] =
    ["reminder-title", "reminder-description", "reminder-alert"];

/// The variables a reminder message gets besides the build's.
pub fn reminder_variables(config: &Config) -> Vec<&'static str> {
    match config.notice.has_several_milestones() {
        true => vec!["date", "milestone"],
        false => vec!["date"],
    }
}

/// The line a reminder of a milestone that moved starts with, saying when it moved; it gets
/// the reminder's variables, `$changed` (the day of its latest move) and `$from` (the
/// milestone's last day before that move).
pub const REMINDER_CHANGED: &str = "reminder-changed";

/// The variables [`REMINDER_CHANGED`] gets besides the build's.
pub fn reminder_changed_variables(config: &Config) -> Vec<&'static str> {
    let mut names = reminder_variables(config);
    names.extend(["changed", "from"]);
    names
}

/// The message each language's feed of updates takes its title and author from.
pub const FEED_TITLE_MESSAGE: &str = "site-name";

/// Every build variable of the site, by name.
fn sources(config: &Config) -> Vec<(String, Source<'_>)> {
    let mut sources = vec![
        ("phase".to_string(), Source::Phase),
        ("end_date".to_string(), Source::EndDate),
        ("days_left".to_string(), Source::DaysLeft),
    ];
    if config.notice.has_several_milestones() {
        for (index, milestone) in config.notice.milestones.iter().enumerate() {
            let name = &milestone.name;
            sources.push((format!("date_{name}"), Source::MilestoneDate(index)));
            sources.push((format!("phase_{name}"), Source::MilestonePhase(index)));
            sources.push((format!("days_until_{name}"), Source::DaysUntil(index)));
        }
    }
    for name in config.dates.keys() {
        sources.push((format!("date_{name}"), Source::Date(name)));
    }
    sources
}

/// The names of the build variables, whether or not a reading gives them a value.
pub fn names(config: &Config) -> Vec<String> {
    sources(config).into_iter().map(|(name, _)| name).collect()
}

/// The build variables with their values in `status`; those without a value then (a count
/// once its milestone has happened) are left out.
pub fn values(config: &Config, status: &Status) -> Vec<(String, Variable)> {
    let notice = &config.notice;
    sources(config)
        .into_iter()
        .filter_map(|(name, source)| {
            let value = match source {
                Source::Phase => Some(Variable::Text(status.phase.as_str().into())),
                Source::DaysLeft => status.days_left.map(Variable::Number),
                Source::EndDate => Some(Variable::Text(notice.end_date().to_string())),
                Source::Date(date) => config
                    .dates
                    .get(date)
                    .map(|d| Variable::Text(d.to_string())),
                Source::MilestoneDate(index) => notice
                    .milestones
                    .get(index)
                    .map(|m| Variable::Text(m.date.to_string())),
                Source::MilestonePhase(index) => status
                    .milestones
                    .get(index)
                    .map(|m| Variable::Text(m.phase.as_str().into())),
                Source::DaysUntil(index) => status
                    .milestones
                    .get(index)
                    .and_then(|m| m.days_left)
                    .map(Variable::Number),
            };
            value.map(|value| (name, value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{NowInput, status};
    use crate::config::parse;
    use chrono::NaiveDate;
    use std::path::Path;

    const SITE: &str = r#"
base_url = "https://example.org/"
[notice]
time_zone = "UTC"
main = "service-ends"
[[notice.milestones]]
name = "service-ends"
date = 2027-06-30
[[notice.milestones]]
name = "data-deleted"
date = 2027-12-31
[dates]
announced = 2027-01-10
[[languages]]
code = "en"
"#;

    fn values_on(config: &Config, day: u32, month: u32, year: i32) -> Vec<(String, Variable)> {
        let date = NaiveDate::from_ymd_opt(year, month, day).unwrap();
        let now = NowInput::Date(date).resolve(config.notice.time_zone);
        values(config, &status(now, &config.notice))
    }

    #[test]
    fn every_name_gets_a_value_until_its_count_ends() {
        let config = parse(Path::new("site.toml"), SITE).unwrap();
        let names = names(&config);
        let before = values_on(&config, 20, 6, 2027);
        let given: Vec<&String> = before.iter().map(|(name, _)| name).collect();
        assert_eq!(given, names.iter().collect::<Vec<_>>());
        let get = |values: &[(String, Variable)], name: &str| {
            values
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(get(&before, "days_left"), Some(Variable::Number(10)));
        assert_eq!(
            get(&before, "date_data-deleted"),
            Some(Variable::Text("2027-12-31".into()))
        );
        assert_eq!(
            get(&before, "date_announced"),
            Some(Variable::Text("2027-01-10".into()))
        );
        // After the service ends: no count to it, the deletion's count still runs.
        let after = values_on(&config, 1, 7, 2027);
        assert_eq!(get(&after, "days_left"), None);
        assert_eq!(get(&after, "phase"), Some(Variable::Text("ended".into())));
        assert_eq!(
            get(&after, "days_until_data-deleted"),
            Some(Variable::Number(183))
        );
        assert_eq!(
            get(&after, "phase_data-deleted"),
            Some(Variable::Text("upcoming".into()))
        );
    }
}
