//! Typography: the prose a reader sees, checked against each language's rules.
//!
//! The rules are data ([`RULES`]): each row names the languages it applies to (by primary
//! subtag, so `fr-CA` gets French's), its `code`, what it looks for (a [`Look`]: one of a few
//! patterns, with its characters as parameters), what replaces what it finds, and whether
//! `check --fix` may make that change unattended. A new language's rules are new rows.
//!
//! Prose is what readers see: the text of Fluent messages, terms and attributes (not
//! placeables, selector keys, comments or ids), the `title` and `description` of each page's
//! front matter (`[phases.*]` too) and the text of its Markdown (not code, link targets,
//! autolinks, raw HTML, heading ids, phase-block fences or `{{ placeholders }}`). URLs, e-mail
//! addresses and domain names inside prose are never checked. A message or page that is still
//! a copy of the default language's text is left alone: it is checked, as the default
//! language, where it was copied from.
//!
//! Each finding carries the edit that fixes it, in bytes of its file; [`fix`] applies the safe
//! ones to a text, and `cli` writes the result (`sunset check --fix`).
//!
//! By concern: `rules` (the table), `prose` (what readers see of a file, as characters with
//! the bytes that write them), `matching` (the rules run over prose), and here the findings
//! and their fixes.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;

use fluent_syntax::ast;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use rayon::prelude::*;
use serde::Deserialize;
use toml::Spanned;

use crate::config::Config;
use crate::content::{ContentFile, Page, split_front_matter};
use crate::diagnostics::{Diagnostic, Location};
use crate::files::Sources;
use crate::messages::LanguageMessages;
use crate::stamp::{is_copied_message, is_copied_page};

mod matching;
mod prose;
mod rules;
#[cfg(test)]
mod tests;

use matching::check_prose;
use prose::{fluent_prose, page_prose};
use rules::Rule;

/// A typographic finding: where, what to write instead, and whether `check --fix` may.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static Rule,
    /// The offending characters.
    pub location: Location,
    /// The bytes of the file the fix replaces (empty: an insertion), and what it writes there.
    pub edit: Range<usize>,
    pub replacement: String,
    /// The fix, in words.
    pub hint: String,
    pub safe: bool,
}

impl Finding {
    pub fn diagnostic(&self) -> Diagnostic {
        let hint = if self.safe {
            format!("{} (`sunset check --fix` does it)", self.hint)
        } else {
            self.hint.clone()
        };
        Diagnostic::warning(self.rule.message)
            .code(self.rule.code)
            .at(self.location.clone())
            .hint(hint)
    }
}

/// The primary subtag of a language code, which rules are matched by: `fr` for `fr-CA`.
pub(super) fn primary_subtag(code: &str) -> String {
    code.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Every typographic finding of the site's translations and pages (those that parsed), in
/// file order.
pub fn typography_findings(
    config: &Config,
    sources: &Sources,
    parsed: &LanguageMessages,
    pages: &[Page],
) -> Vec<Finding> {
    let default = &config.default_language().code;
    let none = BTreeMap::new();
    let reference = parsed.get(default).unwrap_or(&none);
    let files_by_path: HashMap<&Path, &ContentFile> = sources
        .content
        .iter()
        .map(|f| (f.path.as_path(), f))
        .collect();
    let default_pages: HashMap<&str, &Page> = pages
        .iter()
        .filter(|p| &p.language == default)
        .map(|p| (p.key.as_str(), p))
        .collect();
    let mut findings = Vec::new();
    for language in &config.languages {
        let primary = primary_subtag(&language.canonical_code);
        let is_default = &language.code == default;
        let files = || {
            sources
                .locales
                .iter()
                .filter(|f| f.language == language.code)
        };
        let messages = match is_default {
            true => &none,
            false => parsed.get(&language.code).unwrap_or(&none),
        };
        let copied = |id: &str| {
            messages
                .get(id)
                .zip(reference.get(id))
                .is_some_and(|(m, source)| is_copied_message(m, source, &config.allow_identical))
        };
        for file in files() {
            let atoms = fluent_prose(&file.text, |id| !copied(id));
            findings.extend(check_prose(&primary, &file.path, &file.text, atoms));
        }
        // Pages on every core, as rendering does; findings stay in page order.
        let language_pages: Vec<&Page> = pages
            .iter()
            .filter(|p| p.language == language.code)
            .collect();
        let page_findings: Vec<Vec<Finding>> = language_pages
            .par_iter()
            .map(|page| {
                let Some(file) = files_by_path.get(page.path.as_path()) else {
                    return Vec::new();
                };
                let source_page = default_pages
                    .get(page.key.as_str())
                    .copied()
                    .filter(|_| !is_default);
                if source_page.is_some_and(|source| is_copied_page(page, source)) {
                    return Vec::new();
                }
                // A title or description still the default language's is checked there.
                let keep = |field: &str, value: &str| {
                    source_page.is_none_or(|source| source_text(source, field) != Some(value))
                };
                let atoms = page_prose(&file.text, keep);
                check_prose(&primary, &file.path, &file.text, atoms)
            })
            .collect();
        findings.extend(page_findings.into_iter().flatten());
    }
    findings
}

/// A page's `title` or `description`, or one of a phase's (`ended.title`).
pub(super) fn source_text<'p>(page: &'p Page, field: &str) -> Option<&'p str> {
    let (phase, field) = match field.split_once('.') {
        Some((phase, field)) => (Some(phase), field),
        None => (None, field),
    };
    let texts = match phase {
        None => {
            return Some(if field == "title" {
                &page.title
            } else {
                &page.description
            });
        }
        Some(phase) => {
            page.phase_texts
                .iter()
                .find(|(p, _)| p.as_str() == phase)?
                .1
        }
    };
    if field == "title" {
        texts.title.as_deref()
    } else {
        texts.description.as_deref()
    }
}

/// `text` with the safe fixes among `findings` (all of them findings of this text) made, from
/// the end backwards so that every offset still holds. Of fixes that overlap, the later one in
/// the text is made; `check --fix` looks again and makes the other if it still applies.
pub fn fix(text: &str, findings: &[Finding]) -> String {
    let mut fixed = text.to_string();
    for finding in fixes(text, findings) {
        fixed.replace_range(finding.edit.clone(), &finding.replacement);
    }
    fixed
}

/// The findings whose fixes [`fix`] makes, last in the text first: safe, on character
/// boundaries of `text`, and not overlapping a fix made already.
pub fn fixes<'a>(text: &str, findings: &'a [Finding]) -> Vec<&'a Finding> {
    let mut safe: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.safe && text.get(f.edit.clone()).is_some())
        .collect();
    safe.sort_by_key(|f| std::cmp::Reverse((f.edit.start, f.edit.end)));
    let mut chosen: Vec<&Finding> = Vec::new();
    for finding in safe {
        let fits = chosen.last().is_none_or(|last| {
            let same_insertion = finding.edit.is_empty()
                && last.edit.is_empty()
                && finding.edit.start == last.edit.start;
            finding.edit.end <= last.edit.start && !same_insertion
        });
        if fits {
            chosen.push(finding);
        }
    }
    chosen
}

/// A character of prose and the bytes of the file that write it: its own, or an escape such
/// as `\"` in TOML or Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Atom {
    ch: char,
    at: Range<usize>,
}

pub(super) fn atoms_of(text: &str, start: usize, atoms: &mut Vec<Atom>) {
    atoms.extend(text.char_indices().map(|(i, ch)| Atom {
        ch,
        at: start + i..start + i + ch.len_utf8(),
    }));
}
