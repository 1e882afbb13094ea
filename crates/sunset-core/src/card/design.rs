//! A card's design as its template rendered it for one page: the SVG drawn as the
//! background, and the boxes of text that sunset lays out itself (`<card:text>`), since SVG's
//! own text has no line breaking and SVG renderers order right-to-left text with digits
//! wrongly.
//!
//! ```svg
//! <svg xmlns="http://www.w3.org/2000/svg" xmlns:card="urn:sunset:card" width="1200" height="630">
//!   <title>what og:image:alt says</title>
//!   <rect width="1200" height="630" fill="#fbfaf7"/>
//!   <card:text x="80" y="180" width="1040" height="260" font-size="72" min-font-size="44"
//!     font-weight="bold" fill="#10201b">{{ page.title }}</card:text>
//! </svg>
//! ```

use crate::config::Direction;

/// The namespace of sunset's own elements in a card template.
pub const NAMESPACE: &str = "urn:sunset:card";
/// A card's size in pixels: what link previews show at 1.91:1.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

const SVG: &str = "http://www.w3.org/2000/svg";
const XLINK: &str = "http://www.w3.org/1999/xlink";

/// One page's card design.
#[derive(Debug, Clone, PartialEq)]
pub struct Design {
    /// The template's SVG without the text boxes: what resvg draws.
    pub background: String,
    pub boxes: Vec<TextBox>,
    /// The `href` of each `<image>`, which must name a file of `static/` (or be a data URL).
    pub images: Vec<String>,
}

/// Where a box puts its lines across its width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Align {
    /// Where the text's direction starts: the left for English, the right for Arabic.
    Start,
    End,
    Center,
}

/// Where a box puts its lines down its height.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Valign {
    Top,
    Middle,
    Bottom,
}

/// A `<card:text>`: a rectangle that its text fills from `font-size` down to
/// `min-font-size`, broken into lines.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBox {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub font_size: f32,
    pub min_font_size: f32,
    /// A multiple of the font size.
    pub line_height: f32,
    pub weight: f32,
    /// Red, green, blue, alpha.
    pub fill: [u8; 4],
    pub align: Align,
    pub valign: Valign,
    /// The language of its text, when not the page's (`lang`).
    pub lang: Option<String>,
    pub dir: Option<Direction>,
    /// A family to try before the site's fonts (`font-family`).
    pub family: Option<String>,
    /// Its text, runs of spaces and line breaks made one space (as HTML does).
    pub text: String,
}

/// What is wrong with a design, and the element and attribute it is at.
#[derive(Debug, PartialEq)]
pub struct DesignError {
    pub message: String,
    pub hint: String,
    /// `name="value"` as written, to find its line in the template.
    pub attribute: Option<String>,
}

fn error(message: String, hint: &str) -> DesignError {
    DesignError {
        message,
        hint: hint.to_string(),
        attribute: None,
    }
}

/// Reads the rendered template `svg`.
pub fn parse(svg: &str) -> Result<Design, DesignError> {
    let document = roxmltree::Document::parse(svg).map_err(|e| {
        error(
            format!("the card template is not well-formed SVG: {e}"),
            "close every element and quote every attribute; text that could hold < or & must come through {{ }}, which escapes it",
        )
    })?;
    let root = document.root_element();
    if root.tag_name().name() != "svg" || root.tag_name().namespace() != Some(SVG) {
        return Err(error(
            "the card template's root element is not <svg xmlns=\"http://www.w3.org/2000/svg\">"
                .into(),
            "start it with <svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:card=\"urn:sunset:card\" width=\"1200\" height=\"630\">",
        ));
    }
    check_size(root)?;
    let mut boxes = Vec::new();
    let mut images = Vec::new();
    let mut cut = Vec::new();
    for node in root.descendants().filter(roxmltree::Node::is_element) {
        let name = node.tag_name();
        match (name.namespace(), name.name()) {
            (Some(NAMESPACE), "text") => {
                boxes.push(text_box(node)?);
                cut.push(node.range());
            }
            (Some(NAMESPACE), other) => {
                return Err(error(
                    format!("the card template has <card:{other}>, which sunset does not know"),
                    "sunset's only element is <card:text>",
                ));
            }
            (Some(SVG), "text") => {
                return Err(error(
                    "the card template has an SVG <text>, which cards do not draw".into(),
                    "put text in a <card:text> box (sunset lays it out in every script), or turn it into paths",
                ));
            }
            (Some(SVG), "image") => {
                let href = node
                    .attribute("href")
                    .or_else(|| node.attribute((XLINK, "href")))
                    .unwrap_or_default();
                images.push(href.to_string());
            }
            _ => {}
        }
    }
    let mut background = String::with_capacity(svg.len());
    let mut from = 0;
    for range in cut {
        background.push_str(&svg[from..range.start]);
        from = range.end;
    }
    background.push_str(&svg[from..]);
    Ok(Design {
        background,
        boxes,
        images,
    })
}

