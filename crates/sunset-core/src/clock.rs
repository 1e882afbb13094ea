//! "Now", and what it means for the notice: days left, phase, and when the wording next changes.
//!
//! Nothing here reads the clock or the environment: `main` reads them once and hands the text
//! in, so every date-dependent behaviour is a plain function of its inputs.

use chrono::{DateTime, Days, NaiveDate, SecondsFormat, TimeZone, Utc};
use chrono_tz::Tz;

use crate::config::{Milestone, Notice};
use crate::phase::Phase;

/// "Now" as the user gave it: an instant, or a calendar date meaning midnight in the notice's
/// zone (which is only known once site.toml is read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NowInput {
    Instant(DateTime<Utc>),
    Date(NaiveDate),
}

impl NowInput {
    /// Parses `--now`: an RFC 3339 instant (`2026-01-15T23:59:59+01:00`) or a date (`2026-01-05`).
    pub fn parse(text: &str) -> Result<NowInput, String> {
        let text = text.trim();
        if let Ok(instant) = DateTime::parse_from_rfc3339(text) {
            return Ok(NowInput::Instant(instant.with_timezone(&Utc)));
        }
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(NowInput::Date)
            .map_err(|_| {
                format!(
                    "{text:?} is neither an RFC 3339 instant (2026-01-15T09:30:00Z) \
                     nor a date (2026-01-15)"
                )
            })
    }

    /// Parses `SOURCE_DATE_EPOCH`: whole seconds since 1970-01-01 UTC.
    pub fn from_source_date_epoch(text: &str) -> Result<NowInput, String> {
        text.trim()
            .parse::<i64>()
            .ok()
            .and_then(|secs| DateTime::from_timestamp(secs, 0))
            .map(NowInput::Instant)
            .ok_or_else(|| {
                format!("SOURCE_DATE_EPOCH={text:?} is not a number of seconds since 1970")
            })
    }

    pub fn resolve(self, zone: Tz) -> DateTime<Utc> {
        match self {
            NowInput::Instant(instant) => instant,
            NowInput::Date(date) => start_of_day(date, zone),
        }
    }
}

/// Where every milestone stands, as one bit of three per milestone (before, on, after), in
/// site.toml's order: what decides which lines of a page show (see `content::Condition`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct State(pub u64);

impl State {
    /// The bits a milestone's group can hold.
    pub const GROUP: u64 = 0b111;

    pub fn bit(milestone: usize, phase: Phase) -> u64 {
        let offset = match phase {
            Phase::Upcoming => 0,
            Phase::LastDay => 1,
            Phase::Ended => 2,
        };
        1 << (3 * milestone + offset)
    }

    fn of(phases: impl Iterator<Item = Phase>) -> State {
        State(phases.enumerate().fold(0, |bits, (milestone, phase)| {
            bits | State::bit(milestone, phase)
        }))
    }

    /// The state's name in markup, errors and notice.json: the main phase's name for a notice
    /// of one date; otherwise where each milestone stands ("after service-ends, before
    /// export-closes").
    pub fn name(self, notice: &Notice) -> String {
        let phase = |index: usize| {
            Phase::ALL
                .into_iter()
                .find(|p| self.0 & State::bit(index, *p) != 0)
                .unwrap_or(Phase::Upcoming)
        };
        if !notice.has_several_milestones() {
            return phase(notice.main).as_str().to_string();
        }
        let words: Vec<String> = notice
            .milestones
            .iter()
            .enumerate()
            .map(|(index, m)| format!("{} {}", phase(index).word(), m.name))
            .collect();
        words.join(", ")
    }
}

/// Where one milestone stands at one instant.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MilestoneStatus {
    pub phase: Phase,
    /// Calendar days from today (in the milestone's zone) to its last day; `None` once it has
    /// happened.
    pub days_left: Option<i64>,
    /// The first instant of its last day.
    pub last_day_start: DateTime<Tz>,
    /// The instant it happens: midnight after its last day, or site.toml's instant.
    pub end_instant: DateTime<Tz>,
    /// The next instant at which its wording changes; `None` once it has happened.
    pub next_change: Option<DateTime<Tz>>,
}

