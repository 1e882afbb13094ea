//! Text to HTML: escaping, isolation of left-to-right runs inside right-to-left text, and
//! numbers kept on one line.
//!
//! In an Arabic sentence, "+1-800-242-8478" or "1-800-ChatGPT" can come out scrambled: the
//! bidi algorithm treats `+` and `-` as weak or neutral characters and reorders them around
//! the digits. Wrapping each such run in `<bdi dir="ltr">` keeps it whole. In pages, isolation
//! is done with markup and never with invisible Unicode controls, which would leak into
//! titles, attributes and copied text; only text that leaves the page as data (structured
//! data) gets the Unicode isolates, since nothing else reaches where it is shown.

/// Running text as HTML for a page in direction `dir`.
pub fn text_html(text: &str, dir: Direction) -> String {
    match dir {
        Direction::Rtl => escape_isolating_ltr_runs(text),
        Direction::Ltr => escape_keeping_numbers_whole(text),
    }
}

/// Escapes left-to-right text, wrapping words like +1-800-242-8478 in `<span class="nowrap">`
/// so that a phone number never breaks at its hyphens.
fn escape_keeping_numbers_whole(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        push_escaped(&mut out, text);
        return out;
    }
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // Only a word with a digit can be number-like; most words have none.
        if !word.bytes().any(|b| b.is_ascii_digit()) {
            push_escaped(&mut out, word);
            continue;
        }
        match unbreakable_number(word) {
            Some(core) => {
                push_escaped(&mut out, &word[..core.start]);
                out.push_str("<span class=\"nowrap\">");
                push_escaped(&mut out, &word[core.clone()]);
                out.push_str("</span>");
                push_escaped(&mut out, &word[core.end..]);
            }
            None => push_escaped(&mut out, word),
        }
    }
    out
}

/// Where in `word` a number that must not break at its hyphens or slashes lies
/// (`+1-800-242-8478` in `(+1-800-242-8478),`), if it has one.
fn unbreakable_number(word: &str) -> Option<std::ops::Range<usize>> {
    let core_start = word
        .find(|c: char| c.is_alphanumeric() || c == '+')
        .unwrap_or(word.len());
    let core_end = word
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(core_start, |(i, c)| i + c.len_utf8())
        .max(core_start);
    let core = &word[core_start..core_end];
    let number_like = core.contains(|c: char| c.is_ascii_digit())
        && core
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '+' | '-' | '/' | '.'));
    (number_like && is_unbreakable(core)).then_some(core_start..core_end)
}

/// A run without spaces that browsers would otherwise break at a hyphen or slash.
fn is_unbreakable(run: &str) -> bool {
    !run.contains(' ') && run.contains(['-', '/'])
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut out, text);
    out
}

/// `text` escaped for HTML element content and quoted attribute values, as pieces: the runs
/// between the five special characters whole, and an entity for each of those. Templates
/// print thousands of short values per build; writing byte by byte is most of what printing
/// them would cost.
fn escaped_pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    let mut entity: Option<&'static str> = None;
    std::iter::from_fn(move || {
        if let Some(entity) = entity.take() {
            return Some(entity);
        }
        if rest.is_empty() {
            return None;
        }
        let special = |b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'');
        let Some(at) = rest.bytes().position(special) else {
            return Some(std::mem::take(&mut rest));
        };
        entity = Some(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        let run = &rest[..at];
        rest = &rest[at + 1..];
        Some(run)
    })
}

/// Writes `text` escaped for HTML: the escape function of the templates.
pub fn write_escaped(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    escaped_pieces(text).try_for_each(|piece| out.write_all(piece.as_bytes()))
}

fn push_escaped(out: &mut String, text: &str) {
    escaped_pieces(text).for_each(|piece| out.push_str(piece));
}

