//! Templates: from the site model to the files of the output.
//!
//! Tera renders every page with autoescaping on, for the current phase and each later one
//! (see [`later`]). Templates reach the rest of the build through functions, registered
//! before any template is added (see `functions`):
//! - `t(id, …)`: a translation as plain text (escaped by Tera, safe in attributes and titles);
//!   extra arguments become Fluent variables, `lang` picks another language, `isolate=true`
//!   wraps it in a Unicode isolate for `<title>`;
//! - `t_html(id, …)`: the same as HTML for running text, with left-to-right runs isolated on
//!   right-to-left pages;
//! - `url(path)`, `page_url(key=…|role=…)`, `asset(path)`: links that survive a sub-path, a
//!   renamed page and a changed static file;
//! - `date(value)`: an ISO date as the page language's long date; `include_raw(path)`: a file
//!   of templates/ as it is (the stylesheet);
//! - `json(value)`, `faq_json_ld(sections)`, `howto_json_ld(title, steps)`: JSON for `<script>`
//!   elements, the last two as schema.org structured data built from the page's own content.
//!
//! Every translation call also gets the build's variables: `$phase`, `$days_left` (until the
//! end), `$end_date` and `$date_<name>` for each date of site.toml; with several milestones,
//! for each milestone `$date_<name>`, `$phase_<name>` and `$days_until_<name>` (until its
//! last day, absent once it has happened).
//!
//! `message_language(id)` says which language a message is shown in (a copy is the default
//! language's).
//!
//! By concern: `context` (what templates see), `page` (one page in every reading),
//! `functions`, `errors` (Tera's errors located in templates), `urls` (the page for readers of
//! no listed language, reminder, feed and notice addresses), `files` (sitemap, robots.txt,
//! notice.json, each language's calendar reminder while the notice is upcoming), `feed` (each
//! language's Atom feed of the updates), `notice_json` (each language's notice for apps),
//! `hosts` (the security headers and the language redirect, for the hosts that read them) and
//! [`later`].

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use rayon::prelude::*;
use tera::{Context, Tera};

use crate::cache::{CachedPage, Fingerprints, RenderCache};
use crate::card::{CardKit, CardPlan};
use crate::clock::{self, Status};
use crate::config::Config;
use crate::content::Page;
use crate::csp::Policy;
use crate::diagnostics::Diagnostic;
use crate::files::OutputFile;
use crate::files::{StaticFile, TemplateFile};
use crate::history::History;
use crate::i18n::{LocaleFile, Translations};
use crate::variables::{self, Variable};

mod cards;
mod context;
mod errors;
mod feed;
mod files;
mod functions;
mod hosts;
pub mod later;
mod notice_json;
mod page;
mod urls;

use context::{LanguageValues, language_context};
use errors::{reference_errors, template_error};
use feed::feeds;
use files::{hashed_name, manifest, reminders, robots, sitemap};
use functions::{Translator, register_template_functions};
use notice_json::notices;
use page::{
    PageRender, render_in_every_reading, render_page_in_every_reading, render_site_page,
    with_policy,
};

const ROOT_TEMPLATE: &str = "root.html";
const NOT_FOUND_TEMPLATE: &str = "404.html";
const RESERVED_ARGS: [&str; 3] = ["id", "lang", "isolate"];

/// Everything rendering needs, already loaded and checked.
pub struct SiteModel<'a> {
    pub config: &'a Config,
    pub status: &'a Status,
    /// The other readings to render: the build decides which (see `clock::readings`).
    pub later_readings: &'a [Status],
    pub pages: &'a [Page],
    pub translations: Arc<Translations>,
    pub templates: &'a [TemplateFile],
    pub locales: &'a [LocaleFile],
    pub statics: &'a [StaticFile],
    /// The pages by language and key, so that finding a page's translations or a link's
    /// target does not scan every page (see [`index_pages`]).
    pub index: HashMap<(&'a str, &'a str), &'a Page>,
    /// The updates this build shows (see [`History::at`]).
    pub history: &'a History<'a>,
    /// By message, the variables a message gets besides the build's: each update's own (see
    /// `history::message_variables`).
    pub message_variables: HashMap<String, Vec<(String, Variable)>>,
    /// What share cards are drawn with, when the site has them (templates/card.svg).
    pub cards: Option<&'a CardKit>,
}

/// Pages by language and key.
pub fn index_pages(pages: &[Page]) -> HashMap<(&str, &str), &Page> {
    pages
        .iter()
        .map(|p| ((p.language.as_str(), p.key.as_str()), p))
        .collect()
}

