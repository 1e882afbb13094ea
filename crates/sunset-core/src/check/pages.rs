//! Each language's pages against the default language's: pages missing or extra, copies not
//! translated yet, translations without a stamp, roles and heading ids that differ; and
//! `updated` dates in the future.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{first_few, list};
use crate::content::Page;
use crate::diagnostics::{Diagnostic, Location, counted};
use crate::markdown::slugify;
use crate::stamp;

/// Pages whose `updated` date is later than the day the site is built for: the page does
/// not show it then (a "last updated" in the future reads as a mistake).
pub fn future_updates(pages: &[Page], today: NaiveDate) -> Vec<Diagnostic> {
    pages
        .iter()
        .filter_map(|page| {
            let updated = page.updated.filter(|updated| *updated > today)?;
            Some(
                Diagnostic::note(format!(
                    "`updated = {updated}` is later than the build's date, {today}: the page does not show it until then"
                ))
                .code("future-update")
                .in_file(&page.path)
                .hint("set `updated` to the day the page last changed"),
            )
        })
        .collect()
}

/// The pages of `code` against those of the `default` language. A page whose file is there
/// but did not parse is not reported again as missing: its error says what to fix.
pub(super) fn compare_pages(
    code: &str,
    default: &str,
    pages: &[Page],
    written: &BTreeSet<&Path>,
    findings: &mut Vec<Diagnostic>,
) {
    let unparsed =
        |lang: &str, key: &str| written.contains(Path::new(&format!("content/{lang}/{key}.md")));
    let keys = |lang: &str| -> BTreeMap<&str, &Page> {
        pages
            .iter()
            .filter(|p| p.language == lang)
            .map(|p| (p.key.as_str(), p))
            .collect()
    };
    let (source, translated) = (keys(default), keys(code));
    for (key, page) in &source {
        if !translated.contains_key(key) && !unparsed(code, key) {
            let expected = PathBuf::from(format!("content/{code}/{key}.md"));
            let shown_at = page
                .url_path
                .strip_prefix(default)
                .unwrap_or(&page.url_path);
            findings.push(
                Diagnostic::warning(format!(
                    "the page `{key}` is not translated into {code}: /{code}{shown_at} shows the {default} text, with a notice"
                ))
                .code("missing-page")
                    .in_file(&expected)
                    .hint(format!("translate {}", page.path.display())),
            );
        }
    }
    let mut copies: Vec<&Page> = Vec::new();
    for (key, page) in &translated {
        match source.get(key) {
            Some(original) if stamp::is_copied_page(page, original) => copies.push(page),
            Some(original) => compare_translation(page, original, findings),
            None if !unparsed(default, key) => findings.push(
                Diagnostic::warning(format!(
                    "the page `{key}` exists only in {code}, not in the default language"
                ))
                .code("extra-page")
                .in_file(&page.path)
                .hint("remove it, or add it to the default language"),
            ),
            None => {}
        }
    }
    // Like copied messages, copied pages are one finding per language, listing them, about
    // the language's folder.
    copies.sort_by_key(|page| (page.weight, &page.key));
    if !copies.is_empty() {
        findings.push(
            Diagnostic::note(format!(
                "{} still the default language's text: {}",
                counted(copies.len(), "page is", "pages are"),
                first_few(copies.iter().map(|page| page.path.display()))
            ))
            .code("identical")
            .in_file(&Path::new("content").join(code))
            .hint(format!(
                "translate {}, then `sunset stamp {code}`; until then {} published in the default language's words, marked as such",
                if copies.len() == 1 { "it" } else { "them" },
                if copies.len() == 1 { "it is" } else { "they are" },
            )),
        );
    }
}

/// A translated page (not a copy) against its default-language `original`: its role, its
/// stamp and its headings' ids.
fn compare_translation(page: &Page, original: &Page, findings: &mut Vec<Diagnostic>) {
    // Templates find pages by role: a translation's own role sends its readers elsewhere.
    if original.role != page.role {
        let role = |p: &Page| {
            p.role
                .as_ref()
                .map_or("no role".to_string(), |r| format!("role = \"{r}\""))
        };
        findings.push(
            Diagnostic::error(format!(
                "this page has {}, but {} has {}",
                role(page),
                original.path.display(),
                role(original)
            ))
            .code("role")
            .in_file(&page.path)
            .hint("a page's role is the same in every language: templates find the page by it"),
        );
    }
    // Without a stamp, no change of the original can ever be reported as outdated.
    if page.translated_from.is_empty() {
        findings.push(
            Diagnostic::note(format!(
                "this translation has no `translated_from`: check cannot tell when {} changes after it",
                original.path.display()
            ))
            .code("unstamped-page")
            .in_file(&page.path)
            .hint(format!(
                "once it says what {} says, record that with `sunset stamp {}`",
                original.path.display(),
                page.language
            )),
        );
    }
    compare_heading_ids(page, original, findings);
}