fn is_rtl(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

fn is_ltr_letter(c: char) -> bool {
    // The cheap tests first: Unicode's alphabetic table is slow to search, and right-to-left
    // text is mostly letters that `is_rtl` already rules out.
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    !is_rtl(c) && c.is_alphabetic()
}

/// Characters that stay inside a run when letters or digits follow them.
fn joins_run(c: char) -> bool {
    matches!(
        c,
        ' ' | '-'
            | '.'
            | '/'
            | ':'
            | '@'
            | '_'
            | '+'
            | '\''
            | '’'
            | '&'
            | '#'
            | '='
            | '?'
            | '%'
            | '~'
    )
}

/// A run needs isolating when reordering could scramble it: it has a Latin-script letter, or
/// punctuation between its digits (a phone number, a date written with slashes).
fn needs_isolation(run: &str) -> bool {
    run.chars().any(is_ltr_letter)
        || run
            .chars()
            .any(|c| !c.is_ascii_digit() && !c.is_alphabetic())
}

/// A piece of right-to-left text: a stretch outside any left-to-right run, or a run and
/// whether reordering could scramble it.
enum Piece<'a> {
    Text(&'a str),
    Run(&'a str, bool),
}

/// Splits right-to-left text into its left-to-right runs (Latin words and names, numbers
/// with their punctuation) and what lies between them.
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let starts_run = |i: usize| {
        let c = chars[i].1;
        is_ltr_letter(c)
            || c.is_ascii_digit()
            || (c == '+' && chars.get(i + 1).is_some_and(|(_, n)| n.is_ascii_digit()))
    };
    let mut pieces = Vec::new();
    let mut i = 0;
    let mut text_start = 0;
    while i < chars.len() {
        if !starts_run(i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        loop {
            let mut j = end;
            while j < chars.len() && joins_run(chars[j].1) {
                j += 1;
            }
            let continues = j < chars.len()
                && (is_ltr_letter(chars[j].1)
                    || chars[j].1.is_ascii_digit()
                    || (j == end && is_combining(chars[j].1)));
            if !continues {
                break;
            }
            end = j + 1;
        }
        let start_byte = chars[i].0;
        let end_byte = chars.get(end).map_or(text.len(), |(b, _)| *b);
        if text_start < start_byte {
            pieces.push(Piece::Text(&text[text_start..start_byte]));
        }
        let run = &text[start_byte..end_byte];
        pieces.push(Piece::Run(run, needs_isolation(run)));
        text_start = end_byte;
        i = end;
    }
    if text_start < text.len() {
        pieces.push(Piece::Text(&text[text_start..]));
    }
    pieces
}

/// Escapes `text` and wraps each left-to-right run in `<bdi dir="ltr">`, for text shown in a
/// right-to-left page.
fn escape_isolating_ltr_runs(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    for piece in pieces(text) {
        match piece {
            Piece::Text(text) | Piece::Run(text, false) => push_escaped(&mut out, text),
            Piece::Run(run, true) => {
                // A number like 1-800-ChatGPT must not wrap at its hyphens: in right-to-left
                // text its halves would land at opposite ends of two lines.
                out.push_str(if is_unbreakable(run) {
                    "<bdi dir=\"ltr\" class=\"nowrap\">"
                } else {
                    "<bdi dir=\"ltr\">"
                });
                push_escaped(&mut out, run);
                out.push_str("</bdi>");
            }
        }
    }
    out
}

/// Plain right-to-left text with each left-to-right run that reordering could scramble
/// wrapped in the Unicode isolates LRI … PDI: for text that leaves the page as data and is
/// shown without markup (structured data in search results), where `<bdi>` cannot go.
pub fn isolate_ltr_runs(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for piece in pieces(text) {
        match piece {
            Piece::Text(text) | Piece::Run(text, false) => out.push_str(text),
            Piece::Run(run, true) => {
                out.push('\u{2066}');
                out.push_str(run);
                out.push('\u{2069}');
            }
        }
    }
    out
}

/// Plain text in direction `dir` as it must reach a layout engine that will draw it (a share
/// card), where no markup can isolate anything: in right-to-left text, each left-to-right run
/// that reordering could scramble between the isolates LRI … PDI, which a drawing never shows;
/// in both directions, a word joiner after each hyphen or slash of a number that must stay on
/// one line, where line breaking would otherwise allow a break.
pub fn text_for_drawing(text: &str, dir: Direction) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let push_whole = |out: &mut String, run: &str| {
        for c in run.chars() {
            out.push(c);
            if matches!(c, '-' | '/') {
                out.push('\u{2060}');
            }
        }
    };
    match dir {
        Direction::Rtl => {
            for piece in pieces(text) {
                match piece {
                    Piece::Text(text) | Piece::Run(text, false) => out.push_str(text),
                    Piece::Run(run, true) => {
                        out.push('\u{2066}');
                        match is_unbreakable(run) {
                            true => push_whole(&mut out, run),
                            false => out.push_str(run),
                        }
                        out.push('\u{2069}');
                    }
                }
            }
        }
        Direction::Ltr => {
            for (i, word) in text.split(' ').enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                match unbreakable_number(word) {
                    Some(core) => {
                        out.push_str(&word[..core.start]);
                        push_whole(&mut out, &word[core.clone()]);
                        out.push_str(&word[core.end..]);
                    }
                    None => out.push_str(word),
                }
            }
        }
    }
    out
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

use crate::config::Direction;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_to_draw_isolates_left_to_right_runs_and_keeps_numbers_whole() {
        assert_eq!(
            text_for_drawing("اتصل بالرقم +1-800-242-8478 أو ChatGPT.", Direction::Rtl),
            "اتصل بالرقم \u{2066}+1-\u{2060}800-\u{2060}242-\u{2060}8478\u{2069} أو \u{2066}ChatGPT\u{2069}."
        );
        assert_eq!(
            text_for_drawing("Call (1-800-ChatGPT) before 15/01.", Direction::Ltr),
            "Call (1-\u{2060}800-\u{2060}ChatGPT) before 15/\u{2060}01."
        );
        assert_eq!(
            text_for_drawing("well-known words", Direction::Ltr),
            "well-known words",
            "a hyphenated word may break"
        );
    }

    #[test]
    fn a_combining_accent_stays_with_its_letter_inside_the_isolated_run() {
        let decomposed = text_html("افتح Cafe\u{301} الآن", Direction::Rtl);
        assert!(decomposed.contains("Cafe\u{301}</bdi>"), "{decomposed:?}");
    }

    #[test]
    fn escaping_replaces_the_five_special_characters_and_keeps_the_rest() {
        let text = "a&b<c>d\"e'f — «g» ، ؟";
        let expected = "a&amp;b&lt;c&gt;d&quot;e&#39;f — «g» ، ؟";
        assert_eq!(escape_html(text), expected);
        let mut written = Vec::new();
        write_escaped(text, &mut written).unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), expected);
        assert_eq!(escape_html("<<&&"), "&lt;&lt;&amp;&amp;");
        assert_eq!(escape_html(""), "");
    }

    #[test]
    fn numbers_stay_whole_in_left_to_right_text() {
        let got = text_html(
            "Call 1-800-ChatGPT (+1-800-242-8478), not 50 million.",
            Direction::Ltr,
        );
        assert_eq!(
            got,
            "Call <span class=\"nowrap\">1-800-ChatGPT</span> \
             (<span class=\"nowrap\">+1-800-242-8478</span>), not 50 million."
        );
        assert_eq!(text_html("a-b <x>", Direction::Ltr), "a-b &lt;x&gt;");
        assert_eq!(
            text_html("Où <a>1/2</a>", Direction::Ltr),
            "Où &lt;a&gt;1/2&lt;/a&gt;"
        );
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape_html("<script>\"x\" & 'y'"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;"
        );
    }

    #[test]
    fn isolates_product_names_and_phone_numbers_in_arabic() {
        let got = escape_isolating_ltr_runs(
            "اتصل بـ 1-800-ChatGPT على الرقم +1-800-242-8478 عبر WhatsApp.",
        );
        assert_eq!(
            got,
            "اتصل بـ <bdi dir=\"ltr\" class=\"nowrap\">1-800-ChatGPT</bdi> على الرقم \
             <bdi dir=\"ltr\" class=\"nowrap\">+1-800-242-8478</bdi> عبر <bdi dir=\"ltr\">WhatsApp</bdi>."
        );
    }

    #[test]
    fn multi_word_names_stay_one_run_and_plain_numbers_stay_bare() {
        let got = escape_isolating_ltr_runs("متصفح ChatGPT Atlas في 15 يناير 2026");
        assert_eq!(
            got,
            "متصفح <bdi dir=\"ltr\">ChatGPT Atlas</bdi> في 15 يناير 2026"
        );
    }

    #[test]
    fn escapes_inside_runs() {
        let got = escape_isolating_ltr_runs("نص <b>x</b>");
        assert_eq!(
            got,
            "نص &lt;<bdi dir=\"ltr\">b</bdi>&gt;<bdi dir=\"ltr\">x</bdi>&lt;/<bdi dir=\"ltr\">b</bdi>&gt;"
        );
        assert!(!got.contains("<b>"));
        assert_eq!(
            escape_isolating_ltr_runs("شركة AT&T O'Brien"),
            "شركة <bdi dir=\"ltr\">AT&amp;T O&#39;Brien</bdi>"
        );
    }

    #[test]
    fn no_invisible_controls_are_added() {
        let got = escape_isolating_ltr_runs("مرحبا ChatGPT");
        assert!(!got.contains([
            '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200e}', '\u{200f}'
        ]));
    }

    #[test]
    fn plain_text_isolates_runs_with_unicode_isolates_and_escapes_nothing() {
        let text = "هو رقم ChatGPT على واتساب: +1-800-242-8478. أي <1-800-ChatGPT> و 15 يناير";
        assert_eq!(
            isolate_ltr_runs(text),
            "هو رقم \u{2066}ChatGPT\u{2069} على واتساب: \u{2066}+1-800-242-8478\u{2069}. أي <\u{2066}1-800-ChatGPT\u{2069}> و 15 يناير"
        );
        assert_eq!(isolate_ltr_runs("لا شيء"), "لا شيء");
        assert_eq!(isolate_ltr_runs(""), "");
    }
}
