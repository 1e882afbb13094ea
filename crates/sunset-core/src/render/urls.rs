//! The addresses render gives pages and files: the page for readers of no listed language,
//! each language's calendar reminders, feed and notice for apps, and the page an update is
//! about. Page contexts and the site's files both use them.

use super::SiteModel;
use crate::clock::Status;
use crate::config::{Milestone, Notice, Update};
use crate::content::Page;
use crate::phase::Phase;

pub(super) const REMINDER_FILE: &str = "remind-me.ics";
const FEED_FILE: &str = "feed.xml";
const NOTICE_JSON_FILE: &str = "notice.json";

/// Where a language's feed of updates is, while the build shows one update or more.
pub(super) fn feed_path(model: &SiteModel, lang: &str) -> Option<String> {
    (!model.history.shown.is_empty()).then(|| format!("{lang}/{FEED_FILE}"))
}

/// Where a language's notice for apps is, when site.toml asks for it (`[notice_json]`).
pub(super) fn notice_json_path(model: &SiteModel, lang: &str) -> Option<String> {
    model
        .config
        .notice_json
        .as_ref()
        .map(|_| format!("{lang}/{NOTICE_JSON_FILE}"))
}

/// The page of language `lang` an update is about: the one it names, else the notice.
pub(super) fn update_page<'m>(
    model: &'m SiteModel,
    update: &Update,
    lang: &str,
) -> Option<&'m Page> {
    model.page(lang, update.page.as_deref().unwrap_or("index"))
}

/// Where a language's calendar reminder of a milestone is: `remind-me.ics` for a notice of
/// one date, `remind-me-<milestone>.ics` with several.
pub(super) fn reminder_path(notice: &Notice, milestone: &Milestone, lang: &str) -> String {
    if notice.has_several_milestones() {
        format!("{lang}/remind-me-{}.ics", milestone.name)
    } else {
        format!("{lang}/{REMINDER_FILE}")
    }
}

/// The milestones a language's reminders are offered for now, each with its reminder's URL:
/// those site.toml marks (`remind`, else the main one) while they are still upcoming, since
/// afterwards there is nothing left to be reminded of.
pub(super) fn reminder_urls(
    model: &SiteModel,
    status: &Status,
    lang: &str,
) -> Vec<(usize, String)> {
    let notice = &model.config.notice;
    if model.config.reminder.is_none() {
        return Vec::new();
    }
    reminded(notice)
        .filter(|index| status.milestones[*index].phase == Phase::Upcoming)
        .map(|index| {
            let path = reminder_path(notice, &notice.milestones[index], lang);
            (index, model.config.url_of(&path))
        })
        .collect()
}

/// The milestones site.toml marks for reminders, or the main one if it marks none.
pub(super) fn reminded(notice: &Notice) -> impl Iterator<Item = usize> + '_ {
    let marked = notice.milestones.iter().any(|m| m.remind);
    (0..notice.milestones.len()).filter(move |index| match marked {
        true => notice.milestones[*index].remind,
        false => *index == notice.main,
    })
}

/// The page for readers whose language is not listed: the language chooser for the notice,
/// the default language's version for the other pages.
pub(super) fn x_default(model: &SiteModel, page: &Page) -> String {
    let config = model.config;
    if page.key == "index" {
        return config.base_url.clone();
    }
    model
        .page(&config.default_language().code, &page.key)
        .map_or_else(
            || config.base_url.clone(),
            |p| config.permalink_of(&p.url_path),
        )
}
