//! The build, as a list of steps: sources → config → clock and history → pages and
//! translations → files.
//!
//! [`build`] is a pure function of the sources and "now": it reads no file and no clock, so
//! `build`, `check` and tests all run the same code. Reading and writing happen in `main`.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::cache::RenderCache;
use crate::card::{self, CardKit, Cards, FontFile};
use crate::check;
use crate::clock::{self, NowInput, Status};
use crate::config::{self, Config};
use crate::content;
use crate::content::Page;
use crate::diagnostics::{Diagnostic, Location, closest};
use crate::files::OutputFile;
use crate::files::{CONFIG_FILE, Sources};
use crate::history::{self, History};
use crate::i18n::{self, Translations};
use crate::messages::{self, LanguageMessages};
use crate::render::{self, SiteModel};
use crate::stamp;

/// What a build is asked to do, with everything from the command line already parsed.
#[derive(Debug, Clone)]
pub struct BuildRequest {
    pub now: NowInput,
    /// Replaces site.toml's `base_url` (`build --base-url`).
    pub base_url: Option<String>,
}

/// A successful build: the files to write, the share cards to draw (or keep: see `card`),
/// where the notice stands, and the warnings.
#[derive(Debug)]
pub struct Built {
    pub files: Vec<OutputFile>,
    pub cards: Cards,
    pub status: Status,
    pub config: Config,
    /// Warnings and notes: a build with errors fails.
    pub warnings: Vec<Diagnostic>,
}

/// Builds the site in memory. On failure, returns every diagnostic found (errors and warnings).
pub fn build(sources: &Sources, request: &BuildRequest) -> Result<Built, Vec<Diagnostic>> {
    build_reusing(sources, request, &mut RenderCache::off())
}

/// A site's inputs parsed once, for every step that reads them: its site.toml, its pages
/// (those that parsed, and the problems of the others) and every language's messages.
/// `build` renders it; the `check` command also proofreads and counts it.
pub struct LoadedSite {
    pub config: Config,
    pub pages: Vec<Page>,
    pub page_diagnostics: Vec<Diagnostic>,
    pub messages: LanguageMessages,
}

/// Parses the pages and messages of `sources`, whose site.toml is `config`.
pub fn load(sources: &Sources, config: Config) -> LoadedSite {
    let (pages, page_diagnostics) = content::parse_pages(&config, &sources.content);
    LoadedSite {
        pages,
        page_diagnostics,
        messages: messages::by_language(&sources.locales),
        config,
    }
}

/// Builds the site in memory, taking unchanged pages from `cache` (see `cache`), which keeps
/// this build's pages for the next.
pub fn build_reusing(
    sources: &Sources,
    request: &BuildRequest,
    cache: &mut RenderCache,
) -> Result<Built, Vec<Diagnostic>> {
    let config = load_config(sources, request.base_url.as_deref())?;
    build_loaded(sources, &load(sources, config), request.now, cache)
}

