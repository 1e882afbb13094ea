//! iCalendar (RFC 5545) files: an all-day reminder that readers add to their calendar.

use chrono::{DateTime, Days, NaiveDate, Utc};

/// An all-day event with one alert before it.
pub struct Reminder<'a> {
    /// Stable across builds, so that importing the file twice updates one event.
    pub uid: &'a str,
    /// When the file was made (the build's "now").
    pub stamp: DateTime<Utc>,
    pub date: NaiveDate,
    pub summary: &'a str,
    pub description: &'a str,
    pub url: &'a str,
    pub language: &'a str,
    pub alert_days_before: u32,
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
        "BEGIN:VALARM".to_string(),
        "ACTION:DISPLAY".to_string(),
        format!("DESCRIPTION:{}", escape(reminder.summary)),
        format!("TRIGGER:-P{}D", reminder.alert_days_before),
        "END:VALARM".to_string(),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ];
    lines.iter().map(|line| fold(line)).collect()
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
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reminder<'a>(summary: &'a str, description: &'a str) -> Reminder<'a> {
        Reminder {
            uid: "end-2026-01-15-ar@example.org",
            stamp: "2026-01-05T00:00:00Z".parse().unwrap(),
            date: NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
            summary,
            description,
            url: "https://example.org/ar/link-account/",
            language: "ar",
            alert_days_before: 3,
        }
    }

    #[test]
    fn an_all_day_event_with_an_alert() {
        let ics = ics(&reminder("Link, now; please", "a\\b"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20260115\r\nDTEND;VALUE=DATE:20260116\r\n"));
        assert!(ics.contains("SUMMARY;LANGUAGE=ar:Link\\, now\\; please\r\n"));
        assert!(ics.contains("DESCRIPTION;LANGUAGE=ar:a\\\\b\r\n"));
        assert!(ics.contains("TRIGGER:-P3D\r\n"));
        assert!(ics.contains("DTSTAMP:20260105T000000Z\r\n"));
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
}
