//! `site.toml`: what the site is (languages, address, the notice's dates), validated once.
//!
//! The raw file is deserialized with spans kept, then checked into a [`Config`] of plain
//! values. Every mistake becomes a diagnostic that points at the offending key, and all of
//! them are reported together.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::value::Datetime;

use crate::cldr::Conventions;
use crate::diagnostics::{Diagnostic, Location};

mod hints;
mod languages;
mod notice;
mod notice_json;
mod updates;

use languages::{RawLanguage, validate_languages};
pub use notice::{END, MAX_MILESTONES, Milestone, Notice};
pub use notice_json::NoticeJson;
pub use updates::{
    Moment, Move, UPDATE_KINDS, UPDATE_MESSAGE_PREFIX, Update, UpdateKind, UpdatePlaces,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// One language of the site, in the order site.toml lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Language {
    /// The BCP 47 code used in URLs, `lang` attributes and folder names (`ar`), as site.toml
    /// writes it.
    pub code: String,
    /// The canonical form of `code` (`he` for `iw`, `pt-BR` for `pt-br`): what CLDR's plural
    /// rules, dates and names are looked up by.
    pub canonical_code: String,
    /// The language's name in its own script (`العربية`): site.toml's, else CLDR's.
    pub name: String,
    pub dir: Direction,
    /// The Open Graph locale (`language_TERRITORY`), for link previews.
    pub og_locale: String,
    /// The digits and calendar its numbers and dates are written in: site.toml's, else
    /// CLDR's choice for the language.
    pub conventions: Conventions,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Absolute URL of the site root, always ending in `/`.
    pub base_url: String,
    /// The path part of `base_url` (`/` or `/help/`): what internal links start with.
    pub base_path: String,
    /// The languages, the default one first.
    pub languages: Vec<Language>,
    pub notice: Notice,
    /// Other dates the content refers to, by name (`announced`): they reach translations as
    /// `$date_<name>` and templates as `dates.<name>`.
    pub dates: BTreeMap<String, NaiveDate>,
    /// Whether raw HTML in Markdown passes through; off, it is shown as text.
    pub raw_html: bool,
    /// A calendar reminder of the last day, offered while the notice is upcoming.
    pub reminder: Option<Reminder>,
    /// What changed in the notice, and when, in the order it happened (`[[updates]]`).
    pub updates: Vec<Update>,
    /// Each language's `<lang>/notice.json`, for apps, if site.toml asks for it.
    pub notice_json: Option<NoticeJson>,
    /// Words that stay the same in every language (names): a translation made of only these
    /// is not reported as untranslated by `check`.
    pub allow_identical: Vec<String>,
    /// `[cards]`: whether pages get share cards (when templates/card.svg exists), and the
    /// site's own fonts for them.
    pub cards: Cards,
    /// Which hosts' files the build writes: their security headers and the language redirect.
    pub hosting: Hosting,
    /// What site.toml says that works but should change (a language code that is an alias).
    pub warnings: Vec<Diagnostic>,
}

/// `[hosting]`: the files that tell a host the site's security headers (its
/// Content-Security-Policy among them) and where to send a reader who opens `/`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hosting {
    /// `_headers` and `_redirects`, which Netlify and Cloudflare Pages read (and other hosts
    /// ignore): on unless turned off.
    #[serde(default = "on")]
    pub netlify: bool,
    /// `_nginx/http.conf` and `_nginx/server.conf`, for nginx's configuration to include.
    #[serde(default)]
    pub nginx: bool,
}

impl Default for Hosting {
    fn default() -> Hosting {
        Hosting {
            netlify: true,
            nginx: false,
        }
    }
}

fn on() -> bool {
    true
}

/// `[reminder]`: each language gets `<lang>/remind-me.ics`, an all-day event on the last day.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reminder {
    /// The key of the page the event links to (`link-account` for content/<lang>/link-account.md).
    pub page: String,
    /// When the calendar alerts, in days before the last day.
    pub alert_days_before: u32,
}

