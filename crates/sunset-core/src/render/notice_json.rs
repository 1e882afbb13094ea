//! Each language's notice for apps, `<lang>/notice.json` (with `[notice_json]` in site.toml):
//! where the notice stands and what it says, in that language's words, so that an app can
//! show it in its own screens from one file. docs/notice-json.md documents the schema, whose
//! `version` changes only when a field changes meaning; fields may be added.

use serde::Serialize;

use super::files::{PlainText, message_text, plain_text};
use super::urls::{feed_path, notice_json_path, reminder_path, reminder_urls, update_page};
use super::{BuildVariables, SiteModel};
use crate::clock::rfc3339;
use crate::config::{Config, Direction, Language};
use crate::diagnostics::Diagnostic;
use crate::files::OutputFile;
use crate::history::instant_of;

/// The schema's version: docs/notice-json.md.
const VERSION: u32 = 1;

#[derive(Serialize)]
struct NoticeDocument<'a> {
    version: u32,
    language: LanguageField<'a>,
    /// The instant the file was built for.
    built_for: String,
    /// The main milestone's phase: `upcoming`, `last-day` or `ended`.
    phase: &'static str,
    days_left: Option<i64>,
    /// Until when `status` holds (the next instant any wording changes); null once every
    /// milestone has happened.
    next_change: Option<String>,
    /// The notice page's title and description, as its page shows them now.
    headline: Option<Text<'a>>,
    summary: Option<Text<'a>>,
    /// Where the notice stands, as the pages' status box words it.
    status: Text<'a>,
    /// The main milestone.
    end: Milestone,
    milestones: Vec<Milestone>,
    pages: Vec<PageField<'a>>,
    feed: Option<String>,
    reminders: Vec<String>,
    latest_update: Option<UpdateField<'a>>,
}

#[derive(Serialize)]
struct LanguageField<'a> {
    code: &'a str,
    name: &'a str,
    dir: &'static str,
}

/// A text, in the language it is written in (the default language's where this one has no
/// translation of it yet), plain, with left-to-right runs isolated in right-to-left text.
#[derive(Serialize)]
struct Text<'a> {
    text: String,
    lang: &'a str,
    dir: &'static str,
}

#[derive(Serialize, Clone)]
struct Milestone {
    name: String,
    main: bool,
    /// Its last day, ISO and as the language writes it.
    date: String,
    date_text: String,
    time_zone: &'static str,
    /// `reader` when its day is each reader's own calendar day, else `zone`.
    day: &'static str,
    phase: &'static str,
    days_left: Option<i64>,
    last_day_starts: String,
    happens_at: String,
}

#[derive(Serialize)]
struct PageField<'a> {
    key: &'a str,
    role: Option<&'a str>,
    title: Text<'a>,
    url: String,
}

#[derive(Serialize)]
struct UpdateField<'a> {
    id: &'a str,
    kind: &'static str,
    date: String,
    date_text: String,
    /// When it was made: its instant, or the start of its day in the notice's zone.
    at: String,
    text: Text<'a>,
    /// The milestone it moved, for a move.
    milestone: Option<&'a str>,
    url: Option<String>,
}

/// Every language's `<lang>/notice.json`, when site.toml asks for them.
pub(super) fn notices(
    model: &SiteModel,
    variables: &BuildVariables,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let Some(wording) = &model.config.notice_json else {
        return Ok(Vec::new());
    };
    let status_message = wording
        .status_message(model.status.phase)
        .unwrap_or_default();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for language in &model.config.languages {
        let Some(path) = notice_json_path(model, &language.code) else {
            continue;
        };
        match document(model, variables, language, status_message) {
            Ok(document) => {
                let json = serde_json::to_string_pretty(&document).unwrap_or_default() + "\n";
                files.push(OutputFile {
                    path,
                    bytes: json.into_bytes(),
                });
            }
            Err(error) => errors.push(error),
        }
    }
    match errors.is_empty() {
        true => Ok(files),
        false => Err(errors),
    }
}

