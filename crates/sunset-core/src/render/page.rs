//! One page in every reading: its Markdown, its `page` value and its template, rendered for
//! the current reading and each later one (or the current one's HTML taken again where
//! nothing the page reads differs), with the errors of each reading merged.

use std::cell::RefCell;
use std::sync::Arc;

use tera::Tera;

use super::context::{
    Alternate, LanguageContext, LanguageContextWithUrl, PageContext, page_translations,
};
use super::errors::template_error;
use super::functions::{MessageUse, describe, recording_messages};
use super::later;
use super::urls::x_default;
use super::{BuildVariables, ReadingView, SiteModel, Templates, cards};
use crate::card::CardPlan;
use crate::content::Page;
use crate::csp::{self, Policy};
use crate::diagnostics::{Diagnostic, Location};
use crate::markdown::{self, MessageText, References, RenderOptions};

/// A page rendered for the current phase, carrying each later one.
pub(super) struct PageRender {
    /// None when the current phase did not render.
    pub(super) html: Option<Vec<u8>>,
    /// The HTML the later phases add, for link checks.
    pub(super) carried: String,
    /// Its share card, planned in the current reading.
    pub(super) card: Option<Arc<CardPlan>>,
    /// The errors of every phase, each later one with its phase named.
    pub(super) errors: Vec<Diagnostic>,
}

pub(super) fn render_page_in_every_reading(
    model: &SiteModel,
    templates: &Templates,
    current: &ReadingView,
    later: &[ReadingView],
    page: &Page,
) -> PageRender {
    let mut memo = PageMemo::default();
    let translations = page_translations(model, page);
    // The card shows the build's reading, which is what crawlers see: every reading's page
    // names the same card.
    let mut card: Option<(Option<Arc<CardPlan>>, tera::Value)> = None;
    let (result, later_html, errors) = render_in_every_reading(
        model,
        current,
        later,
        |view, current_render: Option<&RenderedPage>| {
            let value = page_value(model, view, page, &mut memo)?;
            // A later reading in which nothing the page reads differs is the same page: its
            // `page` value, every name of the context its template may read, and every
            // message its render used, in this reading's words.
            if let Some(current_render) = current_render
                && current_render.value == value
                && view
                    .changed_for(&page.language)
                    .is_some_and(|changed| !templates.may_read(&page.template, changed))
                && templates.translator.same_in(
                    &current_render.messages,
                    templates.translator.reading_index(&view.guard.key),
                )
            {
                return Ok(RenderedPage {
                    html: None,
                    value,
                    messages: Vec::new(),
                });
            }
            let mut context = view.context(&page.language);
            context.insert_value("page", memo.values[value].1.clone());
            context.insert_value("translations", translations.clone());
            if std::ptr::eq(view, current) {
                let plan = cards::plan(model, &templates.tera, page, &context)?;
                let value = cards::value(model, plan.as_deref());
                card = Some((plan, value));
            }
            let card_value = card
                .as_ref()
                .map_or_else(tera::Value::none, |c| c.1.clone());
            context.insert_value("card", card_value);
            let (html, messages) =
                recording_messages(|| templates.tera.render(&page.template, &context));
            let html = html.map_err(|e| vec![template_error(model.templates, &e)])?;
            Ok(RenderedPage {
                html: Some(html),
                value,
                messages,
            })
        },
    );
    let later_html: Vec<later::LaterReading> = later_html
        .into_iter()
        .map(|(view, rendered)| later::LaterReading {
            name: view.name.clone(),
            key: view.guard.key.clone(),
            stale_at: view.guard.stale_at,
            html: rendered.html,
        })
        .collect();
    let (html, carried) = match result.and_then(|rendered| rendered.html) {
        Some(html) => {
            // The styles a later reading shows apply once the page's script puts its body in.
            let mut policy = Policy::default();
            for later_html in later_html.iter().filter_map(|later| later.html.as_deref()) {
                policy.allow_body_styles_of(later_html);
            }
            let (html, carried) = later::carry(html, &current.guard, &later_html);
            (Some(with_policy(&html, policy)), carried)
        }
        None => (None, String::new()),
    };
    PageRender {
        // Kept until every page is rendered and checked: without the slack a growing buffer
        // leaves, a 10,000-page build peaks lower (~20 MB).
        html: html.map(|html| {
            let mut bytes = html.into_bytes();
            bytes.shrink_to_fit();
            bytes
        }),
        carried,
        card: card.and_then(|(plan, _)| plan),
        errors,
    }
}

/// A page rendered for one reading: its HTML (None for a later reading that shows the
/// current one's page), its `page` value (by index in [`PageMemo::values`]) and the messages
/// its templates used.
struct RenderedPage {
    html: Option<String>,
    value: usize,
    messages: Vec<MessageUse>,
}

