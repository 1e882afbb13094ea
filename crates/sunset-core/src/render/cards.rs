//! Each page's share card: the card template (`card.svg`) rendered with the page's own
//! context in the build's reading, read into a plan (see `card`), and what templates see of it
//! as `card`: its absolute URL, size, type and text alternative.

use std::path::Path;
use std::sync::Arc;

use serde::Serialize;
use tera::Context;

use super::SiteModel;
use super::errors::template_error;
use crate::card::{self, CardPlan, HEIGHT, PlanInput, WIDTH};
use crate::content::Page;
use crate::diagnostics::Diagnostic;

/// What templates see of a page's card, for `og:image` and its companions.
#[derive(Serialize)]
struct CardValue<'a> {
    /// Absolute: chat apps fetch it from wherever the link was shared.
    url: String,
    width: u32,
    height: u32,
    #[serde(rename = "type")]
    kind: &'static str,
    /// In the page's language: the template's `<title>`, else the boxes' text.
    alt: &'a str,
    path: &'a str,
}

/// The plan of `page`'s card, from the card template rendered with `context` (the page's, in
/// the build's reading), or None when the site has no cards.
pub(super) fn plan(
    model: &SiteModel,
    tera: &tera::Tera,
    page: &Page,
    context: &Context,
) -> Result<Option<Arc<CardPlan>>, Vec<Diagnostic>> {
    let Some(kit) = model.cards else {
        return Ok(None);
    };
    let svg = tera
        .render(card::TEMPLATE, context)
        .map_err(|e| vec![template_error(model.templates, &e)])?;
    let config = model.config;
    let text_language = page
        .untranslated_from
        .as_deref()
        .and_then(|code| config.language(code))
        .or_else(|| config.language(&page.language))
        .unwrap_or(config.default_language());
    let default = &config.default_language().code;
    let mut origins: Vec<(&Path, &str)> = vec![(page.path.as_path(), &*page.source)];
    for language in [&page.language, default] {
        origins.extend(
            model
                .locales
                .iter()
                .filter(|f| f.language == *language)
                .map(|f| (f.path.as_path(), f.text.as_str())),
        );
    }
    origins.extend(
        model
            .templates
            .iter()
            .filter(|t| t.name == card::TEMPLATE)
            .map(|t| (t.path.as_path(), t.text.as_str())),
    );
    let input = PlanInput {
        url_path: &page.url_path,
        page: &page.path,
        lang: &text_language.code,
        dir: text_language.dir,
        origins: &origins,
    };
    kit.plan(&svg, &input).map(|plan| Some(Arc::new(plan)))
}

/// What templates see as `card`: null without one.
pub(super) fn value(model: &SiteModel, plan: Option<&CardPlan>) -> tera::Value {
    let Some(plan) = plan else {
        return tera::Value::none();
    };
    tera::Value::from_serializable(&CardValue {
        url: model.config.permalink_of(&plan.path),
        width: WIDTH,
        height: HEIGHT,
        kind: "image/png",
        alt: &plan.alt,
        path: &plan.path,
    })
}