fn milestone_status(now: DateTime<Utc>, milestone: &Milestone) -> MilestoneStatus {
    let zone = milestone.time_zone;
    let today = now.with_timezone(&zone).date_naive();
    let last_day_start = start_of_day(milestone.date, zone).with_timezone(&zone);
    let end_instant = milestone.at.map_or_else(
        || start_of_day(next_day(milestone.date), zone),
        |at| at.max(last_day_start.with_timezone(&Utc)),
    );
    let end_instant = end_instant.with_timezone(&zone);
    let (phase, days_left, next_change) = if now >= end_instant {
        (Phase::Ended, None, None)
    } else if now >= last_day_start {
        (Phase::LastDay, Some(0), Some(end_instant))
    } else {
        let tomorrow = start_of_day(next_day(today), zone).with_timezone(&zone);
        let days = (milestone.date - today).num_days().max(1);
        (
            Phase::Upcoming,
            Some(days),
            Some(tomorrow.min(last_day_start)),
        )
    };
    MilestoneStatus {
        phase,
        days_left,
        last_day_start,
        end_instant,
        next_change,
    }
}

/// Where the notice stands at one instant. The fields without a milestone are the main
/// milestone's: the status contract follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub now: DateTime<Utc>,
    /// Today's date in the notice's zone.
    pub today: NaiveDate,
    pub phase: Phase,
    /// Calendar days from today to the end date; `None` once ended.
    pub days_left: Option<i64>,
    /// The first instant of the last day.
    pub last_day_start: DateTime<Tz>,
    /// The first instant at which the service has ended: midnight after the end date.
    pub end_instant: DateTime<Tz>,
    /// The next instant at which any date-dependent wording changes, of any milestone; `None`
    /// once every milestone has happened.
    pub next_change: Option<DateTime<Tz>>,
    /// Where every milestone stands.
    pub state: State,
    /// Each milestone's status, in site.toml's order.
    pub milestones: Vec<MilestoneStatus>,
}

pub fn status(now: DateTime<Utc>, notice: &Notice) -> Status {
    let milestones = notice
        .milestones
        .iter()
        .map(|m| milestone_status(now, m))
        .collect();
    status_of(
        now,
        now.with_timezone(&notice.time_zone).date_naive(),
        milestones,
        notice,
    )
}

fn status_of(
    now: DateTime<Utc>,
    today: NaiveDate,
    milestones: Vec<MilestoneStatus>,
    notice: &Notice,
) -> Status {
    let zone = notice.time_zone;
    let main = milestones[notice.main].clone();
    let next_change = milestones
        .iter()
        .filter_map(|m| m.next_change)
        .min()
        .map(|next| next.with_timezone(&zone));
    Status {
        now,
        today,
        phase: main.phase,
        days_left: main.days_left,
        last_day_start: main.last_day_start.with_timezone(&zone),
        end_instant: main.end_instant.with_timezone(&zone),
        next_change,
        state: State::of(milestones.iter().map(|m| m.phase)),
        milestones,
    }
}

impl Status {
    /// The milestone that happens next (its place in site.toml's list), if one is still to
    /// come.
    pub fn next_milestone(&self) -> Option<usize> {
        self.milestones
            .iter()
            .enumerate()
            .filter(|(_, m)| m.days_left.is_some())
            .min_by_key(|(_, m)| m.end_instant)
            .map(|(index, _)| index)
    }
}

/// How many days past the latest reader's day at the build a page carries each day's count
/// for. A site rebuilt at each `next change` (the deploy job) needs none; these cover a
/// rebuild that is a day or two late. Further on, a count is replaced by its stale text until
/// the eve of its milestone, whose wording ("tomorrow") is carried too.
pub const COUNT_DAYS_AHEAD: u64 = 2;