/// `[cards]` of site.toml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cards {
    /// `enabled = false` turns share cards off, templates/card.svg or not.
    pub enabled: bool,
    /// Font files of `static/` tried before the built-in fonts, in this order, each with where
    /// site.toml names it.
    pub fonts: Vec<(String, Location)>,
}

impl Config {
    /// The link to `url_path` (a path below the site root, `en/faq/`) from any page: under
    /// the base path, so that the site also works below a sub-path.
    pub fn url_of(&self, url_path: &str) -> String {
        format!("{}{url_path}", self.base_path)
    }

    /// The absolute URL of `url_path`, for canonical links, hreflang and the sitemap.
    pub fn permalink_of(&self, url_path: &str) -> String {
        format!("{}{url_path}", self.base_url)
    }

    pub fn default_language(&self) -> &Language {
        // Cannot be out of bounds: `parse` refuses a site.toml without languages.
        &self.languages[0]
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The same site published at another address (`build --base-url`).
    pub fn with_base_url(mut self, url: &str) -> Result<Config, Diagnostic> {
        let (base_url, base_path) = normalize_base_url(url).map_err(|why| {
            Diagnostic::error(format!("--base-url {url:?} is not usable: {why}"))
                .hint("give an absolute http(s) URL such as https://example.org/help/")
        })?;
        self.base_url = base_url;
        self.base_path = base_path;
        Ok(self)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: Spanned<String>,
    languages: Spanned<Vec<RawLanguage>>,
    notice: Spanned<notice::RawNotice>,
    #[serde(default)]
    dates: BTreeMap<Spanned<String>, Spanned<Datetime>>,
    #[serde(default)]
    markdown: RawMarkdown,
    reminder: Option<Reminder>,
    #[serde(default)]
    updates: Vec<updates::RawUpdate>,
    notice_json: Option<notice_json::RawNoticeJson>,
    #[serde(default)]
    check: RawCheck,
    #[serde(default)]
    cards: RawCards,
    #[serde(default)]
    hosting: Hosting,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawCards {
    enabled: Option<bool>,
    #[serde(default)]
    fonts: Vec<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    #[serde(default)]
    allow_identical: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawMarkdown {
    #[serde(default)]
    raw_html: bool,
}

/// Parses and validates the text of `site.toml` (`path` is only used in diagnostics).
pub fn parse(path: &Path, text: &str) -> Result<Config, Vec<Diagnostic>> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let message = first_line(e.message());
        let span = e.span();
        let hint = span
            .clone()
            .and_then(|span| hints::hint(text, &message, span))
            .unwrap_or_else(|| {
                "`sunset init` writes a site.toml with its keys explained; docs/ lists them all"
                    .to_string()
            });
        let diagnostic = Diagnostic::error(message).hint(hint);
        vec![match span {
            Some(span) => diagnostic.at(Location::from_range(path, text, span)),
            None => diagnostic.in_file(path),
        }]
    })?;
    let mut errors = Vec::new();
    let at = |span: std::ops::Range<usize>| Location::from_range(path, text, span);

    let base = normalize_base_url(raw.base_url.get_ref());
    let (base_url, base_path) = base.unwrap_or_else(|why| {
        errors.push(
            Diagnostic::error(format!("base_url is not usable: {why}"))
                .at(at(raw.base_url.span()))
                .hint("give an absolute http(s) URL such as \"https://example.org/\""),
        );
        Default::default()
    });

    let mut warnings = Vec::new();
    let languages = validate_languages(&raw.languages, &at, &mut errors, &mut warnings);

    let notice = notice::validate(&raw.notice, &at, &mut errors);
    let updates = notice.as_ref().map_or_else(Vec::new, |notice| {
        updates::validate(&raw.updates, notice, &at, &mut errors)
    });
    let notice_json = raw
        .notice_json
        .as_ref()
        .map(|raw| notice_json::validate(raw, &at));

    let mut dates = BTreeMap::new();
    for (name, value) in &raw.dates {
        if let Some(date) = date_of(value, &at, &mut errors) {
            dates.insert(name.get_ref().clone(), date);
        }
    }

    if let Some(notice) = &notice {
        // The end cannot be announced after it happened: a date left from the starter.
        if let Some((name, value)) = raw.dates.iter().find(|(n, _)| n.get_ref() == "announced")
            && dates
                .get("announced")
                .is_some_and(|d| *d > notice.end_date())
        {
            warnings.push(
                Diagnostic::warning(format!(
                    "`announced` ({}) is after the last day ({})",
                    value.get_ref(),
                    notice.end_date()
                ))
                .at(at(name.span()))
                .hint("write the day the end was made public"),
            );
        }
        for milestone in &notice.milestones {
            if let Some((name, _)) = raw.dates.iter().find(|(name, _)| {
                notice.has_several_milestones() && *name.get_ref() == milestone.name
            }) {
                errors.push(
                    Diagnostic::error(format!(
                        "{:?} names both a date and a milestone",
                        milestone.name
                    ))
                    .at(at(name.span()))
                    .hint("both reach translations as $date_<name>: rename one of them"),
                );
            }
        }
    }

    match (errors.is_empty(), notice) {
        (true, Some(notice)) => Ok(Config {
            base_url,
            base_path,
            languages,
            notice,
            dates,
            raw_html: raw.markdown.raw_html,
            reminder: raw.reminder,
            updates,
            notice_json,
            allow_identical: raw.check.allow_identical,
            cards: Cards {
                enabled: raw.cards.enabled.unwrap_or(true),
                fonts: raw
                    .cards
                    .fonts
                    .iter()
                    .map(|font| (font.get_ref().clone(), at(font.span())))
                    .collect(),
            },
            hosting: raw.hosting,
            warnings,
        }),
        _ => Err(errors),
    }
}

pub(super) fn date_of(
    value: &Spanned<Datetime>,
    at: &impl Fn(std::ops::Range<usize>) -> Location,
    errors: &mut Vec<Diagnostic>,
) -> Option<NaiveDate> {
    let datetime = value.get_ref();
    let date = calendar_date(datetime);
    if date.is_none() {
        let hint = match datetime.date {
            Some(day) => format!("write the day alone, without a time: {day}"),
            None => "write a plain TOML date such as 2026-01-15, without time or quotes".into(),
        };
        errors.push(
            Diagnostic::error(format!("expected a calendar date, found {datetime}"))
                .at(at(value.span()))
                .hint(hint),
        );
    }
    date
}

/// The calendar date a TOML value holds, if it is a plain date (no time, no offset).
pub fn calendar_date(value: &Datetime) -> Option<NaiveDate> {
    match (value.date, value.time, value.offset) {
        (Some(d), None, None) => {
            NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
        }
        _ => None,
    }
}

/// Splits an absolute base URL into its normalized form (ending in `/`) and its path.
fn normalize_base_url(url: &str) -> Result<(String, String), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("it must start with http:// or https://")?;
    if rest.contains(['?', '#', ' ', '"', '<', '>', '\\']) {
        return Err("it must not contain a query, a fragment, spaces or quotes".into());
    }
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    if host.is_empty() {
        return Err("it has no host".into());
    }
    let path = path.trim_end_matches('/');
    if path.split('/').any(|s| s == ".." || s == ".") {
        return Err("its path must not contain . or .. segments".into());
    }
    let base_path = if path.is_empty() {
        "/".to_string()
    } else {
        format!("/{path}/")
    };
    let scheme = &url[..url.len() - rest.len()];
    Ok((format!("{scheme}{host}{base_path}"), base_path))
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
base_url = "https://example.org/help"

[notice]
end_date = 2026-01-15
time_zone = "Europe/Paris"

[[languages]]
code = "en"
name = "English"

[[languages]]
code = "ar"
name = "العربية"
"#;