/// What a rendered design says, read without parsing it (which only drawing does, for the
/// cards a build draws): the text it shows, for the fonts to cover, and its text alternative,
/// the `<title>`, else the boxes' texts.
#[derive(Debug, PartialEq)]
pub(super) struct Scan {
    pub(super) text: String,
    pub(super) alt: String,
}

pub(super) fn scan(svg: &str) -> Scan {
    let mut text = String::new();
    let mut title: Option<String> = None;
    let mut boxes: Vec<String> = Vec::new();
    // Which element the text being read belongs to: the first <title>, or a box.
    let (mut in_title, mut in_box) = (false, false);
    let mut rest = svg;
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            text.push_str(&unescape(rest));
            break;
        };
        let piece = unescape(&rest[..open]);
        text.push_str(&piece);
        if in_title {
            title.get_or_insert_with(String::new).push_str(&piece);
        }
        if in_box && let Some(last) = boxes.last_mut() {
            last.push_str(&piece);
        }
        rest = &rest[open..];
        let end = match rest.starts_with("<!--") {
            true => rest.find("-->").map(|at| at + 3),
            false => rest.find('>').map(|at| at + 1),
        }
        .unwrap_or(rest.len());
        let tag = &rest[1..end.saturating_sub(1).max(1)];
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .find(|n| !n.is_empty())
            .unwrap_or_default();
        let closing = tag.starts_with('/');
        match name {
            "title" if !closing && title.is_none() => in_title = true,
            "title" if closing => in_title = false,
            "card:text" if !closing && !tag.ends_with('/') => {
                in_box = true;
                boxes.push(String::new());
            }
            "card:text" if closing => in_box = false,
            _ => {}
        }
        rest = &rest[end..];
    }
    let alt = match title.map(|t| collapse(&t)).filter(|t| !t.is_empty()) {
        Some(title) => title,
        None => boxes
            .iter()
            .map(|b| collapse(b))
            .filter(|b| !b.is_empty())
            .collect::<Vec<_>>()
            .join(" – "),
    };
    Scan { text, alt }
}

