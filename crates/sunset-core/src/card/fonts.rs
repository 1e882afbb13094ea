//! The fonts cards are drawn with: the site's own (`[cards] fonts` in site.toml, files of
//! `static/`), then the set that travels with sunset, so that a fresh site draws cards in
//! every script its languages are likely to use without naming one: Noto Sans (Latin, Greek,
//! Cyrillic), Noto Sans Arabic and Noto Sans Hebrew, Regular and Bold, under the SIL Open Font
//! License (`fonts/OFL.txt`).
//!
//! A character that no font covers is found before anything is drawn ([`FontSet::covers`]):
//! a card never shows a box in its place.

use std::sync::{Arc, OnceLock};

use parley::fontique::{Blob, Collection, CollectionOptions};
use parley::{FontContext, FontFamilyName};
use skrifa::{FontRef, MetadataProvider};

/// The default set, as bytes inside the binary: `init`'s sites have it too.
const BUILT_IN: [(&str, &[u8]); 6] = [
    (
        "NotoSans-Regular.ttf",
        include_bytes!("../../fonts/NotoSans-Regular.ttf"),
    ),
    (
        "NotoSans-Bold.ttf",
        include_bytes!("../../fonts/NotoSans-Bold.ttf"),
    ),
    (
        "NotoSansArabic-Regular.ttf",
        include_bytes!("../../fonts/NotoSansArabic-Regular.ttf"),
    ),
    (
        "NotoSansArabic-Bold.ttf",
        include_bytes!("../../fonts/NotoSansArabic-Bold.ttf"),
    ),
    (
        "NotoSansHebrew-Regular.ttf",
        include_bytes!("../../fonts/NotoSansHebrew-Regular.ttf"),
    ),
    (
        "NotoSansHebrew-Bold.ttf",
        include_bytes!("../../fonts/NotoSansHebrew-Bold.ttf"),
    ),
];

/// One font file: its name for messages and its bytes.
#[derive(Clone)]
pub struct FontFile {
    pub name: String,
    pub bytes: Blob<u8>,
}

impl FontFile {
    pub fn new(name: &str, bytes: Vec<u8>) -> FontFile {
        FontFile {
            name: name.to_string(),
            bytes: Blob::new(Arc::new(bytes)),
        }
    }

    fn built_in((name, bytes): (&str, &'static [u8])) -> FontFile {
        FontFile {
            name: format!("{name} (built in)"),
            bytes: Blob::new(Arc::new(bytes)),
        }
    }
}

/// The fonts of one build, in the order text falls back through them.
pub struct FontSet {
    /// A parley font context with every font registered: cloned for each thread that draws.
    context: FontContext,
    /// The families, the site's first, each once.
    families: Vec<String>,
    /// Every character some font maps to a glyph, sorted.
    covered: Vec<u32>,
    /// A stable hash of every font's bytes, in order: part of each card's name.
    pub key: String,
}

/// The built-in set, parsed once per process.
fn built_in() -> &'static (Vec<FontFile>, String) {
    static SET: OnceLock<(Vec<FontFile>, String)> = OnceLock::new();
    SET.get_or_init(|| {
        let files: Vec<FontFile> = BUILT_IN.into_iter().map(FontFile::built_in).collect();
        let key: String = files.iter().map(|f| font_hash(f.bytes.as_ref())).collect();
        (files, key)
    })
}