impl SiteModel<'_> {
    fn page(&self, language: &str, key: &str) -> Option<&Page> {
        self.index.get(&(language, key)).copied()
    }

    /// What message `id` gets in a reading whose build variables are `variables`.
    fn message_args(&self, variables: &BuildVariables, id: &str) -> FluentArgs<'static> {
        variables.args_for(id, &self.message_variables)
    }
}

fn fluent_value_of(value: &Variable) -> FluentValue<'static> {
    match value {
        Variable::Number(n) => FluentValue::from(*n),
        Variable::Text(t) => FluentValue::from(t.clone()),
    }
}

/// The variables every translation receives in one reading (see [`variables`]).
/// `FluentValue` itself cannot be shared between threads, which Tera's functions must be.
#[derive(Clone)]
struct BuildVariables(Vec<(String, Variable)>);

impl BuildVariables {
    fn new(config: &Config, status: &Status) -> BuildVariables {
        BuildVariables(variables::values(config, status))
    }

    fn args(&self) -> FluentArgs<'static> {
        let mut args = FluentArgs::new();
        for (name, value) in &self.0 {
            args.set(name.clone(), fluent_value_of(value));
        }
        args
    }

    /// What message `id` gets: these, and the message's own variables among `own` (an
    /// update's), which take the place of the build's of the same name.
    fn args_for(
        &self,
        id: &str,
        own: &HashMap<String, Vec<(String, Variable)>>,
    ) -> FluentArgs<'static> {
        let mut args = self.args();
        for (name, value) in own.get(id).into_iter().flatten() {
            args.set(name.clone(), fluent_value_of(value));
        }
        args
    }
}

/// What rendering needs to know of one phase: where the notice stands, the variables
/// translations get from it, and each language's part of the templates' context (`lang`,
/// `language`, `site`, `clock`, `reminder`, `menu`), built once for all its pages.
struct ReadingView {
    status: Status,
    /// The state's name (see [`clock::State::name`]).
    name: String,
    /// What the page's script knows this reading by (see [`clock::reading_key`]), when its
    /// counts shared by every reader go stale, and how the script reads each milestone.
    guard: later::Guard,
    variables: BuildVariables,
    contexts: HashMap<String, LanguageValues>,
    /// For a later reading, by language: the names of the context whose values differ from
    /// the current reading's (see [`Templates::may_read`]).
    changed: HashMap<String, Vec<&'static str>>,
}

impl ReadingView {
    fn new(model: &SiteModel, status: Status) -> ReadingView {
        let notice = &model.config.notice;
        let guard = later::Guard {
            key: clock::reading_key(&status, notice),
            stale_at: clock::count_stale_at(&status, notice),
            milestones: notice
                .milestones
                .iter()
                .zip(&status.milestones)
                .map(|(milestone, now)| {
                    later::Guard::milestone(
                        milestone.reader_day,
                        milestone.date,
                        now.last_day_start.with_timezone(&chrono::Utc),
                        now.end_instant.with_timezone(&chrono::Utc),
                    )
                })
                .collect(),
        };
        let variables = BuildVariables::new(model.config, &status);
        let contexts = model
            .config
            .languages
            .iter()
            .map(|language| {
                let context = language_context(model, &status, &guard.key, language);
                (language.code.clone(), context)
            })
            .collect();
        ReadingView {
            name: status.state.name(notice),
            guard,
            status,
            variables,
            contexts,
            changed: HashMap::new(),
        }
    }

    fn context(&self, language: &str) -> Context {
        self.contexts
            .get(language)
            .map(LanguageValues::context)
            .unwrap_or_default()
    }

    /// Records, for each language, what differs from the `current` reading's context.
    fn compare_with(&mut self, current: &ReadingView) {
        self.changed = self
            .contexts
            .iter()
            .map(|(language, values)| {
                let changed = match current.contexts.get(language) {
                    Some(current) => values.changed_from(current),
                    None => values.changed_from(&LanguageValues::default()),
                };
                (language.clone(), changed)
            })
            .collect();
    }

    /// What differs, for a template of `language`, from the current reading's context; None
    /// when that is not known (the current reading itself).
    fn changed_for(&self, language: &str) -> Option<&[&'static str]> {
        self.changed.get(language).map(Vec::as_slice)
    }
}

/// The rendered site, or as much of it as rendered.
pub struct RenderedSite {
    pub files: Vec<OutputFile>,
    /// Each page's share card, to draw (see `card`), in page order.
    pub cards: Vec<Arc<CardPlan>>,
    /// By output path, the HTML a page carries for later phases, for link checks.
    pub later: HashMap<String, String>,
    /// Whether every page and reminder rendered for the current phase, so that links can be
    /// checked (a missing one would make every link to it look broken).
    pub complete: bool,
    pub errors: Vec<Diagnostic>,
    /// What works but should change (a policy too long for a header line).
    pub warnings: Vec<Diagnostic>,
}

