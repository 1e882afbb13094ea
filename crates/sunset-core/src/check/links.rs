//! Links and anchors of the built HTML that lead nowhere.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::Page;
use crate::diagnostics::{Diagnostic, Location};
use crate::files::OutputFile;
use crate::files::TemplateFile;

/// Internal links and anchors of the built HTML that lead nowhere. A link written literally
/// in a template is reported once, at the template's line; any other at the page's source.
/// `later` has, by output path, the HTML that pages carry for later phases (see
/// `render::later`), whose links are checked too.
pub fn link_findings(
    config: &Config,
    pages: &[Page],
    templates: &[TemplateFile],
    files: &[OutputFile],
    later: &HashMap<String, String>,
) -> Vec<Diagnostic> {
    let html_files: Vec<&OutputFile> = files.iter().filter(|f| f.path.ends_with(".html")).collect();
    // Each page's ids and links, found in one reading: links are many, pages few.
    let scanned: Vec<(&OutputFile, BTreeSet<String>, Vec<String>)> = html_files
        .par_iter()
        .map(|file| {
            let (mut ids, mut targets) = (BTreeSet::new(), Vec::new());
            for html in checked_html(file, later) {
                ids.extend(element_ids(html));
                targets.extend(link_targets(html));
            }
            (*file, ids, targets)
        })
        .collect();
    let mut ids = HashMap::new();
    let mut targets = Vec::new();
    for (file, file_ids, file_targets) in scanned {
        ids.insert(file.path.as_str(), file_ids);
        targets.push((file, file_targets));
    }
    let site = LinkSite {
        config,
        templates,
        ids,
        exists: files.iter().map(|f| f.path.as_str()).collect(),
        pages: pages
            .iter()
            .map(|p| (format!("{}index.html", p.url_path), p))
            .collect(),
    };
    let found: Vec<(bool, Vec<Diagnostic>)> = targets
        .into_par_iter()
        .map(|(file, targets)| (site.stands_in(file), site.links_of(file, targets)))
        .collect();
    // One broken link written once is one finding, however many pages show it: a language's
    // stand-in for a page it lacks shows the default language's page, links and all. The
    // page's own language (not a stand-in) names it.
    let (own, stand_ins): (Vec<_>, Vec<_>) =
        found.into_iter().partition(|(stands_in, _)| !stands_in);
    let mut findings: Vec<Diagnostic> = Vec::new();
    let mut reported = HashSet::new();
    for finding in own
        .into_iter()
        .chain(stand_ins)
        .flat_map(|(_, found)| found)
    {
        let place = match finding.location.as_deref() {
            Some(at) => format!("{}:{}:{}", at.path.display(), at.line, at.column),
            None => finding.to_string(),
        };
        if reported.insert((finding.code, place)) {
            findings.push(finding);
        }
    }
    findings
}

/// What checking a page's links needs to know of the whole site.
struct LinkSite<'a> {
    config: &'a Config,
    templates: &'a [TemplateFile],
    ids: HashMap<&'a str, BTreeSet<String>>,
    exists: HashSet<&'a str>,
    /// The page each output file comes from.
    pages: HashMap<String, &'a Page>,
}