fn document<'m>(
    model: &'m SiteModel,
    variables: &BuildVariables,
    language: &'m Language,
    status_message: &str,
) -> Result<NoticeDocument<'m>, Diagnostic> {
    let config = model.config;
    let status = model.status;
    let lang = language.code.as_str();
    let text = |plain: PlainText<'m>| text_of(config, plain.text, plain.lang);
    let notice = model.page(lang, "index");
    let page_text = |page: &'m crate::content::Page, title: bool| {
        let phase = page.phase(&config.notice, status);
        let words = match title {
            true => page.title_in(phase),
            false => page.description_in(phase),
        };
        let written_in = page.untranslated_from.as_deref().unwrap_or(lang);
        text_of(config, plain_text(config, words, written_in), written_in)
    };
    let milestones: Vec<Milestone> = config
        .notice
        .milestones
        .iter()
        .zip(&status.milestones)
        .enumerate()
        .map(|(index, (milestone, now))| Milestone {
            name: milestone.name.clone(),
            main: index == config.notice.main,
            date: milestone.date.to_string(),
            date_text: long_date(model, lang, milestone.date),
            time_zone: milestone.time_zone.name(),
            day: if milestone.reader_day {
                "reader"
            } else {
                "zone"
            },
            phase: now.phase.as_str(),
            days_left: now.days_left,
            last_day_starts: rfc3339(&now.last_day_start),
            happens_at: rfc3339(&now.end_instant),
        })
        .collect();
    let latest_update = match model.history.latest() {
        Some(update) => Some(UpdateField {
            id: &update.id,
            kind: update.kind.as_str(),
            date: update.date.to_string(),
            date_text: long_date(model, lang, update.date),
            at: rfc3339(&instant_of(config, update).with_timezone(&config.notice.time_zone)),
            text: text(message_text(model, variables, lang, &update.message_id())?),
            milestone: update
                .moved()
                .map(|m| config.notice.milestones[m.milestone].name.as_str()),
            url: update_page(model, update, lang).map(|p| config.permalink_of(&p.url_path)),
        }),
        None => None,
    };
    Ok(NoticeDocument {
        version: VERSION,
        language: LanguageField {
            code: lang,
            name: &language.name,
            dir: language.dir.as_str(),
        },
        built_for: rfc3339(&status.now),
        phase: status.phase.as_str(),
        days_left: status.days_left,
        next_change: status.next_change.as_ref().map(rfc3339),
        headline: notice.map(|page| page_text(page, true)),
        summary: notice.map(|page| page_text(page, false)),
        status: text(message_text(model, variables, lang, status_message)?),
        end: milestones[config.notice.main].clone(),
        milestones,
        pages: model
            .pages
            .iter()
            .filter(|page| page.language == lang)
            .map(|page| PageField {
                key: &page.key,
                role: page.role.as_deref(),
                title: page_text(page, true),
                url: config.permalink_of(&page.url_path),
            })
            .collect(),
        feed: feed_path(model, lang).map(|path| config.permalink_of(&path)),
        reminders: reminder_urls(model, status, lang)
            .into_iter()
            .map(|(index, _)| {
                let milestone = &config.notice.milestones[index];
                config.permalink_of(&reminder_path(&config.notice, milestone, lang))
            })
            .collect(),
        latest_update,
    })
}

/// `text`, already plain (see `files::plain_text`), written in `lang`.
fn text_of<'a>(config: &Config, text: String, lang: &'a str) -> Text<'a> {
    let dir = config.language(lang).map_or(Direction::Ltr, |l| l.dir);
    Text {
        text,
        lang,
        dir: dir.as_str(),
    }
}

fn long_date(model: &SiteModel, lang: &str, date: chrono::NaiveDate) -> String {
    model
        .translations
        .locale_data(lang)
        .map(|data| data.long_date(date))
        .unwrap_or_else(|| date.to_string())
}
