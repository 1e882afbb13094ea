//! iCalendar (RFC 5545) files: an all-day reminder that readers add to their calendar.

use chrono::{DateTime, Days, NaiveDate, Utc};

/// An all-day event with an alert, unless every moment the alert could have is past.
pub struct Reminder<'a> {
    /// Stable across builds and across a moved date (it names the milestone and language,
    /// not the date), so that importing the file again moves the one event.
    pub uid: &'a str,
    /// How many times the event changed (its milestone moved): calendars that imported an
    /// earlier file replace that event with one of a higher sequence.
    pub sequence: usize,
    /// When the file was made (the build's "now").
    pub stamp: DateTime<Utc>,
    pub date: NaiveDate,
    pub summary: &'a str,
    pub description: &'a str,
    pub url: &'a str,
    pub language: &'a str,
    pub alert_days_before: u32,
    /// What the alert says: it names the date, since it shows days before it.
    pub alert: &'a str,
}

/// When an alert goes off: a day and an hour of the reader's own day.
pub type AlertAt = (NaiveDate, i64);

/// The first moment for an alert that has not passed anywhere at `now`: 9:00 `days_before`
/// the event, else 9:00 or 18:00 the day before, else 9:00 on the day itself; none once all
/// have passed. The last day's own morning comes last, since the hour the service stops is
/// not known. An all-day event's times are each reader's own (see `clock::day_anywhere`).
pub fn alert_at(date: NaiveDate, days_before: u32, now: DateTime<Utc>) -> Option<AlertAt> {
    let earliest = |(day, hour): AlertAt| {
        crate::clock::day_anywhere(day).start + chrono::Duration::hours(hour)
    };
    [(u64::from(days_before), 9), (1, 9), (1, 18), (0, 9)]
        .into_iter()
        .filter_map(|(before, hour)| Some((date.checked_sub_days(Days::new(before))?, hour)))
        .find(|at| earliest(*at) >= now)
}

/// The alert's `TRIGGER`: from the start of the event's day to the alert's moment.
fn trigger(date: NaiveDate, (day, hour): AlertAt) -> String {
    let minutes = (day - date).num_minutes() + hour * 60;
    let (sign, minutes) = if minutes < 0 {
        ("-", -minutes)
    } else {
        ("", minutes)
    };
    let (days, hours) = (minutes / (24 * 60), minutes % (24 * 60) / 60);
    let days = if days > 0 {
        format!("{days}D")
    } else {
        String::new()
    };
    let hours = if hours > 0 {
        format!("T{hours}H")
    } else {
        String::new()
    };
    format!("{sign}P{days}{hours}")
}

