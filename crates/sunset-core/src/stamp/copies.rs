//! What is still the default language's text in each language (see [`Copies`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{hash, page_parts};
use crate::config::Config;
use crate::content::Page;
use crate::messages::{LanguageMessages, MessageInfo};

/// What each language still has in the default language's words: init's copies, a copy a
/// translator made and has not translated yet, or a text stamped without being translated.
/// The build publishes them as it publishes what is missing (the default language's text,
/// marked as such), `check` counts them untranslated, and none is ever "outdated".
#[derive(Debug, Default)]
pub struct Copies {
    /// Message ids, by language.
    pub messages: BTreeMap<String, BTreeSet<String>>,
    /// Pages, as (language, key).
    pub pages: BTreeSet<(String, String)>,
}

/// The copies among `locales` and `pages` (see [`Copies`]).
pub fn copies(config: &Config, messages: &LanguageMessages, pages: &[Page]) -> Copies {
    let default = &config.default_language().code;
    let none = BTreeMap::new();
    let reference = messages.get(default).unwrap_or(&none);
    let mut copies = Copies::default();
    for language in config.languages.iter().filter(|l| &l.code != default) {
        let messages = messages.get(&language.code).unwrap_or(&none);
        let copied: BTreeSet<String> = messages
            .iter()
            .filter(|(id, message)| {
                reference.get(*id).is_some_and(|source| {
                    is_copied_message(message, source, &config.allow_identical)
                })
            })
            .map(|(id, _)| id.clone())
            .collect();
        if !copied.is_empty() {
            copies.messages.insert(language.code.clone(), copied);
        }
    }
    // By key: every page of every language is compared, on every build.
    let originals: HashMap<&str, &Page> = pages
        .iter()
        .filter(|p| &p.language == default)
        .map(|p| (p.key.as_str(), p))
        .collect();
    for page in pages.iter().filter(|p| &p.language != default) {
        let source = originals.get(page.key.as_str());
        if source.is_some_and(|source| is_copied_page(page, source)) {
            copies
                .pages
                .insert((page.language.clone(), page.key.clone()));
        }
    }
    copies
}

/// Whether `text` says anything besides the names that stay as they are.
fn has_words(text: &str, allow_identical: &[String]) -> bool {
    let mut rest = text.to_string();
    for word in allow_identical {
        rest = rest.replace(word.as_str(), "");
    }
    rest.chars().any(char::is_alphabetic)
}

/// A message still in the default language's words: made only of the default language's
/// runs of text now, or, when it was stamped, the very text it was stamped from. `init` and
/// `add-language` stamp their copies with the copy's own text (which has the language's extra
/// plural forms), so a copy stays one after the default language changes.
pub fn is_copied_message(
    translation: &MessageInfo,
    source: &MessageInfo,
    allow_identical: &[String],
) -> bool {
    let own = Some(hash(&translation.canonical));
    let stamped_copy = translation.copy_of == own || translation.stamp == own;
    let source_runs: BTreeSet<&str> = source.runs.iter().map(|run| run.trim()).collect();
    let only_source_runs = !translation.runs.is_empty()
        && translation
            .runs
            .iter()
            .all(|run| source_runs.contains(run.trim()));
    (only_source_runs || stamped_copy) && has_words(&translation.text, allow_identical)
}

/// Whether a language's file, whose messages are `messages`, is only a copy of the default
/// language's: copies, messages the same as the default language's (a date, with no words to
/// translate) and copies of messages the default language no longer has, and nothing
/// translated. `check` reports such a file as one copy, never message by message, and
/// `stamp` writes it anew from the default language's.
pub fn is_copy<'a>(
    messages: impl IntoIterator<Item = (&'a String, &'a MessageInfo)>,
    reference: &BTreeMap<String, MessageInfo>,
    allow_identical: &[String],
) -> bool {
    let mut copies = 0;
    for (id, message) in messages {
        match reference.get(id) {
            Some(source) if is_copied_message(message, source, allow_identical) => copies += 1,
            Some(source) if message.canonical == source.canonical => {}
            None if message.copy_of == Some(hash(&message.canonical)) => {}
            _ => return false,
        }
    }
    copies > 0
}

/// A page still in the default language's words: the same text as the default language's page
/// now, or, when it was stamped, every part as it was stamped from.
pub fn is_copied_page(page: &Page, source: &Page) -> bool {
    source.body_source() == page.body_source()
        || (!page.translated_from.is_empty() && page_parts(page) == page.translated_from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_text_made_only_of_names_is_fine() {
        let names = ["ChatGPT".to_string(), "WhatsApp".to_string()];
        assert!(!has_words("ChatGPT WhatsApp", &names));
        assert!(!has_words("ChatGPT, WhatsApp: 1-800", &names));
        assert!(has_words("Questions", &names));
        assert!(has_words("ChatGPT sur WhatsApp", &names));
    }
}
