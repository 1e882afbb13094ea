//! The HTML a Content-Security-Policy governs, read as the browser's tokenizer reads it: start
//! tags with their attributes, and the text of the elements whose text is not markup (`script`,
//! `style` and the like), which is what a hash covers. Comments, doctypes and end tags are
//! skipped; character references are not decoded (inline code is never decoded, and nothing
//! here compares a decoded attribute value).
//!
//! Inside `<svg>` and `<math>` a `style` or `script` is still read as raw text up to its end tag:
//! the browser decodes character references there, so such an element whose text has one would
//! hash differently (no template of sunset writes one).

use std::ops::Range;

/// A start tag: its name in lower case, its attributes, and where it lies in the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartTag<'a> {
    pub name: String,
    pub attributes: Vec<Attribute<'a>>,
    pub range: Range<usize>,
}

impl StartTag<'_> {
    /// The value of attribute `name` (lower case), the first when repeated, as the browser
    /// keeps it.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.value)
    }
}

/// An attribute: its name in lower case, its value as written (without quotes), and where its
/// name starts in the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute<'a> {
    pub name: String,
    pub value: &'a str,
    pub at: usize,
}

/// What the tokenizer yields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    Start(StartTag<'a>),
    /// The text of a `script`, `style`, `title`, `textarea` … element, up to its end tag.
    Text(&'a str),
}

/// The start tags of `html`, each followed by its text when it is an element whose text is
/// not markup.
pub struct Tokens<'a> {
    html: &'a str,
    at: usize,
    /// The text to give after the start tag just given.
    pending: Option<&'a str>,
    /// How deep inside `<svg>` and `<math>`, where `title` and `style` hold markup.
    foreign: usize,
}

pub fn tokens(html: &str) -> Tokens<'_> {
    Tokens {
        html,
        at: 0,
        pending: None,
        foreign: 0,
    }
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Whether the tag name at `at` is `name` (ASCII case-insensitive) and ends there, as an end tag
/// must for the element to close.
fn names(html: &[u8], at: usize, name: &str) -> bool {
    let end = at + name.len();
    html.get(at..end)
        .is_some_and(|written| written.eq_ignore_ascii_case(name.as_bytes()))
        && html
            .get(end)
            .is_none_or(|&b| is_space(b) || b == b'/' || b == b'>')
}

/// Where the first `</name` that ends a raw-text element starts, at or after `from`.
fn raw_text_end(html: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(found) = memchr::memmem::find(&html[at..], b"</") {
        let tag = at + found;
        if names(html, tag + 2, name) {
            return tag;
        }
        at = tag + 2;
    }
    html.len()
}

/// Where a script's text ends, as the tokenizer's script data states find it: `</script` ends
/// it, except in a `<!--` … `-->` that opens another `<script` (double escaped).
fn script_end(html: &[u8], from: usize) -> usize {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Data,
        Escaped,
        EscapedDash,
        EscapedDashDash,
        Double,
        DoubleDash,
        DoubleDashDash,
    }
    use State::*;
    let mut state = Data;
    let mut i = from;
    while i < html.len() {
        // Only `<` matters outside a comment: a data block (JSON) is passed at memchr's speed.
        if state == Data {
            match memchr::memchr(b'<', &html[i..]) {
                Some(at) => i += at,
                None => break,
            }
        }
        let byte = html[i];
        let rest = &html[i..];
        match (state, byte) {
            (Data, b'<') if rest.starts_with(b"</") && names(html, i + 2, "script") => return i,
            (Data, b'<') if rest.starts_with(b"<!--") => {
                state = EscapedDashDash;
                i += 4;
                continue;
            }
            (Escaped | EscapedDash | EscapedDashDash, b'<') => {
                if rest.starts_with(b"</") && names(html, i + 2, "script") {
                    return i;
                }
                state = Escaped;
                if names(html, i + 1, "script") {
                    state = Double;
                    i += "<script".len();
                    continue;
                }
            }
            (Escaped, b'-') => state = EscapedDash,
            (EscapedDash, b'-') | (EscapedDashDash, b'-') => state = EscapedDashDash,
            (EscapedDashDash, b'>') => state = Data,
            (EscapedDash | EscapedDashDash, _) => state = Escaped,
            (Double | DoubleDash | DoubleDashDash, b'<') => {
                state = Double;
                if rest.starts_with(b"</") && names(html, i + 2, "script") {
                    state = Escaped;
                    i += "</script".len();
                    continue;
                }
            }
            (Double, b'-') => state = DoubleDash,
            (DoubleDash | DoubleDashDash, b'-') => state = DoubleDashDash,
            (DoubleDashDash, b'>') => state = Data,
            (DoubleDash | DoubleDashDash, _) => state = Double,
            _ => {}
        }
        i += 1;
    }
    html.len()
}

