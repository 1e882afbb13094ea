//! Templates: from the site model to the files of the output.
//!
//! Tera renders every page with autoescaping on. Templates reach the rest of the build through
//! four functions, registered before any template is added:
//! - `t(id, …)`: a translation as plain text (escaped by Tera, safe in attributes and titles);
//!   extra arguments become Fluent variables, `lang` picks another language;
//! - `t_html(id, …)`: the same as HTML for running text, with left-to-right runs isolated on
//!   right-to-left pages;
//! - `url(path)`: a site path with the base path in front, so links survive a sub-path;
//! - `date(value)`: an ISO date as the page language's long date;
//! - `json(value)`, `faq_json_ld(sections)`, `howto_json_ld(title, steps)`: JSON for `<script>`
//!   elements, the last two as schema.org structured data built from the page's own content.
//!
//! Every translation call also gets the build's variables: `$phase`, `$days_left` (until the
//! end), `$end_date` and `$date_<name>` for each date of site.toml.
//!
//! Besides pages, the root chooser and 404, rendering writes the sitemap, robots.txt and, while
//! the notice is upcoming, each language's calendar reminder (see `calendar`).

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, RwLock};

use fluent_bundle::{FluentArgs, FluentValue};
use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Kwargs, State, Tera};

use crate::bidi::text_html;
use crate::cache::{Fingerprints, RenderCache};
use crate::calendar;
use crate::clock::{self, Phase, Status, rfc3339};
use crate::config::{Config, Direction, Language};
use crate::content::Page;
use crate::diagnostics::{Diagnostic, Location};
use crate::i18n::{LocaleFile, Translations};
use crate::markdown::{self, References, RenderOptions};
use crate::output::OutputFile;
use crate::source::{StaticFile, TemplateFile};

pub mod later;

const ROOT_TEMPLATE: &str = "root.html";
const NOT_FOUND_TEMPLATE: &str = "404.html";
const RESERVED_ARGS: [&str; 3] = ["id", "lang", "isolate"];

/// Everything rendering needs, already loaded and checked.
pub struct SiteModel<'a> {
    pub config: &'a Config,
    pub status: &'a Status,
    pub pages: &'a [Page],
    pub translations: Arc<Translations>,
    pub templates: &'a [TemplateFile],
    pub locales: &'a [LocaleFile],
    pub statics: &'a [StaticFile],
    /// The pages by language and key, so that finding a page's translations or a link's
    /// target does not scan every page (see [`index_pages`]).
    pub index: HashMap<(&'a str, &'a str), &'a Page>,
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
}

/// A value handed to Fluent. `FluentValue` itself cannot be shared between threads, which
/// Tera's functions must be.
#[derive(Clone)]
enum Variable {
    Number(i64),
    Text(String),
}

/// The variables every translation receives, from the clock and site.toml.
#[derive(Clone)]
struct BuildVariables(Vec<(String, Variable)>);

impl BuildVariables {
    fn new(config: &Config, status: &Status) -> BuildVariables {
        let mut vars = vec![
            (
                "phase".to_string(),
                Variable::Text(status.phase.as_str().into()),
            ),
            (
                "end_date".to_string(),
                Variable::Text(config.notice.end_date.to_string()),
            ),
        ];
        if let Some(days) = status.days_left {
            vars.push(("days_left".to_string(), Variable::Number(days)));
        }
        for (name, date) in &config.dates {
            vars.push((format!("date_{name}"), Variable::Text(date.to_string())));
        }
        BuildVariables(vars)
    }

    fn args(&self) -> FluentArgs<'static> {
        let mut args = FluentArgs::new();
        for (name, value) in &self.0 {
            let value = match value {
                Variable::Number(n) => FluentValue::from(*n),
                Variable::Text(t) => FluentValue::from(t.clone()),
            };
            args.set(name.clone(), value);
        }
        args
    }
}

/// A page's HTML and what it carries for later phases, as the render cache keeps them.
type CachedPage = (Vec<u8>, String);

/// A translation's text by the call that formatted it.
type FormattedMessages = RwLock<HashMap<MessageCall, String>>;

/// A call of `t()`: language, message, the phase being rendered, and the arguments the
/// template gave (by name, as Fluent sees them).
#[derive(PartialEq, Eq, Hash)]
struct MessageCall {
    lang: String,
    id: String,
    phase: Option<Phase>,
    args: Vec<(String, String)>,
}

/// What rendering needs to know of one phase: where the notice stands, the variables
/// translations get from it, and each language's part of the templates' context (`lang`,
/// `language`, `site`, `clock`, `reminder`, `menu`), built once for all its pages.
struct PhaseView {
    status: Status,
    variables: BuildVariables,
    contexts: HashMap<String, Context>,
}

impl PhaseView {
    fn new(model: &SiteModel, status: Status) -> PhaseView {
        let variables = BuildVariables::new(model.config, &status);
        let contexts = model
            .config
            .languages
            .iter()
            .map(|language| {
                let context = language_context(model, &status, language);
                (language.code.clone(), context)
            })
            .collect();
        PhaseView {
            status,
            variables,
            contexts,
        }
    }

    fn context(&self, language: &str) -> Context {
        self.contexts.get(language).cloned().unwrap_or_default()
    }
}

/// The rendered site, or as much of it as rendered.
pub struct RenderedSite {
    pub files: Vec<OutputFile>,
    /// By output path, the HTML a page carries for later phases, for link checks.
    pub later: HashMap<String, String>,
    /// Whether every page and reminder rendered for the current phase, so that links can be
    /// checked (a missing one would make every link to it look broken).
    pub complete: bool,
    pub errors: Vec<Diagnostic>,
}

