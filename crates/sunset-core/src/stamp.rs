//! Which version of the default language a translation was made from, so that `check` can say
//! when it has fallen behind, and where.
//!
//! `sunset stamp LANG` records, for each of the language's messages, a comment above it:
//!
//! ```text
//! # translated-from: 3f2a9c1e
//! status-ended = …
//! ```
//!
//! and for each page, in its front matter, one short hash per part of the default language's
//! page (title, description, the text before the first `##`, and each `##` section by id):
//!
//! ```text
//! translated_from = { title = "9b1c…", intro = "…", "#why" = "…" }
//! ```
//!
//! When the default language's text changes afterwards, `check` lists the message as outdated
//! with its new text, or the page with the parts that changed. The hashes are FNV-1a, which is
//! the same on every machine and Rust version, as something stored in files must be.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use crate::cldr;
use crate::config::Config;
use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::i18n::{LocaleFile, message_definitions};
use crate::markdown::slugify;
use crate::messages::{COPY_STAMP, MESSAGE_STAMP, MessageInfo, messages_of, with_plural_forms};

/// A short, stable fingerprint of a text.
pub fn hash(text: &str) -> String {
    hash_bytes(text.as_bytes())
}

/// A short, stable fingerprint of bytes.
pub fn hash_bytes(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        h ^= u64::from(*byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:08x}", h >> 32)
}

/// The parts of a page that a translation follows, each with its hash.
pub fn page_parts(page: &Page) -> BTreeMap<String, String> {
    let mut parts = BTreeMap::new();
    parts.insert("title".to_string(), hash(&page.title));
    parts.insert("description".to_string(), hash(&page.description));
    for (phase, text) in &page.phase_texts {
        let phase = phase.as_str();
        if let Some(title) = &text.title {
            parts.insert(format!("{phase}.title"), hash(title));
        }
        if let Some(description) = &text.description {
            parts.insert(format!("{phase}.description"), hash(description));
        }
    }
    // A section may have a heading per phase (`::: ended` then `## … {#why}`): its parts, all
    // under one id, are followed together.
    let mut sections: BTreeMap<String, String> = BTreeMap::new();
    let mut current = "intro".to_string();
    let mut order: Vec<String> = Vec::new();
    for line in page.body_source().lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            current = format!("#{}", heading_id(heading));
            if !order.contains(&current) {
                order.push(current.clone());
            }
            // The question of an FAQ entry is part of what its translation follows.
            let text = sections.entry(current.clone()).or_default();
            text.push_str(heading.trim_end());
            text.push('\n');
        } else {
            let text = sections.entry(current.clone()).or_default();
            text.push_str(line.trim_end());
            text.push('\n');
        }
    }
    sections.entry("intro".to_string()).or_default();
    // Sections moved around change no section's text, but the translation should follow.
    parts.insert("order".to_string(), hash(&order.join(" ")));
    for (part, text) in sections {
        parts.insert(part, hash(text.trim()));
    }
    parts
}

