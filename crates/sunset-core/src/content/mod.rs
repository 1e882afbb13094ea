//! Pages: `content/<lang>/<name>.md` files with TOML front matter between `+++` lines.
//!
//! A page's body may hold phase blocks, so that editors can change what a page says once the
//! service has ended without touching templates:
//!
//! ```text
//! ::: upcoming last-day
//! Link your account before the end date.
//! :::
//! ::: ended
//! Linking closed on {{ end-date }}.
//! :::
//! ```
//!
//! Everything here is checked once, for every phase, when the site loads; rendering then only
//! picks the lines of the current phase.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use crate::phase::Phase;

mod blocks;

use crate::clock::Status;
use crate::config::{Config, Notice, calendar_date};
use crate::diagnostics::{Diagnostic, Location};
pub use blocks::PhaseBody;
use blocks::{BodyLine, phase_lines};

/// A Markdown file as read from disk, with its path relative to the site root.
#[derive(Debug, Clone)]
pub struct ContentFile {
    pub path: PathBuf,
    /// Shared with the page parsed from it, which keeps it for diagnostics.
    pub text: std::sync::Arc<str>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub language: String,
    /// What identifies the page across languages: its path under the language folder,
    /// without `.md` (`index`, `faq`).
    pub key: String,
    pub path: PathBuf,
    /// The whole file, for diagnostics.
    pub source: std::sync::Arc<str>,
    pub title: String,
    pub description: String,
    /// What the page says instead of its title and description in one phase
    /// (`[phases.ended] title = "…"`).
    pub phase_texts: BTreeMap<Phase, PhaseText>,
    pub template: String,
    pub weight: i64,
    /// Whether the page is in its language's menu (the `menu` of templates).
    pub menu: bool,
    /// What the page is for (`role = "steps"`), so that templates can link to it by role
    /// rather than by a file name or slug that a team may change.
    pub role: Option<String>,
    /// The milestone the page is about (`milestone = "exports-close"`), where it is not the
    /// main one: its bare phase blocks, its `[phases.<phase>]` texts and the default steps
    /// page's banner follow it.
    pub milestone: Option<String>,
    /// The page's URL below the site root, without the base path: `en/` or `en/faq/`.
    pub url_path: String,
    pub updated: Option<NaiveDate>,
    /// Anything else the page's template needs, as written in `[extra]`.
    pub extra: toml::Table,
    /// For a translation: the hash of each part of the default language's page it was
    /// translated from (see `stamp`).
    pub translated_from: BTreeMap<String, String>,
    /// For a page not yet translated into its language: the language its text is in (the
    /// default one). See [`with_untranslated`].
    pub untranslated_from: Option<String>,
    body_start: usize,
    lines: Vec<BodyLine>,
}

/// A page's title and description for one phase, where they differ from the usual ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseText {
    pub title: Option<String>,
    pub description: Option<String>,
}

impl Page {
    /// The phase of the page's milestone in `status`: what its bare phase blocks and its
    /// `[phases.<phase>]` texts follow.
    pub fn phase(&self, notice: &Notice, status: &Status) -> Phase {
        self.milestone
            .as_deref()
            .and_then(|name| notice.milestone(name))
            .and_then(|index| status.milestones.get(index))
            .map_or(status.phase, |milestone| milestone.phase)
    }

    /// The title readers see in `phase`.
    pub fn title_in(&self, phase: Phase) -> &str {
        self.phase_texts
            .get(&phase)
            .and_then(|t| t.title.as_deref())
            .unwrap_or(&self.title)
    }

    /// The description (search results, link previews) in `phase`.
    pub fn description_in(&self, phase: Phase) -> &str {
        self.phase_texts
            .get(&phase)
            .and_then(|t| t.description.as_deref())
            .unwrap_or(&self.description)
    }