/// Builds a site already loaded from `sources` (see [`load`]).
pub fn build_loaded(
    sources: &Sources,
    site: &LoadedSite,
    now: NowInput,
    cache: &mut RenderCache,
) -> Result<Built, Vec<Diagnostic>> {
    let config = &site.config;
    let now: DateTime<Utc> = now.resolve(config.notice.time_zone);
    let status = clock::status(now, &config.notice);
    // Every other reading a reader can still meet: each is rendered, checked and carried.
    let later_readings = clock::readings(&status, &config.notice);

    let mut diagnostics = config.warnings.clone();
    let pages = &site.pages;
    // A page with errors is left out, so rendering would only add noise to the report; a
    // Fluent file with errors stays usable apart from its broken entries.
    let unusable = site.page_diagnostics.iter().any(Diagnostic::is_error);
    diagnostics.extend(site.page_diagnostics.iter().cloned());
    // What is still a copy of the default language is published as the untranslated is.
    let copies = stamp::copies(config, &site.messages, pages);
    let (translations, translation_diagnostics) =
        Translations::load(config, &sources.locales, &copies.messages);
    diagnostics.extend(translation_diagnostics);
    diagnostics.extend(check::static_findings(
        config,
        sources,
        &site.messages,
        pages,
    ));
    diagnostics.extend(check::future_updates(pages, status.today));
    diagnostics.extend(check::history_findings(
        config,
        &site.messages,
        pages,
        status.now,
    ));
    diagnostics.extend(reminder_page_finding(config, sources, pages));
    let card_kit = match card_kit(config, sources) {
        Ok(kit) => kit.map(Arc::new),
        Err(error) => {
            diagnostics.push(error);
            None
        }
    };
    if unusable {
        return Err(diagnostics);
    }
    let translated = pages
        .iter()
        .filter(|p| !copies.pages.contains(&(p.language.clone(), p.key.clone())))
        .cloned()
        .collect();
    let pages = content::with_untranslated(config, translated);
    let history = History::at(config, status.now);

    let model = SiteModel {
        config,
        status: &status,
        later_readings: &later_readings,
        pages: &pages,
        translations: Arc::new(translations),
        templates: &sources.templates,
        locales: &sources.locales,
        statics: &sources.statics,
        index: render::index_pages(&pages),
        history: &history,
        message_variables: history::message_variables(config),
        cards: card_kit.as_deref(),
    };
    let mut rendered = render::render_site(&model, cache);
    // A message with an error was reported at it; formatting it fails again, where the
    // template, the page or the reminder uses it, naming the message's place.
    let reported = places_with_errors(&diagnostics, sources);
    // A message written but broken (a syntax error, reported at its line) is not also
    // "defined by no translation" where a template uses it. Only broken ones: a message that
    // one language still has and the default language lost is an error where it is used.
    // Nor is a message site.toml's history needs, reported missing at its place there.
    let broken: Vec<String> = sources
        .locales
        .iter()
        .flat_map(|f| i18n::message_definitions(&f.path, &f.text))
        .filter(|(_, place)| reported.contains(&place_text(place)))
        .map(|(id, _)| id)
        .chain(check::missing_history_messages(config, &site.messages))
        .map(|id| format!("no translation defines the message `{id}`"))
        .collect();
    let (repeated, new_errors): (Vec<Diagnostic>, Vec<Diagnostic>) =
        rendered.errors.into_iter().partition(|e| {
            let at_reported = |place: &String| {
                e.message.contains(place.as_str())
                    || e.location.as_deref().map(place_text).as_ref() == Some(place)
            };
            reported.iter().any(at_reported)
                || broken
                    .iter()
                    .any(|missing| e.message.contains(missing.as_str()))
        });
    // A page that did not render fails the build, whatever was said about it before: were
    // its errors all taken for repeats, the site would go out without it.
    let nothing_failed = !diagnostics.iter().any(Diagnostic::is_error) && new_errors.is_empty();
    rendered.errors = match !rendered.complete && nothing_failed {
        true => repeated,
        false => new_errors,
    };
    diagnostics.append(&mut rendered.errors);
    diagnostics.append(&mut rendered.warnings);
    if rendered.complete {
        diagnostics.extend(check::link_findings(
            config,
            &pages,
            &sources.templates,
            &rendered.files,
            &rendered.later,
        ));
        diagnostics.extend(check::policy_findings(
            config,
            &pages,
            &sources.templates,
            &rendered,
        ));
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(diagnostics);
    }
    Ok(Built {
        files: rendered.files,
        cards: Cards {
            plans: rendered.cards,
            kit: card_kit,
        },
        status,
        config: config.clone(),
        warnings: diagnostics,
    })
}

