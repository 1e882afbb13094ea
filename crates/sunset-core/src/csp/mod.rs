//! The Content-Security-Policy of each page, from the page itself: every executable inline
//! `<script>` and every `<style>` allowed by the SHA-256 hash of its text, nothing inline
//! otherwise (no `'unsafe-inline'`), and nothing from other origins. sunset writes every byte
//! of its pages, so the hashes are exact; a template that adds inline code gets its hash
//! without anyone writing it down.
//!
//! A page carries its policy in a `<meta http-equiv="Content-Security-Policy">` at the top of
//! its `<head>` ([`with_meta`]), which works on any host; the headers files add the directives
//! a meta policy cannot hold (`frame-ancestors`), see `render::hosts`. What a hash cannot allow
//! (a `style` attribute, an `onclick` handler, a `javascript:` link, a file of another origin)
//! is found by [`blocked`] (its own module), which `check` reports where the template or page
//! writes it. `tokens` reads the HTML as the browser's tokenizer does.

mod blocked;
mod tokens;

use std::collections::BTreeSet;

use base64::Engine;
use sha2::{Digest, Sha256};

pub use blocked::{Blocked, BlockedKind, blocked};
use tokens::{StartTag, Token, tokens};

/// What a page may run and apply inline: the hash sources (`'sha256-…'`) of its scripts and
/// styles. Everything else of the policy is the same on every page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    scripts: BTreeSet<String>,
    styles: BTreeSet<String>,
}

/// The directives of every policy besides the hashes: only the site's own files load (and
/// `data:` images, such as the empty icon `data:,`, which run nothing), no plugin, no `<base>`
/// or form leads elsewhere.
const SCRIPT_SRC: &str = "script-src 'self'";
const STYLE_SRC: &str = "style-src 'self'";
const OTHERS: &str = "img-src 'self' data:; font-src 'self'; media-src 'self'; manifest-src 'self'; \
                      connect-src 'self'; base-uri 'self'; form-action 'self'";

/// What only a header can say: a meta policy cannot stop other sites from framing the page.
const HEADER_ONLY: &str = "frame-ancestors 'none'";

impl Policy {
    /// The policy of a page whose HTML is `html`: each executable inline script and each style.
    pub fn of_html(html: &str) -> Policy {
        let mut policy = Policy::default();
        for code in inline_code(html) {
            match code {
                InlineCode::Script(text) => policy.allow_script(text),
                InlineCode::Style(text) => policy.allow_style(text),
            }
        }
        policy
    }

    /// Allows also the styles in the body of `html`: what a page's later reading shows is put
    /// in its body by its script, where its styles apply and its scripts never run (its head
    /// is the page's own).
    pub fn allow_body_styles_of(&mut self, html: &str) {
        let body = &html[tag_start(html, "body").unwrap_or(0)..];
        // Most bodies have none: a look for `<style` spares reading every tag.
        if tag_start(body, "style").is_none() {
            return;
        }
        for code in inline_code(body) {
            if let InlineCode::Style(text) = code {
                self.allow_style(text);
            }
        }
    }

    pub fn allow_script(&mut self, text: &str) {
        self.scripts.insert(hash_source(text));
    }

    pub fn allow_style(&mut self, text: &str) {
        self.styles.insert(hash_source(text));
    }

    /// Allows everything `other` allows too.
    pub fn extend(&mut self, other: &Policy) {
        self.scripts.extend(other.scripts.iter().cloned());
        self.styles.extend(other.styles.iter().cloned());
    }

    /// How many hashes it holds.
    pub fn hashes(&self) -> usize {
        self.scripts.len() + self.styles.len()
    }

    /// The policy a page's meta tag holds (written by [`with_meta`]), if it has one.
    pub fn of_page(html: &str) -> Option<Policy> {
        let tag = policy_meta(html)?;
        let content = tag.attribute("content")?;
        let mut policy = Policy::default();
        for directive in content.split(';') {
            let mut words = directive.split_ascii_whitespace();
            let into = match words.next() {
                Some("script-src") => &mut policy.scripts,
                Some("style-src") => &mut policy.styles,
                _ => continue,
            };
            into.extend(
                words
                    .filter(|w| w.starts_with("'sha256-"))
                    .map(str::to_string),
            );
        }
        Some(policy)
    }

    /// The policy as a meta tag holds it.
    pub fn meta_content(&self) -> String {
        let sources = |set: &BTreeSet<String>| {
            set.iter().fold(String::new(), |mut all, source| {
                all.push(' ');
                all.push_str(source);
                all
            })
        };
        format!(
            "default-src 'none'; {SCRIPT_SRC}{}; {STYLE_SRC}{}; {OTHERS}",
            sources(&self.scripts),
            sources(&self.styles)
        )
    }

    /// The policy as a `Content-Security-Policy` header sends it: with what a meta tag cannot
    /// hold.
    pub fn header_value(&self) -> String {
        format!("{}; {HEADER_ONLY}", self.meta_content())
    }
}