/// The earliest and latest offsets from UTC of a calendar day somewhere on Earth: a day lasts
/// from its midnight at UTC+14 to its midnight at UTC−12.
const AHEAD_OF_UTC: i64 = 14;
const BEHIND_UTC: i64 = 12;

/// When `date` is somebody's day: from its first midnight on Earth (UTC+14) to its last
/// (UTC−12), 50 hours later. `hour` o'clock of that day happens first at `start + hour`.
pub fn day_anywhere(date: NaiveDate) -> std::ops::Range<DateTime<Utc>> {
    let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    let hours = chrono::Duration::hours;
    midnight - hours(AHEAD_OF_UTC)..midnight + hours(24 + BEHIND_UTC)
}

/// What a reader sees, as the page's script computes it: for each milestone in site.toml's
/// order, one that follows the reader's day gives `u<days>` before its last day, `l` on it
/// and `e` after it; one that follows an instant gives `U`, `L` or `E` (its count, the same
/// for every reader, goes stale at [`count_stale_at`]). Joined by commas.
pub fn reading_key(status: &Status, notice: &Notice) -> String {
    let parts: Vec<String> = notice
        .milestones
        .iter()
        .zip(&status.milestones)
        .map(|(milestone, now)| match (milestone.reader_day, now.phase) {
            (true, Phase::Upcoming) => format!("u{}", now.days_left.unwrap_or(0)),
            (true, Phase::LastDay) => "l".into(),
            (true, Phase::Ended) => "e".into(),
            (false, Phase::Upcoming) => "U".into(),
            (false, Phase::LastDay) => "L".into(),
            (false, Phase::Ended) => "E".into(),
        })
        .collect();
    parts.join(",")
}

/// When a count of days that every reader shares (a milestone of an instant or of a zone)
/// no longer holds in `status`, if it shows one.
pub fn count_stale_at(status: &Status, notice: &Notice) -> Option<DateTime<Utc>> {
    notice
        .milestones
        .iter()
        .zip(&status.milestones)
        .filter(|(milestone, now)| !milestone.reader_day && now.phase == Phase::Upcoming)
        .filter_map(|(_, now)| now.next_change.map(|at| at.with_timezone(&Utc)))
        .min()
}

/// Where the notice stands for a reader whose own calendar says `day`, at `instant`: the
/// milestones of the reader's day by `day`, the others by `instant`. When every milestone
/// follows the reader's day, this is exactly a build for `day`.
fn reading(day: NaiveDate, instant: DateTime<Utc>, notice: &Notice) -> Status {
    let milestones = notice
        .milestones
        .iter()
        .map(|m| match m.reader_day {
            true => milestone_status(start_of_day(day, m.time_zone), m),
            false => milestone_status(instant, m),
        })
        .collect();
    let now = match notice.milestones.iter().all(|m| m.reader_day) {
        true => start_of_day(day, notice.time_zone),
        false => instant,
    };
    status_of(now, day, milestones, notice)
}