    fn parse_str(text: &str) -> Result<Config, Vec<Diagnostic>> {
        parse(Path::new("site.toml"), text)
    }

    fn only_error(text: &str) -> Diagnostic {
        let mut errors = parse_str(text).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        errors.remove(0)
    }

    #[test]
    fn minimal_config_derives_direction_and_base_path() {
        let config = parse_str(MINIMAL).unwrap();
        assert_eq!(config.base_url, "https://example.org/help/");
        assert_eq!(config.base_path, "/help/");
        let dirs: Vec<_> = config.languages.iter().map(|l| l.dir).collect();
        assert_eq!(dirs, [Direction::Ltr, Direction::Rtl]);
        assert_eq!(config.default_language().code, "en");
        assert_eq!(config.notice.time_zone, chrono_tz::Europe::Paris);
        let og: Vec<_> = config
            .languages
            .iter()
            .map(|l| l.og_locale.as_str())
            .collect();
        assert_eq!(og, ["en_US", "ar_EG"]);
    }

    #[test]
    fn explicit_direction_overrides_the_script() {
        let text = MINIMAL.replace("name = \"العربية\"", "name = \"العربية\"\ndir = \"ltr\"");
        let config = parse_str(&text).unwrap();
        assert_eq!(config.languages[1].dir, Direction::Ltr);
    }

