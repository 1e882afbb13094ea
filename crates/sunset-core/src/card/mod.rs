//! Share cards: the picture a chat app or social network shows when a page's link is shared
//! (`og:image`), made from the page's own words, in its language and script.
//!
//! A site's `templates/card.svg` is its design, a Tera template like the pages'. `render`
//! renders it for each page in the build's reading (crawlers never run the page's script, so
//! the build's reading is what they show), and [`plan`] reads the result into a [`CardPlan`]:
//! the design, the text of each box, and a file name beside the page, `card.<hash>.png`, whose
//! hash covers everything the picture depends on (the design with its text, the fonts, the
//! images, the renderer). A name is therefore a promise about the bytes: a build that finds a
//! card's file already written need not draw it again, and a chat app that cached a picture
//! sees a new address as soon as the picture would change. [`Cards::draw`] draws plans, on
//! every core: each box laid out (`layout`), the glyphs filled over the background (`paint`),
//! encoded as PNG. Drawing needs no file: fonts and images come as bytes.
//!
//! By concern: `design` (the template's SVG and its `<card:text>` boxes), `fonts` (the site's
//! and the built-in set, and which characters they cover), `layout` and `paint`.

mod design;
mod fonts;
mod layout;
mod paint;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{Direction, Language};
use crate::diagnostics::{Diagnostic, Location};
use crate::files::{OutputFile, StaticFile, TemplateFile};
pub use design::{Align, Design, HEIGHT, NAMESPACE, TextBox, Valign, WIDTH};
pub use fonts::{FontFile, FontSet};
use layout::{LayoutError, Shaper};
use paint::Images;

/// The template a site's cards are drawn from; a site without it has no cards.
pub const TEMPLATE: &str = "card.svg";
/// Named in every card's hash: change it when the same inputs would give other pixels, so
/// that cards drawn by an earlier sunset get new names instead of being taken as they are.
const RENDERER: &str = "sunset cards 1";
/// WhatsApp ignores a preview image above 300 KB.
pub const MAX_BYTES: usize = 300 * 1024;

/// One page's card, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct CardPlan {
    /// Where it goes in the output: beside the page, named by its hash.
    pub path: String,
    /// The card template as rendered for the page: read whole only when the card is drawn.
    pub svg: String,
    /// The language boxes are in unless they say, and its direction.
    pub lang: String,
    pub dir: Direction,
    /// Its text alternative (`og:image:alt`): the template's `<title>`, else the boxes' text.
    pub alt: String,
    /// The page it is for (its file), for messages.
    pub page: PathBuf,
}

/// A build's share cards: each page's plan (in page order) and what drawing them needs.
#[derive(Default)]
pub struct Cards {
    pub plans: Vec<Arc<CardPlan>>,
    pub kit: Option<Arc<CardKit>>,
}

impl std::fmt::Debug for Cards {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Cards({} planned)", self.plans.len())
    }
}

impl Cards {
    /// Draws `plans` (some of this build's), in their order.
    pub fn draw(&self, plans: &[&CardPlan]) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        match &self.kit {
            Some(kit) => kit.draw(plans),
            None => Ok(Vec::new()),
        }
    }
}

/// What drawing a build's cards needs besides their plans: the fonts and the images.
pub struct CardKit {
    pub fonts: FontSet,
    images: Images,
    /// The card template, for messages.
    template: TemplateFile,
    /// Each language of the site and its direction, for boxes in another language.
    directions: HashMap<String, Direction>,
    /// What every card's picture depends on besides its own template: the renderer, the
    /// fonts, the languages' directions, the images.
    key: String,
}

/// What a page's card is planned from, besides the rendered template.
pub struct PlanInput<'a> {
    /// The page's address below the site root (`en/faq/`): the card goes in that folder.
    pub url_path: &'a str,
    pub page: &'a Path,
    /// The language the page's text is in, and its direction: what boxes are in by default.
    pub lang: &'a str,
    pub dir: Direction,
    /// Where the card's text may have been written (the page, its messages), searched in
    /// this order for a character no font covers, to say where it is.
    pub origins: &'a [(&'a Path, &'a str)],
}

