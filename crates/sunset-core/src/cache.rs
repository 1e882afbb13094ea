//! What a page's HTML depends on, as fingerprints, so that watch re-renders only what an edit
//! affects.
//!
//! A page is a function of: the site-wide inputs (site.toml, templates, the clock's values, the
//! updates shown, the set of pages and their URLs, the static files that `asset()` names by their hash), its language's translations and the default language's (the
//! fallback), the titles in its language's navigation, and its own file. [`RenderCache`] keeps
//! each page's HTML, and the plan of its share card, with the fingerprint of those inputs;
//! when the fingerprint is unchanged, both are reused as they are, which is exact because
//! rendering is deterministic. (The card's pixels are kept by name, outside: see `card`.)

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use crate::card::CardPlan;
use crate::clock::Status;
use crate::config::Config;
use crate::content::Page;
use crate::files::{StaticFile, TemplateFile};
use crate::history::History;
use crate::i18n::LocaleFile;

/// A page as rendered: its HTML, what it carries for later phases (for link checks), and its
/// share card's plan.
#[derive(Debug, Clone, PartialEq)]
pub struct CachedPage {
    pub html: Vec<u8>,
    pub carried: String,
    pub card: Option<Arc<CardPlan>>,
}

/// Rendered pages of earlier builds, by output path, with the fingerprint of their inputs.
#[derive(Debug)]
pub struct RenderCache {
    /// By output path: the fingerprint and the page.
    pages: HashMap<String, (u64, CachedPage)>,
    /// Off for a one-time build, which would only keep a second copy of every page.
    keeps: bool,
    /// Pages the last build rendered, and pages it took from the cache.
    pub rendered: usize,
    pub reused: usize,
}

impl Default for RenderCache {
    fn default() -> RenderCache {
        RenderCache {
            pages: HashMap::new(),
            keeps: true,
            rendered: 0,
            reused: 0,
        }
    }
}

impl RenderCache {
    /// A cache that keeps nothing, for builds that will not be followed by another.
    pub fn off() -> RenderCache {
        RenderCache {
            keeps: false,
            ..RenderCache::default()
        }
    }

    /// The page kept for `path`, if its inputs had this fingerprint.
    pub fn get(&mut self, path: &str, fingerprint: u64) -> Option<CachedPage> {
        let hit = self
            .pages
            .get(path)
            .filter(|(kept, _)| *kept == fingerprint)
            .map(|(_, page)| page.clone());
        match hit {
            Some(_) => self.reused += 1,
            None => self.rendered += 1,
        }
        hit
    }

    pub fn put(&mut self, path: &str, fingerprint: u64, page: &CachedPage) {
        if self.keeps {
            self.pages
                .insert(path.to_string(), (fingerprint, page.clone()));
        }
    }

    pub fn start_build(&mut self) {
        self.rendered = 0;
        self.reused = 0;
    }
}

/// The fingerprints one build shares between its pages.
pub struct Fingerprints {
    site: u64,
    /// Per language: its translations and the default language's.
    translations: HashMap<String, u64>,
    /// Per language: the key, title and URL of each of its pages.
    navigation: HashMap<String, u64>,
}

impl Fingerprints {
    pub fn new(
        config: &Config,
        status: &Status,
        templates: &[TemplateFile],
        locales: &[LocaleFile],
        pages: &[Page],
        statics: &[StaticFile],
        history: &History,
    ) -> Fingerprints {
        let mut site = DefaultHasher::new();
        format!("{config:?}").hash(&mut site);
        // Which updates are shown depends on the instant, not only on the day.
        for update in &history.shown {
            update.id.hash(&mut site);
        }
        // Not `now` itself: only what templates and translations can see of it.
        (
            status.phase,
            status.days_left,
            status.today,
            status.end_instant,
            status.next_change,
            status.state,
            &status.milestones,
        )
            .hash(&mut site);
        for template in templates {
            (&template.name, &template.text).hash(&mut site);
        }
        for page in pages {
            (&page.language, &page.key, &page.role, &page.url_path).hash(&mut site);
        }
        // Templates name static files by a hash of their bytes (`asset()`).
        for file in statics {
            (&file.name, &file.bytes).hash(&mut site);
        }
        let default = &config.default_language().code;
        let translations = config
            .languages
            .iter()
            .map(|language| {
                let mut h = DefaultHasher::new();
                for file in locales
                    .iter()
                    .filter(|f| f.language == language.code || f.language == *default)
                {
                    (&file.path, &file.text).hash(&mut h);
                }
                (language.code.clone(), h.finish())
            })
            .collect();
        let navigation = config
            .languages
            .iter()
            .map(|language| {
                let mut h = DefaultHasher::new();
                for page in pages.iter().filter(|p| p.language == language.code) {
                    (&page.key, &page.title, &page.phase_texts, &page.url_path).hash(&mut h);
                }
                (language.code.clone(), h.finish())
            })
            .collect();
        Fingerprints {
            site: site.finish(),
            translations,
            navigation,
        }
    }

    pub fn page(&self, page: &Page) -> u64 {
        let mut h = DefaultHasher::new();
        self.site.hash(&mut h);
        self.translations.get(&page.language).hash(&mut h);
        self.navigation.get(&page.language).hash(&mut h);
        (&page.path, &page.source).hash(&mut h);
        h.finish()
    }

    /// For the pages that show every language (the chooser and 404), and the card the chooser
    /// shows (the default language's notice's, whose page is not among their inputs).
    pub fn all_languages(&self, card: Option<&CardPlan>) -> u64 {
        let mut h = DefaultHasher::new();
        self.site.hash(&mut h);
        card.map(|c| &c.path).hash(&mut h);
        let mut translations: Vec<_> = self.translations.iter().collect();
        translations.sort();
        translations.hash(&mut h);
        h.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(html: &str, carried: &str) -> CachedPage {
        CachedPage {
            html: html.as_bytes().to_vec(),
            carried: carried.to_string(),
            card: None,
        }
    }

    #[test]
    fn a_cache_gives_back_a_page_only_for_the_same_fingerprint_and_counts_both() {
        let mut cache = RenderCache::default();
        cache.start_build();
        assert_eq!(cache.get("en/index.html", 1), None);
        cache.put("en/index.html", 1, &page("<p>1</p>", "later"));
        assert_eq!(
            cache.get("en/index.html", 1),
            Some(page("<p>1</p>", "later"))
        );
        assert_eq!(cache.get("en/index.html", 2), None, "its inputs changed");
        assert_eq!(
            cache.get("en/index.html", 1).map(|page| page.html.len()),
            Some(8)
        );
        assert_eq!((cache.rendered, cache.reused), (2, 2));
        cache.start_build();
        assert_eq!((cache.rendered, cache.reused), (0, 0));
    }

    #[test]
    fn a_cache_that_is_off_keeps_nothing() {
        let mut cache = RenderCache::off();
        cache.put("en/index.html", 1, &page("<p>1</p>", ""));
        assert_eq!(
            cache.get("en/index.html", 1),
            None,
            "a one-time build keeps no copy"
        );
    }
}