    #[test]
    fn unknown_key_names_the_key_and_line() {
        let text = MINIMAL.replace("[notice]", "[notice]\nend_dat = 1");
        let error = only_error(&text);
        assert!(error.message.contains("end_dat"), "{}", error.message);
        assert_eq!(error.location.unwrap().line, 5);
    }

    #[test]
    fn wrong_type_names_the_line() {
        let text = MINIMAL.replace("end_date = 2026-01-15", "end_date = \"soon\"");
        let error = only_error(&text);
        assert_eq!(error.location.unwrap().line, 5);
    }

    #[test]
    fn semantic_errors_are_all_reported_with_their_lines() {
        let text = MINIMAL
            .replace("Europe/Paris", "Mars/Olympus")
            .replace("code = \"ar\"", "code = \"en\"");
        let errors = parse_str(&text).unwrap_err();
        let lines: Vec<_> = errors
            .iter()
            .map(|e| e.location.as_ref().unwrap().line)
            .collect();
        assert_eq!(lines, [13, 6], "{errors:#?}");
        assert!(errors[0].message.contains("twice"));
        assert!(errors[1].message.contains("Mars/Olympus"));
        assert_eq!(
            errors[1].hint.as_deref(),
            Some("use an IANA zone name such as \"UTC\" or \"Europe/Paris\"")
        );
        // A misspelled zone: the one meant.
        let errors = parse_str(&MINIMAL.replace("Europe/Paris", "America/New_Yrok")).unwrap_err();
        assert_eq!(
            errors[0].hint.as_deref(),
            Some("did you mean \"America/New_York\"?")
        );
    }

    #[test]
    fn unknown_language_and_bad_date_are_errors() {
        let text = MINIMAL.replace("code = \"ar\"", "code = \"qqq\"");
        assert!(only_error(&text).message.contains("qqq"));
        let text = MINIMAL.replace("2026-01-15", "2026-01-15T10:00:00Z");
        assert!(only_error(&text).message.contains("calendar date"));
    }

    /// MINIMAL with a third language, `table` (the lines after `[[languages]]`), at line 17.
    fn with_language(table: &str) -> String {
        format!("{MINIMAL}\n[[languages]]\n{table}\n")
    }

    #[test]
    fn every_language_cldr_has_is_accepted_with_its_own_name() {
        for (code, name) in [
            ("nb", "norsk bokmål"),
            ("de", "Deutsch"),
            ("ja", "日本語"),
            ("zh-Hant", "繁體中文"),
            ("sr-Latn", "srpski (latinica)"),
            ("pt-BR", "português (Brasil)"),
        ] {
            let config = parse_str(&with_language(&format!("code = \"{code}\""))).unwrap();
            let language = &config.languages[2];
            assert_eq!(
                (language.code.as_str(), language.name.as_str()),
                (code, name)
            );
            assert!(config.warnings.is_empty(), "{:?}", config.warnings);
        }
        // A name site.toml gives wins over CLDR's.
        let config = parse_str(&with_language("code = \"fr\"\nname = \"Français\"")).unwrap();
        assert_eq!(config.languages[2].name, "Français");
    }

