//! What to write instead, for a site.toml that does not deserialize: a value of the wrong
//! type (`end_date = "30/06/2027"`), a key misspelled or missing. The hint shows the key in
//! its right form, with the value given where it can be read (`end_date = 2027-06-30`).

use std::ops::Range;

use chrono::NaiveDate;

use crate::diagnostics::closest;

/// What a key of site.toml holds.
#[derive(Clone, Copy)]
enum Form {
    /// A TOML date, `2027-06-30`.
    Date,
    /// A date, or an instant with its offset (a milestone's `date`).
    DateOrInstant,
    /// A string; the example is written when the value given says nothing usable.
    Text(&'static str),
    /// One of a few strings.
    Choice(&'static [&'static str]),
    Switch,
    /// A whole number, 0 or more.
    Count(u32),
    /// A list of strings.
    Texts(&'static str),
}

/// The form of `key` in the table `table` (`notice.milestones` for `[[notice.milestones]]`,
/// empty at the top).
fn form_of(table: &str, key: &str) -> Option<Form> {
    Some(match (table, key) {
        ("", "base_url") => Form::Text("https://example.org/"),
        ("notice", "end_date") => Form::Date,
        ("notice" | "notice.milestones", "time_zone") => Form::Text("Europe/Paris"),
        ("notice", "day") => Form::Choice(&["reader", "zone"]),
        ("notice", "main") => Form::Text("service-ends"),
        ("notice.milestones", "name") => Form::Text("service-ends"),
        ("notice.milestones", "date") => Form::DateOrInstant,
        ("notice.milestones", "remind") => Form::Switch,
        ("dates", _) => Form::Date,
        ("languages", "code") => Form::Text("fr"),
        ("languages", "name") => Form::Text("Français"),
        ("languages", "dir") => Form::Choice(&["ltr", "rtl"]),
        ("languages", "og_locale") => Form::Text("fr_FR"),
        ("languages", "digits") => Form::Text("latn"),
        ("languages", "calendar") => Form::Text("gregory"),
        ("markdown", "raw_html") => Form::Switch,
        ("hosting", "netlify" | "nginx") => Form::Switch,
        ("reminder", "page") => Form::Text("link-account"),
        ("reminder", "alert_days_before") => Form::Count(3),
        ("check", "allow_identical") => Form::Texts("Example Service"),
        ("updates", "id") => Form::Text("end-moved"),
        ("updates", "date" | "from" | "to") => Form::DateOrInstant,
        ("updates", "kind") => Form::Choice(&super::UPDATE_KINDS),
        ("updates", "milestone") => Form::Text("end"),
        ("updates", "page") => Form::Text("faq"),
        ("notice_json", "upcoming") => Form::Text("status-upcoming"),
        ("notice_json", "last-day") => Form::Text("status-last-day"),
        ("notice_json", "ended") => Form::Text("status-ended"),
        ("cards", "enabled") => Form::Switch,
        ("cards", "fonts") => Form::Texts("fonts/NotoSansThai-Regular.ttf"),
        _ => return None,
    })
}

/// The hint for the deserialization error `message` at `span` of site.toml's `text`, if one
/// can show the right form.
pub(super) fn hint(text: &str, message: &str, span: Range<usize>) -> Option<String> {
    let table = table_at(text, span.start);
    if let Some(field) = quoted_after(message, "missing field ") {
        let form = form_of(&table, field)?;
        return Some(format!(
            "add {} to {}",
            written(field, form, ""),
            table_name(text, span.start)
        ));
    }
    if let Some(field) = quoted_after(message, "unknown field ") {
        let expected: Vec<&str> = message
            .split_once("expected")
            .map_or(Vec::new(), |(_, names)| {
                names.split('`').skip(1).step_by(2).collect()
            });
        return Some(match closest(field, &expected) {
            Some(meant) => format!("did you mean `{meant}`?"),
            None if expected.is_empty() => format!("remove `{field}`"),
            None => format!(
                "remove it: {} takes `{}`",
                table_name(text, span.start),
                expected.join("`, `")
            ),
        });
    }
    let line_start = text[..span.start].rfind('\n').map_or(0, |at| at + 1);
    let key = key_before(&text[line_start..span.start])?;
    let form = form_of(&table, key)?;
    let value = text.get(span).unwrap_or_default().trim();
    Some(explained(key, form, value))
}

/// The hint for the value `value` of `key`, which should have `form`.
fn explained(key: &str, form: Form, value: &str) -> String {
    let right = written(key, form, value);
    // A date read from the value is the one to write; any other is only an example.
    let date = match date_in(value) {
        Some(date) => format!(": {key} = {date}"),
        None => format!(", such as {key} = {EXAMPLE_DATE}"),
    };
    match form {
        Form::Date => format!("write a TOML date, year-month-day without quotes{date}"),
        Form::DateOrInstant => format!(
            "write a TOML date, year-month-day without quotes{date}, or an instant with its offset: {key} = {}T09:00:00Z",
            date_in(value).as_deref().unwrap_or(EXAMPLE_DATE)
        ),
        Form::Text(_) => format!("write it in quotes: {right}"),
        Form::Choice(_) => format!("write {right}"),
        Form::Switch => format!("write {right}, without quotes"),
        Form::Count(_) => format!("write a whole number, 0 or more, without quotes: {right}"),
        Form::Texts(_) => format!("write a list of texts in quotes: {right}"),
    }
}

/// `key = value` in its right form, the value taken from `given` where it can be read.
fn written(key: &str, form: Form, given: &str) -> String {
    let unquoted = given.trim_matches(|c| c == '"' || c == '\'');
    let quoted = |text: &str| toml::Value::from(text).to_string();
    match form {
        Form::Date | Form::DateOrInstant => {
            format!(
                "{key} = {}",
                date_in(given).as_deref().unwrap_or(EXAMPLE_DATE)
            )
        }
        Form::Text(example) => {
            // A word left without quotes (`name = English`) is what was meant.
            let word = !given.is_empty()
                && !given.starts_with(['"', '\'', '[', '{'])
                && given.parse::<f64>().is_err()
                && !["true", "false"].contains(&given);
            format!("{key} = {}", quoted(if word { given } else { example }))
        }
        Form::Choice(choices) => choices
            .iter()
            .map(|choice| format!("{key} = {}", quoted(choice)))
            .collect::<Vec<_>>()
            .join(" or "),
        Form::Switch => format!("{key} = true or {key} = false"),
        Form::Count(example) => {
            let number = unquoted.trim_start_matches('-').parse().unwrap_or(example);
            format!("{key} = {number}")
        }
        Form::Texts(example) => {
            let text = match given.starts_with(['"', '\'']) {
                true => unquoted,
                false => example,
            };
            format!("{key} = [{}]", quoted(text))
        }
    }
}

const EXAMPLE_DATE: &str = "2027-06-30";

/// The date `given` means, written as TOML writes dates: from `"2027-06-30"`, `30/06/2027`,
/// `30.06.2027`, `06/30/2027` (not when day and month could be either) or `30 June 2027`.
fn date_in(given: &str) -> Option<String> {
    let text = given.trim_matches(|c| c == '"' || c == '\'').trim();
    let date_of = |format: &str| NaiveDate::parse_from_str(text, format).ok();
    let unambiguous = ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%d %B %Y", "%B %d, %Y"]
        .iter()
        .find_map(|format| date_of(format));
    let day_first = ["%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"]
        .iter()
        .find_map(|format| date_of(format));
    let month_first = date_of("%m/%d/%Y");
    let date = match (unambiguous, day_first, month_first) {
        (Some(date), _, _) => date,
        (None, Some(day), Some(month)) if day != month => return None,
        (None, Some(date), _) | (None, None, Some(date)) => date,
        (None, None, None) => return None,
    };
    Some(date.format("%Y-%m-%d").to_string())
}

/// The name of the quoted (`` `time_zone` ``) name that follows `prefix` in `message`.
fn quoted_after<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    message.strip_prefix(prefix)?.split('`').nth(1)
}