/// What the site's share cards are drawn with: None when it has no card template or turns
/// cards off (`[cards] enabled = false`). A font that static/ lacks, or that is not a font,
/// is an error where site.toml names it.
fn card_kit(config: &Config, sources: &Sources) -> Result<Option<CardKit>, Diagnostic> {
    let Some(template) = sources.templates.iter().find(|t| t.name == card::TEMPLATE) else {
        return Ok(None);
    };
    if !config.cards.enabled {
        return Ok(None);
    }
    let mut fonts = Vec::new();
    for (name, location) in &config.cards.fonts {
        let file = sources.statics.iter().find(|f| f.name == *name).ok_or_else(|| {
            Diagnostic::error(format!("the card font {name:?} is not in static/"))
                .at(location.clone())
                .hint("give the font file's path under static/, such as \"fonts/NotoSansThai-Regular.ttf\"")
        })?;
        fonts.push(FontFile::new(&format!("static/{name}"), file.bytes.clone()));
    }
    CardKit::new(template, fonts, &sources.statics, &config.languages)
        .map(Some)
        .map_err(|(index, why)| {
            let diagnostic =
                Diagnostic::error(why).hint("name a TrueType or OpenType font file (.ttf, .otf)");
            match config.cards.fonts.get(index) {
                Some((_, location)) => diagnostic.at(location.clone()),
                None => diagnostic.in_file(Path::new(CONFIG_FILE)),
            }
        })
}

/// Where errors were found, as `(path:line:col)`, the form in which errors that travel
/// through Tera name their place; for an error inside a message, the message's place too
/// (where its definition starts, which is where formatting it reports).
fn places_with_errors(diagnostics: &[Diagnostic], sources: &Sources) -> HashSet<String> {
    let mut places = HashSet::new();
    for location in diagnostics
        .iter()
        .filter(|d| d.is_error())
        .filter_map(|d| d.location.as_deref())
    {
        places.insert(place_text(location));
        let Some(file) = sources.locales.iter().find(|f| f.path == location.path) else {
            continue;
        };
        let message = i18n::message_definitions(&file.path, &file.text)
            .into_values()
            .filter(|definition| definition.line <= location.line)
            .max_by_key(|definition| definition.line);
        if let Some(message) = message {
            places.insert(place_text(&message));
        }
    }
    places
}

/// A place as errors that travel through Tera name it: `(path:line:col)`.
fn place_text(location: &Location) -> String {
    format!(
        "({}:{}:{})",
        location.path.display(),
        location.line,
        location.column
    )
}

/// `[reminder] page` naming a page the default language does not have: an error at that
/// line of site.toml, suggesting the steps page (what a reminder usually links to) or the
/// closest key.
fn reminder_page_finding(
    config: &Config,
    sources: &Sources,
    pages: &[content::Page],
) -> Option<Diagnostic> {
    let reminder = config.reminder.as_ref()?;
    let default = &config.default_language().code;
    let site_toml = &sources.config;
    // A page whose file is there but does not parse has its own error.
    let file = Path::new("content")
        .join(default)
        .join(format!("{}.md", reminder.page));
    if sources.content.iter().any(|f| f.path == file) {
        return None;
    }
    let keys: Vec<&str> = pages
        .iter()
        .filter(|p| &p.language == default)
        .map(|p| p.key.as_str())
        .collect();
    if keys.contains(&reminder.page.as_str()) {
        return None;
    }
    let steps = pages
        .iter()
        .find(|p| &p.language == default && p.role.as_deref() == Some("steps"))
        .map(|p| p.key.as_str());
    let suggestion = steps
        .or_else(|| closest(&reminder.page, &keys))
        .unwrap_or("index");
    let quoted = format!("\"{}\"", reminder.page);
    let table = site_toml.find("[reminder]").unwrap_or(0);
    let diagnostic = Diagnostic::error(format!(
        "the reminder links to the page `{}`, which content/{default}/ does not have",
        reminder.page
    ))
    .hint(format!("write page = \"{suggestion}\""));
    Some(match site_toml[table..].find(&quoted) {
        Some(at) => diagnostic.at(Location::from_range(
            Path::new(CONFIG_FILE),
            site_toml,
            table + at..table + at + quoted.len(),
        )),
        None => diagnostic.in_file(Path::new(CONFIG_FILE)),
    })
}

/// The site.toml of `sources`, with `base_url` (`--base-url`) in place of its own if given.
pub fn load_config(sources: &Sources, base_url: Option<&str>) -> Result<Config, Vec<Diagnostic>> {
    let config = config::parse(std::path::Path::new(CONFIG_FILE), &sources.config)?;
    match base_url {
        Some(url) => config.with_base_url(url).map_err(|d| vec![d]),
        None => Ok(config),
    }
}