    /// The Markdown after the front matter, phase blocks included.
    pub fn body_source(&self) -> &str {
        &self.source[self.body_start..]
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    description: String,
    template: Option<Spanned<String>>,
    #[serde(default)]
    weight: i64,
    #[serde(default)]
    menu: bool,
    role: Option<String>,
    milestone: Option<Spanned<String>>,
    slug: Option<Spanned<String>>,
    updated: Option<Spanned<Datetime>>,
    #[serde(default)]
    extra: toml::Table,
    #[serde(default)]
    phases: BTreeMap<String, Spanned<PhaseText>>,
    #[serde(default)]
    translated_from: BTreeMap<String, String>,
}

const DEFAULT_TEMPLATE: &str = "page.html";
const FENCE: &str = "+++";

/// Parses every page, reporting all problems. Pages with errors are left out.
pub fn parse_pages(config: &Config, files: &[ContentFile]) -> (Vec<Page>, Vec<Diagnostic>) {
    let mut pages: Vec<Page> = Vec::new();
    let mut diagnostics = Vec::new();
    for file in files {
        match parse_page(config, file) {
            Ok(page) => pages.push(page),
            Err(mut problems) => diagnostics.append(&mut problems),
        }
    }
    let mut by_url: BTreeMap<&str, &Page> = BTreeMap::new();
    for page in &pages {
        if let Some(first) = by_url.insert(&page.url_path, page) {
            diagnostics.push(
                Diagnostic::error(format!(
                    "{} and {} would both be written to /{}",
                    first.path.display(),
                    page.path.display(),
                    page.url_path
                ))
                .in_file(&page.path)
                .hint("give one of them another `slug` in its front matter"),
            );
        }
    }
    sort_pages(&mut pages);
    (pages, diagnostics)
}

fn parse_page(config: &Config, file: &ContentFile) -> Result<Page, Vec<Diagnostic>> {
    let (language, key) = page_identity(config, &file.path)?;
    let source = file.text.strip_prefix('\u{feff}').unwrap_or(&file.text);
    let at = |range: Range<usize>| Location::from_range(&file.path, source, range);
    let (front_range, body_start) =
        split_front_matter(source).map_err(|(range, message)| {
            vec![Diagnostic::error(message).at(at(range)).hint(
                "start the file with a line `+++`, then TOML such as title = \"…\", then `+++`",
            )]
        })?;
    let front: FrontMatter = toml::from_str(&source[front_range.clone()]).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        vec![
            Diagnostic::error(format!("front matter: {}", first_line(e.message())))
                .code("front-matter")
                .at(at(
                    front_range.start + span.start..front_range.start + span.end
                ))
                .hint(
                    "front matter keys are title, description, template, weight, slug, \
                         menu, role, milestone, updated, translated_from, [phases.<phase>] and [extra]",
                ),
        ]
    })?;
    let mut problems = Vec::new();
    let within = |span: Range<usize>| front_range.start + span.start..front_range.start + span.end;

    let template = match &front.template {
        None => DEFAULT_TEMPLATE.to_string(),
        Some(t) if is_safe_relative_path(t.get_ref()) => t.get_ref().clone(),
        Some(t) => {
            problems.push(
                Diagnostic::error(format!("template path {:?} leaves templates/", t.get_ref()))
                    .at(at(within(t.span())))
                    .hint("name a file inside templates/, such as \"faq.html\""),
            );
            String::new()
        }
    };
    let last_segment = key.rsplit('/').next().unwrap_or(&key);
    let slug = match &front.slug {
        None => last_segment.to_string(),
        Some(s) if is_valid_slug(s.get_ref()) => s.get_ref().clone(),
        Some(s) => {
            problems.push(
                Diagnostic::error(format!(
                    "slug {:?} is not a single URL segment",
                    s.get_ref()
                ))
                .at(at(within(s.span())))
                .hint("use letters, digits and dashes, without / or dots, like \"link-account\""),
            );
            String::new()
        }
    };
    let updated = front.updated.as_ref().and_then(|u| {
        let date = calendar_date(u.get_ref());
        if date.is_none() {
            problems.push(
                Diagnostic::error(format!("`updated` must be a date, found {}", u.get_ref()))
                    .at(at(within(u.span())))
                    .hint("write a plain TOML date such as updated = 2025-12-01"),
            );
        }
        date
    });
    let mut phase_texts = BTreeMap::new();
    for (name, text) in front.phases {
        match Phase::from_name(&name) {
            Some(phase) => {
                phase_texts.insert(phase, text.into_inner());
            }
            None => problems.push(
                Diagnostic::error(format!("unknown phase `{name}` in [phases.{name}]"))
                    .code("front-matter")
                    .at(at(within(text.span())))
                    .hint("phases are upcoming, last-day and ended"),
            ),
        }
    }
    let milestone = front.milestone.as_ref().map(|name| {
        let names: Vec<&str> = config
            .notice
            .milestones
            .iter()
            .map(|m| m.name.as_str())
            .collect();
        if !names.contains(&name.get_ref().as_str()) {
            problems.push(
                Diagnostic::error(format!(
                    "there is no milestone {:?} in site.toml",
                    name.get_ref()
                ))
                .code("front-matter")
                .at(at(within(name.span())))
                .hint(format!("name one of {}", names.join(", "))),
            );
        }
        name.get_ref().clone()
    });
    // Bare phase blocks are about the page's own milestone.
    let bare = milestone
        .as_deref()
        .and_then(|name| config.notice.milestone(name))
        .unwrap_or(config.notice.main);
    let lines = phase_lines(&config.notice, bare, source, body_start, &at, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    let parent = key.rsplit_once('/').map(|(p, _)| format!("{p}/"));
    let url_path = match (last_segment, parent) {
        ("index", None) if front.slug.is_none() => format!("{language}/"),
        ("index", Some(p)) if front.slug.is_none() => format!("{language}/{p}"),
        (_, p) => format!("{language}/{}{slug}/", p.unwrap_or_default()),
    };
    Ok(Page {
        language,
        key,
        path: file.path.clone(),
        // The file's own text unless a byte-order mark had to be cut off.
        source: if source.len() == file.text.len() {
            file.text.clone()
        } else {
            source.into()
        },
        title: front.title,
        description: front.description,
        phase_texts,
        template,
        weight: front.weight,
        menu: front.menu,
        role: front.role,
        milestone,
        url_path,
        updated,
        extra: front.extra,
        translated_from: front.translated_from,
        untranslated_from: None,
        body_start,
        lines,
    })
}