/// The key a value belongs to, from the text between its line's start and the value:
/// `end_date = ` or, in an inline table, `{ name = "x", date = `.
fn key_before(before_value: &str) -> Option<&str> {
    let key = before_value.trim_end().strip_suffix('=')?.trim_end();
    let key = key.rsplit(['{', ',', ' ', '\t', '.']).next()?;
    Some(key.trim_matches('"')).filter(|key| !key.is_empty())
}

/// The table the text at `offset` is in, as its header names it (`notice.milestones`); empty
/// at the top of the file.
fn table_at(text: &str, offset: usize) -> String {
    header(text, offset).map_or_else(String::new, |header| {
        header.trim_matches(['[', ']']).trim().to_string()
    })
}

/// How a hint names the table the text at `offset` is in: its header (`[notice]`,
/// `[[languages]]`), or the top of the file.
fn table_name(text: &str, offset: usize) -> String {
    header(text, offset).map_or_else(|| "the top of site.toml".to_string(), str::to_string)
}

/// The header of the table the text at `offset` is in.
fn header(text: &str, offset: usize) -> Option<&str> {
    // A header's own line is the table it opens (where a missing field is reported).
    let line_end = text[offset..]
        .find('\n')
        .map_or(text.len(), |at| offset + at);
    text[..line_end]
        .lines()
        .rev()
        .map(str::trim)
        .find(|line| line.starts_with('['))
        .map(|line| line.split('#').next().unwrap_or(line).trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint_for(text: &str, message: &str, value: &str) -> Option<String> {
        let at = text.find(value).unwrap();
        hint(text, message, at..at + value.len())
    }

    #[test]
    fn a_date_written_as_text_is_shown_as_a_toml_date() {
        let text = "base_url = \"x\"\n[notice]\nend_date = \"30/06/2027\"\n";
        assert_eq!(
            hint_for(text, "invalid type: string", "\"30/06/2027\"").unwrap(),
            "write a TOML date, year-month-day without quotes: end_date = 2027-06-30"
        );
        assert_eq!(date_in("\"2027-6-3\"").as_deref(), Some("2027-06-03"));
        assert_eq!(date_in("06/30/2027").as_deref(), Some("2027-06-30"));
        assert_eq!(date_in("01/02/2027"), None, "1 February or January 2");
        assert_eq!(date_in("\"1 March 2027\"").as_deref(), Some("2027-03-01"));
        assert_eq!(date_in("soon"), None);
        let text = "[dates]\nannounced = \"soon\"\n";
        assert_eq!(
            hint_for(text, "invalid type: string", "\"soon\"").unwrap(),
            "write a TOML date, year-month-day without quotes, such as announced = 2027-06-30"
        );
    }

    #[test]
    fn each_key_gets_its_own_form() {
        let milestone = "[[notice.milestones]]\nname = \"a\"\ndate = \"2026-10-01\"\n";
        assert_eq!(
            hint_for(milestone, "invalid type", "\"2026-10-01\"").unwrap(),
            "write a TOML date, year-month-day without quotes: date = 2026-10-01, or an instant with its offset: date = 2026-10-01T09:00:00Z"
        );
        let language = "[[languages]]\ncode = fr\nname = English\n";
        assert_eq!(
            hint_for(language, "invalid boolean", "fr").unwrap(),
            "write it in quotes: code = \"fr\""
        );
        let reminder = "[reminder]\npage = \"x\"\nalert_days_before = \"3\"\n";
        assert_eq!(
            hint_for(reminder, "invalid type", "\"3\"").unwrap(),
            "write a whole number, 0 or more, without quotes: alert_days_before = 3"
        );
        let check = "[check]\nallow_identical = \"Acme\"\n";
        assert_eq!(
            hint_for(check, "invalid type", "\"Acme\"").unwrap(),
            "write a list of texts in quotes: allow_identical = [\"Acme\"]"
        );
        let notice = "[notice]\nday = 1\n";
        assert_eq!(
            hint_for(notice, "invalid type", "1").unwrap(),
            "write day = \"reader\" or day = \"zone\""
        );
        let zone = "[notice]\ntime_zone = 0\n";
        assert_eq!(
            hint_for(zone, "invalid type", "0").unwrap(),
            "write it in quotes: time_zone = \"Europe/Paris\""
        );
        assert_eq!(hint_for("[extra]\nx = 1\n", "invalid type", "1"), None);
    }

    #[test]
    fn missing_and_misspelled_keys_are_named() {
        let text = "[notice]\nend_date = 2027-06-30\n";
        assert_eq!(
            hint(text, "missing field `time_zone`", 0..8).unwrap(),
            "add time_zone = \"Europe/Paris\" to [notice]"
        );
        let text = "[notice]\ntimezone = \"UTC\"\n";
        let at = text.find("timezone").unwrap();
        assert_eq!(
            hint(
                text,
                "unknown field `timezone`, expected one of `end_date`, `time_zone`, `day`",
                at..at + 8
            )
            .unwrap(),
            "did you mean `time_zone`?"
        );
    }
}