impl LinkSite<'_> {
    /// Whether `file` is a language's stand-in for a page it lacks (see
    /// `content::with_untranslated`).
    fn stands_in(&self, file: &OutputFile) -> bool {
        self.pages
            .get(&file.path)
            .is_some_and(|page| page.untranslated_from.is_some())
    }

    fn links_of(&self, file: &OutputFile, targets: Vec<String>) -> Vec<Diagnostic> {
        let config = self.config;
        let page = self.pages.get(&file.path).copied();
        let own_path = format!(
            "{}{}",
            config.base_path,
            file.path.trim_end_matches("index.html")
        );
        let mut findings = Vec::new();
        for target in targets {
            let (path, anchor) = target.split_once('#').unwrap_or((&target, ""));
            let path = if path.is_empty() {
                own_path.as_str()
            } else {
                path
            };
            let Some(relative) = path.strip_prefix(&config.base_path) else {
                continue;
            };
            let wanted = if relative.is_empty() || relative.ends_with('/') {
                format!("{relative}index.html")
            } else {
                relative.to_string()
            };
            let has_anchor = anchor.is_empty()
                || anchor == "top"
                || self
                    .ids
                    .get(wanted.as_str())
                    .is_some_and(|ids| ids.contains(anchor));
            let (message, code, needle) = if !self.exists.contains(wanted.as_str()) {
                (
                    format!("links to {target}, which the site does not have"),
                    "broken-link",
                    path.to_string(),
                )
            } else if !has_anchor {
                (
                    format!("links to {target}, but that page has no #{anchor}"),
                    "broken-anchor",
                    format!("#{anchor}"),
                )
            } else {
                continue;
            };
            let in_template = self
                .templates
                .iter()
                .find_map(|t| t.text.find(&target).map(|at| (t, at)));
            let finding =
                match (in_template, page) {
                    (Some((template, at)), _) => Diagnostic::error(message).at(
                        Location::from_range(&template.path, &template.text, at..at + target.len()),
                    ),
                    (None, Some(page)) => {
                        let diagnostic = Diagnostic::error(format!("/{} {message}", file.path));
                        let word = needle
                            .trim_end_matches('/')
                            .rsplit('/')
                            .next()
                            .unwrap_or(&needle);
                        match page.source.find(word) {
                            Some(at) => diagnostic.at(Location::from_range(
                                &page.path,
                                &page.source,
                                at..at + word.len(),
                            )),
                            None => diagnostic.in_file(&page.path),
                        }
                    }
                    (None, None) => Diagnostic::error(format!("/{} {message}", file.path))
                        .in_file(&Path::new("templates").join(&file.path)),
                };
            // A renamed or misspelled heading id: the page's closest one.
            let meant = (code == "broken-anchor")
                .then(|| self.ids.get(wanted.as_str()))
                .flatten()
                .and_then(|ids| {
                    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                    crate::diagnostics::closest(anchor, &ids).map(str::to_string)
                });
            findings.push(finding.code(code).hint(match (code, meant) {
                ("broken-anchor", Some(meant)) => format!("did you mean #{meant}?"),
                ("broken-anchor", None) => {
                    "use the id of a heading of that page ({#id} in its Markdown)".to_string()
                }
                _ => "fix the link in the page or in the template that writes it".to_string(),
            }));
        }
        findings
    }
}

/// A page's HTML as its links are checked: what it shows now, and what it carries for later
/// phases, so that a link that only shows after the end is checked too.
fn checked_html<'a>(
    file: &'a OutputFile,
    later: &'a HashMap<String, String>,
) -> impl Iterator<Item = &'a str> {
    let html = std::str::from_utf8(&file.bytes).unwrap_or_default();
    std::iter::once(html).chain(later.get(&file.path).map(String::as_str))
}

/// The `id` attributes of a page.
fn element_ids(html: &str) -> impl Iterator<Item = String> {
    attribute_values(html, " id=\"").map(str::to_string)
}

/// The values of every `attribute` (`" id=\""`) in `html`.
fn attribute_values<'a>(html: &'a str, attribute: &'a str) -> impl Iterator<Item = &'a str> {
    memchr::memmem::find_iter(html.as_bytes(), attribute.as_bytes()).map(move |at| {
        let value = &html[at + attribute.len()..];
        &value[..value.find('"').unwrap_or(0)]
    })
}

/// The `href` and `src` values of a page that point inside it or inside the site.
fn link_targets(html: &str) -> Vec<String> {
    let mut targets = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        for value in attribute_values(html, attribute) {
            if value.starts_with('/') || value.starts_with('#') {
                targets.push(value.replace("&amp;", "&"));
            }
        }
    }
    targets
}