/// Renders the whole site. Errors from every page are collected; a site with errors must not
/// be written. Pages whose inputs are unchanged since a build that filled `cache` are taken
/// from it.
///
/// Every page is also rendered for each later phase: a mistake that only shows once the
/// service has ended fails today's build, and the page carries those versions for readers who
/// open it after the change (see [`later`]).
pub fn render_site(model: &SiteModel, cache: &mut RenderCache) -> RenderedSite {
    let current = PhaseView::new(model, model.status.clone());
    let later: Vec<PhaseView> = clock::later_statuses(model.status, &model.config.notice)
        .into_iter()
        .map(|status| PhaseView::new(model, status))
        .collect();
    let phase_variables: Vec<(Phase, BuildVariables)> = std::iter::once(&current)
        .chain(&later)
        .map(|view| (view.status.phase, view.variables.clone()))
        .collect();
    let tera = match load_templates(model, phase_variables) {
        Ok(tera) => tera,
        Err(errors) => {
            return RenderedSite {
                files: Vec::new(),
                later: HashMap::new(),
                complete: false,
                errors,
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
                || render_page_in_every_phase(model, &tera, &current, &later, page),
                |(bytes, carried)| PageRender {
                    html: Some(bytes),
                    carried,
                    errors: Vec::new(),
                },
            );
            (path, fingerprint, result)
        })
        .collect();
    let mut complete = true;
    let mut carried_html = HashMap::new();
    for (path, fingerprint, mut result) in rendered {
        match result.html {
            Some(bytes) => {
                if result.errors.is_empty() {
                    cache.put(&path, fingerprint, &bytes, &result.carried);
                }
                if !result.carried.is_empty() {
                    carried_html.insert(path.clone(), result.carried);
                }
                files.push(OutputFile { path, bytes });
            }
            None => complete = false,
        }
        errors.append(&mut result.errors);
    }
    for (template, path) in [
        (ROOT_TEMPLATE, "index.html"),
        (NOT_FOUND_TEMPLATE, "404.html"),
    ] {
        let fingerprint = fingerprints.all_languages();
        let rendered = match cache.get(path, fingerprint) {
            Some((bytes, _)) => Ok(bytes),
            None => {
                let later_errors = later
                    .iter()
                    .map(|view| {
                        let result = render_site_page(model, &tera, view, template);
                        (view.status.phase, result.err().into_iter().collect())
                    })
                    .collect();
                let result = render_site_page(model, &tera, &current, template);
                let current_errors = result.as_ref().err().cloned().into_iter().collect();
                let mut merged = merge_phase_errors(current_errors, later_errors);
                match result {
                    Ok(bytes) if merged.is_empty() => Ok(bytes),
                    _ => {
                        complete &= result.is_ok();
                        errors.append(&mut merged);
                        continue;
                    }
                }
            }
        };
        match rendered {
            Ok(bytes) => {
                cache.put(path, fingerprint, &bytes, "");
                files.push(OutputFile {
                    path: path.to_string(),
                    bytes,
                });
            }
            Err(e) => errors.push(e),
        }
    }
    match reminders(model, &current.variables) {
        Ok(mut reminders) => files.append(&mut reminders),
        Err(mut e) => {
            // Pages link to the reminders: without them, every such link would look broken.
            complete = false;
            errors.append(&mut e);
        }
    }
    errors.dedup_by(|a, b| a.to_string() == b.to_string());
    files.push(sitemap(model));
    files.push(robots(model.config));
    files.push(manifest(model));
    for file in model.statics {
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
        later: carried_html,
        complete,
        errors,
    }
}

/// The Tera of this build, with the variables of each phase it renders (`t()` picks those of
/// the phase being rendered).
fn load_templates(
    model: &SiteModel,
    variables: Vec<(Phase, BuildVariables)>,
) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".xml", ".htm"]);
    tera.set_escape_fn(crate::bidi::write_escaped);
    register_functions(&mut tera, model, variables);
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
    if missing.is_empty() {
        Ok(tera)
    } else {
        Err(missing)
    }
}

/// The language a template function works in: its `lang=` argument, else the page's.
fn language_of_call(kwargs: &Kwargs, state: &State) -> tera::TeraResult<String> {
    match kwargs.get::<String>("lang")? {
        Some(lang) => Ok(lang),
        None => Ok(state.get::<String>("lang")?.unwrap_or_default()),
    }
}

/// The name of the phase a template is being rendered for, from its `clock`.
fn rendered_phase(state: &State) -> tera::TeraResult<Option<Phase>> {
    let clock = state.get::<tera::Value>("clock")?;
    Ok(clock.and_then(|clock| {
        clock
            .as_map()?
            .get(&tera::value::Key::Str("phase"))?
            .as_str()
            .and_then(Phase::from_name)
    }))
}

