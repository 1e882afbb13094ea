//! A box's text as positioned glyphs: shaped by harfrust with the text's language (Turkish
//! `i` and `ı` stay as written, Arabic letters join), ordered by the Unicode bidi algorithm
//! in the paragraph direction of the text's language (so that "ChatGPT على واتساب" starts at
//! the right), broken into lines at UAX #14's opportunities, and aligned. The text is set at
//! the box's font size, or at the largest size down to its minimum at which it fits.

use parley::{
    Alignment, AlignmentOptions, BaseDirection, FontFamily, FontWeight, Language, LayoutContext,
    LineHeight, PositionedLayoutItem, StyleProperty,
};

use super::design::{Align, TextBox, Valign};
use super::fonts::FontSet;
use crate::config::Direction;

/// Glyphs of one font at one size, in card pixels (baseline positions).
pub(super) struct GlyphRun {
    pub(super) font: parley::FontData,
    pub(super) size: f32,
    /// The font's variation coordinates (a variable font's weight), as F2Dot14 bits.
    pub(super) coords: Vec<i16>,
    /// Glyph id, x, y.
    pub(super) glyphs: Vec<(u32, f32, f32)>,
}

/// Why a box's text cannot be drawn.
#[derive(Debug, PartialEq)]
pub(super) enum LayoutError {
    /// No font drew this character (a font maps it, but not in a form the text needs).
    Missing(char),
    /// Even at the smallest size, the text overflows the box.
    TooLong { smallest: f32 },
}

/// What one thread needs to lay out text: its font context and parley's scratch space.
pub(super) struct Shaper {
    fonts: parley::FontContext,
    layouts: LayoutContext<()>,
}

impl Shaper {
    pub(super) fn new(fonts: &FontSet) -> Shaper {
        Shaper {
            fonts: fonts.context(),
            layouts: LayoutContext::new(),
        }
    }