    #[test]
    fn letter_case_is_not_an_alias() {
        let config = parse_str(&with_language("code = \"pt-br\"")).unwrap();
        let language = &config.languages[2];
        assert_eq!(
            (language.code.as_str(), language.canonical_code.as_str()),
            ("pt-br", "pt-BR")
        );
        assert!(config.warnings.is_empty(), "{:?}", config.warnings);
    }

    #[test]
    fn an_alias_is_kept_as_written_with_a_warning_naming_the_canonical_code() {
        let config = parse_str(&with_language("code = \"iw\"")).unwrap();
        let hebrew = &config.languages[2];
        assert_eq!(
            (
                hebrew.code.as_str(),
                hebrew.canonical_code.as_str(),
                hebrew.name.as_str()
            ),
            ("iw", "he", "עברית")
        );
        assert_eq!(
            (hebrew.dir, hebrew.og_locale.as_str()),
            (Direction::Rtl, "he_IL")
        );
        let [warning] = config.warnings.as_slice() else {
            panic!("{:?}", config.warnings)
        };
        assert_eq!(warning.severity, crate::diagnostics::Severity::Warning);
        assert_eq!(
            warning.message,
            "\"iw\" is an alias: CLDR's code for Hebrew is \"he\""
        );
        assert!(warning.hint.as_deref().unwrap().starts_with("write \"he\""));
        let location = warning.location.as_ref().unwrap();
        assert_eq!((location.line, location.column), (17, 8));

        let config = parse_str(&with_language("code = \"no-BOKMAL\"")).unwrap();
        assert_eq!(config.languages[2].canonical_code, "nb");
        assert!(config.warnings[0].message.contains("Norwegian Bokmål"));
    }

    #[test]
    fn an_alias_of_a_listed_language_is_listed_twice() {
        let text = MINIMAL.replace("code = \"ar\"", "code = \"en-US\"");
        assert!(parse_str(&text).is_ok(), "a region makes another language");
        let error = only_error(&with_language("code = \"arb\""));
        assert_eq!(
            error.message,
            "language \"arb\" is listed twice (as \"ar\", the same language)"
        );
        assert_eq!(error.location.unwrap().line, 17);
    }

    #[test]
    fn nonsense_and_languages_without_cldr_data_are_located_errors() {
        for (table, message, hint) in [
            (
                "code = \"xx-nonsense\"",
                "unknown language code \"xx-nonsense\"",
                "BCP 47",
            ),
            (
                "code = \"en-QQ\"",
                "unknown language code \"en-QQ\"",
                "no region \"QQ\"",
            ),
            (
                "code = \"pt_BR\"",
                "unknown language code \"pt_BR\"",
                "write \"pt-BR\"",
            ),
            (
                "code = \"yi\"\nname = \"ייִדיש\"",
                "Yiddish cannot be a language of the site: CLDR has no plural rules or dates for yi",
                "CLDR has locale data for",
            ),
        ] {
            let error = only_error(&with_language(table));
            assert!(error.message.starts_with(message), "{}", error.message);
            assert!(error.hint.as_deref().unwrap().contains(hint), "{error:?}");
            let location = error.location.unwrap();
            assert_eq!((location.line, location.column), (17, 8), "{table}");
        }
    }

    #[test]
    fn base_url_override_is_normalized() {
        let config = parse_str(MINIMAL)
            .unwrap()
            .with_base_url("http://127.0.0.1:8080")
            .unwrap();
        assert_eq!(config.base_url, "http://127.0.0.1:8080/");
        assert_eq!(config.base_path, "/");
        assert!(
            parse_str(MINIMAL)
                .unwrap()
                .with_base_url("ftp://x/")
                .is_err()
        );
    }
}