fn register_functions(tera: &mut Tera, model: &SiteModel, variables: Vec<(Phase, BuildVariables)>) {
    let languages: BTreeMap<String, Direction> = model
        .config
        .languages
        .iter()
        .map(|l| (l.code.clone(), l.dir))
        .collect();
    let translate = {
        let translations = model.translations.clone();
        // Most calls repeat on every page of a language (the site name, the status, the date
        // the countdown counts from): each text is formatted once per language, phase and
        // arguments.
        let formatted: FormattedMessages = RwLock::default();
        move |kwargs: &Kwargs, state: &State| -> tera::TeraResult<(String, String)> {
            let id: String = kwargs.must_get("id")?;
            let lang = language_of_call(kwargs, state)?;
            let phase = rendered_phase(state)?;
            let mut args: Vec<(String, FluentValue<'static>)> = kwargs
                .iter()
                .filter_map(|(key, value)| {
                    let name = key.to_string();
                    (!RESERVED_ARGS.contains(&name.as_str())).then(|| (name, fluent_value(value)))
                })
                .collect();
            args.sort_by(|a, b| a.0.cmp(&b.0));
            let key = MessageCall {
                lang,
                id,
                phase,
                args: args
                    .iter()
                    .map(|(name, value)| (name.clone(), format!("{value:?}")))
                    .collect(),
            };
            if let Some(text) = formatted
                .read()
                .unwrap_or_else(|e| e.into_inner())
                .get(&key)
            {
                return Ok((key.lang, text.clone()));
            }
            let variables = variables
                .iter()
                .find(|(p, _)| Some(*p) == phase)
                .or(variables.first())
                .map(|(_, v)| v)
                .ok_or_else(|| tera::Error::message("t(): no phase is being rendered"))?;
            let mut fluent_args = variables.args();
            for (name, value) in args {
                fluent_args.set(name, value);
            }
            let text = translations
                .format(&key.lang, &key.id, &fluent_args)
                .map_err(|d| tera::Error::message(describe(&d)))?;
            let lang = key.lang.clone();
            formatted
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .insert(key, text.clone());
            Ok((lang, text))
        }
    };
    let translate = Arc::new(translate);
    let plain = translate.clone();
    let directions = languages.clone();
    tera.register_function("t", move |kwargs: Kwargs, state: &State| {
        let (lang, text) = plain(&kwargs, state)?;
        if kwargs.get::<bool>("isolate")? == Some(true) {
            let dir = directions.get(&lang).copied().unwrap_or(Direction::Ltr);
            return Ok(isolated(&text, dir));
        }
        Ok(text)
    });
    // The same texts come back on every page: each is turned into HTML once.
    let html_of: RwLock<HashMap<(bool, String), String>> = RwLock::default();
    tera.register_function("t_html", move |kwargs: Kwargs, state: &State| {
        let (lang, text) = translate(&kwargs, state)?;
        let dir = languages.get(&lang).copied().unwrap_or(Direction::Ltr);
        let key = (dir == Direction::Rtl, text);
        if let Some(html) = html_of.read().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return Ok(tera::Value::safe_string(html));
        }
        let html = text_html(&key.1, dir);
        let value = tera::Value::safe_string(&html);
        html_of
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, html);
        Ok(value)
    });
    let base_path = model.config.base_path.clone();
    tera.register_function("url", move |kwargs: Kwargs, _: &State| {
        let path: String = kwargs.must_get("path")?;
        Ok::<_, tera::Error>(format!("{base_path}{}", path.trim_start_matches('/')))
    });
    register_json_functions(tera);
    register_page_url(tera, model);
    // A file of templates/ as it is (a stylesheet to inline): `include` would render it as a
    // template on every page, which costs more than the rest of the page.
    let raw_files: BTreeMap<String, String> = model
        .templates
        .iter()
        .map(|t| (t.name.clone(), t.text.clone()))
        .collect();
    tera.register_function("include_raw", move |kwargs: Kwargs, _: &State| {
        let path: String = kwargs.must_get("path")?;
        raw_files
            .get(&path)
            .map(|text| tera::Value::safe_string(text))
            .ok_or_else(|| {
                tera::Error::message(format!("include_raw(): there is no templates/{path}"))
            })
    });
    let assets: BTreeMap<String, String> = model
        .statics
        .iter()
        .map(|file| {
            (
                file.name.clone(),
                format!("{}{}", model.config.base_path, hashed_name(file)),
            )
        })
        .collect();
    tera.register_function("asset", move |kwargs: Kwargs, _: &State| {
        let path: String = kwargs.must_get("path")?;
        assets
            .get(path.trim_start_matches('/'))
            .cloned()
            .ok_or_else(|| tera::Error::message(format!("asset(): there is no static/{path}")))
    });
    let translations = model.translations.clone();
    // Every page shows the end date: each date is formatted once per language.
    let dates: RwLock<HashMap<(String, String), String>> = RwLock::default();
    tera.register_function("date", move |kwargs: Kwargs, state: &State| {
        let value: String = kwargs.must_get("value")?;
        let lang = state.get::<String>("lang")?.unwrap_or_default();
        let key = (lang, value);
        if let Some(text) = dates.read().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return Ok(text.clone());
        }
        let (lang, value) = &key;
        let date = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
            tera::Error::message(format!("date(): {value:?} is not a date like 2026-01-15"))
        })?;
        let text = translations
            .locale_data(lang)
            .map(|data| data.long_date(date))
            .ok_or_else(|| tera::Error::message(format!("date(): no language {lang:?}")))?;
        dates
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, text.clone());
        Ok(text)
    });
}

/// Text wrapped in the Unicode isolate of its direction (RLI or LRI … PDI), for places that
/// cannot hold markup such as `<title>`, where several languages share one line: without it,
/// an Arabic name among left-to-right ones is shown with its words out of order.
fn isolated(text: &str, dir: Direction) -> String {
    let open = match dir {
        Direction::Rtl => '\u{2067}',
        Direction::Ltr => '\u{2066}',
    };
    format!("{open}{text}\u{2069}")
}

/// `page_url(key="faq")` or `page_url(role="steps")`: the URL of a page of the language being
/// rendered (or `lang=`), found by its key or its front matter's `role`, so that templates
/// never spell out a slug.
fn register_page_url(tera: &mut Tera, model: &SiteModel) {
    let base_path = model.config.base_path.clone();
    // By language and key, and by language and role (the first page that has it): a lookup
    // per call, as every page calls this a few times.
    let mut by_key: HashMap<(String, String), String> = HashMap::new();
    let mut by_role: HashMap<(String, String), String> = HashMap::new();
    for page in model.pages {
        by_key.insert(
            (page.language.clone(), page.key.clone()),
            page.url_path.clone(),
        );
        if let Some(role) = &page.role {
            by_role
                .entry((page.language.clone(), role.clone()))
                .or_insert_with(|| page.url_path.clone());
        }
    }
    tera.register_function("page_url", move |kwargs: Kwargs, state: &State| {
        let lang = language_of_call(&kwargs, state)?;
        let key = kwargs.get::<String>("key")?;
        let role = kwargs.get::<String>("role")?;
        let (index, name, wanted) = match (key, role) {
            (Some(key), None) => (&by_key, key, "the key `{}`"),
            (None, Some(role)) => (&by_role, role, "role = \"{}\""),
            _ => return Err(tera::Error::message("page_url() takes key=\"…\" or role=\"…\"")),
        };
        let lookup = (lang, name);
        index
            .get(&lookup)
            .map(|url_path| format!("{base_path}{url_path}"))
            .ok_or_else(|| {
                let (lang, name) = lookup;
                let wanted = wanted.replace("{}", &name);
                tera::Error::message(format!(
                    "page_url(): content/{lang}/ has no page with {wanted}; add one, or set `role` in a page's front matter"
                ))
            })
    });
}