    /// The glyphs of `text_box`, whose text is in `lang` and runs in `dir`.
    pub(super) fn lay_out(
        &mut self,
        fonts: &FontSet,
        text_box: &TextBox,
        lang: &str,
        dir: Direction,
    ) -> Result<Vec<GlyphRun>, LayoutError> {
        let text = crate::bidi::text_for_drawing(&text_box.text, dir);
        let stack = fonts.stack(text_box.family.as_deref());
        let language = Language::parse(lang).ok();
        let layout_at = |shaper: &mut Shaper, size: f32| {
            let mut builder = shaper
                .layouts
                .ranged_builder(&mut shaper.fonts, &text, 1.0, true);
            builder.push_default(StyleProperty::FontFamily(FontFamily::List(
                stack.as_slice().into(),
            )));
            builder.push_default(StyleProperty::FontSize(size));
            builder.push_default(StyleProperty::FontWeight(FontWeight::new(text_box.weight)));
            builder.push_default(StyleProperty::LineHeight(LineHeight::FontSizeRelative(
                text_box.line_height,
            )));
            builder.push_default(StyleProperty::Locale(language));
            builder.set_base_direction(match dir {
                Direction::Ltr => BaseDirection::Ltr,
                Direction::Rtl => BaseDirection::Rtl,
            });
            let mut layout = builder.build(&text);
            layout.break_all_lines(Some(text_box.width));
            layout.align(
                match text_box.align {
                    Align::Start => Alignment::Start,
                    Align::End => Alignment::End,
                    Align::Center => Alignment::Center,
                },
                AlignmentOptions::default(),
            );
            // Spaces at the end of a line hang past its edge, as in CSS: not counted.
            let fits =
                layout.height() <= text_box.height + 0.5 && layout.width() <= text_box.width + 0.5;
            (layout, fits)
        };
        // The box's size when the text fits at it (most do); else the largest whole size that
        // fits, found by halving the range.
        let (mut layout, fits) = layout_at(self, text_box.font_size);
        if !fits {
            let mut best = None;
            let mut smallest = text_box.min_font_size.ceil() as u32;
            let mut largest = (text_box.font_size.ceil() as u32).saturating_sub(1);
            while smallest <= largest {
                let size = (smallest + largest) / 2;
                match layout_at(self, size as f32) {
                    (candidate, true) => {
                        best = Some(candidate);
                        smallest = size + 1;
                    }
                    (_, false) if size == 0 => break,
                    (_, false) => largest = size - 1,
                }
            }
            layout = best.ok_or(LayoutError::TooLong {
                smallest: text_box.min_font_size,
            })?;
        }
        let top = text_box.y
            + match text_box.valign {
                Valign::Top => 0.0,
                Valign::Middle => (text_box.height - layout.height()) / 2.0,
                Valign::Bottom => text_box.height - layout.height(),
            };
        let mut runs = Vec::new();
        for line in layout.lines() {
            for item in line.items() {
                let PositionedLayoutItem::GlyphRun(glyph_run) = item else {
                    continue;
                };
                let run = glyph_run.run();
                if let Some(missing) = run.clusters().find_map(|cluster| {
                    cluster
                        .glyphs()
                        .any(|g| g.id == 0)
                        .then(|| text[cluster.text_range()].chars().next())
                        .flatten()
                }) {
                    return Err(LayoutError::Missing(missing));
                }
                runs.push(GlyphRun {
                    font: run.font().clone(),
                    size: run.font_size(),
                    coords: run
                        .normalized_coords()
                        .iter()
                        .map(|c| c.to_bits())
                        .collect(),
                    glyphs: glyph_run
                        .positioned_glyphs()
                        .map(|g| (g.id, text_box.x + g.x, top + g.y))
                        .collect(),
                });
            }
        }
        Ok(runs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_box(text: &str, width: f32) -> TextBox {
        TextBox {
            x: 100.0,
            y: 50.0,
            width,
            height: 200.0,
            font_size: 40.0,
            min_font_size: 20.0,
            line_height: 1.2,
            weight: 700.0,
            fill: [0, 0, 0, 255],
            align: Align::Start,
            valign: Valign::Top,
            lang: None,
            dir: None,
            family: None,
            text: text.to_string(),
        }
    }

    fn lines_of(runs: &[GlyphRun]) -> Vec<f32> {
        let mut baselines: Vec<f32> = runs
            .iter()
            .flat_map(|r| r.glyphs.iter().map(|g| g.2))
            .collect();
        baselines.dedup();
        baselines
    }

    fn span(runs: &[GlyphRun]) -> (f32, f32) {
        let xs = runs.iter().flat_map(|r| r.glyphs.iter().map(|g| g.1));
        xs.fold((f32::MAX, f32::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)))
    }

    #[test]
    fn arabic_starts_at_the_right_edge_and_english_at_the_left() {
        let fonts = FontSet::built_in();
        let mut shaper = Shaper::new(&fonts);
        let arabic = shaper
            .lay_out(
                &fonts,
                &text_box("ChatGPT على واتساب", 1000.0),
                "ar",
                Direction::Rtl,
            )
            .unwrap();
        let (left, right) = span(&arabic);
        assert!(right > 1000.0 && left > 500.0, "{left}..{right}");
        // The Latin name comes first in the text, so at the right in Arabic.
        let latin = arabic
            .iter()
            .find(|r| r.glyphs.len() == 7)
            .expect("ChatGPT is one run of seven glyphs");
        assert!(
            latin.glyphs[0].1 > span(&arabic[1..]).0,
            "ChatGPT is rightmost"
        );
        let english = shaper
            .lay_out(
                &fonts,
                &text_box("ChatGPT on WhatsApp", 1000.0),
                "en",
                Direction::Ltr,
            )
            .unwrap();
        assert_eq!(span(&english).0, 100.0);
    }

    #[test]
    fn long_text_breaks_into_lines_then_shrinks_and_too_long_text_is_an_error() {
        let fonts = FontSet::built_in();
        let mut shaper = Shaper::new(&fonts);
        let words = "Link your WhatsApp number to your ChatGPT account";
        let runs = shaper
            .lay_out(&fonts, &text_box(words, 500.0), "en", Direction::Ltr)
            .unwrap();
        assert_eq!(lines_of(&runs).len(), 3, "three lines at 40 px");
        assert!(runs.iter().all(|r| r.size == 40.0));
        let mut narrow = text_box(words, 300.0);
        narrow.height = 100.0;
        let runs = shaper
            .lay_out(&fonts, &narrow, "en", Direction::Ltr)
            .unwrap();
        let size = runs[0].size;
        assert!((20.0..40.0).contains(&size), "shrunk to {size}");
        narrow.height = 20.0;
        assert_eq!(
            shaper.lay_out(&fonts, &narrow, "en", Direction::Ltr).err(),
            Some(LayoutError::TooLong { smallest: 20.0 })
        );
    }

    #[test]
    fn a_phone_number_keeps_its_order_in_arabic() {
        let fonts = FontSet::built_in();
        let mut shaper = Shaper::new(&fonts);
        let runs = shaper
            .lay_out(
                &fonts,
                &text_box("اتصل بالرقم +1-800-242-8478 الآن", 1000.0),
                "ar",
                Direction::Rtl,
            )
            .unwrap();
        // Noto Sans draws the number (with a word joiner after each hyphen, which keeps it on
        // one line): its glyphs run left to right as written.
        let number = runs
            .iter()
            .find(|r| r.glyphs.len() == 18)
            .expect("the number is one run");
        let xs: Vec<f32> = number.glyphs.iter().map(|g| g.1).collect();
        assert!(xs.windows(2).all(|w| w[0] <= w[1]), "{xs:?}");
        assert!(xs[0] < xs[17]);
    }

    #[test]
    fn the_same_text_gives_the_same_glyphs() {
        let fonts = FontSet::built_in();
        let place = |text: &str| {
            let runs = Shaper::new(&fonts)
                .lay_out(&fonts, &text_box(text, 700.0), "tr", Direction::Ltr)
                .unwrap();
            runs.iter()
                .flat_map(|r| r.glyphs.clone())
                .collect::<Vec<_>>()
        };
        let text = "WhatsApp’taki ChatGPT hizmetinin sona ermesi: İstanbul, ılık";
        assert_eq!(place(text), place(text));
        assert_ne!(place("İ"), place("I"), "the dotted capital stays dotted");
    }
}
