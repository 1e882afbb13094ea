//! What templates see: each language's part of the context (`language`, `site`, `clock`,
//! `menu`) and the `page` and `translations` of each page.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Context;

use super::SiteModel;
use super::urls::{feed_path, notice_json_path, reminder_urls, update_page};
use crate::clock::{Status, rfc3339};
use crate::config::{Language, Update};
use crate::content::Page;
use crate::markdown::{self};

#[derive(Serialize)]
pub(super) struct LanguageContext<'a> {
    pub(super) code: &'a str,
    pub(super) name: &'a str,
    pub(super) dir: &'static str,
    pub(super) og_locale: &'a str,
    /// Its numbering system and calendar (`arabext`, `persian`).
    pub(super) digits: &'a str,
    pub(super) calendar: &'a str,
    /// The CSS `list-style-type` that numbers ordered lists in its digits (`persian`), and
    /// the `@counter-style` rule that defines it where CSS has no such style of its own.
    pub(super) list_style: String,
    pub(super) counter_style: String,
}

impl<'a> LanguageContext<'a> {
    pub(super) fn of(language: &'a Language) -> LanguageContext<'a> {
        let digits = language.conventions.digits.as_str();
        let (list_style, counter_style) = list_style(digits);
        LanguageContext {
            code: &language.code,
            name: &language.name,
            dir: language.dir.as_str(),
            og_locale: &language.og_locale,
            digits,
            calendar: &language.conventions.calendar,
            list_style,
            counter_style,
        }
    }
}

/// CSS's own counter styles of numbering systems' digits (CSS Counter Styles 3), which every
/// browser knows.
const CSS_LIST_STYLES: [(&str, &str); 18] = [
    ("latn", "decimal"),
    ("arab", "arabic-indic"),
    ("arabext", "persian"),
    ("beng", "bengali"),
    ("deva", "devanagari"),
    ("gujr", "gujarati"),
    ("guru", "gurmukhi"),
    ("hanidec", "cjk-decimal"),
    ("khmr", "khmer"),
    ("knda", "kannada"),
    ("laoo", "lao"),
    ("mlym", "malayalam"),
    ("mymr", "myanmar"),
    ("orya", "oriya"),
    ("tamldec", "tamil"),
    ("telu", "telugu"),
    ("thai", "thai"),
    ("tibt", "tibetan"),
];

/// The `list-style-type` of ordered lists in the numbering system `digits`, and the
/// `@counter-style` rule it needs (empty for CSS's own styles).
fn list_style(digits: &str) -> (String, String) {
    if let Some((_, style)) = CSS_LIST_STYLES.iter().find(|(name, _)| *name == digits) {
        return (style.to_string(), String::new());
    }
    let symbols: Vec<String> = crate::cldr::conventions::digits_of(digits)
        .unwrap_or_else(|| "0123456789".into())
        .chars()
        .map(|digit| format!("\"{digit}\""))
        .collect();
    let name = format!("digits-{digits}");
    let rule = format!(
        "@counter-style {name}{{system:numeric;symbols:{}}}",
        symbols.join(" ")
    );
    (name, rule)
}

#[derive(Serialize)]
pub(super) struct Alternate<'a> {
    pub(super) code: &'a str,
    pub(super) name: &'a str,
    pub(super) dir: &'static str,
    pub(super) og_locale: &'a str,
    pub(super) url: String,
    pub(super) permalink: String,
    pub(super) current: bool,
    /// Whether the page is translated into this language, rather than shown in the default
    /// language's text: only translations are announced (`hreflang`).
    pub(super) translated: bool,
}

#[derive(Serialize)]
pub(super) struct ClockContext {
    pub(super) phase: &'static str,
    pub(super) days_left: Option<i64>,
    pub(super) end_date: String,
    pub(super) last_day_start: String,
    pub(super) end_instant: String,
    /// The main milestone's instant, where site.toml gives one.
    pub(super) exact_end: Option<String>,
    pub(super) today: String,
    pub(super) next_change: Option<String>,
    /// The state's name (see `State::name`): the main phase's for a notice of one date.
    pub(super) state: String,
    /// The reading's key (see `clock::reading_key`): which of the build's readings this is,
    /// where several share a state and differ in their counts.
    pub(super) reading: String,
    /// Every milestone, in site.toml's order.
    pub(super) milestones: Vec<MilestoneContext>,
    /// The milestone that happens next, if one is still to come.
    pub(super) next_milestone: Option<MilestoneContext>,
}

#[derive(Serialize, Clone)]
pub(super) struct MilestoneContext {
    pub(super) name: String,
    pub(super) date: String,
    pub(super) phase: &'static str,
    pub(super) days_left: Option<i64>,
    pub(super) last_day_start: String,
    pub(super) end_instant: String,
    /// Its instant, where site.toml gives one.
    pub(super) exact: Option<String>,
    /// Whether the status contract follows it.
    pub(super) main: bool,
    /// Its calendar reminder while one is offered (see `files::reminder_urls`).
    pub(super) reminder: Option<String>,
}