/// JSON that is safe inside `<script>`: `<`, `>` and `&` only occur in strings, where their
/// `\u` escapes mean the same to a JSON reader and nothing to the HTML parser.
fn script_json(value: &impl Serialize) -> tera::Value {
    let json = serde_json::to_string(value).unwrap_or_default();
    let mut safe = String::with_capacity(json.len() + 64);
    for piece in json.split_inclusive(['<', '>', '&']) {
        let (text, special) = piece.split_at(piece.len() - 1);
        match special {
            "<" => (safe.push_str(text), safe.push_str("\\u003c")),
            ">" => (safe.push_str(text), safe.push_str("\\u003e")),
            "&" => (safe.push_str(text), safe.push_str("\\u0026")),
            _ => (safe.push_str(piece), ()),
        };
    }
    tera::Value::safe_string(&safe)
}

fn json_kwarg(kwargs: &Kwargs, name: &str) -> tera::TeraResult<serde_json::Value> {
    let value: tera::Value = kwargs.must_get(name)?;
    serde_json::to_value(&value).map_err(|e| tera::Error::message(format!("{name}: {e}")))
}

/// A string field of a map in a template value (`section.title`), or "".
fn text_field<'v>(value: &'v tera::Value, field: &'static str) -> &'v str {
    value
        .as_map()
        .and_then(|map| map.get(&tera::value::Key::Str(field)))
        .and_then(tera::Value::as_str)
        .unwrap_or_default()
}

/// A schema.org document, with its fields in the order serde_json has always written them
/// (alphabetical), so that the output does not change.
#[derive(Serialize)]
struct JsonLd<'a, T: Serialize> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "inLanguage")]
    in_language: &'a str,
    #[serde(flatten)]
    body: T,
}

#[derive(Serialize)]
struct FaqPage<'a> {
    #[serde(rename = "mainEntity")]
    main_entity: Vec<Question<'a>>,
}

#[derive(Serialize)]
struct Question<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "acceptedAnswer")]
    accepted_answer: Answer<'a>,
    name: &'a str,
}

#[derive(Serialize)]
struct Answer<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct HowTo<'a> {
    name: &'a tera::Value,
    step: Vec<HowToStep<'a>>,
}

#[derive(Serialize)]
struct HowToStep<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    position: usize,
    text: &'a tera::Value,
}

fn register_json_functions(tera: &mut Tera) {
    tera.register_function("json", |kwargs: Kwargs, _: &State| {
        json_kwarg(&kwargs, "value").map(|v| script_json(&v))
    });
    tera.register_function("faq_json_ld", |kwargs: Kwargs, state: &State| {
        let sections: tera::Value = kwargs.must_get("sections")?;
        let lang = language_of_call(&kwargs, state)?;
        let main_entity = sections
            .as_array()
            .unwrap_or_default()
            .iter()
            .map(|section| Question {
                kind: "Question",
                accepted_answer: Answer {
                    kind: "Answer",
                    text: text_field(section, "text"),
                },
                name: text_field(section, "title"),
            })
            .collect();
        Ok::<_, tera::Error>(script_json(&JsonLd {
            context: "https://schema.org",
            kind: "FAQPage",
            in_language: &lang,
            body: FaqPage { main_entity },
        }))
    });
    tera.register_function("howto_json_ld", |kwargs: Kwargs, state: &State| {
        let title: tera::Value = kwargs.must_get("title")?;
        let steps: tera::Value = kwargs.must_get("steps")?;
        let lang = language_of_call(&kwargs, state)?;
        let step = steps
            .as_array()
            .unwrap_or_default()
            .iter()
            .enumerate()
            .map(|(i, text)| HowToStep {
                kind: "HowToStep",
                position: i + 1,
                text,
            })
            .collect();
        Ok::<_, tera::Error>(script_json(&JsonLd {
            context: "https://schema.org",
            kind: "HowTo",
            in_language: &lang,
            body: HowTo { name: &title, step },
        }))
    });
}

fn fluent_value(value: &tera::Value) -> FluentValue<'static> {
    if let Some(i) = value.as_i64() {
        FluentValue::from(i)
    } else if let Some(f) = value.as_f64() {
        FluentValue::from(f)
    } else {
        FluentValue::from(
            value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_string),
        )
    }
}

/// A diagnostic as one line of text, for errors that travel through Tera.
fn describe(diagnostic: &Diagnostic) -> String {
    match &diagnostic.location {
        Some(loc) => format!(
            "{} ({}:{}:{})",
            diagnostic.message,
            loc.path.display(),
            loc.line,
            loc.column
        ),
        None => diagnostic.message.clone(),
    }
}