/// Pages in the order of menus and builds: by language, weight, key.
fn sort_pages(pages: &mut [Page]) {
    pages.sort_by(|a, b| (&a.language, a.weight, &a.key).cmp(&(&b.language, b.weight, &b.key)));
}

/// `pages` with, for each page of the default language that a language lacks, that page in
/// the language: its text as it is, at `/<lang>/<the default page's path>`, to be shown with
/// the language's navigation and a notice that it is not translated yet. Translations lag
/// the default language during a shutdown; without this, their readers would not see a new
/// page at all and every translated page that links to it would fail to build. Where that
/// URL is already another page's, the language goes without (it keeps its own page).
pub fn with_untranslated(config: &Config, mut pages: Vec<Page>) -> Vec<Page> {
    let default = &config.default_language().code;
    let present: HashSet<(&str, &str)> = pages
        .iter()
        .map(|p| (p.language.as_str(), p.key.as_str()))
        .collect();
    let taken: HashSet<&str> = pages.iter().map(|p| p.url_path.as_str()).collect();
    let mut added = Vec::new();
    for language in config.languages.iter().filter(|l| l.code != *default) {
        let lacks = |page: &&Page| !present.contains(&(language.code.as_str(), page.key.as_str()));
        for original in pages
            .iter()
            .filter(|p| p.language == *default)
            .filter(lacks)
        {
            let Some(rest) = original.url_path.strip_prefix(&format!("{default}/")) else {
                continue;
            };
            let url_path = format!("{}/{rest}", language.code);
            if taken.contains(url_path.as_str()) {
                continue;
            }
            added.push(Page {
                language: language.code.clone(),
                url_path,
                untranslated_from: Some(default.clone()),
                translated_from: BTreeMap::new(),
                ..original.clone()
            });
        }
    }
    pages.append(&mut added);
    sort_pages(&mut pages);
    pages
}