/// Every other reading of the page built at `current` that some reader can still meet, each
/// once (by [`reading_key`]), in the order readers meet them: readers behind UTC still on an
/// earlier day, readers ahead already on the next, the days' counts for
/// [`COUNT_DAYS_AHEAD`] more days, the eve, last day and day after of each milestone of the
/// reader's day, and each phase change of the others. What a page built now must carry.
pub fn readings(current: &Status, notice: &Notice) -> Vec<Status> {
    let t = current.now;
    let hours = chrono::Duration::hours;
    let utc_day = |instant: DateTime<Utc>| instant.date_naive();
    // The earliest day still under way somewhere, and the latest begun.
    let first = utc_day(t - hours(BEHIND_UTC));
    let mut days: std::collections::BTreeSet<NaiveDate> = first
        .iter_days()
        .take_while(|day| *day <= utc_day(t + hours(AHEAD_OF_UTC)) + Days::new(COUNT_DAYS_AHEAD))
        .collect();
    let mut changes: Vec<DateTime<Utc>> = Vec::new();
    for (milestone, now) in notice.milestones.iter().zip(&current.milestones) {
        if milestone.reader_day {
            let eve = milestone.date.pred_opt().unwrap_or(milestone.date);
            days.extend([eve, milestone.date, next_day(milestone.date)]);
        } else {
            for change in [now.last_day_start, now.end_instant] {
                let change = change.with_timezone(&Utc);
                if change > t {
                    changes.push(change);
                    days.insert(utc_day(change));
                }
            }
        }
    }
    changes.sort();
    let mut seen = std::collections::HashSet::from([reading_key(current, notice)]);
    let mut found = Vec::new();
    for day in days.into_iter().filter(|day| *day >= first) {
        let anywhere = day_anywhere(day);
        let (from, until) = (anywhere.start.max(t), anywhere.end);
        let instants = std::iter::once(from).chain(
            changes
                .iter()
                .copied()
                .filter(|change| *change > from && *change < until),
        );
        for instant in instants.filter(|instant| *instant < until) {
            let status = reading(day, instant, notice);
            if seen.insert(reading_key(&status, notice)) {
                found.push(status);
            }
        }
    }
    found
}

/// An instant as RFC 3339 in its own zone's offset, for `datetime` attributes and logs.
pub fn rfc3339<Z: TimeZone>(instant: &DateTime<Z>) -> String
where
    Z::Offset: std::fmt::Display,
{
    instant.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn next_day(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(1)).unwrap_or(date)
}

