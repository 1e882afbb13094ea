//! What `check` counts per language, for its table and its JSON report.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::config::Config;
use crate::content::Page;
use crate::diagnostics::{Diagnostic, Severity};
use crate::messages::{LanguageMessages, MessageInfo};
use crate::stamp::{is_copied_message, is_copied_page};

/// Counts per language, for the summary table and the JSON report.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct LanguageSummary {
    pub language: String,
    pub messages: usize,
    pub translated: usize,
    pub missing: usize,
    pub obsolete: usize,
    pub pages: usize,
    pub pages_translated: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    /// Of the warnings, how many are typographic (`typography-*` codes).
    pub typography: usize,
}

pub fn summarize(
    config: &Config,
    parsed: &LanguageMessages,
    pages: &[Page],
    findings: &[Diagnostic],
) -> Vec<LanguageSummary> {
    let default = &config.default_language().code;
    let none = BTreeMap::new();
    let reference = parsed.get(default).unwrap_or(&none);
    let default_pages: BTreeSet<&str> = pages
        .iter()
        .filter(|p| &p.language == default)
        .map(|p| p.key.as_str())
        .collect();
    config
        .languages
        .iter()
        .map(|language| {
            let messages = parsed.get(&language.code).unwrap_or(&none);
            let count = |severity: Severity| {
                findings
                    .iter()
                    .filter(|f| {
                        f.severity == severity && f.language() == Some(language.code.as_str())
                    })
                    .count()
            };
            let is_default = &language.code == default;
            // A text still the same as the default language's is not translated yet, whatever
            // `init` or a hurried copy put there (names in `allow_identical` aside).
            let translated_message = |id: &String, source: &MessageInfo| {
                messages.get(id).is_some_and(|message| {
                    is_default || !is_copied_message(message, source, &config.allow_identical)
                })
            };
            let source_page = |key: &str| {
                pages
                    .iter()
                    .find(|p| &p.language == default && p.key == key)
            };
            LanguageSummary {
                language: language.code.clone(),
                messages: reference.len(),
                translated: reference
                    .iter()
                    .filter(|(id, source)| translated_message(id, source))
                    .count(),
                missing: reference
                    .keys()
                    .filter(|id| !messages.contains_key(*id))
                    .count(),
                obsolete: messages
                    .keys()
                    .filter(|id| !reference.contains_key(*id))
                    .count(),
                pages: default_pages.len(),
                pages_translated: pages
                    .iter()
                    .filter(|p| {
                        p.language == language.code
                            && default_pages.contains(p.key.as_str())
                            && (is_default
                                || source_page(&p.key)
                                    .is_none_or(|source| !is_copied_page(p, source)))
                    })
                    .count(),
                errors: count(Severity::Error),
                warnings: count(Severity::Warning),
                notes: count(Severity::Note),
                typography: findings
                    .iter()
                    .filter(|f| {
                        f.language() == Some(language.code.as_str())
                            && f.code.is_some_and(|c| c.starts_with("typography-"))
                    })
                    .count(),
            }
        })
        .collect()
}

pub fn summary_table(summary: &[LanguageSummary]) -> String {
    let mut table = String::from(
        "language  messages  missing  obsolete  pages   errors  warnings  notes  typography\n",
    );
    for s in summary {
        table.push_str(&format!(
            "{:<9} {:>3}/{:<4} {:>7}  {:>8}  {:>2}/{:<3} {:>6}  {:>8}  {:>5}  {:>10}\n",
            s.language,
            s.translated,
            s.messages,
            s.missing,
            s.obsolete,
            s.pages_translated,
            s.pages,
            s.errors,
            s.warnings,
            s.notes,
            s.typography
        ));
    }
    table
}

/// One finding in the JSON report.
#[derive(Serialize)]
struct JsonFinding<'a> {
    severity: &'static str,
    code: Option<&'static str>,
    language: Option<&'a str>,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
    hint: Option<&'a str>,
}

/// The report as JSON, in the format docs/check.md documents (`"version": 1`).
pub fn json_report(summary: &[LanguageSummary], findings: &[Diagnostic]) -> String {
    let findings: Vec<JsonFinding> = findings
        .iter()
        .map(|f| JsonFinding {
            severity: f.severity.as_str(),
            code: f.code,
            language: f.language(),
            file: f.file.as_ref().map(|p| p.display().to_string()),
            line: f.location.as_ref().map(|l| l.line),
            column: f.location.as_ref().map(|l| l.column),
            message: &f.message,
            hint: f.hint.as_deref(),
        })
        .collect();
    let report = serde_json::json!({ "version": 1, "summary": summary, "findings": findings });
    serde_json::to_string_pretty(&report).unwrap_or_default()
}