impl CardKit {
    /// The fonts and images a site's cards use: `fonts` (`[cards] fonts` of site.toml, read
    /// from `statics`) before the built-in set, and every static file a design may show. A
    /// font that is not one is an error with its place in `fonts`.
    pub fn new(
        template: &TemplateFile,
        fonts: Vec<FontFile>,
        statics: &[StaticFile],
        languages: &[Language],
    ) -> Result<CardKit, (usize, String)> {
        let images: Images = statics
            .iter()
            .filter(|f| f.name.ends_with(".svg") || f.name.ends_with(".png"))
            .map(|f| (f.name.clone(), Arc::new(f.bytes.clone())))
            .collect();
        let fonts = FontSet::new(fonts)?;
        let mut key = format!("{RENDERER}\n{}\n", fonts.key);
        for language in languages {
            key.push_str(&format!("{} {}\n", language.code, language.dir.as_str()));
        }
        let mut names: Vec<&String> = images.keys().collect();
        names.sort();
        for name in names {
            key.push_str(&format!(
                "{name} {}\n",
                crate::stamp::hash_bytes(&images[name])
            ));
        }
        Ok(CardKit {
            fonts,
            images,
            template: template.clone(),
            directions: languages.iter().map(|l| (l.code.clone(), l.dir)).collect(),
            key,
        })
    }

    /// A page's card from its rendered card template: its name, a hash of everything its
    /// picture depends on, and its text alternative; or the characters no font covers, each
    /// located where the page or a message writes it. The template is read whole only when the
    /// card is drawn, so that a build that keeps its cards pays little for them.
    pub fn plan(&self, svg: &str, input: &PlanInput) -> Result<CardPlan, Vec<Diagnostic>> {
        let scan = design::scan(svg);
        let mut missing: Vec<char> = Vec::new();
        for c in scan.text.chars().filter(|c| !self.fonts.covers(*c)) {
            if !missing.contains(&c) {
                missing.push(c);
            }
        }
        if let Some(&first) = missing.first() {
            let named: Vec<String> = missing
                .iter()
                .map(|c| format!("`{c}` (U+{:04X})", u32::from(*c)))
                .collect();
            let diagnostic = Diagnostic::error(format!(
                "the share card of {} has {}, which no card font has",
                input.page.display(),
                named.join(", ")
            ))
            .code("card-glyph")
            .hint("add a font that has them to [cards] fonts in site.toml (a file of static/), or write the text without them");
            // Where the text was written: the first of the page and its messages that has it.
            let found = input.origins.iter().find_map(|(path, source)| {
                let at = source.find(first)?;
                Some(Location::from_range(
                    path,
                    source,
                    at..at + first.len_utf8(),
                ))
            });
            return Err(vec![match found {
                Some(location) => diagnostic.at(location),
                None => diagnostic.in_file(&self.template.path),
            }]);
        }
        let inputs = format!("{}{} {}\n{svg}", self.key, input.lang, input.dir.as_str());
        Ok(CardPlan {
            path: format!("{}card.{}.png", input.url_path, crate::stamp::hash(&inputs)),
            svg: svg.to_string(),
            lang: input.lang.to_string(),
            dir: input.dir,
            alt: scan.alt,
            page: input.page.to_path_buf(),
        })
    }