fn heading_id(heading: &str) -> String {
    match heading
        .trim_end()
        .strip_suffix('}')
        .and_then(|h| h.rsplit_once("{#"))
    {
        Some((_, id)) => id.to_string(),
        None => slugify(heading),
    }
}

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
pub fn copies(config: &Config, locales: &[LocaleFile], pages: &[Page]) -> Copies {
    let default = &config.default_language().code;
    let reference = messages_of(locales.iter().filter(|f| &f.language == default));
    let mut copies = Copies::default();
    for language in config.languages.iter().filter(|l| &l.code != default) {
        let messages = messages_of(locales.iter().filter(|f| f.language == language.code));
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

/// A page still in the default language's words: the same text as the default language's page
/// now, or, when it was stamped, every part as it was stamped from.
pub fn is_copied_page(page: &Page, source: &Page) -> bool {
    source.body_source() == page.body_source()
        || (!page.translated_from.is_empty() && page_parts(page) == page.translated_from)
}

/// The language of a file of `locales/<lang>/` or `content/<lang>/`, from its path.
fn language_of(path: &std::path::Path) -> String {
    path.iter().nth(1).map_or_else(
        || "<language>".to_string(),
        |l| l.to_string_lossy().into_owned(),
    )
}

/// Messages stamped from a default-language text that has changed since.
pub(crate) fn outdated_messages(
    reference: &BTreeMap<String, MessageInfo>,
    translated: &BTreeMap<String, MessageInfo>,
    allow_identical: &[String],
) -> Vec<Diagnostic> {
    translated
        .iter()
        .filter_map(|(id, translation)| {
            let stamp = translation.stamp.as_ref()?;
            let source = reference.get(id)?;
            let outdated = hash(&source.canonical) != *stamp
                && !is_copied_message(translation, source, allow_identical);
            outdated.then(|| {
                Diagnostic::warning(format!(
                    "`{id}` was translated from an earlier version of the default language's text, which now reads: {}",
                    source.canonical.trim()
                ))
                .code("outdated-message")
                .at(translation.location.clone())
                .hint(format!(
                    "update the translation, then record it with `sunset stamp {}`",
                    language_of(&translation.location.path)
                ))
            })
        })
        .collect()
}

/// Pages stamped from a default-language page that has changed since, with the parts that did.
pub fn outdated_pages(config: &Config, pages: &[Page]) -> Vec<Diagnostic> {
    let default = &config.default_language().code;
    let mut findings = Vec::new();
    for page in pages
        .iter()
        .filter(|p| &p.language != default && !p.translated_from.is_empty())
    {
        let Some(source) = pages
            .iter()
            .find(|p| &p.language == default && p.key == page.key)
        else {
            continue;
        };
        if is_copied_page(page, source) {
            continue;
        }
        let now = page_parts(source);
        let mut changed: Vec<String> = now
            .iter()
            .filter(|(part, hash)| page.translated_from.get(*part) != Some(*hash))
            .map(|(part, _)| part.clone())
            .collect();
        changed.extend(
            page.translated_from
                .keys()
                .filter(|part| !now.contains_key(*part))
                .map(|part| format!("{part} (removed)")),
        );
        if !changed.is_empty() {
            findings.push(
                Diagnostic::warning(format!(
                    "translated from an earlier version of {}; changed since: {}",
                    source.path.display(),
                    changed.join(", ")
                ))
                .code("outdated-page")
                .in_file(&page.path)
                .hint(format!(
                    "update those parts, then record it with `sunset stamp {}`",
                    page.language
                )),
            );
        }
    }
    findings
}

/// The files of `language` with up-to-date stamps: every message and page that the default
/// language also has is marked as translated from its current text.
pub fn stamp_language(
    config: &Config,
    language: &str,
    locales: &[LocaleFile],
    pages: &[Page],
) -> Stamped {
    let default = &config.default_language().code;
    let forms = config
        .language(language)
        .map(|l| cldr::needed_plural_forms(&l.canonical_code))
        .unwrap_or_default();
    let default_files: Vec<&LocaleFile> =
        locales.iter().filter(|f| &f.language == default).collect();
    let reference = messages_of(default_files.iter().copied());
    let mut stamped = Stamped::default();
    for file in locales.iter().filter(|f| f.language == language) {
        // A message still a copy is no translation to record: it stays a copy, brought up to
        // the default language's current text.
        let messages = messages_of(std::iter::once(file));
        let copies: BTreeMap<&str, &str> = messages
            .iter()
            .filter_map(|(id, message)| {
                let source = reference.get(id)?;
                is_copied_message(message, source, &config.allow_identical).then(|| {
                    let source_file = default_files
                        .iter()
                        .find(|f| f.path == source.location.path)?;
                    Some((
                        id.as_str(),
                        entry_text(&source_file.text, source.location.line),
                    ))
                })?
            })
            .collect();
        stamped.copied_messages += copies.len();
        let refreshed = with_entries_replaced(&file.text, &copies, &forms);
        let messages = messages_of(std::iter::once(&LocaleFile {
            text: refreshed.clone(),
            ..file.clone()
        }));
        let stamps: BTreeMap<usize, String> = message_definitions(&file.path, &refreshed)
            .iter()
            .filter_map(|(id, location)| {
                let source = reference.get(id)?;
                let stamp = match copies.contains_key(id.as_str()) {
                    true => format!("{COPY_STAMP} {}", hash(&messages.get(id)?.canonical)),
                    false => format!("{MESSAGE_STAMP} {}", hash(&source.canonical)),
                };
                Some((location.line, stamp))
            })
            .collect();
        let text = stamp_messages(&refreshed, &stamps);
        if text != file.text {
            stamped.files.push((file.path.clone(), text));
        }
    }
    for page in pages.iter().filter(|p| p.language == language) {
        let Some(source) = pages
            .iter()
            .find(|p| &p.language == default && p.key == page.key)
        else {
            continue;
        };
        let text = if is_copied_page(page, source) {
            stamped.copied_pages += 1;
            stamp_front_matter(&source.source, &page_parts(source))
        } else {
            stamp_front_matter(&page.source, &page_parts(source))
        };
        if text != page.source {
            stamped.files.push((page.path.clone(), text));
        }
    }
    stamped
}

/// What `sunset stamp LANG` changes: the files, and how many messages and pages it left as
/// copies (brought up to the default language's current text) instead of recording them as
/// translated.
#[derive(Debug, Default)]
pub struct Stamped {
    pub files: Vec<(PathBuf, String)>,
    pub copied_messages: usize,
    pub copied_pages: usize,
}

/// The lines of the entry of `ftl` that starts at `line` (1-based): up to the next entry,
/// without the comments and blank lines before it, which belong to that one.
fn entry_text(ftl: &str, line: usize) -> &str {
    &ftl[entry_range(ftl, &entry_lines(ftl), line)]
}

/// The first line of every entry of `ftl`, in order.
fn entry_lines(ftl: &str) -> Vec<usize> {
    let mut lines: Vec<usize> = message_definitions(std::path::Path::new(""), ftl)
        .values()
        .map(|location| location.line)
        .collect();
    lines.sort_unstable();
    lines
}

/// The byte range of the entry starting at `line` (see [`entry_text`]); `entries` are the
/// first lines of all of `ftl`'s entries.
fn entry_range(ftl: &str, entries: &[usize], line: usize) -> std::ops::Range<usize> {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(ftl.match_indices('\n').map(|(at, _)| at + 1))
        .collect();
    let offset = |line: usize| line_starts.get(line - 1).copied().unwrap_or(ftl.len());
    let next = entries.iter().copied().find(|start| *start > line);
    let start = offset(line.max(1));
    let end = next.map_or(ftl.len(), offset);
    // The comments and blank lines before the next entry are its own.
    let mut kept = start;
    let mut at = start;
    for text in ftl[start..end].split_inclusive('\n') {
        at += text.len();
        if !text.trim().is_empty() && !text.starts_with('#') {
            kept = at;
        }
    }
    start..kept
}

/// `ftl` with the entry of each id in `entries` replaced by the given text (the default
/// language's), its plural selects given the language's `forms`.
fn with_entries_replaced(
    ftl: &str,
    entries: &BTreeMap<&str, &str>,
    forms: &BTreeSet<&str>,
) -> String {
    let definitions = message_definitions(std::path::Path::new(""), ftl);
    let starts = entry_lines(ftl);
    let mut ranges: Vec<(std::ops::Range<usize>, &str)> = definitions
        .iter()
        .filter_map(|(id, location)| {
            let text = entries.get(id.as_str())?;
            Some((entry_range(ftl, &starts, location.line), *text))
        })
        .collect();
    ranges.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    let mut out = ftl.to_string();
    for (range, text) in ranges {
        let mut text = with_plural_forms(text, forms);
        // with_plural_forms ends every line; the entry's range ends where its text does.
        if !ftl[range.clone()].ends_with('\n') {
            text.pop();
        }
        out.replace_range(range, &text);
    }
    out
}

/// Puts each stamp comment (`translated-from: HASH` or `copy-of: HASH`) right above its
/// message line in `stamps` (1-based line → stamp), replacing any older stamp of either kind
/// in the comment above it (a translator's comment may sit between the two).
fn stamp_messages(text: &str, stamps: &BTreeMap<usize, String>) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let is_comment = |line: &str| line.starts_with("# ") || line.trim_end() == "#";
    let mut replaced = BTreeSet::new();
    for &message_line in stamps.keys() {
        let above = lines[..message_line.saturating_sub(1).min(lines.len())]
            .iter()
            .enumerate();
        for (index, line) in above.rev().take_while(|(_, line)| is_comment(line)) {
            let comment = line[1..].trim();
            if comment.starts_with(MESSAGE_STAMP) || comment.starts_with(COPY_STAMP) {
                replaced.insert(index);
            }
        }
    }
    let mut out = String::with_capacity(text.len() + stamps.len() * 32);
    for (index, line) in lines.iter().enumerate() {
        if replaced.contains(&index) {
            continue;
        }
        if let Some(stamp) = stamps.get(&(index + 1)) {
            out.push_str(&format!("# {stamp}\n"));
        }
        out.push_str(line);
    }
    out
}

/// Sets `translated_from` in a page's front matter.
fn stamp_front_matter(source: &str, parts: &BTreeMap<String, String>) -> String {
    let entries: Vec<String> = parts
        .iter()
        .map(|(part, hash)| {
            let key = if part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                part.clone()
            } else {
                format!("\"{part}\"")
            };
            format!("{key} = \"{hash}\"")
        })
        .collect();
    let line = format!("translated_from = {{ {} }}\n", entries.join(", "));
    let mut out = String::with_capacity(source.len() + line.len());
    let mut fences = 0;
    let mut in_table = false;
    for text_line in source.split_inclusive('\n') {
        let trimmed = text_line.trim_end();
        if fences == 1 && trimmed.starts_with("translated_from") {
            continue;
        }
        if trimmed == "+++" {
            fences += 1;
            if fences == 2 && !in_table {
                out.push_str(&line);
            }
        } else if fences == 1 && trimmed.starts_with('[') && !in_table {
            // Keys after a [table] header would belong to the table: stamp before it.
            out.push_str(&line);
            in_table = true;
        }
        out.push_str(text_line);
    }
    out
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

    #[test]
    fn a_new_stamp_replaces_the_old_one_above_a_bare_comment_line() {
        let stamps = BTreeMap::from([(3, "translated-from: bbbbbbbb".to_string())]);
        assert_eq!(
            stamp_messages("# translated-from: aaaaaaaa\n#\nmsg = x\n", &stamps),
            "#\n# translated-from: bbbbbbbb\nmsg = x\n"
        );
    }

    #[test]
    fn front_matter_stamps_quote_only_the_keys_toml_needs_quoted() {
        let parts = BTreeMap::from([
            ("#why".to_string(), "11111111".to_string()),
            ("ended.title".to_string(), "22222222".to_string()),
            ("title".to_string(), "33333333".to_string()),
            ("x-y_z".to_string(), "44444444".to_string()),
        ]);
        let stamped = stamp_front_matter("+++\ntitle = \"T\"\n+++\nBody\n", &parts);
        assert_eq!(
            stamped,
            "+++\ntitle = \"T\"\ntranslated_from = { \"#why\" = \"11111111\", \"ended.title\" = \"22222222\", title = \"33333333\", x-y_z = \"44444444\" }\n+++\nBody\n"
        );
    }

    #[test]
    fn hashes_are_stable() {
        // 64-bit FNV-1a, first 32 bits: the offset basis for nothing, and a value computed
        // apart (Python) for a word, so that stamps written today still match tomorrow.
        assert_eq!(hash(""), "cbf29ce4");
        assert_eq!(hash("ChatGPT"), "0db97fff");
        assert_ne!(hash("a"), hash("b"));
    }

    #[test]
    fn a_new_stamp_replaces_the_old_one_above_a_translators_comment() {
        let text = "# translated-from: 11111111\n# Keep it short.\nhello = Hi\n";
        let stamped = stamp_messages(
            text,
            &BTreeMap::from([(3, "translated-from: 22222222".to_string())]),
        );
        assert_eq!(
            stamped,
            "# Keep it short.\n# translated-from: 22222222\nhello = Hi\n"
        );
    }

    #[test]
    fn message_stamps_go_above_the_message_and_replace_old_ones() {
        let text = "## Group\n# A comment\nhello = Hi\nbye = Bye\n";
        let stamps = BTreeMap::from([
            (3, "translated-from: 11111111".to_string()),
            (4, "translated-from: 22222222".to_string()),
        ]);
        let once = stamp_messages(text, &stamps);
        assert_eq!(
            once,
            "## Group\n# A comment\n# translated-from: 11111111\nhello = Hi\n# translated-from: 22222222\nbye = Bye\n"
        );
        let again = BTreeMap::from([
            (4, "translated-from: 33333333".to_string()),
            (6, "translated-from: 44444444".to_string()),
        ]);
        let twice = stamp_messages(&once, &again);
        assert_eq!(
            twice,
            "## Group\n# A comment\n# translated-from: 33333333\nhello = Hi\n# translated-from: 44444444\nbye = Bye\n"
        );
    }

    #[test]
    fn a_copy_stamp_and_a_translation_stamp_replace_each_other() {
        let copy = stamp_messages(
            "# translated-from: 11111111\nmsg = x\n",
            &BTreeMap::from([(2, "copy-of: 22222222".to_string())]),
        );
        assert_eq!(copy, "# copy-of: 22222222\nmsg = x\n");
        let translated = stamp_messages(
            &copy,
            &BTreeMap::from([(2, "translated-from: 33333333".to_string())]),
        );
        assert_eq!(translated, "# translated-from: 33333333\nmsg = x\n");
    }

    #[test]
    fn an_entry_runs_to_the_next_one_closing_brace_included() {
        let ftl = "# a\none = { $n ->\n    [one] x\n   *[other] y\n}\n\n# b\ntwo = z\n";
        assert_eq!(
            entry_text(ftl, 2),
            "one = { $n ->\n    [one] x\n   *[other] y\n}\n"
        );
        assert_eq!(entry_text(ftl, 8), "two = z\n");
    }

    #[test]
    fn front_matter_stamps_stay_before_tables() {
        let parts = BTreeMap::from([
            ("title".to_string(), "aaaa".to_string()),
            ("#why".to_string(), "bbbb".to_string()),
        ]);
        let page = "+++\ntitle = \"T\"\n[extra]\nx = 1\n+++\nBody\n";
        let stamped = stamp_front_matter(page, &parts);
        assert_eq!(
            stamped,
            "+++\ntitle = \"T\"\ntranslated_from = { \"#why\" = \"bbbb\", title = \"aaaa\" }\n[extra]\nx = 1\n+++\nBody\n"
        );
        assert_eq!(
            stamp_front_matter(&stamped, &parts),
            stamped,
            "stamping twice changes nothing"
        );
    }
}
