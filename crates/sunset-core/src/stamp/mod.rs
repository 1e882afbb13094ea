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
//!
//! By concern: the hashes and the outdated findings here, [`copies`] (what is still the
//! default language's text) and [`write`] (the edits `sunset stamp` makes).

mod copies;
mod write;

pub use copies::{Copies, copies, is_copied_message, is_copied_page, is_copy};
pub use write::{Stamped, stamp_language};

use std::collections::BTreeMap;

use crate::config::Config;
use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::markdown::slugify;
use crate::messages::MessageInfo;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable() {
        // 64-bit FNV-1a, first 32 bits: the offset basis for nothing, and a value computed
        // apart (Python) for a word, so that stamps written today still match tomorrow.
        assert_eq!(hash(""), "cbf29ce4");
        assert_eq!(hash("ChatGPT"), "0db97fff");
        assert_ne!(hash("a"), hash("b"));
    }
}