/// XML text with its entities (`&amp;`, `&#x202F;`…) as the characters they stand for.
fn unescape(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';') else {
            break;
        };
        let entity = &rest[1..end];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .map(|hex| u32::from_str_radix(hex, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// A card is 1200 × 630: the root's `viewBox` or its `width` and `height` must say so.
fn check_size(root: roxmltree::Node) -> Result<(), DesignError> {
    let number = |name: &str| {
        root.attribute(name)
            .map(|v| v.trim().trim_end_matches("px").parse::<f32>().ok())
    };
    let view_box: Option<Vec<f32>> = root.attribute("viewBox").map(|v| {
        v.split([' ', ','])
            .filter(|s| !s.is_empty())
            .filter_map(|s| s.parse().ok())
            .collect()
    });
    let size_ok = |w: Option<Option<f32>>, h: Option<Option<f32>>| match (w, h) {
        (None, None) => None,
        (Some(Some(w)), Some(Some(h))) => Some(w == WIDTH as f32 && h == HEIGHT as f32),
        _ => Some(false),
    };
    let fits = match (view_box, size_ok(number("width"), number("height"))) {
        (Some(v), size) => v == [0.0, 0.0, WIDTH as f32, HEIGHT as f32] && size != Some(false),
        (None, Some(ok)) => ok,
        (None, None) => false,
    };
    if fits {
        Ok(())
    } else {
        Err(error(
            format!(
                "the card template is not {WIDTH} × {HEIGHT}: link previews show cards at that size"
            ),
            "give the <svg> width=\"1200\" height=\"630\" (or viewBox=\"0 0 1200 630\")",
        ))
    }
}

fn text_of(node: roxmltree::Node) -> String {
    node.descendants()
        .filter(roxmltree::Node::is_text)
        .filter_map(|n| n.text())
        .collect()
}

/// Runs of ASCII spaces, tabs and line breaks as one space, trimmed: the template's layout is
/// not the text's. No-break spaces (French « », a narrow one before : ; ! ?) stay.
pub(super) fn collapse(text: &str) -> String {
    text.split([' ', '\t', '\n', '\r'])
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn text_box(node: roxmltree::Node) -> Result<TextBox, DesignError> {
    if let Some(child) = node.children().find(roxmltree::Node::is_element) {
        return Err(error(
            format!(
                "a <card:text> box holds an element, <{}>: boxes hold text only",
                child.tag_name().name()
            ),
            "give each line of a different style a box of its own",
        ));
    }
    let attribute_error = |name: &str, value: &str, what: &str| DesignError {
        message: format!("<card:text> has {name}=\"{value}\", which is not {what}"),
        hint: format!("give {name} {what}"),
        attribute: Some(format!("{name}=\"{value}\"")),
    };
    let number = |name: &str, default: Option<f32>| -> Result<f32, DesignError> {
        match node.attribute(name) {
            Some(value) => value
                .trim()
                .trim_end_matches("px")
                .parse::<f32>()
                .ok()
                .filter(|n| n.is_finite() && *n >= 0.0)
                .ok_or_else(|| attribute_error(name, value, "a number of pixels")),
            None => default.ok_or_else(|| {
                error(
                    format!("a <card:text> box has no {name}"),
                    "every box needs x, y, width, height and font-size",
                )
            }),
        }
    };
    let font_size = number("font-size", None)?;
    let text_box = TextBox {
        x: number("x", None)?,
        y: number("y", None)?,
        width: number("width", None)?,
        height: number("height", None)?,
        font_size,
        min_font_size: number("min-font-size", Some(font_size))?.min(font_size),
        line_height: number("line-height", Some(1.2))?,
        weight: match node.attribute("font-weight") {
            None | Some("normal") => 400.0,
            Some("bold") => 700.0,
            Some(value) => value
                .parse::<f32>()
                .ok()
                .filter(|w| (1.0..=1000.0).contains(w))
                .ok_or_else(|| {
                    attribute_error("font-weight", value, "normal, bold or 1 to 1000")
                })?,
        },
        fill: match node.attribute("fill") {
            None => [0, 0, 0, 255],
            Some(value) => colour(value)
                .ok_or_else(|| attribute_error("fill", value, "a colour such as #1f6f5c"))?,
        },
        align: match node.attribute("align") {
            None | Some("start") => Align::Start,
            Some("end") => Align::End,
            Some("center") => Align::Center,
            Some(value) => return Err(attribute_error("align", value, "start, end or center")),
        },
        valign: match node.attribute("valign") {
            None | Some("top") => Valign::Top,
            Some("middle") => Valign::Middle,
            Some("bottom") => Valign::Bottom,
            Some(value) => {
                return Err(attribute_error("valign", value, "top, middle or bottom"));
            }
        },
        lang: node
            .attribute("lang")
            .filter(|l| !l.is_empty())
            .map(String::from),
        dir: match node.attribute("dir") {
            None | Some("") => None,
            Some("ltr") => Some(Direction::Ltr),
            Some("rtl") => Some(Direction::Rtl),
            Some(value) => return Err(attribute_error("dir", value, "ltr or rtl")),
        },
        family: node
            .attribute("font-family")
            .filter(|f| !f.is_empty())
            .map(String::from),
        text: collapse(&text_of(node)),
    };
    if text_box.width == 0.0 || text_box.height == 0.0 || text_box.min_font_size == 0.0 {
        return Err(error(
            "a <card:text> box has no room: its width, height or font size is 0".into(),
            "give the box a width, a height and a font size",
        ));
    }
    Ok(text_box)
}

/// `#rgb`, `#rrggbb` or `#rrggbbaa`.
fn colour(value: &str) -> Option<[u8; 4]> {
    let hex = value.trim().strip_prefix('#')?;
    let digit = |i: usize, len: usize| u8::from_str_radix(hex.get(i..i + len)?, 16).ok();
    match hex.len() {
        3 => Some([digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17, 255]),
        6 => Some([digit(0, 2)?, digit(2, 2)?, digit(4, 2)?, 255]),
        8 => Some([digit(0, 2)?, digit(2, 2)?, digit(4, 2)?, digit(6, 2)?]),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:card="urn:sunset:card" width="1200" height="630">"#;

    fn design(body: &str) -> Result<Design, DesignError> {
        parse(&format!("{HEAD}{body}</svg>"))
    }

    #[test]
    fn boxes_are_read_and_cut_out_of_the_background() {
        let design = design(
            "<title> The end\n  of a service </title><rect width=\"1200\" height=\"630\" fill=\"#fff\"/>\
             <card:text x=\"80\" y=\"100\" width=\"1040\" height=\"200\" font-size=\"60\" min-font-size=\"40\" \
             font-weight=\"bold\" fill=\"#1f6f5c\" align=\"end\" valign=\"middle\" lang=\"ar\">\n  انتهاء   الخدمة\u{202F}!\n</card:text>\
             <image href=\"favicon.svg\" width=\"10\" height=\"10\"/>",
        )
        .unwrap();
        assert_eq!(design.images, ["favicon.svg"]);
        assert!(!design.background.contains("card:text"));
        assert!(design.background.contains("<rect"));
        let [text_box] = design.boxes.as_slice() else {
            panic!("{design:?}")
        };
        assert_eq!(text_box.text, "انتهاء الخدمة\u{202F}!");
        assert_eq!(
            (text_box.font_size, text_box.min_font_size, text_box.weight),
            (60.0, 40.0, 700.0)
        );
        assert_eq!(text_box.fill, [0x1f, 0x6f, 0x5c, 255]);
        assert_eq!(
            (text_box.align, text_box.valign, text_box.lang.as_deref()),
            (Align::End, Valign::Middle, Some("ar"))
        );
        assert_eq!(text_box.line_height, 1.2);
    }

    #[test]
    fn mistakes_say_what_to_write() {
        let cases = [
            (
                "<card:text x=\"1\" y=\"1\" width=\"9\" height=\"9\">x</card:text>",
                "has no font-size",
            ),
            (
                "<card:text x=\"1\" y=\"a\" width=\"9\" height=\"9\" font-size=\"9\">x</card:text>",
                "y=\"a\", which is not a number of pixels",
            ),
            (
                "<card:text x=\"1\" y=\"1\" width=\"9\" height=\"9\" font-size=\"9\" fill=\"green\">x</card:text>",
                "fill=\"green\"",
            ),
            ("<text x=\"1\" y=\"1\">x</text>", "SVG <text>"),
            ("<card:image/>", "<card:image>"),
            (
                "<card:text x=\"1\" y=\"1\" width=\"9\" height=\"9\" font-size=\"9\"><b>x</b></card:text>",
                "holds an element",
            ),
            ("<rect", "not well-formed"),
        ];
        for (body, expected) in cases {
            let error = design(body).unwrap_err();
            assert!(error.message.contains(expected), "{body}: {error:?}");
        }
        let error = design(
            "<card:text x=\"1\" y=\"a\" width=\"9\" height=\"9\" font-size=\"9\">x</card:text>",
        )
        .unwrap_err();
        assert_eq!(error.attribute.as_deref(), Some("y=\"a\""));
    }

    #[test]
    fn a_scan_reads_the_shown_text_and_the_alternative_without_parsing() {
        let svg = format!(
            "{HEAD}<!-- a <comment> --><title> Fin &amp; d&#233;but&#x202F;! </title>\
             <card:text x=\"1\" y=\"1\" width=\"9\" height=\"9\" font-size=\"9\">&lt;un&gt;</card:text></svg>"
        );
        let scanned = scan(&svg);
        assert_eq!(scanned.alt, "Fin & début\u{202F}!");
        assert_eq!(scanned.text, " Fin & début\u{202F}! <un>");
        let untitled = format!(
            "{HEAD}<card:text x=\"1\">Un</card:text><card:text x=\"2\"> deux\n</card:text><card:text x=\"3\"/></svg>"
        );
        assert_eq!(scan(&untitled).alt, "Un – deux");
    }

    #[test]
    fn a_card_is_1200_by_630() {
        for (root, ok) in [
            (r#"width="1200" height="630""#, true),
            (r#"viewBox="0 0 1200 630""#, true),
            (
                r#"width="1200px" height="630px" viewBox="0,0,1200,630""#,
                true,
            ),
            (r#"width="600" height="315" viewBox="0 0 1200 630""#, false),
            (r#"width="1200" height="600""#, false),
            ("", false),
        ] {
            let svg = format!(r#"<svg xmlns="http://www.w3.org/2000/svg" {root}/>"#);
            assert_eq!(parse(&svg).is_ok(), ok, "{root}");
        }
    }

    #[test]
    fn colours_in_three_forms() {
        assert_eq!(colour("#fff"), Some([255, 255, 255, 255]));
        assert_eq!(colour("#1f6f5c"), Some([31, 111, 92, 255]));
        assert_eq!(colour("#00000080"), Some([0, 0, 0, 128]));
        assert_eq!(colour("red"), None);
        assert_eq!(colour("#12"), None);
    }
}