/// The policy a header sends when the site's hashes are too many for one header line: what
/// needs no hash, with what a meta tag cannot hold. Each page's meta tag holds the rest, and
/// the browser enforces both.
pub fn header_without_hashes() -> String {
    format!("object-src 'none'; base-uri 'self'; form-action 'self'; {HEADER_ONLY}")
}

/// `'sha256-…'`: the source that allows an inline script or style whose text is `text`. The
/// browser hashes the text as its parser gives it: line breaks as `\n`, NUL as U+FFFD.
pub fn hash_source(text: &str) -> String {
    let digest = if memchr::memchr2(b'\r', b'\0', text.as_bytes()).is_some() {
        let parsed = text
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .replace('\0', "\u{FFFD}");
        Sha256::digest(parsed.as_bytes())
    } else {
        Sha256::digest(text.as_bytes())
    };
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// An inline script or style, by its text.
enum InlineCode<'a> {
    Script(&'a str),
    Style(&'a str),
}

/// The inline code of `html` a policy governs: each `<style>` (of CSS), and each `<script>`
/// without `src` that the browser runs (JavaScript, a module, an import map or speculation
/// rules; not a data block such as JSON or JSON-LD) and whose text is not empty (an empty one
/// is never run, so never checked).
fn inline_code(html: &str) -> impl Iterator<Item = InlineCode<'_>> {
    let mut tokens = tokens(html);
    std::iter::from_fn(move || {
        loop {
            let Token::Start(tag) = tokens.next()? else {
                continue;
            };
            let script = match tag.name.as_str() {
                "script" if tag.attribute("src").is_none() && runs(&tag) => true,
                "style" if is_css(&tag) => false,
                _ => continue,
            };
            match tokens.next() {
                Some(Token::Text(text)) if script && !text.is_empty() => {
                    return Some(InlineCode::Script(text));
                }
                Some(Token::Text(text)) if !script => return Some(InlineCode::Style(text)),
                _ => continue,
            }
        }
    })
}

/// Whether a `<script>` is code the browser runs, by its `type` (or old `language`).
fn runs(tag: &StartTag) -> bool {
    const JAVASCRIPT: [&str; 16] = [
        "application/ecmascript",
        "application/javascript",
        "application/x-ecmascript",
        "application/x-javascript",
        "text/ecmascript",
        "text/javascript",
        "text/javascript1.0",
        "text/javascript1.1",
        "text/javascript1.2",
        "text/javascript1.3",
        "text/javascript1.4",
        "text/javascript1.5",
        "text/jscript",
        "text/livescript",
        "text/x-ecmascript",
        "text/x-javascript",
    ];
    let kind = match (tag.attribute("type"), tag.attribute("language")) {
        (Some(kind), _) => kind.trim_matches(is_html_space).to_ascii_lowercase(),
        (None, Some(language)) if !language.is_empty() => format!("text/{language}"),
        (None, _) => return true,
    };
    kind.is_empty()
        || JAVASCRIPT.contains(&kind.as_str())
        || matches!(kind.as_str(), "module" | "importmap" | "speculationrules")
}

/// Whether a `<style>` is CSS, which the browser applies.
fn is_css(tag: &StartTag) -> bool {
    tag.attribute("type").is_none_or(|kind| {
        let kind = kind.trim_matches(is_html_space);
        kind.is_empty() || kind.eq_ignore_ascii_case("text/css")
    })
}

/// Where the first `<name` (any case) of `html` starts: a quick look, before reading tags.
fn tag_start(html: &str, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    // Written in lower case, as nearly always, it is found at memchr's speed; only the text
    // before it may hold it in another case.
    let lower = memchr::memmem::find(bytes, format!("<{name}").as_bytes());
    let before = &bytes[..lower.unwrap_or(bytes.len())];
    memchr::memchr_iter(b'<', before)
        .find(|&at| {
            before
                .get(at + 1..at + 1 + name.len())
                .is_some_and(|found| found.eq_ignore_ascii_case(name.as_bytes()))
        })
        .or(lower)
}

fn is_html_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0c' | '\r' | ' ')
}

/// The page's `<meta http-equiv="Content-Security-Policy">`, looked for before its `<body>`
/// (the browser ignores one outside the head).
fn policy_meta(html: &str) -> Option<StartTag<'_>> {
    tokens(html)
        .take_while(|token| !matches!(token, Token::Start(tag) if tag.name == "body"))
        .find_map(|token| match token {
            Token::Start(tag) if is_policy_meta(&tag) => Some(tag),
            _ => None,
        })
}

fn is_policy_meta(tag: &StartTag) -> bool {
    tag.name == "meta"
        && tag
            .attribute("http-equiv")
            .is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy"))
}