    /// The design of `plan`, its boxes' languages and directions resolved, or what is wrong
    /// with it, at its place in the template.
    fn design(&self, plan: &CardPlan) -> Result<Design, Diagnostic> {
        let mut design = design::parse(&plan.svg).map_err(|e| self.design_error(e))?;
        if let Some(href) = design
            .images
            .iter()
            .find(|href| !href.starts_with("data:") && !self.images.contains_key(*href))
        {
            return Err(self.design_error(design::DesignError {
                message: format!(
                    "the card's <image> shows {href:?}, which is not an SVG or PNG file of static/"
                ),
                hint: "name a file of static/ by its path there (href=\"favicon.svg\"), or use a data: URL".into(),
                attribute: Some(format!("href=\"{href}\"")),
            }));
        }
        for text_box in &mut design.boxes {
            let lang = text_box.lang.get_or_insert_with(|| plan.lang.clone());
            let dir = match self.directions.get(lang.as_str()) {
                Some(dir) => *dir,
                None if *lang == plan.lang => plan.dir,
                None => Direction::Ltr,
            };
            text_box.dir.get_or_insert(dir);
        }
        Ok(design)
    }

    /// A mistake in the design, at the attribute it names when the template has it once.
    fn design_error(&self, error: design::DesignError) -> Diagnostic {
        let template = &self.template;
        let diagnostic = Diagnostic::error(error.message)
            .code("card")
            .hint(error.hint);
        let place = error.attribute.and_then(|attribute| {
            let at = template.text.find(&attribute)?;
            (template.text.matches(&attribute).count() == 1).then(|| {
                Location::from_range(&template.path, &template.text, at..at + attribute.len())
            })
        });
        match place {
            Some(location) => diagnostic.at(location),
            None => diagnostic.in_file(&template.path),
        }
    }