/// Turns a Tera error into a diagnostic that points into the template file.
fn template_error(templates: &[TemplateFile], error: &tera::Error) -> Diagnostic {
    let report = match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => report,
        _ => {
            return Diagnostic::error(format!("template: {}", full_message(error)))
                .hint("see the templates/ folder");
        }
    };
    let mut message = report.message().to_string();
    if let Some(cause) = std::error::Error::source(error) {
        message = format!("{message}: {cause}");
    }
    let diagnostic = Diagnostic::error(message).code("template").hint(
        "templates use Tera 2 syntax; translations come from t(id=\"…\") and links from url(path=\"…\")",
    );
    match templates.iter().find(|t| t.name == report.filename()) {
        Some(template) => {
            let span = report.span();
            let line_text = template
                .text
                .lines()
                .nth(span.start_line.saturating_sub(1))
                .unwrap_or("");
            let byte_col = line_text
                .char_indices()
                .nth(span.start_col)
                .map_or(line_text.len(), |(i, _)| i);
            diagnostic.at(Location::from_line_col(
                &template.path,
                &template.text,
                span.start_line,
                byte_col,
            ))
        }
        None => diagnostic,
    }
}

/// Tera checks every template's functions, filters and includes at once and hands back their
/// reports joined in one message; each becomes a diagnostic at its `--> name:line:col`.
fn reference_errors(templates: &[TemplateFile], reports: &str) -> Option<Vec<Diagnostic>> {
    let located = |report: &str| {
        let message = report.lines().next()?.trim().strip_prefix("error: ")?;
        let place = report
            .lines()
            .find_map(|line| line.trim().strip_prefix("--> "))?;
        let mut parts = place.rsplitn(3, ':');
        let column: usize = parts.next()?.parse().ok()?;
        let line: usize = parts.next()?.parse().ok()?;
        let name = parts.next()?;
        let template = templates.iter().find(|t| t.name == name)?;
        let line_text = template
            .text
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("");
        let byte_col = line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i);
        Some(
            Diagnostic::error(message)
                .code("template")
                .at(Location::from_line_col(&template.path, &template.text, line, byte_col))
                .hint("functions are t, t_html, url, page_url, date, asset, include_raw, json, faq_json_ld and howto_json_ld; filters and tests are Tera's"),
        )
    };
    reports
        .split("\n\n")
        .filter(|r| !r.trim().is_empty())
        .map(located)
        .collect()
}

fn full_message(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

#[derive(Serialize)]
struct LanguageContext<'a> {
    code: &'a str,
    name: &'a str,
    dir: &'static str,
    og_locale: &'a str,
}

impl<'a> LanguageContext<'a> {
    fn of(language: &'a Language) -> LanguageContext<'a> {
        LanguageContext {
            code: &language.code,
            name: &language.name,
            dir: language.dir.as_str(),
            og_locale: &language.og_locale,
        }
    }
}

#[derive(Serialize)]
struct Alternate<'a> {
    code: &'a str,
    name: &'a str,
    dir: &'static str,
    og_locale: &'a str,
    url: String,
    permalink: String,
    current: bool,
    /// Whether the page is translated into this language, rather than shown in the default
    /// language's text: only translations are announced (`hreflang`).
    translated: bool,
}

#[derive(Serialize)]
struct ClockContext {
    phase: &'static str,
    days_left: Option<i64>,
    end_date: String,
    last_day_start: String,
    end_instant: String,
    today: String,
    next_change: Option<String>,
}

#[derive(Serialize)]
struct SiteContext<'a> {
    base_url: &'a str,
    base_path: &'a str,
    languages: Vec<LanguageContext<'a>>,
    dates: BTreeMap<&'a str, String>,
}

#[derive(Serialize)]
struct PageContext<'a> {
    key: &'a str,
    title: &'a str,
    description: &'a str,
    url: String,
    permalink: String,
    updated: Option<String>,
    content: &'a str,
    headings: &'a [markdown::Heading],
    sections: &'a [markdown::Section],
    steps: &'a [String],
    extra: &'a toml::Table,
    x_default: String,
    /// The language the page's text is in: its own, or the default language's for a page
    /// not translated yet.
    lang: &'a str,
    /// ` lang="…" dir="…"` for the elements that hold the page's text, when that is not in
    /// the page's language; empty otherwise.
    lang_attrs: String,
    /// For a page not translated yet: the page it shows, in the default language.
    original: Option<LanguageContextWithUrl<'a>>,
}

/// A language and a page's URL in it.
#[derive(Serialize)]
struct LanguageContextWithUrl<'a> {
    #[serde(flatten)]
    language: LanguageContext<'a>,
    url: String,
    permalink: String,
}

/// What every template of a language sees in one phase; pages add `page` and `translations`.
fn language_context(model: &SiteModel, status: &Status, lang: &Language) -> Context {
    let config = model.config;
    let mut context = Context::new();
    context.insert("lang", &lang.code);
    context.insert("reminder", &reminder_url(model, status, &lang.code));
    context.insert("language", &LanguageContext::of(lang));
    context.insert(
        "site",
        &SiteContext {
            base_url: &config.base_url,
            base_path: &config.base_path,
            languages: config.languages.iter().map(LanguageContext::of).collect(),
            dates: config
                .dates
                .iter()
                .map(|(k, v)| (k.as_str(), v.to_string()))
                .collect(),
        },
    );
    context.insert(
        "clock",
        &ClockContext {
            phase: status.phase.as_str(),
            days_left: status.days_left,
            end_date: config.notice.end_date.to_string(),
            last_day_start: rfc3339(&status.last_day_start),
            end_instant: rfc3339(&status.end_instant),
            today: status.today.to_string(),
            next_change: status.next_change.as_ref().map(rfc3339),
        },
    );
    context.insert(
        "menu",
        &model
            .pages
            .iter()
            .filter(|p| p.menu && p.language == lang.code)
            .map(|p| NavEntry {
                key: &p.key,
                title: p.title_in(status.phase),
                url: format!("{}{}", config.base_path, p.url_path),
                untranslated_from: p.untranslated_from.as_deref(),
            })
            .collect::<Vec<_>>(),
    );
    context
}