/// Renders the whole site. Errors from every page are collected; a site with errors must not
/// be written. Pages whose inputs are unchanged since a build that filled `cache` are taken
/// from it.
///
/// Every page is also rendered for each later phase: a mistake that only shows once the
/// service has ended fails today's build, and the page carries those versions for readers who
/// open it after the change (see [`later`]).
pub fn render_site(model: &SiteModel, cache: &mut RenderCache) -> RenderedSite {
    let current = ReadingView::new(model, model.status.clone());
    let later: Vec<ReadingView> = model
        .later_readings
        .iter()
        .map(|status| {
            let mut view = ReadingView::new(model, status.clone());
            view.compare_with(&current);
            view
        })
        .collect();
    let reading_variables: Vec<(String, BuildVariables)> = std::iter::once(&current)
        .chain(&later)
        .map(|view| (view.guard.key.clone(), view.variables.clone()))
        .collect();
    let translator = Arc::new(Translator::new(model, reading_variables));
    let templates = match load_templates(model, translator) {
        Ok(templates) => templates,
        Err(errors) => {
            return RenderedSite {
                files: Vec::new(),
                cards: Vec::new(),
                later: HashMap::new(),
                complete: false,
                errors,
                warnings: Vec::new(),
            };
        }
    };
    let fingerprints = Fingerprints::new(
        model.config,
        model.status,
        model.templates,
        model.locales,
        model.pages,
        model.statics,
        model.history,
    );
    cache.start_build();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    // Pages found in the cache first; the others are rendered in parallel, in page order.
    let looked_up: Vec<(String, u64, Option<CachedPage>)> = model
        .pages
        .iter()
        .map(|page| {
            let path = format!("{}index.html", page.url_path);
            let fingerprint = fingerprints.page(page);
            let cached = cache.get(&path, fingerprint);
            (path, fingerprint, cached)
        })
        .collect();
    let rendered: Vec<_> = looked_up
        .into_par_iter()
        .zip(model.pages.par_iter())
        .map(|((path, fingerprint, cached), page)| {
            let result = cached.map_or_else(
                || render_page_in_every_reading(model, &templates, &current, &later, page),
                |kept| PageRender {
                    html: Some(kept.html),
                    carried: kept.carried,
                    card: kept.card,
                    errors: Vec::new(),
                },
            );
            (path, fingerprint, result)
        })
        .collect();
    let mut complete = true;
    let mut carried_html = HashMap::new();
    let mut cards = Vec::new();
    let default_language = &model.config.default_language().code;
    // The language chooser shows the default language's notice card.
    let mut root_card = None;
    for ((path, fingerprint, mut result), page) in rendered.into_iter().zip(model.pages) {
        match result.html {
            Some(html) => {
                let kept = CachedPage {
                    html,
                    carried: result.carried,
                    card: result.card,
                };
                if result.errors.is_empty() {
                    cache.put(&path, fingerprint, &kept);
                }
                if let Some(card) = kept.card {
                    if page.language == *default_language && page.key == "index" {
                        root_card = Some(card.clone());
                    }
                    cards.push(card);
                }
                if !kept.carried.is_empty() {
                    carried_html.insert(path.clone(), kept.carried);
                }
                files.push(OutputFile {
                    path,
                    bytes: kept.html,
                });
            }
            None => complete = false,
        }
        errors.append(&mut result.errors);
    }
    let root_card_value = cards::value(model, root_card.as_deref());
    for (template, path) in [
        (ROOT_TEMPLATE, "index.html"),
        (NOT_FOUND_TEMPLATE, "404.html"),
    ] {
        let fingerprint = fingerprints.all_languages(root_card.as_deref());
        let bytes = match cache.get(path, fingerprint) {
            Some(kept) => kept.html,
            None => {
                let (result, _, mut merged) =
                    render_in_every_reading(model, &current, &later, |view, _| {
                        render_site_page(model, &templates.tera, view, template, &root_card_value)
                            .map_err(|e| vec![e])
                    });
                match result {
                    // The current reading's page alone is written, with its policy.
                    Some(html) if merged.is_empty() => {
                        with_policy(&html, Policy::default()).into_bytes()
                    }
                    _ => {
                        complete &= result.is_some();
                        errors.append(&mut merged);
                        continue;
                    }
                }
            }
        };
        let kept = CachedPage {
            html: bytes,
            carried: String::new(),
            card: None,
        };
        cache.put(path, fingerprint, &kept);
        files.push(OutputFile {
            path: path.to_string(),
            bytes: kept.html,
        });
    }
    let readings: Vec<&Status> = std::iter::once(&current)
        .chain(&later)
        .map(|view| &view.status)
        .collect();
    // Pages link to the reminders, feeds and notice files: without one, every link to it
    // would look broken.
    for written in [
        reminders(model, &current.variables, &readings),
        feeds(model, &current.variables),
        notices(model, &current.variables),
    ] {
        match written {
            Ok(mut written) => files.append(&mut written),
            Err(mut e) => {
                complete = false;
                errors.append(&mut e);
            }
        }
    }
    // The same mistake in a template or page that several languages render (a page not
    // translated yet is the default language's) is one error: the first, at its place.
    let mut seen = std::collections::HashSet::new();
    errors.retain(|e| {
        let place = e
            .location
            .as_ref()
            .map(|l| format!("{:?} {}:{}:{}", e.code, l.path.display(), l.line, l.column));
        seen.insert(place.unwrap_or_else(|| e.to_string()))
    });
    files.push(sitemap(model));
    files.push(robots(model.config));
    files.push(manifest(model));
    let (mut host_files, warnings) = hosts::host_files(model, &files);
    files.append(&mut host_files);
    // A static file the build writes too (`_headers`) is in the build's (see `hosts`); card
    // fonts are what cards are drawn with, not files of the site.
    let written = hosts::written(model.config);
    let card_fonts: HashSet<&str> = model
        .config
        .cards
        .fonts
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    for file in model
        .statics
        .iter()
        .filter(|f| !written.contains(&f.name.as_str()) && !card_fonts.contains(f.name.as_str()))
    {
        files.push(OutputFile {
            path: file.name.clone(),
            bytes: file.bytes.clone(),
        });
        files.push(OutputFile {
            path: hashed_name(file),
            bytes: file.bytes.clone(),
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    RenderedSite {
        files,
        cards,
        later: carried_html,
        complete,
        errors,
        warnings,
    }
}

/// The templates of this build, ready to render any reading: Tera with the functions that
/// format messages in the reading being rendered, and what each page template may read.
pub(super) struct Templates {
    tera: Tera,
    translator: Arc<Translator>,
    /// By template name: every name of the context it or a template it extends or includes
    /// may read (Tera's analysis: every variable it names, whichever branch names it).
    reads: HashMap<String, HashSet<String>>,
}

impl Templates {
    /// Whether template `name` may read any of `names` from its context.
    fn may_read(&self, name: &str, names: &[&str]) -> bool {
        self.reads
            .get(name)
            .is_none_or(|reads| names.iter().any(|n| reads.contains(*n)))
    }
}

fn load_templates(
    model: &SiteModel,
    translator: Arc<Translator>,
) -> Result<Templates, Vec<Diagnostic>> {
    let mut tera = Tera::new();
    // The card template is SVG, XML: its text is escaped like the pages'.
    tera.autoescape_on([".html", ".xml", ".htm", ".svg"]);
    tera.set_escape_fn(crate::bidi::write_escaped);
    register_template_functions(&mut tera, model, translator.clone());
    let templates = model
        .templates
        .iter()
        .map(|t| (t.name.as_str(), t.text.as_str()));
    tera.add_raw_templates(templates)
        .map_err(|e| match e.kind() {
            tera::ErrorKind::Msg(reports) => reference_errors(model.templates, reports)
                .unwrap_or_else(|| vec![template_error(model.templates, &e)]),
            _ => vec![template_error(model.templates, &e)],
        })?;
    let mut missing = Vec::new();
    for required in [ROOT_TEMPLATE, NOT_FOUND_TEMPLATE] {
        if !tera.contains_template(required) {
            missing.push(
                Diagnostic::error(format!("the template {required} is missing")).hint(format!(
                    "add templates/{required}; `sunset init` writes a default one"
                )),
            );
        }
    }
    for page in model.pages {
        if !tera.contains_template(&page.template) {
            missing.push(
                Diagnostic::error(format!("the template `{}` does not exist", page.template))
                    .in_file(&page.path)
                    .hint(format!(
                        "add templates/{} or fix `template` in the front matter",
                        page.template
                    )),
            );
        }
    }
    if !missing.is_empty() {
        return Err(missing);
    }
    let reads = model
        .pages
        .iter()
        .map(|page| page.template.as_str())
        .collect::<HashSet<_>>()
        .into_iter()
        .filter_map(|name| {
            let reads = tera.get_template_variables(name).ok()?;
            Some((
                name.to_string(),
                reads.into_iter().map(String::from).collect(),
            ))
        })
        .collect();
    Ok(Templates {
        tera,
        translator,
        reads,
    })
}