/// A stable hash of a font's bytes, eight at a time: fonts are large, and every build hashes
/// them into the cards' names.
fn font_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        h = (h.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    for byte in words.remainder() {
        h = (h.rotate_left(5) ^ u64::from(*byte)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    format!("{h:016x}")
}

impl FontSet {
    /// The site's fonts (in site.toml's order), then the built-in set. A file that is not a
    /// font is an error naming it, with its place in `site`.
    pub fn new(site: Vec<FontFile>) -> Result<FontSet, (usize, String)> {
        let (default, default_key) = built_in();
        let mut collection = Collection::new(CollectionOptions {
            shared: false,
            system_fonts: false,
        });
        let mut families: Vec<String> = Vec::new();
        let mut covered = Vec::new();
        let mut key = String::new();
        for (index, file) in site.iter().chain(default).enumerate() {
            let font = FontRef::new(file.bytes.as_ref()).map_err(|e| {
                let why = format!("{} is not a font sunset can read ({e})", file.name);
                (index, why)
            })?;
            covered.extend(font.charmap().mappings().map(|(c, _)| c));
            let registered = collection.register_fonts(file.bytes.clone(), None);
            for (family, _) in registered {
                if let Some(name) = collection.family_name(family)
                    && !families.iter().any(|f| f == name)
                {
                    families.push(name.to_string());
                }
            }
        }
        covered.sort_unstable();
        covered.dedup();
        for file in &site {
            key.push_str(&font_hash(file.bytes.as_ref()));
        }
        key.push_str(default_key);
        Ok(FontSet {
            context: FontContext {
                collection,
                source_cache: Default::default(),
            },
            families,
            covered,
            key: crate::stamp::hash(&key),
        })
    }

    /// The built-in set alone.
    pub fn built_in() -> FontSet {
        FontSet::new(Vec::new()).expect("the built-in fonts are fonts")
    }

    /// Whether some font has a glyph for `c`, or `c` is never drawn (a control such as the
    /// bidi isolates, a joiner, a variation selector).
    pub fn covers(&self, c: char) -> bool {
        is_invisible(c) || self.covered.binary_search(&u32::from(c)).is_ok()
    }

    /// A font context for one thread: fonts are shared, caches are its own.
    pub(super) fn context(&self) -> FontContext {
        self.context.clone()
    }

    /// The fallback order, `preferred` (a box's `font-family`) first.
    pub(super) fn stack<'a>(&'a self, preferred: Option<&'a str>) -> Vec<FontFamilyName<'a>> {
        preferred
            .into_iter()
            .chain(self.families.iter().map(String::as_str))
            .map(FontFamilyName::named)
            .collect()
    }
}

/// Characters no font needs to draw: Unicode's default ignorables (format controls, joiners,
/// variation selectors, tags), line breaks and tabs.
pub(super) fn is_invisible(c: char) -> bool {
    matches!(u32::from(c),
        0x09 | 0x0A | 0x0D | 0xAD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5
        | 0x180B..=0x180F | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164
        | 0xFE00..=0xFE0F | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3
        | 0x1D173..=0x1D17A | 0xE0000..=0xE0FFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_set_covers_the_shipped_scripts_and_typography() {
        let fonts = FontSet::built_in();
        for c in "Aİıšé€ عربي، ؟ עברית «\u{202F}»\u{00A0}’–—·٠١".chars()
        {
            assert!(fonts.covers(c), "{c:?} U+{:04X}", u32::from(c));
        }
        assert!(fonts.covers('\u{2066}'), "isolates are never drawn");
        assert!(!fonts.covers('ก'), "Thai needs a font of its own");
        assert_eq!(
            fonts.families,
            ["Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew"]
        );
    }

    fn site_font() -> FontFile {
        FontFile::new("static/fonts/Hebrew.ttf", BUILT_IN[4].1.to_vec())
    }

    #[test]
    fn site_fonts_come_first_and_change_the_key() {
        let fonts = FontSet::new(vec![site_font()]).unwrap();
        assert_eq!(fonts.families[0], "Noto Sans Hebrew");
        assert_ne!(fonts.key, FontSet::built_in().key);
        assert_eq!(FontSet::built_in().key, FontSet::built_in().key);
        let (index, error) = FontSet::new(vec![
            site_font(),
            FontFile::new("static/notes.txt", b"hi".to_vec()),
        ])
        .err()
        .unwrap();
        assert_eq!(index, 1);
        assert!(
            error.starts_with("static/notes.txt is not a font"),
            "{error}"
        );
    }
}
