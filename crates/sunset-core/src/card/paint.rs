//! Pixels: the design's background drawn by resvg, each glyph filled as its outline by
//! tiny-skia (anti-aliased and unhinted, so the same inputs give the same bytes), and the
//! whole encoded as an RGB PNG.

use std::collections::HashMap;
use std::sync::Arc;

use resvg::tiny_skia::{self, FillRule, Paint, PathBuilder, Pixmap, Transform};
use resvg::usvg::{self, ImageHrefResolver, ImageKind};
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::raw::types::F2Dot14;
use skrifa::{FontRef, GlyphId, MetadataProvider};

use super::design::{HEIGHT, WIDTH};
use super::layout::GlyphRun;

/// The static files a design's `<image>`s name, by name: the only images a card can show.
pub(super) type Images = HashMap<String, Arc<Vec<u8>>>;

/// The background of a design: its SVG drawn over white. Images come from `images` (a file of
/// `static/`) or a data URL, never from the disk.
pub(super) fn background(svg: &str, images: &Images) -> Result<Pixmap, String> {
    let options = usvg::Options {
        image_href_resolver: ImageHrefResolver {
            resolve_data: ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|href: &str, options: &usvg::Options| {
                let bytes = images.get(href)?;
                match href.rsplit('.').next() {
                    Some("svg") => usvg::Tree::from_data(bytes, options)
                        .ok()
                        .map(ImageKind::SVG),
                    Some("png") => Some(ImageKind::PNG(bytes.clone())),
                    _ => None,
                }
            }),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let mut pixmap = Pixmap::new(WIDTH, HEIGHT).ok_or("a card has no pixels")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, Transform::identity(), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// Fills `runs`' glyphs in `fill` (red, green, blue, alpha).
pub(super) fn glyphs(pixmap: &mut Pixmap, runs: &[GlyphRun], fill: [u8; 4]) {
    let mut paint = Paint::default();
    paint.set_color_rgba8(fill[0], fill[1], fill[2], fill[3]);
    paint.anti_alias = true;
    for run in runs {
        let Ok(font) = FontRef::from_index(run.font.data.as_ref(), run.font.index) else {
            continue;
        };
        let outlines = font.outline_glyphs();
        let coords: Vec<F2Dot14> = run.coords.iter().map(|c| F2Dot14::from_bits(*c)).collect();
        let location = LocationRef::new(&coords);
        let mut path = PathBuilder::new();
        for &(id, x, y) in &run.glyphs {
            if let Some(glyph) = outlines.get(GlyphId::new(id)) {
                // A glyph whose outline cannot be read is left out, as a space would be.
                let settings = DrawSettings::unhinted(Size::new(run.size), location);
                let _ = glyph.draw(
                    settings,
                    &mut Pen {
                        path: &mut path,
                        x,
                        y,
                    },
                );
            }
        }
        if let Some(path) = path.finish() {
            pixmap.fill_path(
                &path,
                &paint,
                FillRule::Winding,
                Transform::identity(),
                None,
            );
        }
    }
}

/// Draws an outline at `x`, `y` (its origin on the baseline), flipping font units' y axis.
struct Pen<'a> {
    path: &'a mut PathBuilder,
    x: f32,
    y: f32,
}

impl OutlinePen for Pen<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        self.path.move_to(self.x + x, self.y - y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.path.line_to(self.x + x, self.y - y);
    }
    fn quad_to(&mut self, cx: f32, cy: f32, x: f32, y: f32) {
        self.path
            .quad_to(self.x + cx, self.y - cy, self.x + x, self.y - y);
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.path.cubic_to(
            self.x + cx0,
            self.y - cy0,
            self.x + cx1,
            self.y - cy1,
            self.x + x,
            self.y - y,
        );
    }
    fn close(&mut self) {
        self.path.close();
    }
}

/// The pixels as an RGB PNG: a card is opaque (its background is drawn over white), so the
/// alpha channel would only add bytes.
pub(super) fn png(pixmap: &Pixmap) -> Result<Vec<u8>, String> {
    let mut rgb = Vec::with_capacity(pixmap.data().len() / 4 * 3);
    for pixel in pixmap.data().chunks_exact(4) {
        rgb.extend_from_slice(&pixel[..3]);
    }
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Balanced);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(&rgb).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(bytes)
}