/// Renders one thing for the current reading, then for every later one (each given the
/// current reading's result, to reuse where it can): the current result (None if it failed),
/// each later result with its reading, and the errors of all, merged (see
/// [`merge_reading_errors`]).
pub(super) fn render_in_every_reading<'v, T>(
    model: &SiteModel,
    current: &ReadingView,
    later: &'v [ReadingView],
    mut render: impl FnMut(&ReadingView, Option<&T>) -> Result<T, Vec<Diagnostic>>,
) -> (Option<T>, Vec<(&'v ReadingView, T)>, Vec<Diagnostic>) {
    let (result, current_errors) = match render(current, None) {
        Ok(result) => (Some(result), Vec::new()),
        Err(errors) => (None, errors),
    };
    let mut later_results = Vec::new();
    let mut later_errors = Vec::new();
    for view in later {
        match render(view, result.as_ref()) {
            Ok(later_result) => later_results.push((view, later_result)),
            Err(errors) => later_errors.push((view.name.clone(), errors)),
        }
    }
    let errors = merge_reading_errors(model, current_errors, later_errors);
    (result, later_results, errors)
}

/// The current phase's errors as they are, then each error that only a later phase has, with
/// the phases it shows in named: "… (in the `ended` phase)", or with several milestones
/// "… (in the state `after service-ends, before export-closes`)".
fn merge_reading_errors(
    model: &SiteModel,
    current: Vec<Diagnostic>,
    later: Vec<(String, Vec<Diagnostic>)>,
) -> Vec<Diagnostic> {
    let seen: Vec<String> = current.iter().map(Diagnostic::to_string).collect();
    let mut only_later: Vec<(String, Diagnostic, Vec<String>)> = Vec::new();
    for (phase, errors) in later {
        for error in errors {
            let text = error.to_string();
            if seen.contains(&text) {
                continue;
            }
            match only_later.iter_mut().find(|(t, _, _)| *t == text) {
                // Readings of one state on different days share its name.
                Some((_, _, phases)) if phases.contains(&phase) => {}
                Some((_, _, phases)) => phases.push(phase.clone()),
                None => only_later.push((text, error, vec![phase.clone()])),
            }
        }
    }
    let mut merged = current;
    for (_, mut error, phases) in only_later {
        let names: Vec<String> = phases.iter().map(|p| format!("`{p}`")).collect();
        let which = match (
            model.config.notice.has_several_milestones(),
            names.as_slice(),
        ) {
            (false, [one]) => format!("the {one} phase"),
            (false, _) => format!("the {} phases", names.join(" and ")),
            (true, [one]) => format!("the state {one}"),
            (true, [first @ .., last]) => format!("the states {} and {last}", first.join(", ")),
            (true, []) => String::new(),
        };
        error.message = format!("{} (in {which})", error.message);
        merged.push(error);
    }
    merged
}

/// What one page's renders for several phases share: the phases of a page usually differ
/// only in their templates, so its Markdown is rendered again only when its text or one of the
/// messages it uses differs, and its `page` value is built again only when that or its title,
/// description or shown `updated` date differs.
#[derive(Default)]
pub(super) struct PageMemo {
    pub(super) markdown: Vec<MarkdownRender>,
    pub(super) values: Vec<(PageValueInputs, tera::Value)>,
}

/// One phase's Markdown, the messages it used with their text, and its HTML.
pub(super) struct MarkdownRender {
    pub(super) text: String,
    pub(super) messages: Vec<(String, Result<MessageText, String>)>,
    pub(super) rendered: markdown::Rendered,
}

/// What a page's `page` value is made of besides the page itself: its Markdown (by index in
/// [`PageMemo::markdown`]), title, description and shown `updated` date.
#[derive(PartialEq)]
pub(super) struct PageValueInputs {
    pub(super) markdown: usize,
    pub(super) title: String,
    pub(super) description: String,
    pub(super) updated: Option<String>,
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

    /// The index in `values` of the `page` value made of `inputs`: built by `build` from its
    /// Markdown unless an earlier reading had the same inputs.
    fn value(
        &mut self,
        inputs: PageValueInputs,
        build: impl FnOnce(&PageValueInputs, &markdown::Rendered) -> tera::Value,
    ) -> usize {
        if let Some(index) = self.values.iter().position(|(kept, _)| *kept == inputs) {
            return index;
        }
        let value = build(&inputs, &self.markdown[inputs.markdown].rendered);
        self.values.push((inputs, value));
        self.values.len() - 1
    }
}

/// The `page` value of `page` in `view`'s reading, by index in `memo.values`: built once for
/// all the readings that give it the same Markdown, title, description and date.
fn page_value(
    model: &SiteModel,
    view: &ReadingView,
    page: &Page,
    memo: &mut PageMemo,
) -> Result<usize, Vec<Diagnostic>> {
    let config = model.config;
    let phase = page.phase(&config.notice, &view.status);
    let language = config
        .language(&page.language)
        .unwrap_or(config.default_language());
    let body = page.body(view.status.state);
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
    let page_value = memo.value(inputs, |inputs, rendered| {
        tera::Value::from_serializable(&PageContext {
            key: &page.key,
            title: &inputs.title,
            description: &inputs.description,
            url: config.url_of(&page.url_path),
            permalink: config.permalink_of(&page.url_path),
            updated: inputs.updated.clone(),
            content: &rendered.html,
            headings: &rendered.headings,
            sections: &rendered.sections,
            steps: &rendered.steps,
            extra: &page.extra,
            milestone: page
                .milestone
                .as_deref()
                .unwrap_or(&config.notice.main().name),
            x_default: x_default(model, page),
            lang: &text_language.code,
            lang_attrs: original.map_or_else(String::new, |l| {
                format!(" lang=\"{}\" dir=\"{}\"", l.code, l.dir.as_str())
            }),
            original: original.map(|l| {
                let url_path = model.page(&l.code, &page.key).map_or("", |p| &p.url_path);
                LanguageContextWithUrl {
                    language: LanguageContext::of(l),
                    url: config.url_of(url_path),
                    permalink: config.permalink_of(url_path),
                }
            }),
        })
    });
    Ok(page_value)
}

/// The language chooser and the 404 page: one page for all languages; `card` is the
/// chooser's share card (the default language's notice's).
pub(super) fn render_site_page(
    model: &SiteModel,
    tera: &Tera,
    view: &ReadingView,
    template: &str,
    card: &tera::Value,
) -> Result<String, Diagnostic> {
    let config = model.config;
    let mut context = view.context(&config.default_language().code);
    context.insert_value("card", card.clone());
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
                url: config.url_of(&url_path),
                permalink: config.permalink_of(&url_path),
                current: false,
                translated: notice.is_some_and(|p| p.untranslated_from.is_none()),
            }
        })
        .collect();
    context.insert("translations", &notices);
    tera.render(template, &context)
        .map_err(|e| template_error(model.templates, &e))
}