    /// Draws `plans` on every core, in their order: each a PNG of at most [`MAX_BYTES`].
    /// Backgrounds that several cards share are drawn once; a mistake in the design that
    /// every card shares is one error.
    pub fn draw(&self, plans: &[&CardPlan]) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let designs: Vec<Result<Design, Diagnostic>> =
            plans.par_iter().map(|plan| self.design(plan)).collect();
        let mut errors: Vec<Diagnostic> = Vec::new();
        for error in designs.iter().filter_map(|d| d.as_ref().err()) {
            if !errors.contains(error) {
                errors.push(error.clone());
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let designs: Vec<Design> = designs.into_iter().filter_map(Result::ok).collect();
        let mut backgrounds: Vec<&str> = designs.iter().map(|d| d.background.as_str()).collect();
        backgrounds.sort_unstable();
        backgrounds.dedup();
        let drawn: HashMap<&str, Result<resvg::tiny_skia::Pixmap, String>> = backgrounds
            .into_par_iter()
            .map(|svg| (svg, paint::background(svg, &self.images)))
            .collect();
        let results: Vec<Result<OutputFile, Diagnostic>> = plans
            .par_iter()
            .zip(designs.par_iter())
            .map_init(
                || Shaper::new(&self.fonts),
                |shaper, (plan, design)| {
                    let background = match &drawn[design.background.as_str()] {
                        Ok(pixmap) => pixmap.clone(),
                        Err(e) => {
                            return Err(Diagnostic::error(format!(
                                "the card template cannot be drawn: {e}"
                            ))
                            .code("card")
                            .in_file(&self.template.path));
                        }
                    };
                    self.draw_one(shaper, plan, design, background)
                },
            )
            .collect();
        let mut files = Vec::new();
        for result in results {
            match result {
                Ok(file) => files.push(file),
                Err(error) if !errors.contains(&error) => errors.push(error),
                Err(_) => {}
            }
        }
        match errors.is_empty() {
            true => Ok(files),
            false => Err(errors),
        }
    }

    fn draw_one(
        &self,
        shaper: &mut Shaper,
        plan: &CardPlan,
        design: &Design,
        mut pixmap: resvg::tiny_skia::Pixmap,
    ) -> Result<OutputFile, Diagnostic> {
        let page = plan.page.display();
        for text_box in &design.boxes {
            let lang = text_box.lang.as_deref().unwrap_or_default();
            let dir = text_box.dir.unwrap_or(Direction::Ltr);
            let runs = shaper
                .lay_out(&self.fonts, text_box, lang, dir)
                .map_err(|e| {
                    let quoted = &text_box.text;
                    match e {
                        LayoutError::Missing(c) => Diagnostic::error(format!(
                            "the page's share card cannot draw `{c}` (U+{:04X}) in {quoted:?}: its font has it, but not as this text needs it",
                            u32::from(c)
                        ))
                        .code("card-glyph")
                        .hint("add a font made for this script to [cards] fonts in site.toml"),
                        LayoutError::TooLong { smallest } => Diagnostic::error(format!(
                            "the page's share card cannot fit {quoted:?} in its box, even at {smallest} px"
                        ))
                        .code("card-text")
                        .hint(format!("shorten the text, or give its <card:text> in {} more room or a smaller min-font-size", self.template.path.display())),
                    }
                    .in_file(&plan.page)
                })?;
            paint::glyphs(&mut pixmap, &runs, text_box.fill);
        }
        let bytes = paint::png(&pixmap).map_err(|e| {
            Diagnostic::error(format!("the share card of {page} cannot be encoded: {e}"))
                .code("card")
        })?;
        if bytes.len() > MAX_BYTES {
            return Err(Diagnostic::error(format!(
                "the share card of {page} is {} KB, more than the {} KB chat apps show",
                bytes.len() / 1024,
                MAX_BYTES / 1024
            ))
            .code("card")
            .in_file(&self.template.path)
            .hint("draw the card's background with fewer details (flat colours compress best)"));
        }
        Ok(OutputFile {
            path: plan.path.clone(),
            bytes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kit_of(template: &str) -> CardKit {
        let template = TemplateFile {
            name: TEMPLATE.into(),
            path: PathBuf::from("templates/card.svg"),
            text: template.into(),
        };
        CardKit::new(&template, Vec::new(), &[], &[]).unwrap()
    }

    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:card="urn:sunset:card" width="1200" height="630"><rect width="1200" height="630" fill="#fff"/><card:text x="80" y="80" width="1040" height="300" font-size="60">TEXT</card:text></svg>"##;

    fn plan(kit: &CardKit, text: &str) -> Result<CardPlan, Vec<Diagnostic>> {
        let page = Path::new("content/ar/index.md");
        let source = format!("title = \"{text}\"");
        let origins = [(page, source.as_str())];
        let input = PlanInput {
            url_path: "ar/",
            page,
            lang: "ar",
            dir: Direction::Rtl,
            origins: &origins,
        };
        kit.plan(&SVG.replace("TEXT", text), &input)
    }

    #[test]
    fn a_card_is_named_by_what_it_shows_and_drawn_the_same_every_time() {
        let kit = kit_of(SVG);
        let first = plan(&kit, "آخر يوم: 15 يناير 2026").unwrap();
        assert!(first.path.starts_with("ar/card.") && first.path.ends_with(".png"));
        assert_eq!(
            first.alt, "آخر يوم: 15 يناير 2026",
            "the boxes' text without a title"
        );
        assert_eq!(
            plan(&kit, "آخر يوم: 15 يناير 2026").unwrap().path,
            first.path
        );
        assert_ne!(
            plan(&kit, "آخر يوم: 16 يناير 2026").unwrap().path,
            first.path
        );
        let drawn = kit.draw(&[&first, &first]).unwrap();
        assert_eq!(drawn[0], drawn[1], "byte for byte");
        assert_eq!(drawn[0].path, first.path);
        assert!(drawn[0].bytes.len() < MAX_BYTES);
    }

    #[test]
    fn a_character_no_font_has_is_found_before_drawing_and_a_design_error_once() {
        let kit = kit_of(SVG);
        let errors = plan(&kit, "ok ☃").unwrap_err();
        let location = errors[0].location.as_ref().unwrap();
        assert_eq!((location.line, location.column), (1, 13));
        assert!(errors[0].message.contains("`☃` (U+2603)"));
        let broken = kit_of(SVG);
        let mut wrong = plan(&broken, "a").unwrap();
        wrong.svg = wrong.svg.replace("font-size=\"60\"", "font-size=\"big\"");
        let errors = broken.draw(&[&wrong, &wrong]).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].message.contains("font-size=\"big\""));
    }
}