/// `html` with `policy` in its meta tag: the page's own one replaced, else a new one at the top
/// of the head (just after `<meta charset>` when that comes first, so the encoding stays in
/// the first bytes), where it governs every script and style after it.
pub fn with_meta(html: &str, policy: &Policy) -> String {
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        policy.meta_content()
    );
    let mut out = String::with_capacity(html.len() + meta.len() + 1);
    if let Some(tag) = policy_meta(html) {
        out.push_str(&html[..tag.range.start]);
        out.push_str(&meta);
        out.push_str(&html[tag.range.end..]);
        return out;
    }
    let at = insertion_point(html);
    out.push_str(&html[..at]);
    out.push('\n');
    out.push_str(&meta);
    out.push_str(&html[at..]);
    out
}

/// Where a new meta tag goes: after `<head>` (or the `<meta charset>` that opens it), else
/// after `<html>`, else after the doctype; the parser puts it in the head in each case.
fn insertion_point(html: &str) -> usize {
    let mut tags = tokens(html).filter_map(|token| match token {
        Token::Start(tag) => Some(tag),
        Token::Text(_) => None,
    });
    let mut after_html = None;
    while let Some(tag) = tags.next() {
        match tag.name.as_str() {
            "html" => after_html = Some(tag.range.end),
            "head" => {
                return match tags.next() {
                    Some(first) if first.name == "meta" && first.attribute("charset").is_some() => {
                        first.range.end
                    }
                    _ => tag.range.end,
                };
            }
            _ => break,
        }
    }
    after_html.unwrap_or_else(|| {
        let start = html.trim_start();
        match start.get(..9) {
            Some(doctype) if doctype.eq_ignore_ascii_case("<!doctype") => {
                let offset = html.len() - start.len();
                start.find('>').map_or(0, |end| offset + end + 1)
            }
            _ => 0,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_the_browser_s() {
        // Values from `printf '%s' … | openssl dgst -sha256 -binary | base64`.
        assert_eq!(
            hash_source("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
        assert_eq!(
            hash_source(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
        // The parser gives the text with its line breaks as \n.
        assert_eq!(hash_source("a\r\nb\rc"), hash_source("a\nb\nc"));
    }

    #[test]
    fn scripts_that_run_and_styles_are_allowed_and_data_is_not() {
        let html = "<html><head><style>p{}</style><script>run()</script>\
            <script type=\"application/json\">{}</script><script type=\"application/ld+json\">{}</script>\
            <script src=\"/a.js\">ignored()</script><script type=module>m()</script>\
            <script TYPE=\" Text/JavaScript \">t()</script><script></script>\
            <style type=\"text/plain\">x</style></head></html>";
        let mut expected = Policy::default();
        expected.allow_style("p{}");
        expected.allow_script("run()");
        expected.allow_script("m()");
        expected.allow_script("t()");
        assert_eq!(Policy::of_html(html), expected);
    }

    #[test]
    fn a_later_reading_adds_the_styles_of_its_body_only() {
        let mut policy = Policy::default();
        policy.allow_body_styles_of(
            "<head><style>head{}</style></head><BODY><p>x</p><Style>body{}</style><script>no()</script>",
        );
        let mut expected = Policy::default();
        expected.allow_style("body{}");
        assert_eq!(policy, expected);
        policy.allow_body_styles_of("<head><style>head{}</style></head><body><p>no style</p>");
        assert_eq!(policy, expected);
    }

    #[test]
    fn the_meta_tag_opens_the_head_and_reads_back() {
        let mut policy = Policy::default();
        policy.allow_script("run()");
        policy.allow_style("p{}");
        let html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>x</title>";
        let with = with_meta(html, &policy);
        assert!(
            with.starts_with(&format!(
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
                 <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
                 script-src 'self' {}; style-src 'self' {}; img-src 'self' data:; ",
                hash_source("run()"),
                hash_source("p{}")
            )),
            "{with}"
        );
        assert!(
            with.ends_with("form-action 'self'\">\n<title>x</title>"),
            "{with}"
        );
        assert_eq!(Policy::of_page(&with), Some(policy.clone()));
        // Written again, the tag is replaced, not repeated.
        let mut more = policy.clone();
        more.allow_script("tools()");
        let again = with_meta(&with, &more);
        assert_eq!(again.matches("http-equiv").count(), 1);
        assert_eq!(Policy::of_page(&again), Some(more));
        assert_eq!(Policy::of_page(html), None);
    }

    #[test]
    fn without_a_head_the_tag_still_lands_in_it() {
        let policy = Policy::default();
        let at = |html: &str| with_meta(html, &policy).find("<meta http-equiv").unwrap();
        assert_eq!(at("<head><title>x</title>"), "<head>\n".len());
        assert_eq!(at("<html><title>x</title>"), "<html>\n".len());
        assert_eq!(
            at("<!doctype html><title>x</title>"),
            "<!doctype html>\n".len()
        );
        assert_eq!(at("<title>x</title>"), 1);
    }

    #[test]
    fn the_header_adds_what_a_meta_tag_cannot_hold() {
        let policy = Policy::default();
        assert!(!policy.meta_content().contains("frame-ancestors"));
        assert_eq!(
            policy.header_value(),
            format!("{}; frame-ancestors 'none'", policy.meta_content())
        );
        assert!(!policy.header_value().contains("unsafe"));
    }
}