impl<'a> Tokens<'a> {
    /// Reads the start tag whose name begins at `self.at` (just after `<`); None when the page
    /// ends inside it.
    fn start_tag(&mut self, start: usize) -> Option<StartTag<'a>> {
        let html = self.html.as_bytes();
        let mut i = self.at;
        while i < html.len() && !is_space(html[i]) && html[i] != b'/' && html[i] != b'>' {
            i += 1;
        }
        let name = self.html[self.at..i].to_ascii_lowercase();
        let mut attributes = Vec::new();
        loop {
            while i < html.len() && (is_space(html[i]) || html[i] == b'/') {
                i += 1;
            }
            match html.get(i)? {
                b'>' => break,
                _ => {
                    let name_start = i;
                    // A name may start with `=`; it ends at a space, `/`, `>` or `=`.
                    i += 1;
                    while i < html.len() && !is_space(html[i]) && !b"/>=".contains(&html[i]) {
                        i += 1;
                    }
                    let attribute_name = self.html[name_start..i].to_ascii_lowercase();
                    while i < html.len() && is_space(html[i]) {
                        i += 1;
                    }
                    let mut value = "";
                    if html.get(i) == Some(&b'=') {
                        i += 1;
                        while i < html.len() && is_space(html[i]) {
                            i += 1;
                        }
                        match html.get(i)? {
                            quote @ (b'"' | b'\'') => {
                                let close = memchr::memchr(*quote, &html[i + 1..])? + i + 1;
                                value = &self.html[i + 1..close];
                                i = close + 1;
                            }
                            b'>' => {}
                            _ => {
                                let from = i;
                                while i < html.len() && !is_space(html[i]) && html[i] != b'>' {
                                    i += 1;
                                }
                                value = &self.html[from..i];
                            }
                        }
                    }
                    attributes.push(Attribute {
                        name: attribute_name,
                        value,
                        at: name_start,
                    });
                }
            }
        }
        let end = i + 1;
        self.at = end;
        Some(StartTag {
            name,
            attributes,
            range: start..end,
        })
    }

    /// Skips to just after the next `>` at or after `from` (an end tag, a doctype, a bogus
    /// comment), or to the end.
    fn skip_past_gt(&mut self, from: usize) {
        let html = self.html.as_bytes();
        self.at = memchr::memchr(b'>', &html[from.min(html.len())..])
            .map_or(html.len(), |at| from + at + 1);
    }

    /// Skips an end tag whose name starts at `self.at`, noting the end of a foreign element.
    fn end_tag(&mut self) {
        let html = self.html.as_bytes();
        if self.foreign > 0 && (names(html, self.at, "svg") || names(html, self.at, "math")) {
            self.foreign -= 1;
        }
        // Quoted attribute values may hold `>` even in an end tag.
        let mut i = self.at;
        while i < html.len() && html[i] != b'>' {
            if matches!(html[i], b'"' | b'\'') && i > 0 && html[i - 1] == b'=' {
                i = memchr::memchr(html[i], &html[i + 1..]).map_or(html.len(), |c| i + 1 + c);
            }
            i += 1;
        }
        self.at = (i + 1).min(html.len());
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(text) = self.pending.take() {
            return Some(Token::Text(text));
        }
        let html = self.html.as_bytes();
        loop {
            let lt = self.at + memchr::memchr(b'<', html.get(self.at..)?)?;
            let after = &html[lt + 1..];
            if after.starts_with(b"!--") {
                // `<!-->` and `<!--->` close at once; otherwise `-->` or `--!>` does.
                let body = lt + 4;
                self.at = if after[3..].starts_with(b">") || after[3..].starts_with(b"->") {
                    body + memchr::memchr(b'>', &html[body..]).unwrap_or(0) + 1
                } else {
                    let close = |end: &[u8]| memchr::memmem::find(&html[body..], end);
                    match (close(b"-->"), close(b"--!>")) {
                        (Some(a), Some(b)) if b < a => body + b + 4,
                        (Some(a), _) => body + a + 3,
                        (None, Some(b)) => body + b + 4,
                        (None, None) => html.len(),
                    }
                };
            } else if matches!(after.first(), Some(b'!' | b'?')) {
                self.skip_past_gt(lt + 2);
            } else if after.starts_with(b"/") {
                match after.get(1) {
                    Some(b) if b.is_ascii_alphabetic() => {
                        self.at = lt + 2;
                        self.end_tag();
                    }
                    _ => self.skip_past_gt(lt + 2),
                }
            } else if after.first().is_some_and(u8::is_ascii_alphabetic) {
                self.at = lt + 1;
                let tag = self.start_tag(lt)?;
                let self_closing = html[..tag.range.end].ends_with(b"/>");
                match tag.name.as_str() {
                    "svg" | "math" if !self_closing => self.foreign += 1,
                    "script" => {
                        let end = script_end(html, self.at);
                        self.pending = Some(&self.html[self.at..end]);
                        self.at = end;
                    }
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                        let end = raw_text_end(html, self.at, &tag.name);
                        self.pending = Some(&self.html[self.at..end]);
                        self.at = end;
                    }
                    "title" | "textarea" if self.foreign == 0 => {
                        let end = raw_text_end(html, self.at, &tag.name);
                        self.pending = Some(&self.html[self.at..end]);
                        self.at = end;
                    }
                    "plaintext" => {
                        self.pending = Some(&self.html[self.at..]);
                        self.at = html.len();
                    }
                    _ => {}
                }
                return Some(Token::Start(tag));
            } else {
                self.at = lt + 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each start tag's name and each text, in order.
    fn read(html: &str) -> Vec<String> {
        tokens(html)
            .map(|token| match token {
                Token::Start(tag) => format!("<{}>", tag.name),
                Token::Text(text) => format!("[{text}]"),
            })
            .collect()
    }

    #[test]
    fn tags_and_the_text_of_script_and_style() {
        assert_eq!(
            read(
                "<!DOCTYPE html><HTML><head><STYLE>p>a{}</style ><script>if (a<b) x()</SCRIPT><p>t</p>"
            ),
            [
                "<html>",
                "<head>",
                "<style>",
                "[p>a{}]",
                "<script>",
                "[if (a<b) x()]",
                "<p>"
            ]
        );
    }

    #[test]
    fn comments_and_other_markup_hide_nothing_and_show_nothing() {
        assert_eq!(
            read("<!-- <script>no</script> --><p><!--></script><b><?x > <i></i a='>'><!x><em>"),
            ["<p>", "<b>", "<i>", "<em>"]
        );
        assert_eq!(read("<!-- a --!><s>"), ["<s>"]);
        assert_eq!(read("a < b <3 </ >"), Vec::<String>::new());
    }

    #[test]
    fn a_script_ends_where_the_browser_ends_it() {
        // A `</script` inside a double-escaped comment does not end it; `-->` and the next one do.
        let html = "<script><!-- <script> </script> --></script><p>";
        assert_eq!(
            read(html),
            ["<script>", "[<!-- <script> </script> -->]", "<p>"]
        );
        assert_eq!(
            read("<script><!-- </script><p>"),
            ["<script>", "[<!-- ]", "<p>"]
        );
        assert_eq!(
            read("<script>a</scripts></script/><i>"),
            ["<script>", "[a</scripts>]", "<i>"]
        );
        assert_eq!(read("<script>open"), ["<script>", "[open]"]);
    }

    #[test]
    fn attributes_quoted_unquoted_and_bare() {
        let html = "<a HREF=\"/x>y\" data-a='1' b=2 c onClick = \"go()\"/>";
        let Some(Token::Start(tag)) = tokens(html).next() else {
            panic!("no tag");
        };
        let read: Vec<(&str, &str)> = tag
            .attributes
            .iter()
            .map(|a| (a.name.as_str(), a.value))
            .collect();
        assert_eq!(
            read,
            [
                ("href", "/x>y"),
                ("data-a", "1"),
                ("b", "2"),
                ("c", ""),
                ("onclick", "go()")
            ]
        );
        assert_eq!(&html[tag.attributes[4].at..][..7], "onClick");
        assert_eq!(tag.range, 0..html.len());
        assert_eq!(tag.attribute("b"), Some("2"));
    }

    #[test]
    fn titles_hold_text_but_not_in_svg() {
        assert_eq!(read("<title><b></title>"), ["<title>", "[<b>]"]);
        assert_eq!(
            read("<svg><title><b></b></title><style>x</style></svg><title>t</title>"),
            [
                "<svg>", "<title>", "<b>", "<style>", "[x]", "<title>", "[t]"
            ]
        );
    }

    #[test]
    fn a_page_that_ends_inside_a_tag_yields_nothing_more() {
        assert_eq!(read("<p><a href=\"x"), ["<p>"]);
        assert_eq!(read("<p><a b"), ["<p>"]);
    }
}