/// A page rendered for the current phase, carrying each later one.
struct PageRender {
    /// None when the current phase did not render.
    html: Option<Vec<u8>>,
    /// The HTML the later phases add, for link checks.
    carried: String,
    /// The errors of every phase, each later one with its phase named.
    errors: Vec<Diagnostic>,
}

fn render_page_in_every_phase(
    model: &SiteModel,
    tera: &Tera,
    current: &PhaseView,
    later: &[PhaseView],
    page: &Page,
) -> PageRender {
    let mut memo = PageMemo::default();
    let translations = page_translations(model, page);
    let mut later_html = Vec::new();
    let mut later_errors = Vec::new();
    for view in later {
        match render_page(model, tera, view, page, &translations, &mut memo) {
            Ok(html) => later_html.push((view.status.phase, html)),
            Err(errors) => later_errors.push((view.status.phase, errors)),
        }
    }
    let result = render_page(model, tera, current, page, &translations, &mut memo);
    let current_errors = result.as_ref().err().cloned().unwrap_or_default();
    let errors = merge_phase_errors(current_errors, later_errors);
    let (html, carried) = match result {
        Ok(html) => {
            let (html, carried) = later::carry(html, &current.status, &later_html);
            (Some(html), carried)
        }
        Err(_) => (None, String::new()),
    };
    PageRender {
        html: html.map(String::into_bytes),
        carried,
        errors,
    }
}

/// The current phase's errors as they are, then each error that only a later phase has, with
/// the phases it shows in named: "… (in the `ended` phase)".
fn merge_phase_errors(
    current: Vec<Diagnostic>,
    later: Vec<(Phase, Vec<Diagnostic>)>,
) -> Vec<Diagnostic> {
    let seen: Vec<String> = current.iter().map(Diagnostic::to_string).collect();
    let mut only_later: Vec<(String, Diagnostic, Vec<Phase>)> = Vec::new();
    for (phase, errors) in later {
        for error in errors {
            let text = error.to_string();
            if seen.contains(&text) {
                continue;
            }
            match only_later.iter_mut().find(|(t, _, _)| *t == text) {
                Some((_, _, phases)) => phases.push(phase),
                None => only_later.push((text, error, vec![phase])),
            }
        }
    }
    let mut merged = current;
    for (_, mut error, phases) in only_later {
        let names: Vec<String> = phases.iter().map(|p| format!("`{}`", p.as_str())).collect();
        let which = match names.as_slice() {
            [one] => format!("the {one} phase"),
            _ => format!("the {} phases", names.join(" and ")),
        };
        error.message = format!("{} (in {which})", error.message);
        merged.push(error);
    }
    merged
}

/// `translations` of a page's templates: this page in every language that has it.
fn page_translations(model: &SiteModel, page: &Page) -> tera::Value {
    let config = model.config;
    let alternates: Vec<Alternate> = config
        .languages
        .iter()
        .filter_map(|l| {
            let other = model.page(&l.code, &page.key)?;
            Some(Alternate {
                code: &l.code,
                name: &l.name,
                dir: l.dir.as_str(),
                og_locale: &l.og_locale,
                url: format!("{}{}", config.base_path, other.url_path),
                permalink: format!("{}{}", config.base_url, other.url_path),
                current: l.code == page.language,
                translated: other.untranslated_from.is_none(),
            })
        })
        .collect();
    tera::Value::from_serializable(&alternates)
}

/// What one page's renders for several phases share: the phases of a page usually differ
/// only in their templates, so its Markdown is rendered again only when its text or one of the
/// messages it uses differs, and its `page` value is built again only when that or its title,
/// description or shown `updated` date differs.
#[derive(Default)]
struct PageMemo {
    markdown: Vec<MarkdownRender>,
    values: Vec<(PageValueInputs, tera::Value)>,
}

/// One phase's Markdown, the messages it used with their text, and its HTML.
struct MarkdownRender {
    text: String,
    messages: Vec<(String, Result<String, String>)>,
    rendered: markdown::Rendered,
}

/// What a page's `page` value is made of besides the page itself: its Markdown (by index in
/// [`PageMemo::markdown`]), title, description and shown `updated` date.
#[derive(PartialEq)]
struct PageValueInputs {
    markdown: usize,
    title: String,
    description: String,
    updated: Option<String>,
}

impl PageMemo {
    /// The index in `markdown` of `text` rendered with `references`' messages.
    fn markdown(
        &mut self,
        text: &str,
        options: &RenderOptions,
        references: &PageReferences,
    ) -> Result<usize, Vec<markdown::Problem>> {
        let reusable = self.markdown.iter().position(|kept| {
            kept.text == text
                && kept
                    .messages
                    .iter()
                    .all(|(id, value)| references.format(id) == *value)
        });
        if let Some(index) = reusable {
            return Ok(index);
        }
        let (rendered, problems) = markdown::render(text, options, references);
        if !problems.is_empty() {
            return Err(problems);
        }
        self.markdown.push(MarkdownRender {
            text: text.to_string(),
            messages: references.used.take(),
            rendered,
        });
        Ok(self.markdown.len() - 1)
    }

    /// The `page` value for `inputs`, built by `build` from its Markdown unless an earlier
    /// phase had the same inputs.
    fn value(
        &mut self,
        inputs: PageValueInputs,
        build: impl FnOnce(&markdown::Rendered) -> tera::Value,
    ) -> tera::Value {
        if let Some((_, value)) = self.values.iter().find(|(kept, _)| *kept == inputs) {
            return value.clone();
        }
        let value = build(&self.markdown[inputs.markdown].rendered);
        self.values.push((inputs, value.clone()));
        value
    }
}