/// The first instant of `date` in `zone`. Where a daylight-saving jump skips midnight, the day
/// starts at the first minute that exists.
fn start_of_day(date: NaiveDate, zone: Tz) -> DateTime<Utc> {
    let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
    (0..=24 * 60)
        .find_map(|minutes| {
            let local = midnight + chrono::Duration::minutes(minutes);
            zone.from_local_datetime(&local).earliest()
        })
        .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(zone: Tz) -> Notice {
        Notice::single(NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(), zone)
    }

    fn at(text: &str, zone: Tz) -> Status {
        status(NowInput::parse(text).unwrap().resolve(zone), &notice(zone))
    }

    #[test]
    fn ten_days_before() {
        let s = at("2026-01-05", Tz::UTC);
        assert_eq!((s.phase, s.days_left), (Phase::Upcoming, Some(10)));
        assert_eq!(rfc3339(&s.next_change.unwrap()), "2026-01-06T00:00:00Z");
        assert_eq!(rfc3339(&s.end_instant), "2026-01-16T00:00:00Z");
    }

    #[test]
    fn boundaries_in_the_notice_zone() {
        let s = at("2026-01-14T23:59:59Z", Tz::UTC);
        assert_eq!((s.phase, s.days_left), (Phase::Upcoming, Some(1)));
        let s = at("2026-01-15T00:00:00Z", Tz::UTC);
        assert_eq!((s.phase, s.days_left), (Phase::LastDay, Some(0)));
        assert_eq!(s.next_change, Some(s.end_instant));
        let s = at("2026-01-15T23:59:59Z", Tz::UTC);
        assert_eq!(s.phase, Phase::LastDay);
        let s = at("2026-01-16T00:00:00Z", Tz::UTC);
        assert_eq!(
            (s.phase, s.days_left, s.next_change),
            (Phase::Ended, None, None)
        );
    }

    #[test]
    fn midnight_in_the_zone_is_not_midnight_utc() {
        let paris = chrono_tz::Europe::Paris;
        // 23:30 UTC on the 15th is already the 16th in Paris.
        assert_eq!(at("2026-01-15T23:30:00Z", paris).phase, Phase::Ended);
        assert_eq!(at("2026-01-15T23:30:00Z", Tz::UTC).phase, Phase::LastDay);
        let s = at("2026-01-05", paris);
        assert_eq!(rfc3339(&s.now), "2026-01-04T23:00:00Z");
        assert_eq!(rfc3339(&s.end_instant), "2026-01-16T00:00:00+01:00");
    }

    #[test]
    fn a_plain_date_is_midnight_in_the_zone() {
        let tokyo = chrono_tz::Asia::Tokyo;
        let now = NowInput::parse("2026-01-15").unwrap().resolve(tokyo);
        assert_eq!(rfc3339(&now), "2026-01-14T15:00:00Z");
    }

    #[test]
    fn midnight_skipped_by_daylight_saving_starts_the_day_at_one() {
        // Santiago moved its clocks from 00:00 to 01:00 on 2023-09-03.
        let santiago = chrono_tz::America::Santiago;
        let day = NaiveDate::from_ymd_opt(2023, 9, 3).unwrap();
        let start = start_of_day(day, santiago).with_timezone(&santiago);
        assert_eq!(start.format("%H:%M").to_string(), "01:00");
    }

    fn keys(now: &str, notice: &Notice) -> Vec<String> {
        let zone = notice.time_zone;
        readings(
            &status(NowInput::parse(now).unwrap().resolve(zone), notice),
            notice,
        )
        .iter()
        .map(|s| reading_key(s, notice))
        .collect()
    }

    /// A date is each reader's own day: a page built on 5 January carries the day before
    /// (readers behind UTC), the next days' counts, the eve, the last day and the day after.
    #[test]
    fn readings_of_the_reader_day_span_every_zone() {
        let utc = notice(Tz::UTC);
        assert_eq!(
            keys("2026-01-05", &utc),
            ["u11", "u9", "u8", "u1", "l", "e"]
        );
        assert_eq!(keys("2026-01-14", &utc), ["u2", "l", "e"]);
        // Ended in UTC, the last day still lasts twelve hours behind it.
        assert_eq!(keys("2026-01-16", &utc), ["l"]);
        assert_eq!(keys("2026-01-16T11:59:59Z", &utc), ["l"]);
        assert_eq!(keys("2026-01-16T12:00:00Z", &utc), Vec::<String>::new());
        // Built in Tokyo's morning, readers in the Americas are two days behind.
        let tokyo = notice(chrono_tz::Asia::Tokyo);
        assert_eq!(keys("2026-01-16", &tokyo), ["l"]);
        let early = keys("2026-01-15", &tokyo);
        assert_eq!(early, ["u1", "e"]);
        // Each reading of the reader's day is exactly the build for that day.
        let reading = &readings(&at("2026-01-05", Tz::UTC), &utc)[3];
        assert_eq!(reading, &at("2026-01-14", Tz::UTC));
    }

    /// With `day = "zone"`, every reader switches at the zone's midnight: the later phases
    /// alone are carried, dated by their instants, and counts go stale at the next midnight.
    #[test]
    fn readings_in_the_zone_are_its_phase_changes() {
        let mut paris = notice(chrono_tz::Europe::Paris);
        paris.milestones[0].reader_day = false;
        assert_eq!(keys("2026-01-05", &paris), ["L", "E"]);
        let now = at("2026-01-05", chrono_tz::Europe::Paris);
        let later = readings(&now, &paris);
        assert_eq!(rfc3339(&later[1].now), "2026-01-15T23:00:00Z");
        assert_eq!(
            count_stale_at(&now, &paris).map(|t| rfc3339(&t)).as_deref(),
            Some("2026-01-05T23:00:00Z")
        );
        assert_eq!(count_stale_at(&later[0], &paris), None);
        assert_eq!(keys("2026-01-15T12:00:00Z", &paris), ["E"]);
        assert_eq!(keys("2026-01-16", &paris), Vec::<String>::new());
    }

    #[test]
    fn now_parsing_rejects_garbage() {
        assert!(NowInput::parse("next tuesday").is_err());
        assert!(NowInput::from_source_date_epoch("12abc").is_err());
        let epoch = NowInput::from_source_date_epoch("1767225600").unwrap();
        assert_eq!(epoch, NowInput::parse("2026-01-01T00:00:00Z").unwrap());
    }
}
