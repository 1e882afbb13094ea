//! What site.toml's history and `[notice_json]` need from the rest of the site: each
//! update's text in the default language, the page it names, the messages the feeds, the
//! reminders of a moved milestone and `<lang>/notice.json` are worded with; and updates dated
//! after the build, which it does not show yet.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::config::Config;
use crate::content::Page;
use crate::diagnostics::{Diagnostic, Location, closest};
use crate::history;
use crate::messages::LanguageMessages;
use crate::variables::{FEED_TITLE_MESSAGE, REMINDER_CHANGED};

/// A message the default language must define for what site.toml asks: where it asks, and
/// the error when the message is missing.
struct Needed<'c> {
    id: String,
    place: &'c Location,
    message: String,
    hint: String,
}

/// The messages `config`'s updates and `[notice_json]` need (see [`Needed`]).
fn needed_messages<'c>(config: &'c Config) -> Vec<Needed<'c>> {
    let file = format!("locales/{}/", config.default_language().code);
    let mut needed = Vec::new();
    for update in &config.updates {
        let id = update.message_id();
        needed.push(Needed {
            message: format!(
                "the update `{}` has no text: {file} does not define `{id}`",
                update.id
            ),
            hint: format!(
                "write it in {file}updates.ftl: `{id} = …`, a sentence that stays true after the end"
            ),
            id,
            place: &update.places.id,
        });
    }
    let file = file.as_str();
    let uses = |id: &str, place: &'c Location, why: &str| Needed {
        id: id.to_string(),
        place,
        message: format!("{file} does not define `{id}`: {why}"),
        hint: format!("define `{id}` in {file}"),
    };
    if let Some(first) = config.updates.first() {
        needed.push(uses(
            FEED_TITLE_MESSAGE,
            &first.places.id,
            "each language's feed of updates takes its title from it",
        ));
    }
    if config.reminder.is_some()
        && let Some(first_move) = config.updates.iter().find(|u| u.moved().is_some())
    {
        needed.push(uses(
            REMINDER_CHANGED,
            &first_move.places.id,
            "the reminder of a milestone that moved says when, in it",
        ));
    }
    for (_, id, place) in config.notice_json.iter().flat_map(|n| &n.status) {
        needed.push(uses(
            id,
            place,
            "<lang>/notice.json takes its status text from it",
        ));
    }
    needed
}

/// The messages `config`'s updates and `[notice_json]` need that the default language does
/// not define: [`history_findings`] reports each at its place in site.toml, so that what
/// fails where it is used is not reported again.
pub fn missing_history_messages(config: &Config, messages: &LanguageMessages) -> Vec<String> {
    let none = BTreeMap::new();
    let defined = messages
        .get(&config.default_language().code)
        .unwrap_or(&none);
    needed_messages(config)
        .into_iter()
        .filter(|needed| !defined.contains_key(&needed.id))
        .map(|needed| needed.id)
        .collect()
}

/// Findings about `config`'s updates and `[notice_json]` in a build at `now`.
pub fn history_findings(
    config: &Config,
    messages: &LanguageMessages,
    pages: &[Page],
    now: DateTime<Utc>,
) -> Vec<Diagnostic> {
    let default = &config.default_language().code;
    let none = BTreeMap::new();
    let defined = messages.get(default).unwrap_or(&none);
    let ids: Vec<&str> = defined.keys().map(String::as_str).collect();
    let mut findings: Vec<Diagnostic> = needed_messages(config)
        .into_iter()
        .filter(|needed| !defined.contains_key(&needed.id))
        .map(|needed| {
            // A message of site.toml's naming may be misspelled there.
            let hint = match closest(&needed.id, &ids) {
                Some(meant) => format!("did you mean `{meant}`? Otherwise {}", needed.hint),
                None => needed.hint,
            };
            Diagnostic::error(needed.message)
                .at(needed.place.clone())
                .hint(hint)
        })
        .collect();
    let keys: Vec<&str> = pages
        .iter()
        .filter(|p| &p.language == default)
        .map(|p| p.key.as_str())
        .collect();
    for update in &config.updates {
        if let (Some(key), Some(place)) = (&update.page, &update.places.page)
            && !keys.contains(&key.as_str())
        {
            let hint = match closest(key, &keys) {
                Some(meant) => format!("did you mean page = \"{meant}\"?"),
                None => format!("name one of: {}", keys.join(", ")),
            };
            findings.push(
                Diagnostic::error(format!(
                    "the update `{}` is about the page `{key}`, which content/{default}/ does not have",
                    update.id
                ))
                .at(place.clone())
                .hint(hint),
            );
        }
        if history::instant_of(config, update) > now {
            findings.push(
                Diagnostic::note(format!(
                    "the update `{}` is dated {}, after the build's date: the site does not show it until a build on or after that date",
                    update.id, update.date
                ))
                .code("future-update")
                .at(update.places.date.clone())
                .hint("rebuild on that date (a deploy job that rebuilds at `next change` does it while the notice runs), or date the update when it was made"),
            );
        }
    }
    findings
}
