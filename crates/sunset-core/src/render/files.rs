//! The files besides pages: calendar reminders, the sitemap, robots.txt, notice.json and the
//! content-hashed names of static files; and the plain text of messages for files without
//! markup (reminders, feeds, notices for apps).

use super::urls::{feed_path, notice_json_path, reminder_path, reminder_urls, x_default};
use super::{BuildVariables, SiteModel};
use crate::bidi::isolate_ltr_runs;
use crate::calendar;
use crate::clock::{Status, rfc3339};
use crate::config::Config;
use crate::config::Direction;
use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::files::OutputFile;
use crate::files::StaticFile;
use crate::variables::{REMINDER_CHANGED, REMINDER_MESSAGES};

/// Each language's reminders, from its `reminder-title`, `reminder-description` and
/// `reminder-alert` (which get `$date`, the milestone's last day, and `$milestone`, its name,
/// when the notice has several): for every milestone whose reminder the page offers in any
/// of `readings` (the build's own first), so that a reader still on an earlier day finds it.
/// A milestone that moved has a `SEQUENCE` of its moves the build shows, and its description
/// starts with `reminder-changed` (which also gets `$changed` and `$from`).
pub(super) fn reminders(
    model: &SiteModel,
    variables: &BuildVariables,
    readings: &[&Status],
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let config = model.config;
    let notice = &config.notice;
    let mut offered: Vec<usize> = readings
        .iter()
        .flat_map(|status| reminder_urls(model, status, ""))
        .map(|(index, _)| index)
        .collect();
    offered.sort_unstable();
    offered.dedup();
    let Some(reminder) = config.reminder.as_ref().filter(|_| !offered.is_empty()) else {
        return Ok(Vec::new());
    };
    let host = config.base_url.split('/').nth(2).unwrap_or("sunset");
    let mut files = Vec::new();
    let mut errors = Vec::new();
    // A page the default language lacks was reported by the build, at its line in site.toml;
    // the reminders link to the notice meanwhile, so the pages that offer them stay whole.
    for language in &config.languages {
        let Some(page) = model
            .page(&language.code, &reminder.page)
            .or_else(|| model.page(&language.code, "index"))
        else {
            continue;
        };
        for index in &offered {
            let milestone = &notice.milestones[*index];
            let reminder_args = || {
                let mut args = variables.args();
                if notice.has_several_milestones() {
                    args.set("milestone", milestone.name.clone());
                }
                args.set("date", milestone.date.to_string());
                args
            };
            let args = reminder_args();
            let text = |id: &str| model.translations.format(&language.code, id, &args);
            // A milestone that moved says when, first: a reader who imported the earlier
            // event sees why it moved.
            let moves = model.history.moves_of(*index);
            let changed = moves.first().map(|(update, moved)| {
                let mut args = reminder_args();
                args.set("changed", update.date.to_string());
                args.set("from", moved.from.last_day(milestone.time_zone).to_string());
                model
                    .translations
                    .format(&language.code, REMINDER_CHANGED, &args)
            });
            let [title, description, alert] = REMINDER_MESSAGES;
            match (
                text(title),
                text(description),
                text(alert),
                changed.transpose(),
            ) {
                (Ok(summary), Ok(description), Ok(alert), Ok(changed)) => {
                    let summary_text = plain_text(config, &summary.text, summary.language);
                    let alert_text = plain_text(config, &alert.text, alert.language);
                    let uid = format!("{}-{}@{host}", milestone.name, language.code);
                    let url = config.permalink_of(&page.url_path);
                    // Many calendar apps hide an event's URL field: the address goes in the
                    // text too.
                    let description_language = description.language;
                    let description = plain_text(config, &description.text, description_language);
                    let description = match changed {
                        Some(changed) => format!(
                            "{}\n\n{description}\n\n{url}",
                            plain_text(config, &changed.text, changed.language)
                        ),
                        None => format!("{description}\n\n{url}"),
                    };
                    let ics = calendar::ics(&calendar::Reminder {
                        uid: &uid,
                        sequence: moves.len(),
                        stamp: model.status.now,
                        date: milestone.date,
                        summary: &summary_text,
                        description: &description,
                        url: &url,
                        language: description_language,
                        alert_days_before: reminder.alert_days_before,
                        alert: &alert_text,
                    });
                    files.push(OutputFile {
                        path: reminder_path(notice, milestone, &language.code),
                        bytes: ics.into_bytes(),
                    });
                }
                (Err(e), _, _, _) | (_, Err(e), _, _) | (_, _, Err(e), _) | (_, _, _, Err(e)) => {
                    errors.push(e)
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

/// A message's text where it is shown without markup (calendars, feeds, apps): in a
/// right-to-left language `lang`, its left-to-right runs are isolated, since a name in Latin
/// letters first would turn the line around.
pub(super) fn plain_text(config: &Config, text: &str, lang: &str) -> String {
    match config.language(lang).map(|l| l.dir) {
        Some(Direction::Rtl) => isolate_ltr_runs(text),
        _ => text.to_string(),
    }
}

/// A message as a file without markup shows it: its plain text (see [`plain_text`]) and the
/// language it is in, `lang`'s or the default language's where `lang` has no translation of
/// it yet.
pub(super) struct PlainText<'m> {
    pub(super) text: String,
    pub(super) lang: &'m str,
}

/// Message `id` in language `lang`, in the reading whose build variables are `variables`.
pub(super) fn message_text<'m>(
    model: &'m SiteModel,
    variables: &BuildVariables,
    lang: &str,
    id: &str,
) -> Result<PlainText<'m>, Diagnostic> {
    let formatted = model
        .translations
        .format(lang, id, &model.message_args(variables, id))?;
    Ok(PlainText {
        text: plain_text(model.config, &formatted.text, formatted.language),
        lang: formatted.language,
    })
}

pub(super) fn sitemap(model: &SiteModel) -> OutputFile {
    let config = model.config;
    let esc = crate::bidi::escape_html;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    // A page not translated yet is the default language's page again: it is left out, like
    // a duplicate whose canonical URL is elsewhere.
    let translated = |page: &&Page| page.untranslated_from.is_none();
    for page in model.pages.iter().filter(translated) {
        xml.push_str(&format!(
            "  <url>\n    <loc>{}</loc>\n",
            esc(&config.permalink_of(&page.url_path))
        ));
        if let Some(updated) = page.updated {
            xml.push_str(&format!("    <lastmod>{updated}</lastmod>\n"));
        }
        let translations = config
            .languages
            .iter()
            .filter_map(|l| model.page(&l.code, &page.key))
            .filter(translated);
        for other in translations {
            xml.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                esc(&other.language),
                esc(&config.permalink_of(&other.url_path))
            ));
        }
        xml.push_str(&format!(
            "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n  </url>\n",
            esc(&x_default(model, page))
        ));
    }
    xml.push_str("</urlset>\n");
    OutputFile {
        path: "sitemap.xml".into(),
        bytes: xml.into_bytes(),
    }
}