fn render_page(
    model: &SiteModel,
    tera: &Tera,
    view: &PhaseView,
    page: &Page,
    translations: &tera::Value,
    memo: &mut PageMemo,
) -> Result<String, Vec<Diagnostic>> {
    let config = model.config;
    let phase = view.status.phase;
    let language = config
        .language(&page.language)
        .unwrap_or(config.default_language());
    let body = page.body(phase);
    let original = page
        .untranslated_from
        .as_deref()
        .and_then(|code| config.language(code));
    let text_language = original.unwrap_or(language);
    let references = PageReferences {
        model,
        language: &language.code,
        text_language: &text_language.code,
        variables: &view.variables,
        used: RefCell::default(),
    };
    let options = RenderOptions {
        dir: text_language.dir,
        raw_html: config.raw_html,
    };
    let markdown = memo
        .markdown(&body.text, &options, &references)
        .map_err(|problems| {
            problems
                .into_iter()
                .map(|p| {
                    let range = body.source_range(p.range);
                    Diagnostic::error(p.message)
                        .code("markdown")
                        .at(Location::from_range(&page.path, &page.source, range))
                        .hint(p.hint)
                })
                .collect::<Vec<_>>()
        })?;
    let inputs = PageValueInputs {
        markdown,
        title: page.title_in(phase).to_string(),
        description: page.description_in(phase).to_string(),
        updated: page
            .updated
            .filter(|updated| *updated <= view.status.today)
            .map(|d| d.to_string()),
    };
    let page_value = memo.value(inputs, |rendered| {
        tera::Value::from_serializable(&PageContext {
            key: &page.key,
            title: page.title_in(phase),
            description: page.description_in(phase),
            url: format!("{}{}", config.base_path, page.url_path),
            permalink: format!("{}{}", config.base_url, page.url_path),
            updated: page
                .updated
                .filter(|updated| *updated <= view.status.today)
                .map(|d| d.to_string()),
            content: &rendered.html,
            headings: &rendered.headings,
            sections: &rendered.sections,
            steps: &rendered.steps,
            extra: &page.extra,
            x_default: x_default(model, page),
            lang: &text_language.code,
            lang_attrs: original.map_or_else(String::new, |l| {
                format!(" lang=\"{}\" dir=\"{}\"", l.code, l.dir.as_str())
            }),
            original: original.map(|l| {
                let url_path = model.page(&l.code, &page.key).map_or("", |p| &p.url_path);
                LanguageContextWithUrl {
                    language: LanguageContext::of(l),
                    url: format!("{}{url_path}", config.base_path),
                    permalink: format!("{}{url_path}", config.base_url),
                }
            }),
        })
    });
    let mut context = view.context(&language.code);
    context.insert_value("page", page_value);
    context.insert_value("translations", translations.clone());
    tera.render(&page.template, &context)
        .map_err(|e| vec![template_error(model.templates, &e)])
}

#[derive(Serialize)]
struct NavEntry<'a> {
    key: &'a str,
    title: &'a str,
    url: String,
    /// The language of the title, for a page not translated yet.
    untranslated_from: Option<&'a str>,
}

/// The page for readers whose language is not listed: the language chooser for the notice,
/// the default language's version for the other pages.
fn x_default(model: &SiteModel, page: &Page) -> String {
    let config = model.config;
    if page.key == "index" {
        return config.base_url.clone();
    }
    model
        .page(&config.default_language().code, &page.key)
        .map_or_else(
            || config.base_url.clone(),
            |p| format!("{}{}", config.base_url, p.url_path),
        )
}

/// The language chooser and the 404 page: one page for all languages.
fn render_site_page(
    model: &SiteModel,
    tera: &Tera,
    view: &PhaseView,
    template: &str,
) -> Result<Vec<u8>, Diagnostic> {
    let config = model.config;
    let mut context = view.context(&config.default_language().code);
    let notices: Vec<Alternate> = config
        .languages
        .iter()
        .map(|l| {
            let notice = model.page(&l.code, "index");
            let url_path = notice.map_or_else(|| format!("{}/", l.code), |p| p.url_path.clone());
            Alternate {
                code: &l.code,
                name: &l.name,
                dir: l.dir.as_str(),
                og_locale: &l.og_locale,
                url: format!("{}{url_path}", config.base_path),
                permalink: format!("{}{url_path}", config.base_url),
                current: false,
                translated: notice.is_some_and(|p| p.untranslated_from.is_none()),
            }
        })
        .collect();
    context.insert("translations", &notices);
    let html = tera
        .render(template, &context)
        .map_err(|e| template_error(model.templates, &e))?;
    Ok(html.into_bytes())
}

struct PageReferences<'a> {
    model: &'a SiteModel<'a>,
    /// The language whose pages links go to.
    language: &'a str,
    /// The language the text is in, whose messages it shows.
    text_language: &'a str,
    variables: &'a BuildVariables,
    /// The messages the Markdown used, with their text (see [`MarkdownMemo`]).
    used: RefCell<Vec<(String, Result<String, String>)>>,
}

impl PageReferences<'_> {
    fn format(&self, id: &str) -> Result<String, String> {
        self.model
            .translations
            .format(self.text_language, id, &self.variables.args())
            .map_err(|d| describe(&d))
    }
}

impl References for PageReferences<'_> {
    fn link(&self, target: &str) -> Result<String, String> {
        let (path, anchor) = match target.split_once('#') {
            Some((path, anchor)) => (path, format!("#{anchor}")),
            None => (target, String::new()),
        };
        let key = path
            .strip_suffix(".md")
            .ok_or("the target must be a .md file")?;
        let (language, key) = match key.split_once('/') {
            Some((lang, rest)) if self.model.config.language(lang).is_some() => (lang, rest),
            _ => (self.language, key),
        };
        self.model
            .page(language, key)
            .map(|p| format!("{}{}{anchor}", self.model.config.base_path, p.url_path))
            .ok_or_else(|| format!("there is no content/{language}/{key}.md"))
    }

    fn message(&self, id: &str) -> Result<String, String> {
        let text = self.format(id);
        self.used.borrow_mut().push((id.to_string(), text.clone()));
        text
    }
}