/// A heading of a page's Markdown: its id (`{#id}` as written, else its slug) and its byte
/// range in the page's file.
struct HeadingId {
    id: String,
    explicit: bool,
    range: Range<usize>,
}

/// The headings of `page`, in order.
fn heading_ids(page: &Page) -> Vec<HeadingId> {
    let body = page.body_source();
    let body_start = page.source.len() - body.len();
    let mut headings = Vec::new();
    let mut open: Option<(Option<String>, usize, String)> = None;
    let parser = Parser::new_ext(body, Options::ENABLE_HEADING_ATTRIBUTES).into_offset_iter();
    for (event, range) in parser {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                open = Some((id.map(|id| id.to_string()), range.start, String::new()))
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, _, words)) = &mut open {
                    words.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((explicit, start, words)) = open.take() {
                    headings.push(HeadingId {
                        explicit: explicit.is_some(),
                        id: explicit.unwrap_or_else(|| slugify(words.trim())),
                        range: body_start + start..body_start + range.end,
                    });
                }
            }
            _ => {}
        }
    }
    headings
}

/// Warns when a translation's explicit heading ids (`{#id}`) are not the original's: a link
/// to `#links` from any language then misses the French page's `#liens`. Ids the original
/// gets from its headings' words may be written out (`{#second-question}`).
fn compare_heading_ids(page: &Page, original: &Page, findings: &mut Vec<Diagnostic>) {
    // Only ids written out are compared, and parsing every page twice on every build is not
    // free: pages with no `{ … #id }` on any line have none.
    let may_write_ids = |page: &Page| {
        page.body_source().lines().any(|line| {
            line.split_once('{')
                .is_some_and(|(_, rest)| rest.contains('#'))
        })
    };
    if !may_write_ids(page) && !may_write_ids(original) {
        return;
    }
    let (ours, theirs) = (heading_ids(page), heading_ids(original));
    let their_ids: BTreeSet<&str> = theirs.iter().map(|h| h.id.as_str()).collect();
    let our_explicit: BTreeSet<&str> = ours
        .iter()
        .filter(|h| h.explicit)
        .map(|h| h.id.as_str())
        .collect();
    let mut missing: Vec<&HeadingId> = Vec::new();
    for heading in theirs.iter().filter(|h| h.explicit) {
        if !our_explicit.contains(heading.id.as_str())
            && !missing.iter().any(|m| m.id == heading.id)
        {
            missing.push(heading);
        }
    }
    let mut extra: Vec<&HeadingId> = Vec::new();
    for heading in ours.iter().filter(|h| h.explicit) {
        if !their_ids.contains(heading.id.as_str()) && !extra.iter().any(|e| e.id == heading.id) {
            extra.push(heading);
        }
    }
    if missing.is_empty() && extra.is_empty() {
        return;
    }
    let ids = |headings: &[&HeadingId]| list(headings.iter().map(|h| format!("#{}", h.id)));
    let mut differences = Vec::new();
    if !missing.is_empty() {
        differences.push(format!("missing {}", ids(&missing)));
    }
    if !extra.is_empty() {
        differences.push(format!("extra {}", ids(&extra)));
    }
    let message = format!(
        "the heading ids differ from those of {}: {}",
        original.path.display(),
        differences.join("; ")
    );
    let hint = match (missing.as_slice(), extra.as_slice()) {
        ([meant], [written]) => format!(
            "write {{#{}}} instead of {{#{}}}: a heading's id is the same in every language, so that links to #{} work in each",
            meant.id, written.id, meant.id
        ),
        _ => "give each heading the {#id} of the default language's heading: ids are the same in every language, so that links with #anchors work in each".to_string(),
    };
    // At the first heading that differs: an extra id's, else the heading that stands where
    // the original has the first missing one.
    let at = extra.first().map(|heading| {
        let written = format!("{{#{}", heading.id);
        match page.source[heading.range.clone()].find(&written) {
            Some(at) => heading.range.start + at..heading.range.start + at + written.len() + 1,
            None => heading.range.clone(),
        }
    });
    let at = at.or_else(|| {
        let index = theirs.iter().position(|h| h.id == missing[0].id)?;
        ours.get(index).map(|heading| heading.range.clone())
    });
    let finding = Diagnostic::warning(message).code("heading-ids").hint(hint);
    findings.push(match at {
        Some(range) => finding.at(Location::from_range(&page.path, &page.source, range)),
        None => finding.in_file(&page.path),
    });
}