/// `favicon.svg` → `favicon.1a2b3c4d.svg`: a name that changes with the content, so hosts can
/// let browsers cache it for ever. The plain name is written too, for links from elsewhere.
pub(super) fn hashed_name(file: &StaticFile) -> String {
    let hash = crate::stamp::hash_bytes(&file.bytes);
    match file.name.rsplit_once('.') {
        Some((stem, extension)) if !stem.ends_with('/') && !stem.is_empty() => {
            format!("{stem}.{hash}.{extension}")
        }
        _ => format!("{}.{hash}", file.name),
    }
}

/// `notice.json`: where the notice stands in this build and when its wording changes next,
/// for deploy jobs that rebuild only when needed; the latest update, and each language's
/// feed and notice for apps, where the site has them.
pub(super) fn manifest(model: &SiteModel) -> OutputFile {
    let status = model.status;
    let notice = &model.config.notice;
    let json = serde_json::json!({
        "phase": status.phase.as_str(),
        "days_left": status.days_left,
        "end_date": model.config.notice.end_date().to_string(),
        "time_zone": model.config.notice.time_zone.name(),
        "last_day_starts": rfc3339(&status.last_day_start),
        "ended_at": rfc3339(&status.end_instant),
        "next_change": status.next_change.as_ref().map(rfc3339),
        "built_for": rfc3339(&status.now),
    });
    let mut json = json;
    let main = notice.main();
    json["day"] = if main.reader_day { "reader" } else { "zone" }.into();
    if main.reader_day {
        let last_day = crate::clock::day_anywhere(main.date);
        json["last_day_anywhere"] = serde_json::json!({
            "starts": rfc3339(&last_day.start),
            "ends": rfc3339(&last_day.end),
        });
    }
    if notice.has_several_milestones() {
        let milestones: Vec<serde_json::Value> = notice
            .milestones
            .iter()
            .zip(&status.milestones)
            .enumerate()
            .map(|(index, (milestone, now))| {
                serde_json::json!({
                    "name": milestone.name,
                    "main": index == notice.main,
                    "date": milestone.date.to_string(),
                    "time_zone": milestone.time_zone.name(),
                    "phase": now.phase.as_str(),
                    "days_left": now.days_left,
                    "last_day_starts": rfc3339(&now.last_day_start),
                    "happens_at": rfc3339(&now.end_instant),
                    "next_change": now.next_change.as_ref().map(rfc3339),
                })
            })
            .collect();
        json["state"] = status.state.name(notice).into();
        json["milestones"] = milestones.into();
    }
    if let Some(update) = model.history.latest() {
        let at = crate::history::instant_of(model.config, update);
        json["latest_update"] = serde_json::json!({
            "id": update.id,
            "kind": update.kind.as_str(),
            "date": update.date.to_string(),
            "at": rfc3339(&at.with_timezone(&notice.time_zone)),
        });
    }
    // Each language's feed and notice for apps, where the site has them.
    let config = model.config;
    let permalink = |path: Option<String>| path.map(|path| config.permalink_of(&path));
    let languages: Vec<serde_json::Value> = config
        .languages
        .iter()
        .filter_map(|language| {
            let feed = permalink(feed_path(model, &language.code));
            let notice = permalink(notice_json_path(model, &language.code));
            (feed.is_some() || notice.is_some()).then(
                || serde_json::json!({ "code": language.code, "feed": feed, "notice": notice }),
            )
        })
        .collect();
    if !languages.is_empty() {
        json["languages"] = languages.into();
    }
    let text = serde_json::to_string_pretty(&json).unwrap_or_default() + "\n";
    OutputFile {
        path: "notice.json".into(),
        bytes: text.into_bytes(),
    }
}

pub(super) fn robots(config: &Config) -> OutputFile {
    let text = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
        config.base_url
    );
    OutputFile {
        path: "robots.txt".into(),
        bytes: text.into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hashed_name_keeps_the_extension_of_a_named_file_only() {
        let hashed = |name: &str| {
            let file = StaticFile {
                name: name.into(),
                bytes: b"x".to_vec(),
            };
            let hash = crate::stamp::hash_bytes(&file.bytes);
            hashed_name(&file).replace(&hash, "H")
        };
        assert_eq!(hashed("favicon.svg"), "favicon.H.svg");
        assert_eq!(hashed("img/logo.min.png"), "img/logo.min.H.png");
        // A dot file has no extension to keep: its name is all stem.
        assert_eq!(hashed(".htaccess"), ".htaccess.H");
        assert_eq!(hashed("img/.hidden"), "img/.hidden.H");
        assert_eq!(hashed("LICENSE"), "LICENSE.H");
    }
}