const REMINDER_FILE: &str = "remind-me.ics";

/// Where a language's calendar reminder is, when the site offers one now: only while the
/// notice is upcoming, since afterwards there is nothing left to be reminded of.
fn reminder_url(model: &SiteModel, status: &Status, lang: &str) -> Option<String> {
    (model.config.reminder.is_some() && status.phase == Phase::Upcoming)
        .then(|| format!("{}{lang}/{REMINDER_FILE}", model.config.base_path))
}

/// Each language's `remind-me.ics`, from its `reminder-title` and `reminder-description`.
fn reminders(
    model: &SiteModel,
    variables: &BuildVariables,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let config = model.config;
    let Some(reminder) = config
        .reminder
        .as_ref()
        .filter(|_| reminder_url(model, model.status, "").is_some())
    else {
        return Ok(Vec::new());
    };
    let host = config.base_url.split('/').nth(2).unwrap_or("sunset");
    let mut files = Vec::new();
    let mut errors = Vec::new();
    // Every language has the default language's pages, translated or not: a page the
    // default language lacks is one mistake, not one per language.
    let default = config.default_language();
    let languages = if model.page(&default.code, &reminder.page).is_some() {
        config.languages.as_slice()
    } else {
        std::slice::from_ref(default)
    };
    for language in languages {
        let Some(page) = model.page(&language.code, &reminder.page) else {
            errors.push(
                Diagnostic::error(format!(
                    "the reminder links to the page `{}`, which content/{}/ does not have",
                    reminder.page, language.code
                ))
                .in_file(std::path::Path::new(crate::source::CONFIG_FILE))
                .hint("set [reminder] page to the key of a page of the default language, such as \"index\""),
            );
            continue;
        };
        let text = |id: &str| {
            model
                .translations
                .format(&language.code, id, &variables.args())
        };
        match (text("reminder-title"), text("reminder-description")) {
            (Ok(summary), Ok(description)) => {
                let uid = format!("end-{}-{}@{host}", config.notice.end_date, language.code);
                let url = format!("{}{}", config.base_url, page.url_path);
                // Many calendar apps hide an event's URL field: the address goes in the text too.
                let description = format!("{description}\n\n{url}");
                let ics = calendar::ics(&calendar::Reminder {
                    uid: &uid,
                    stamp: model.status.now,
                    date: config.notice.end_date,
                    summary: &summary,
                    description: &description,
                    url: &url,
                    language: &language.code,
                    alert_days_before: reminder.alert_days_before,
                });
                files.push(OutputFile {
                    path: format!("{}/{REMINDER_FILE}", language.code),
                    bytes: ics.into_bytes(),
                });
            }
            (Err(e), _) | (_, Err(e)) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

fn sitemap(model: &SiteModel) -> OutputFile {
    let config = model.config;
    let esc = crate::bidi::escape_html;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    // A page not translated yet is the default language's page again: it is left out, like
    // a duplicate whose canonical URL is elsewhere.
    let translated = |page: &&Page| page.untranslated_from.is_none();
    for page in model.pages.iter().filter(translated) {
        xml.push_str(&format!(
            "  <url>\n    <loc>{}</loc>\n",
            esc(&format!("{}{}", config.base_url, page.url_path))
        ));
        if let Some(updated) = page.updated {
            xml.push_str(&format!("    <lastmod>{updated}</lastmod>\n"));
        }
        let translations = config
            .languages
            .iter()
            .filter_map(|l| model.page(&l.code, &page.key))
            .filter(translated);
        for other in translations {
            xml.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                esc(&other.language),
                esc(&format!("{}{}", config.base_url, other.url_path))
            ));
        }
        xml.push_str(&format!(
            "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n  </url>\n",
            esc(&x_default(model, page))
        ));
    }
    xml.push_str("</urlset>\n");
    OutputFile {
        path: "sitemap.xml".into(),
        bytes: xml.into_bytes(),
    }
}

/// `favicon.svg` → `favicon.1a2b3c4d.svg`: a name that changes with the content, so hosts can
/// let browsers cache it for ever. The plain name is written too, for links from elsewhere.
fn hashed_name(file: &StaticFile) -> String {
    let hash = crate::stamp::hash_bytes(&file.bytes);
    match file.name.rsplit_once('.') {
        Some((stem, extension)) if !stem.ends_with('/') && !stem.is_empty() => {
            format!("{stem}.{hash}.{extension}")
        }
        _ => format!("{}.{hash}", file.name),
    }
}

/// `notice.json`: where the notice stands in this build and when its wording changes next,
/// for deploy jobs that rebuild only when needed.
fn manifest(model: &SiteModel) -> OutputFile {
    let status = model.status;
    let json = serde_json::json!({
        "phase": status.phase.as_str(),
        "days_left": status.days_left,
        "end_date": model.config.notice.end_date.to_string(),
        "time_zone": model.config.notice.time_zone.name(),
        "last_day_starts": rfc3339(&status.last_day_start),
        "ended_at": rfc3339(&status.end_instant),
        "next_change": status.next_change.as_ref().map(rfc3339),
        "built_for": rfc3339(&status.now),
    });
    let text = serde_json::to_string_pretty(&json).unwrap_or_default() + "\n";
    OutputFile {
        path: "notice.json".into(),
        bytes: text.into_bytes(),
    }
}

fn robots(config: &Config) -> OutputFile {
    let text = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
        config.base_url
    );
    OutputFile {
        path: "robots.txt".into(),
        bytes: text.into_bytes(),
    }
}