/// The event as an `.ics` file: CRLF line endings, text escaped, lines folded at 75 octets.
pub fn ics(reminder: &Reminder) -> String {
    let day = |date: NaiveDate| date.format("%Y%m%d").to_string();
    let next_day = reminder
        .date
        .checked_add_days(Days::new(1))
        .unwrap_or(reminder.date);
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//sunset//notice reminder//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", escape(reminder.uid)),
        format!("SEQUENCE:{}", reminder.sequence),
        format!("DTSTAMP:{}", reminder.stamp.format("%Y%m%dT%H%M%SZ")),
        format!("DTSTART;VALUE=DATE:{}", day(reminder.date)),
        format!("DTEND;VALUE=DATE:{}", day(next_day)),
        format!(
            "SUMMARY;LANGUAGE={}:{}",
            reminder.language,
            escape(reminder.summary)
        ),
        format!(
            "DESCRIPTION;LANGUAGE={}:{}",
            reminder.language,
            escape(reminder.description)
        ),
        format!("URL:{}", reminder.url),
        "TRANSP:TRANSPARENT".to_string(),
    ];
    let alarm = alert_at(reminder.date, reminder.alert_days_before, reminder.stamp)
        .map(|at| {
            vec![
                "BEGIN:VALARM".to_string(),
                "ACTION:DISPLAY".to_string(),
                format!(
                    "DESCRIPTION;LANGUAGE={}:{}",
                    reminder.language,
                    escape(reminder.alert)
                ),
                format!("TRIGGER:{}", trigger(reminder.date, at)),
                "END:VALARM".to_string(),
            ]
        })
        .unwrap_or_default();
    let end = ["END:VEVENT".to_string(), "END:VCALENDAR".to_string()];
    lines
        .iter()
        .chain(&alarm)
        .chain(&end)
        .map(|line| fold(line))
        .collect()
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Splits a content line into lines of at most 75 octets, continuation lines starting with a
/// space, never inside a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        // An escape (`\,`) stays on one line: some calendar apps unfold it into a stray
        // backslash.
        let escaped = (c == '\\').then(|| chars.next_if(|_| true)).flatten();
        let size = c.len_utf8() + escaped.map_or(0, char::len_utf8);
        if width + size > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        out.extend(escaped);
        width += size;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reminder<'a>(summary: &'a str, description: &'a str) -> Reminder<'a> {
        Reminder {
            uid: "end-ar@example.org",
            sequence: 2,
            stamp: "2026-01-05T00:00:00Z".parse().unwrap(),
            date: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
            summary,
            description,
            url: "https://example.org/ar/link-account/",
            language: "ar",
            alert_days_before: 3,
            alert: "15 January 2026 is the last day",
        }
    }

    #[test]
    fn an_all_day_event_with_an_alert() {
        let ics = ics(&reminder("Link, now; please", "a\\b"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20260115\r\nDTEND;VALUE=DATE:20260116\r\n"));
        assert!(ics.contains("SUMMARY;LANGUAGE=ar:Link\\, now\\; please\r\n"));
        assert!(ics.contains("DESCRIPTION;LANGUAGE=ar:a\\\\b\r\n"));
        // Three days before, at nine in the morning.
        assert!(ics.contains("TRIGGER:-P2DT15H\r\n"), "{ics}");
        assert!(ics.contains(
            "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION;LANGUAGE=ar:15 January 2026 is the last day\r\n"
        ));
        assert!(ics.contains("DTSTAMP:20260105T000000Z\r\n"));
        assert!(
            ics.contains("UID:end-ar@example.org\r\nSEQUENCE:2\r\n"),
            "{ics}"
        );
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "bare line feeds");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let summary = "اربط محادثاتك على واتساب بحساب ChatGPT قبل 15 يناير 2026 للاحتفاظ بها";
        let ics = ics(&reminder(summary, ""));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(summary));
    }

    /// Built close to the date, the alert moves to the morning, then the evening, of the day
    /// before, then to the last day's morning, then goes: never a moment already past for a
    /// reader anywhere.
    #[test]
    fn an_alert_is_never_in_the_past() {
        let date = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 1, d).unwrap();
        let at = |text: &str| -> DateTime<Utc> { text.parse().unwrap() };
        let cases = [
            ("2026-01-05T00:00:00Z", Some((day(12), 9)), Some("-P2DT15H")),
            ("2026-01-11T19:00:00Z", Some((day(12), 9)), Some("-P2DT15H")),
            ("2026-01-11T19:00:01Z", Some((day(14), 9)), Some("-PT15H")),
            ("2026-01-14T00:00:00Z", Some((day(14), 18)), Some("-PT6H")),
            ("2026-01-14T04:00:00Z", Some((day(14), 18)), Some("-PT6H")),
            ("2026-01-14T04:00:01Z", Some((day(15), 9)), Some("PT9H")),
            ("2026-01-14T19:00:00Z", Some((day(15), 9)), Some("PT9H")),
            ("2026-01-14T19:00:01Z", None, None),
        ];
        for (now, expected, trigger_text) in cases {
            let found = alert_at(date, 3, at(now));
            assert_eq!(found, expected, "{now}");
            assert_eq!(
                found.map(|a| trigger(date, a)).as_deref(),
                trigger_text,
                "{now}"
            );
            let mut r = reminder("s", "d");
            r.stamp = at(now);
            let file = ics(&r);
            assert_eq!(file.contains("BEGIN:VALARM"), expected.is_some(), "{now}");
        }
        assert_eq!(
            alert_at(date, 0, at("2026-01-05T00:00:00Z")),
            Some((day(15), 9))
        );
        assert_eq!(trigger(date, (day(10), 9)), "-P4DT15H");
    }

    #[test]
    fn a_fold_never_splits_an_escape() {
        for pad in 60..80 {
            let summary = format!("{}, then more, and more", "x".repeat(pad));
            let file = ics(&reminder(&summary, ""));
            for line in file.split("\r\n") {
                assert!(line.len() <= 75, "{line}");
                let unescaped_end = line.ends_with('\\') && !line.ends_with("\\\\");
                assert!(!unescaped_end, "split escape at {pad}: {line}");
            }
            assert!(file.replace("\r\n ", "").contains(&escape(&summary)));
        }
    }
}