/// An update the build shows, as templates list it.
#[derive(Serialize)]
pub(super) struct UpdateContext {
    pub(super) id: String,
    /// `announcement`, `moved`, `content` or `correction`.
    pub(super) kind: &'static str,
    /// Its day, for `date()`.
    pub(super) date: String,
    /// For `<time datetime>`: its instant where site.toml gives one, else its day.
    pub(super) datetime: String,
    /// Its text's message, `update-<id>`, for `t_html(id=update.message)`.
    pub(super) message: String,
    /// The name of the milestone it moved, for a move.
    pub(super) milestone: Option<String>,
    /// The page it is about, in the language being rendered.
    pub(super) url: Option<String>,
}

impl UpdateContext {
    pub(super) fn of(model: &SiteModel, update: &Update, lang: &str) -> UpdateContext {
        UpdateContext {
            id: update.id.clone(),
            kind: update.kind.as_str(),
            date: update.date.to_string(),
            datetime: update
                .at
                .as_ref()
                .map_or_else(|| update.date.to_string(), rfc3339),
            message: update.message_id(),
            milestone: update
                .moved()
                .map(|m| model.config.notice.milestones[m.milestone].name.clone()),
            url: update_page(model, update, lang).map(|p| model.config.url_of(&p.url_path)),
        }
    }
}

/// A language's feed of updates, for the language chooser's links to each.
#[derive(Serialize)]
pub(super) struct FeedContext<'a> {
    pub(super) code: &'a str,
    pub(super) name: &'a str,
    pub(super) url: String,
}

#[derive(Serialize)]
pub(super) struct SiteContext<'a> {
    pub(super) base_url: &'a str,
    pub(super) base_path: &'a str,
    pub(super) languages: Vec<LanguageContext<'a>>,
    pub(super) dates: BTreeMap<&'a str, String>,
}

#[derive(Serialize)]
pub(super) struct PageContext<'a> {
    pub(super) key: &'a str,
    pub(super) title: &'a str,
    pub(super) description: &'a str,
    pub(super) url: String,
    pub(super) permalink: String,
    pub(super) updated: Option<String>,
    pub(super) content: &'a str,
    pub(super) headings: &'a [markdown::Heading],
    pub(super) sections: &'a [markdown::Section],
    pub(super) steps: &'a [String],
    pub(super) extra: &'a toml::Table,
    /// The name of the milestone the page is about: its front matter's, else the main one.
    pub(super) milestone: &'a str,
    pub(super) x_default: String,
    /// The language the page's text is in: its own, or the default language's for a page
    /// not translated yet.
    pub(super) lang: &'a str,
    /// ` lang="…" dir="…"` for the elements that hold the page's text, when that is not in
    /// the page's language; empty otherwise.
    pub(super) lang_attrs: String,
    /// For a page not translated yet: the page it shows, in the default language.
    pub(super) original: Option<LanguageContextWithUrl<'a>>,
}

/// A language and a page's URL in it.
#[derive(Serialize)]
pub(super) struct LanguageContextWithUrl<'a> {
    #[serde(flatten)]
    pub(super) language: LanguageContext<'a>,
    pub(super) url: String,
    pub(super) permalink: String,
}