/// The language and key of `content/<lang>/<key>.md`.
fn page_identity(config: &Config, path: &Path) -> Result<(String, String), Vec<Diagnostic>> {
    let mut parts = path.components().skip(1);
    let language = parts
        .next()
        .and_then(|c| c.as_os_str().to_str())
        .unwrap_or_default()
        .to_string();
    let rest: Vec<&str> = parts.filter_map(|c| c.as_os_str().to_str()).collect();
    if rest.is_empty() {
        return Err(vec![
            Diagnostic::error("a page must be inside a language folder")
                .in_file(path)
                .hint("move it to content/<language>/, for example content/en/"),
        ]);
    }
    if config.language(&language).is_none() {
        let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
        return Err(vec![
            Diagnostic::error(format!(
                "content/{language}/ is not a language of site.toml"
            ))
            .in_file(path)
            .hint(format!(
                "add {language:?} to [[languages]] in site.toml, or move the page to one of: {}",
                codes.join(", ")
            )),
        ]);
    }
    let key = rest.join("/");
    let key = key.strip_suffix(".md").unwrap_or(&key).to_string();
    Ok((language, key))
}

/// The byte range of the front matter's TOML and where the body starts.
pub(crate) fn split_front_matter(
    source: &str,
) -> Result<(Range<usize>, usize), (Range<usize>, String)> {
    let mut lines = source.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != FENCE {
        let message = if source.trim().is_empty() {
            "the page is empty"
        } else {
            "the page does not start with front matter"
        };
        return Err((0..first.trim_end().len(), message.into()));
    }
    let start = first.len();
    let mut offset = start;
    for line in lines {
        if line.trim_end() == FENCE {
            return Ok((start..offset, offset + line.len()));
        }
        offset += line.len();
    }
    Err((
        0..FENCE.len(),
        "the front matter opened here is never closed by a `+++` line".into(),
    ))
}

fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// A relative path that stays inside its folder: no `..`, no root, no drive.
pub fn is_safe_relative_path(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        let text = "base_url = \"https://example.org/\"\n[notice]\nend_date = 2026-01-15\n\
                    time_zone = \"UTC\"\n[[languages]]\ncode = \"en\"\nname = \"English\"\n\
                    [[languages]]\ncode = \"fr\"\nname = \"Français\"\n";
        crate::config::parse(Path::new("site.toml"), text).unwrap()
    }

    fn file(path: &str, text: &str) -> ContentFile {
        ContentFile {
            path: PathBuf::from(path),
            text: text.into(),
        }
    }

    fn one_page(path: &str, text: &str) -> Result<Page, Vec<Diagnostic>> {
        parse_page(&config(), &file(path, text))
    }

    const PAGE: &str = "+++\ntitle = \"FAQ\"\ndescription = \"Questions\"\nupdated = 2025-12-01\n+++\nIntro.\n::: upcoming last-day\nStill open.\n:::\n::: ended\nClosed.\n:::\nEnd.\n";

    #[test]
    fn front_matter_and_urls() {
        let page = one_page("content/fr/faq.md", PAGE).unwrap();
        assert_eq!((page.language.as_str(), page.key.as_str()), ("fr", "faq"));
        assert_eq!(page.url_path, "fr/faq/");
        assert_eq!(page.template, "page.html");
        assert_eq!(page.updated, NaiveDate::from_ymd_opt(2025, 12, 1));
        let index = one_page("content/en/index.md", PAGE).unwrap();
        assert_eq!(index.url_path, "en/");
        let slugged = one_page(
            "content/en/x.md",
            &PAGE.replace("+++\nIntro", "slug = \"link\"\n+++\nIntro"),
        )
        .unwrap();
        assert_eq!(slugged.url_path, "en/link/");
    }

    /// The state of a notice of one date in which it is in `phase`.
    fn main(phase: Phase) -> crate::clock::State {
        crate::clock::State(crate::clock::State::bit(0, phase))
    }

    #[test]
    fn phase_blocks_select_lines_and_map_back() {
        let page = one_page("content/en/faq.md", PAGE).unwrap();
        assert_eq!(
            page.body(main(Phase::Upcoming)).text,
            "Intro.\nStill open.\nEnd.\n"
        );
        assert_eq!(
            page.body(main(Phase::LastDay)).text,
            "Intro.\nStill open.\nEnd.\n"
        );
        let ended = page.body(main(Phase::Ended));
        assert_eq!(ended.text, "Intro.\nClosed.\nEnd.\n");
        let range = ended.source_range(7..13);
        assert_eq!(&page.source[range], "Closed");
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        let text = format!("\u{feff}{}", PAGE.replace('\n', "\r\n"));
        let page = one_page("content/en/faq.md", &text).unwrap();
        assert_eq!(page.title, "FAQ");
        assert_eq!(
            page.body(main(Phase::Ended)).text,
            "Intro.\r\nClosed.\r\nEnd.\r\n"
        );
    }

    fn error_line(path: &str, text: &str) -> (usize, String) {
        let errors = one_page(path, text).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        let d = &errors[0];
        (d.location.as_ref().map_or(0, |l| l.line), d.message.clone())
    }

    #[test]
    fn front_matter_errors_point_at_their_line() {
        let (line, msg) = error_line(
            "content/en/a.md",
            "+++\ntitle = \"A\"\ndescription = \"B\"\ntitel = 1\n+++\n",
        );
        assert_eq!(line, 4);
        assert!(msg.contains("titel"), "{msg}");
        let (line, _) = error_line(
            "content/en/a.md",
            "+++\ntitle = \"A\"\ndescription = 3\n+++\n",
        );
        assert_eq!(line, 3);
        let (line, msg) = error_line("content/en/a.md", "+++\ntitle = \"A\"\n");
        assert_eq!(line, 1);
        assert!(msg.contains("never closed"), "{msg}");
        let (_, msg) = error_line("content/en/a.md", "");
        assert!(msg.contains("empty"), "{msg}");
    }

    #[test]
    fn paths_that_leave_their_folder_are_refused() {
        let base = "+++\ntitle = \"A\"\ndescription = \"B\"\n";
        for extra in [
            "template = \"../x.html\"",
            "template = \"/etc/passwd\"",
            "slug = \"../up\"",
            "slug = \"a/b\"",
        ] {
            let (line, _) = error_line("content/en/a.md", &format!("{base}{extra}\n+++\n"));
            assert_eq!(line, 4, "{extra}");
        }
    }

    #[test]
    fn phase_block_mistakes_are_located() {
        let base = "+++\ntitle = \"A\"\ndescription = \"B\"\n+++\n";
        let (line, _) = error_line("content/en/a.md", &format!("{base}x\n::: someday\n:::\n"));
        assert_eq!(line, 6);
        let (line, msg) = error_line("content/en/a.md", &format!("{base}::: ended\nx\n"));
        assert_eq!(line, 5);
        assert!(msg.contains("never closed"));
        let (line, _) = error_line("content/en/a.md", &format!("{base}:::\n"));
        assert_eq!(line, 5);
    }

    #[test]
    fn unknown_language_folder_and_duplicate_urls() {
        let (_, msg) = {
            let errors = one_page("content/de/a.md", PAGE).unwrap_err();
            (0, errors[0].message.clone())
        };
        assert!(msg.contains("content/de/"), "{msg}");
        let files = [
            file("content/en/faq.md", PAGE),
            file(
                "content/en/other.md",
                &PAGE.replace("+++\nIntro", "slug = \"faq\"\n+++\nIntro"),
            ),
        ];
        let (pages, diagnostics) = parse_pages(&config(), &files);
        assert_eq!(pages.len(), 2);
        assert_eq!(diagnostics.len(), 1);
        assert!(
            diagnostics[0].message.contains("/en/faq/"),
            "{}",
            diagnostics[0].message
        );
    }
}