/// `html` with its Content-Security-Policy in a meta tag (see [`csp`]): `policy` and the page's
/// own scripts and styles, the later readings' script included.
pub(super) fn with_policy(html: &str, mut policy: Policy) -> String {
    policy.extend(&Policy::of_html(html));
    csp::with_meta(html, &policy)
}

pub(super) struct PageReferences<'a> {
    pub(super) model: &'a SiteModel<'a>,
    /// The language whose pages links go to.
    pub(super) language: &'a str,
    /// The language the text is in, whose messages it shows.
    pub(super) text_language: &'a str,
    pub(super) variables: &'a BuildVariables,
    /// The messages the Markdown used, with their text (see [`PageMemo::markdown`]).
    pub(super) used: RefCell<Vec<(String, Result<MessageText, String>)>>,
}

impl PageReferences<'_> {
    fn format(&self, id: &str) -> Result<MessageText, String> {
        let formatted = self
            .model
            .translations
            .format(
                self.text_language,
                id,
                &self.model.message_args(self.variables, id),
            )
            .map_err(|d| describe(&d))?;
        let config = self.model.config;
        let foreign = (formatted.language != self.text_language)
            .then(|| config.language(formatted.language))
            .flatten()
            .map(|language| (language.code.clone(), language.dir));
        Ok(MessageText {
            text: formatted.text,
            foreign,
        })
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
            .map(|p| format!("{}{anchor}", self.model.config.url_of(&p.url_path)))
            .ok_or_else(|| {
                // A renamed page: the key meant, among the language's pages.
                let keys: Vec<&str> = self
                    .model
                    .pages
                    .iter()
                    .filter(|p| p.language == language && p.untranslated_from.is_none())
                    .map(|p| p.key.as_str())
                    .collect();
                let meant = crate::diagnostics::closest(key, &keys)
                    .map(|meant| format!(" (did you mean @/{meant}.md?)"))
                    .unwrap_or_default();
                format!("there is no content/{language}/{key}.md{meant}")
            })
    }

    fn message(&self, id: &str) -> Result<MessageText, String> {
        let text = self.format(id);
        self.used.borrow_mut().push((id.to_string(), text.clone()));
        text
    }

    fn message_ids(&self) -> Vec<String> {
        self.model.translations.message_ids()
    }
}