/// What every template of a language sees in one reading, by name: kept apart from Tera's
/// `Context` so that two readings can be compared name by name.
#[derive(Default)]
pub(super) struct LanguageValues(Vec<(&'static str, tera::Value)>);

impl LanguageValues {
    fn insert_named(&mut self, name: &'static str, value: &(impl Serialize + ?Sized)) {
        self.0.push((name, tera::Value::from_serializable(value)));
    }

    /// A Tera context with these values, for one page to add its own to.
    pub(super) fn context(&self) -> Context {
        let mut context = Context::new();
        for (name, value) in &self.0 {
            context.insert_value(*name, value.clone());
        }
        context
    }

    /// The names whose values differ from `other`'s.
    pub(super) fn changed_from(&self, other: &LanguageValues) -> Vec<&'static str> {
        self.0
            .iter()
            .filter(|(name, value)| {
                other
                    .0
                    .iter()
                    .find(|(other_name, _)| other_name == name)
                    .is_none_or(|(_, other_value)| other_value != value)
            })
            .map(|(name, _)| *name)
            .collect()
    }
}

/// What every template of a language sees in one reading (`key`, see `clock::reading_key`);
/// pages add `page` and `translations`.
pub(super) fn language_context(
    model: &SiteModel,
    status: &Status,
    key: &str,
    lang: &Language,
) -> LanguageValues {
    let config = model.config;
    let mut context = LanguageValues::default();
    context.insert_named("lang", &lang.code);
    let reminders = reminder_urls(model, status, &lang.code);
    // The first one offered, for templates that link to one reminder.
    context.insert_named("reminder", &reminders.first().map(|(_, url)| url));
    context.insert_named("language", &LanguageContext::of(lang));
    context.insert_named(
        "site",
        &SiteContext {
            base_url: &config.base_url,
            base_path: &config.base_path,
            languages: config.languages.iter().map(LanguageContext::of).collect(),
            dates: config
                .dates
                .iter()
                .map(|(k, v)| (k.as_str(), v.to_string()))
                .collect(),
        },
    );
    let milestones: Vec<MilestoneContext> = config
        .notice
        .milestones
        .iter()
        .zip(&status.milestones)
        .enumerate()
        .map(|(index, (milestone, now))| MilestoneContext {
            name: milestone.name.clone(),
            date: milestone.date.to_string(),
            phase: now.phase.as_str(),
            days_left: now.days_left,
            last_day_start: rfc3339(&now.last_day_start),
            end_instant: rfc3339(&now.end_instant),
            exact: milestone.at.as_ref().map(rfc3339),
            main: index == config.notice.main,
            reminder: reminders
                .iter()
                .find(|(m, _)| *m == index)
                .map(|(_, url)| url.clone()),
        })
        .collect();
    context.insert_named(
        "clock",
        &ClockContext {
            phase: status.phase.as_str(),
            days_left: status.days_left,
            end_date: config.notice.end_date().to_string(),
            last_day_start: rfc3339(&status.last_day_start),
            end_instant: rfc3339(&status.end_instant),
            exact_end: config.notice.main().at.as_ref().map(rfc3339),
            today: status.today.to_string(),
            next_change: status.next_change.as_ref().map(rfc3339),
            state: status.state.name(&config.notice),
            reading: key.to_string(),
            next_milestone: status
                .next_milestone()
                .and_then(|index| milestones.get(index).cloned()),
            milestones,
        },
    );
    // The history is the build's, the same in every reading (see `history`).
    context.insert_named(
        "updates",
        &model
            .history
            .shown
            .iter()
            .map(|update| UpdateContext::of(model, update, &lang.code))
            .collect::<Vec<_>>(),
    );
    let url = |path: Option<String>| path.map(|path| config.url_of(&path));
    context.insert_named("feed", &url(feed_path(model, &lang.code)));
    context.insert_named(
        "feeds",
        &config
            .languages
            .iter()
            .filter_map(|l| {
                Some(FeedContext {
                    code: &l.code,
                    name: &l.name,
                    url: url(feed_path(model, &l.code))?,
                })
            })
            .collect::<Vec<_>>(),
    );
    context.insert_named("notice_json", &url(notice_json_path(model, &lang.code)));
    context.insert_named(
        "menu",
        &model
            .pages
            .iter()
            .filter(|p| p.menu && p.language == lang.code)
            .map(|p| NavEntry {
                key: &p.key,
                title: p.title_in(p.phase(&config.notice, status)),
                url: config.url_of(&p.url_path),
                untranslated_from: p.untranslated_from.as_deref(),
            })
            .collect::<Vec<_>>(),
    );
    context
}

/// `translations` of a page's templates: this page in every language that has it.
pub(super) fn page_translations(model: &SiteModel, page: &Page) -> tera::Value {
    let config = model.config;
    let alternates: Vec<Alternate> = config
        .languages
        .iter()
        .filter_map(|l| {
            let other = model.page(&l.code, &page.key)?;
            Some(Alternate {
                code: &l.code,
                name: &l.name,
                dir: l.dir.as_str(),
                og_locale: &l.og_locale,
                url: config.url_of(&other.url_path),
                permalink: config.permalink_of(&other.url_path),
                current: l.code == page.language,
                translated: other.untranslated_from.is_none(),
            })
        })
        .collect();
    tera::Value::from_serializable(&alternates)
}

#[derive(Serialize)]
pub(super) struct NavEntry<'a> {
    pub(super) key: &'a str,
    pub(super) title: &'a str,
    pub(super) url: String,
    /// The language of the title, for a page not translated yet.
    pub(super) untranslated_from: Option<&'a str>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cldr::conventions::numbering_systems;

    #[test]
    fn every_numbering_system_numbers_lists_in_its_digits() {
        assert_eq!(
            list_style("arabext"),
            ("persian".to_string(), String::new())
        );
        assert_eq!(list_style("latn"), ("decimal".to_string(), String::new()));
        for (name, _) in CSS_LIST_STYLES {
            assert!(
                numbering_systems().iter().any(|(n, _)| n == name),
                "{name} is not one of ICU4X's"
            );
        }
        // Where CSS has no style of its own, a counter style of the digits.
        let (style, rule) = list_style("adlm");
        assert_eq!(style, "digits-adlm");
        assert!(
            rule.starts_with("@counter-style digits-adlm{system:numeric;symbols:\"𞥐\" \"𞥑\""),
            "{rule}"
        );
        for (name, _) in numbering_systems() {
            assert!(!list_style(name).0.is_empty(), "{name}");
        }
    }
}
