//! The edits `sunset stamp LANG` makes (and `init` and `add-language`, for their copies): a
//! stamp above each message and in each page's front matter, and each copy brought up to the
//! default language's current text.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::{hash, is_copied_message, is_copied_page, is_copy, page_parts};
use crate::cldr;
use crate::config::Config;
use crate::content::Page;
use crate::i18n::{LocaleFile, message_definitions};
use crate::messages::{COPY_STAMP, MESSAGE_STAMP, messages_of, with_plural_forms};
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
        let messages = messages_of(std::iter::once(file));
        let original = default_files
            .iter()
            .find(|f| in_folder(&f.path, default) == in_folder(&file.path, language));
        // A file all copy, whose every entry parsed (nothing a translator wrote is lost), is
        // written anew from the default language's: messages renamed, added or removed there
        // follow. Elsewhere a message still a copy is no translation to record: it stays a
        // copy, brought up to the default language's current text.
        let whole_copy = message_definitions(&file.path, &file.text).len() == messages.len()
            && is_copy(&messages, &reference, &config.allow_identical);
        let refreshed = match original {
            Some(original) if whole_copy => with_plural_forms(&original.text, &forms),
            _ => {
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
                with_entries_replaced(&file.text, &copies, &forms)
            }
        };
        let messages = messages_of(std::iter::once(&LocaleFile {
            text: refreshed.clone(),
            ..file.clone()
        }));
        let copies: BTreeSet<&String> = messages
            .iter()
            .filter(|(id, message)| {
                reference.get(*id).is_some_and(|source| {
                    is_copied_message(message, source, &config.allow_identical)
                })
            })
            .map(|(id, _)| id)
            .collect();
        stamped.copied_messages += copies.len();
        let stamps: BTreeMap<usize, String> = message_definitions(&file.path, &refreshed)
            .iter()
            .filter_map(|(id, location)| {
                let source = reference.get(id)?;
                let stamp = match copies.contains(id) {
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
        if *text != *page.source {
            stamped.files.push((page.path.clone(), text));
        }
    }
    stamped
}

/// A file's path below `locales/<language>/`.
fn in_folder<'a>(path: &'a Path, language: &str) -> Option<&'a Path> {
    path.strip_prefix("locales")
        .ok()?
        .strip_prefix(language)
        .ok()
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
