//! Typography: the prose a reader sees, checked against each language's rules.
//!
//! The rules are data ([`RULES`]): each row names the languages it applies to (by primary
//! subtag, so `fr-CA` gets French's), its `code`, what it looks for (a [`Look`]: one of a few
//! patterns, with its characters as parameters), what replaces what it finds, and whether
//! `check --fix` may make that change unattended. A new language's rules are new rows.
//!
//! Prose is what readers see: the text of Fluent messages, terms and attributes (not
//! placeables, selector keys, comments or ids), the `title` and `description` of each page's
//! front matter (`[phases.*]` too) and the text of its Markdown (not code, link targets,
//! autolinks, raw HTML, heading ids, phase-block fences or `{{ placeholders }}`). URLs, e-mail
//! addresses and domain names inside prose are never checked. A message or page that is still
//! a copy of the default language's text is left alone: it is checked, as the default
//! language, where it was copied from.
//!
//! Each finding carries the edit that fixes it, in bytes of its file; [`fix`] applies the safe
//! ones to a text, and `cli` writes the result (`sunset check --fix`).

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;

use fluent_syntax::ast;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use rayon::prelude::*;
use serde::Deserialize;
use toml::Spanned;

use super::{is_copied_message, is_copied_page};
use crate::config::Config;
use crate::content::{ContentFile, Page, split_front_matter};
use crate::diagnostics::{Diagnostic, Location};
use crate::messages::messages_of;
use crate::source::Sources;

const NBSP: char = '\u{A0}';
const NNBSP: char = '\u{202F}';

/// What a character next to a match must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A letter of any script.
    Letter,
    /// A digit of any script.
    Digit,
    /// Not a letter or digit, or nothing at all: the end of a word.
    WordEnd,
}

/// What a rule looks for in prose. Each kind is one pattern; the rules fill in its characters.
#[derive(Debug, PartialEq, Eq)]
pub enum Look {
    /// `ch` with a character of one of the `before` classes just before it and of one of the
    /// `after` classes just after it. The replacement takes its place.
    Char {
        ch: char,
        before: &'static [Class],
        after: &'static [Class],
    },
    /// Straight double quotes. The replacement is the opening and closing quote around `…`;
    /// the fix is safe only where the quotes of a line pair up.
    StraightQuotes,
    /// One or more of `spaces` right before one of `punctuation`, after text on the same line.
    /// The replacement takes the place of the spaces.
    SpaceBefore {
        spaces: &'static [char],
        punctuation: &'static [char],
    },
    /// One of `punctuation` straight after a letter, outside URLs and times (`12:30`). The
    /// replacement is inserted before it.
    NoSpaceBefore { punctuation: &'static [char] },
    /// `open` not followed by the replacement, `close` not preceded by it: a space there is
    /// replaced, no space at all gets one.
    SpaceInside { open: char, close: char },
    /// A number, a plain space, then a word (`15 janvier`): the replacement takes the space's
    /// place. Not after one of `not_after`: a year after its month (`janvier 2026 était`)
    /// belongs to the date, not to the word after it.
    SpaceAfterNumber { not_after: &'static [&'static str] },
    /// One of `names` followed straight by lower-case letters that start with one of
    /// `suffix_initials`, a suffix (`WhatsAppta`, not `Metaforlar`): the replacement is
    /// inserted before the suffix.
    NameSuffix {
        names: &'static [&'static str],
        suffix_initials: &'static str,
    },
    /// `ch` straight after an Arabic letter, or after one and closing brackets or quotes. The
    /// replacement takes its place.
    AfterArabicLetter { ch: char },
    /// Two or more spaces between words: the replacement takes their place.
    RepeatedSpaces,
}

/// One typographic rule.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// The finding's code in `check`'s report.
    pub code: &'static str,
    /// The primary language subtags it applies to (`fr` covers `fr-CA`); empty: every language.
    pub languages: &'static [&'static str],
    /// Languages it does not apply to, where another rule says otherwise.
    pub except: &'static [&'static str],
    pub look: Look,
    /// What the fix writes (see [`Look`] for where).
    pub replacement: &'static str,
    /// Whether `check --fix` makes the change: the right text follows from what is found.
    pub safe: bool,
    /// What is wrong, in plain words.
    pub message: &'static str,
}

impl Rule {
    fn applies_to(&self, primary: &str) -> bool {
        (self.languages.is_empty() || self.languages.contains(&primary))
            && !self.except.contains(&primary)
    }
}

const EVERY_LANGUAGE: &[&str] = &[];
const NO_LANGUAGE: &[&str] = &[];
const FRENCH_SPACED: &[char] = &[';', ':', '!', '?'];
const FRENCH_MONTHS: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Names Turkish text joins suffixes to with an apostrophe (`WhatsApp’ta`, `API’ler`).
pub const TURKISH_NAMES: &[&str] = &[
    "ChatGPT",
    "WhatsApp",
    "OpenAI",
    "Meta",
    "Android",
    "iOS",
    "macOS",
    "Google",
    "Microsoft",
    "Copilot",
    "Perplexity",
    "Luzia",
    "Poke",
    "Atlas",
    "API",
];

/// Every typographic rule, by language, then those of every language.
pub static RULES: &[Rule] = &[
    // English
    Rule {
        code: "typography-apostrophe",
        languages: &["en"],
        except: NO_LANGUAGE,
        look: Look::Char {
            ch: '\'',
            before: &[Class::Letter],
            after: &[Class::Letter, Class::WordEnd],
        },
        replacement: "’",
        safe: true,
        message: "a straight apostrophe ('): English typography uses ’",
    },
    Rule {
        code: "typography-quotes",
        languages: &["en"],
        except: NO_LANGUAGE,
        look: Look::StraightQuotes,
        replacement: "“…”",
        safe: true,
        message: "a straight double quote (\"): English typography uses “ and ”",
    },
    // French
    Rule {
        code: "typography-apostrophe",
        languages: &["fr"],
        except: NO_LANGUAGE,
        look: Look::Char {
            ch: '\'',
            before: &[Class::Letter],
            after: &[Class::Letter, Class::WordEnd],
        },
        replacement: "’",
        safe: true,
        message: "a straight apostrophe ('): French typography uses ’",
    },
    Rule {
        code: "typography-french-spacing",
        languages: &["fr"],
        except: NO_LANGUAGE,
        look: Look::SpaceBefore {
            spaces: &[' ', NBSP],
            punctuation: FRENCH_SPACED,
        },
        replacement: "\u{202F}",
        safe: true,
        message: "French puts a narrow no-break space before ; : ! and ?, not a space that can break or widen",
    },
    Rule {
        code: "typography-french-spacing",
        languages: &["fr"],
        except: NO_LANGUAGE,
        look: Look::NoSpaceBefore {
            punctuation: FRENCH_SPACED,
        },
        replacement: "\u{202F}",
        safe: true,
        message: "French puts a narrow no-break space before ; : ! and ?",
    },
    Rule {
        code: "typography-guillemets",
        languages: &["fr"],
        except: NO_LANGUAGE,
        look: Look::SpaceInside {
            open: '«',
            close: '»',
        },
        replacement: "\u{202F}",
        safe: true,
        message: "French puts a narrow no-break space after « and before »",
    },
    Rule {
        code: "typography-number-space",
        languages: &["fr"],
        except: NO_LANGUAGE,
        look: Look::SpaceAfterNumber {
            not_after: FRENCH_MONTHS,
        },
        replacement: "\u{A0}",
        safe: true,
        message: "a space that can break between a number and its word: the line may end between them",
    },
    Rule {
        code: "typography-quotes",
        languages: &["fr"],
        except: NO_LANGUAGE,
        look: Look::StraightQuotes,
        replacement: "«\u{202F}…\u{202F}»",
        safe: false,
        message: "a straight double quote (\"): French typography uses « and » with a narrow no-break space inside",
    },
    // Turkish
    Rule {
        code: "typography-apostrophe",
        languages: &["tr"],
        except: NO_LANGUAGE,
        look: Look::Char {
            ch: '\'',
            before: &[Class::Letter, Class::Digit],
            after: &[Class::Letter],
        },
        replacement: "’",
        safe: true,
        message: "a straight apostrophe ('): Turkish typography uses ’ before a suffix",
    },
    Rule {
        code: "typography-turkish-suffix",
        languages: &["tr"],
        except: NO_LANGUAGE,
        look: Look::NameSuffix {
            names: TURKISH_NAMES,
            // Case, plural, possessive and derivation suffixes start with these letters
            // (`’ta`, `’dan`, `’ın`, `’yi`, `’nin`, `’ler`, `’sı`, `’çı`).
            suffix_initials: "aeıioöuüydtlnscç",
        },
        replacement: "’",
        safe: true,
        message: "a suffix joined to a proper name without an apostrophe",
    },
    // Arabic
    Rule {
        code: "typography-arabic-punctuation",
        languages: &["ar"],
        except: NO_LANGUAGE,
        look: Look::AfterArabicLetter { ch: ',' },
        replacement: "،",
        safe: true,
        message: "a Latin comma in Arabic text",
    },
    Rule {
        code: "typography-arabic-punctuation",
        languages: &["ar"],
        except: NO_LANGUAGE,
        look: Look::AfterArabicLetter { ch: ';' },
        replacement: "؛",
        safe: true,
        message: "a Latin semicolon in Arabic text",
    },
    Rule {
        code: "typography-arabic-punctuation",
        languages: &["ar"],
        except: NO_LANGUAGE,
        look: Look::AfterArabicLetter { ch: '?' },
        replacement: "؟",
        safe: true,
        message: "a Latin question mark in Arabic text",
    },
    // Indonesian (PUEBI)
    Rule {
        code: "typography-apostrophe",
        languages: &["id"],
        except: NO_LANGUAGE,
        look: Look::Char {
            ch: '\'',
            before: &[Class::Letter],
            after: &[Class::Letter],
        },
        replacement: "’",
        safe: true,
        message: "a straight apostrophe ('): Indonesian typography uses ’",
    },
    Rule {
        code: "typography-quotes",
        languages: &["id"],
        except: NO_LANGUAGE,
        look: Look::StraightQuotes,
        replacement: "“…”",
        safe: true,
        message: "a straight double quote (\"): Indonesian typography uses “ and ”",
    },
    // Every language
    Rule {
        code: "typography-space-before-punctuation",
        languages: EVERY_LANGUAGE,
        except: NO_LANGUAGE,
        look: Look::SpaceBefore {
            spaces: &[' ', NBSP, NNBSP],
            punctuation: &[',', '.', '،'],
        },
        replacement: "",
        safe: true,
        message: "a space before punctuation",
    },
    Rule {
        code: "typography-space-before-punctuation",
        languages: EVERY_LANGUAGE,
        except: &["fr"],
        look: Look::SpaceBefore {
            spaces: &[' ', NBSP, NNBSP],
            punctuation: &[';', ':', '?', '!', '؛', '؟'],
        },
        replacement: "",
        safe: true,
        message: "a space before punctuation",
    },
    Rule {
        code: "typography-repeated-spaces",
        languages: EVERY_LANGUAGE,
        except: NO_LANGUAGE,
        look: Look::RepeatedSpaces,
        replacement: " ",
        safe: true,
        message: "several spaces in a row",
    },
];

/// A typographic finding: where, what to write instead, and whether `check --fix` may.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static Rule,
    /// The offending characters.
    pub location: Location,
    /// The bytes of the file the fix replaces (empty: an insertion), and what it writes there.
    pub edit: Range<usize>,
    pub replacement: String,
    /// The fix, in words.
    pub hint: String,
    pub safe: bool,
}

impl Finding {
    pub fn diagnostic(&self) -> Diagnostic {
        let hint = if self.safe {
            format!("{} (`sunset check --fix` does it)", self.hint)
        } else {
            self.hint.clone()
        };
        Diagnostic::warning(self.rule.message)
            .code(self.rule.code)
            .at(self.location.clone())
            .hint(hint)
    }
}

/// The primary subtag of a language code, which rules are matched by: `fr` for `fr-CA`.
fn primary_subtag(code: &str) -> String {
    code.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Every typographic finding of the site's translations and pages (those that parsed), in
/// file order.
pub fn typography_findings(config: &Config, sources: &Sources, pages: &[Page]) -> Vec<Finding> {
    let default = &config.default_language().code;
    let reference = messages_of(sources.locales.iter().filter(|f| &f.language == default));
    let files_by_path: HashMap<&Path, &ContentFile> = sources
        .content
        .iter()
        .map(|f| (f.path.as_path(), f))
        .collect();
    let default_pages: HashMap<&str, &Page> = pages
        .iter()
        .filter(|p| &p.language == default)
        .map(|p| (p.key.as_str(), p))
        .collect();
    let mut findings = Vec::new();
    for language in &config.languages {
        let primary = primary_subtag(&language.canonical_code);
        let is_default = &language.code == default;
        let files = || {
            sources
                .locales
                .iter()
                .filter(|f| f.language == language.code)
        };
        let messages = if is_default {
            BTreeMap::new()
        } else {
            messages_of(files())
        };
        let copied = |id: &str| {
            messages
                .get(id)
                .zip(reference.get(id))
                .is_some_and(|(m, source)| is_copied_message(m, source, &config.allow_identical))
        };
        for file in files() {
            let atoms = fluent_prose(&file.text, |id| !copied(id));
            findings.extend(check_prose(&primary, &file.path, &file.text, atoms));
        }
        // Pages on every core, as rendering does; findings stay in page order.
        let language_pages: Vec<&Page> = pages
            .iter()
            .filter(|p| p.language == language.code)
            .collect();
        let page_findings: Vec<Vec<Finding>> = language_pages
            .par_iter()
            .map(|page| {
                let Some(file) = files_by_path.get(page.path.as_path()) else {
                    return Vec::new();
                };
                let source_page = default_pages
                    .get(page.key.as_str())
                    .copied()
                    .filter(|_| !is_default);
                if source_page.is_some_and(|source| is_copied_page(page, source)) {
                    return Vec::new();
                }
                // A title or description still the default language's is checked there.
                let keep = |field: &str, value: &str| {
                    source_page.is_none_or(|source| source_text(source, field) != Some(value))
                };
                let atoms = page_prose(&file.text, keep);
                check_prose(&primary, &file.path, &file.text, atoms)
            })
            .collect();
        findings.extend(page_findings.into_iter().flatten());
    }
    findings
}

/// A page's `title` or `description`, or one of a phase's (`ended.title`).
fn source_text<'p>(page: &'p Page, field: &str) -> Option<&'p str> {
    let (phase, field) = match field.split_once('.') {
        Some((phase, field)) => (Some(phase), field),
        None => (None, field),
    };
    let texts = match phase {
        None => {
            return Some(if field == "title" {
                &page.title
            } else {
                &page.description
            });
        }
        Some(phase) => {
            page.phase_texts
                .iter()
                .find(|(p, _)| p.as_str() == phase)?
                .1
        }
    };
    if field == "title" {
        texts.title.as_deref()
    } else {
        texts.description.as_deref()
    }
}

/// `text` with the safe fixes among `findings` (all of them findings of this text) made, from
/// the end backwards so that every offset still holds. Of fixes that overlap, the later one in
/// the text is made; `check --fix` looks again and makes the other if it still applies.
pub fn fix(text: &str, findings: &[Finding]) -> String {
    let mut fixed = text.to_string();
    for finding in fixes(text, findings) {
        fixed.replace_range(finding.edit.clone(), &finding.replacement);
    }
    fixed
}

/// The findings whose fixes [`fix`] makes, last in the text first: safe, on character
/// boundaries of `text`, and not overlapping a fix made already.
pub fn fixes<'a>(text: &str, findings: &'a [Finding]) -> Vec<&'a Finding> {
    let mut safe: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.safe && text.get(f.edit.clone()).is_some())
        .collect();
    safe.sort_by_key(|f| std::cmp::Reverse((f.edit.start, f.edit.end)));
    let mut chosen: Vec<&Finding> = Vec::new();
    for finding in safe {
        let fits = chosen.last().is_none_or(|last| {
            let same_insertion = finding.edit.is_empty()
                && last.edit.is_empty()
                && finding.edit.start == last.edit.start;
            finding.edit.end <= last.edit.start && !same_insertion
        });
        if fits {
            chosen.push(finding);
        }
    }
    chosen
}

/// A character of prose and the bytes of the file that write it: its own, or an escape such
/// as `\"` in TOML or Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Atom {
    ch: char,
    at: Range<usize>,
}

fn atoms_of(text: &str, start: usize, atoms: &mut Vec<Atom>) {
    atoms.extend(text.char_indices().map(|(i, ch)| Atom {
        ch,
        at: start + i..start + i + ch.len_utf8(),
    }));
}

/// The prose of one file: the characters readers see, in file order.
struct Prose<'a> {
    source: &'a str,
    atoms: Vec<Atom>,
    /// Which atoms are part of a URL, an e-mail address or a domain name.
    in_url: Vec<bool>,
    /// Where each line of `source` starts.
    line_starts: Vec<usize>,
}

impl<'a> Prose<'a> {
    fn new(source: &'a str, mut atoms: Vec<Atom>) -> Prose<'a> {
        atoms.sort_by_key(|a| a.at.start);
        atoms.dedup();
        let line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut prose = Prose {
            source,
            in_url: vec![false; atoms.len()],
            atoms,
            line_starts,
        };
        prose.mark_urls();
        prose
    }

    /// Marks the atoms of words (runs of touching atoms without whitespace) that are URLs,
    /// e-mail addresses or domain names, without the punctuation around them.
    fn mark_urls(&mut self) {
        let mut start = 0;
        while start < self.atoms.len() {
            if self.atoms[start].ch.is_whitespace() {
                start += 1;
                continue;
            }
            let mut end = start + 1;
            while end < self.atoms.len()
                && !self.atoms[end].ch.is_whitespace()
                && self.next_atom(end - 1) == Some(end)
            {
                end += 1;
            }
            let mut core = start..end;
            while core.start < core.end && "([{«\"“‘'".contains(self.atoms[core.start].ch) {
                core.start += 1;
            }
            while core.start < core.end && ".,;:!?)]}»\"”’'".contains(self.atoms[core.end - 1].ch)
            {
                core.end -= 1;
            }
            // Only a word with one of these can be a URL, an address or a domain.
            let candidate = self.atoms[core.clone()]
                .iter()
                .any(|a| matches!(a.ch, '.' | ':' | '@'));
            let word: String = if candidate {
                self.atoms[core.clone()].iter().map(|a| a.ch).collect()
            } else {
                String::new()
            };
            if candidate && url_like(&word) {
                self.in_url[core].fill(true);
            }
            start = end;
        }
    }

    /// The atom that ends where atom `i` starts.
    fn prev_atom(&self, i: usize) -> Option<usize> {
        (i > 0 && self.atoms[i - 1].at.end == self.atoms[i].at.start).then(|| i - 1)
    }

    /// The atom that starts where atom `i` ends.
    fn next_atom(&self, i: usize) -> Option<usize> {
        (i + 1 < self.atoms.len() && self.atoms[i + 1].at.start == self.atoms[i].at.end)
            .then_some(i + 1)
    }

    /// The character just before atom `i`: its neighbour in the prose, else in the file.
    fn before(&self, i: usize) -> Option<char> {
        match self.prev_atom(i) {
            Some(p) => Some(self.atoms[p].ch),
            None => self.source[..self.atoms[i].at.start].chars().next_back(),
        }
    }

    /// The character just after atom `i`: its neighbour in the prose, else in the file.
    fn after(&self, i: usize) -> Option<char> {
        match self.next_atom(i) {
            Some(n) => Some(self.atoms[n].ch),
            None => self.source[self.atoms[i].at.end..].chars().next(),
        }
    }

    fn is_prose_at(&self, byte: usize) -> bool {
        let i = self.atoms.partition_point(|a| a.at.end <= byte);
        self.atoms.get(i).is_some_and(|a| a.at.start <= byte)
    }

    /// Whether something a reader sees comes right before byte `at` on its line: text, or
    /// the end of a placeable, a link or emphasis; not indentation or a TOML string's quote.
    fn text_before(&self, at: usize) -> bool {
        match self.source[..at].chars().next_back() {
            Some(c) if !c.is_whitespace() => {
                !matches!(c, '"' | '\'') || self.is_prose_at(at - c.len_utf8())
            }
            _ => false,
        }
    }

    /// Whether something a reader sees comes right after byte `at` on its line.
    fn text_after(&self, at: usize) -> bool {
        match self.source[at..].chars().next() {
            Some(c) if !c.is_whitespace() => !matches!(c, '"' | '\'') || self.is_prose_at(at),
            _ => false,
        }
    }

    fn line_of(&self, byte: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= byte)
    }

    /// The indices of the atoms that are `ch`, outside URLs.
    fn find(&self, ch: char) -> impl Iterator<Item = usize> + '_ {
        (0..self.atoms.len()).filter(move |&i| self.atoms[i].ch == ch && !self.in_url[i])
    }
}

/// Whether a word is a URL, an e-mail address or a domain name (`chatgpt.com`).
fn url_like(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    if lower.contains("://")
        || ["www.", "mailto:", "tel:"]
            .iter()
            .any(|p| lower.starts_with(p))
    {
        return true;
    }
    if let Some((user, host)) = word.split_once('@') {
        return !user.is_empty() && domain_like(host);
    }
    domain_like(word)
}

fn domain_like(word: &str) -> bool {
    let host = word.split(['/', '?', '#']).next().unwrap_or_default();
    let labels: Vec<&str> = host.split('.').collect();
    let last = labels.last().copied().unwrap_or_default();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && (2..=24).contains(&last.len())
        && last.chars().all(|c| c.is_ascii_alphabetic())
}

/// Where a rule matched: what to underline, the edit, and the fix in words.
struct Hit {
    underline: Range<usize>,
    edit: Range<usize>,
    replacement: String,
    hint: String,
    /// False where this match cannot be fixed unattended although the rule can.
    safe: bool,
}

impl Hit {
    fn replace(at: Range<usize>, replacement: &str, hint: String) -> Hit {
        Hit {
            underline: at.clone(),
            edit: at,
            replacement: replacement.to_string(),
            hint,
            safe: true,
        }
    }
}

/// Names the characters of `text` so that invisible ones can be told apart.
fn describe(text: &str) -> String {
    if text.is_empty() {
        return "nothing".into();
    }
    if text.chars().all(|c| c == ' ') {
        return match text.len() {
            1 => "a space".into(),
            n => format!("{n} spaces"),
        };
    }
    text.chars()
        .map(|c| match c {
            ' ' => "a space".to_string(),
            NBSP => "a no-break space (U+00A0)".to_string(),
            NNBSP => "a narrow no-break space (U+202F)".to_string(),
            c if c.is_ascii_graphic() => c.to_string(),
            c => format!("{c} (U+{:04X})", c as u32),
        })
        .collect::<Vec<_>>()
        .join(" and ")
}

fn in_classes(classes: &[Class], c: Option<char>) -> bool {
    classes.iter().any(|class| match class {
        Class::Letter => c.is_some_and(char::is_alphabetic),
        Class::Digit => c.is_some_and(char::is_numeric),
        Class::WordEnd => c.is_none_or(|c| !c.is_alphanumeric()),
    })
}

fn is_arabic_letter(c: char) -> bool {
    c.is_alphabetic()
        && matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Checks one file's prose with the rules of its language.
fn check_prose(primary: &str, path: &Path, source: &str, atoms: Vec<Atom>) -> Vec<Finding> {
    let prose = Prose::new(source, atoms);
    let rules: Vec<&'static Rule> = RULES.iter().filter(|r| r.applies_to(primary)).collect();
    // Spaces before these are the business of the rules about spaces before punctuation.
    let spaced: Vec<char> = rules
        .iter()
        .flat_map(|rule| match rule.look {
            Look::SpaceBefore { punctuation, .. } => punctuation,
            _ => &[],
        })
        .copied()
        .collect();
    let mut findings: Vec<Finding> = rules
        .iter()
        .flat_map(|&rule| {
            hits(rule, &prose, &spaced)
                .into_iter()
                .map(move |hit| Finding {
                    rule,
                    location: Location::from_range(path, source, hit.underline),
                    edit: hit.edit,
                    replacement: hit.replacement,
                    hint: hit.hint,
                    safe: rule.safe && hit.safe,
                })
        })
        .collect();
    findings.sort_by_key(|f| (f.location.line, f.location.column, f.edit.start));
    findings
}

fn hits(rule: &Rule, prose: &Prose, spaced: &[char]) -> Vec<Hit> {
    let atoms = &prose.atoms;
    let replacement = rule.replacement;
    let mut hits = Vec::new();
    match rule.look {
        Look::Char { ch, before, after } => {
            for i in prose.find(ch) {
                if in_classes(before, prose.before(i)) && in_classes(after, prose.after(i)) {
                    let hint = format!(
                        "write {} instead of {}",
                        describe(replacement),
                        describe(&ch.to_string())
                    );
                    hits.push(Hit::replace(atoms[i].at.clone(), replacement, hint));
                }
            }
        }
        Look::StraightQuotes => {
            let (open, close) = replacement.split_once('…').unwrap_or((replacement, ""));
            let mut by_line: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            for i in prose.find('"') {
                by_line
                    .entry(prose.line_of(atoms[i].at.start))
                    .or_default()
                    .push(i);
            }
            for quotes in by_line.values() {
                let paired = quotes.len() % 2 == 0;
                for (n, &i) in quotes.iter().enumerate() {
                    let opens = if paired {
                        n % 2 == 0
                    } else {
                        prose
                            .before(i)
                            .is_none_or(|c| c.is_whitespace() || "([{«“‘—–-/".contains(c))
                    };
                    let (quote, which) = if opens {
                        (open, "an opening")
                    } else {
                        (close, "a closing")
                    };
                    let mut hint =
                        format!("write {} instead of \" ({which} quote)", describe(quote));
                    if !paired {
                        hint.push_str(
                            "; the straight quotes of this line do not pair up, so check which one opens",
                        );
                    }
                    hits.push(Hit {
                        safe: paired,
                        ..Hit::replace(atoms[i].at.clone(), quote, hint)
                    });
                }
            }
        }
        Look::SpaceBefore {
            spaces,
            punctuation,
        } => {
            for i in (0..atoms.len()).filter(|&i| punctuation.contains(&atoms[i].ch)) {
                if prose.in_url[i] || prose.after(i).is_some_and(char::is_alphanumeric) {
                    continue; // `.ftl`, `:30`
                }
                let mut first = i;
                while let Some(p) = prose.prev_atom(first) {
                    if !spaces.contains(&atoms[p].ch) {
                        break;
                    }
                    first = p;
                }
                let run = atoms[first].at.start..atoms[i].at.start;
                if first == i || !prose.text_before(run.start) {
                    continue;
                }
                let found = &prose.source[run.clone()];
                let ch = atoms[i].ch;
                let hint = if replacement.is_empty() {
                    format!("remove {} before {ch}", describe(found))
                } else {
                    format!(
                        "write {} instead of {} before {ch}",
                        describe(replacement),
                        describe(found)
                    )
                };
                hits.push(Hit::replace(run, replacement, hint));
            }
        }
        Look::NoSpaceBefore { punctuation } => {
            for i in (0..atoms.len()).filter(|&i| punctuation.contains(&atoms[i].ch)) {
                let Some(p) = prose.prev_atom(i) else {
                    continue;
                };
                // After a URL (`chatgpt.com:`) or inside one, or before more text (`a:b`).
                if prose.in_url[i]
                    || prose.in_url[p]
                    || !atoms[p].ch.is_alphabetic()
                    || prose
                        .after(i)
                        .is_some_and(|c| c.is_alphanumeric() || c == '/')
                {
                    continue;
                }
                let at = atoms[i].at.start;
                hits.push(Hit {
                    underline: atoms[i].at.clone(),
                    edit: at..at,
                    replacement: replacement.to_string(),
                    hint: format!("insert {} before {}", describe(replacement), atoms[i].ch),
                    safe: true,
                });
            }
        }
        Look::SpaceInside { open, close } => {
            let wanted = replacement.chars().next();
            for i in prose.find(open) {
                let next = prose.next_atom(i);
                match next.map(|n| atoms[n].ch) {
                    Some(c) if Some(c) == wanted => {}
                    Some(c @ (' ' | NBSP)) => {
                        let hint = format!(
                            "write {} instead of {} after {open}",
                            describe(replacement),
                            describe(&c.to_string())
                        );
                        let n = next.unwrap_or(i);
                        hits.push(Hit::replace(atoms[n].at.clone(), replacement, hint));
                    }
                    _ if prose.after(i).is_none_or(char::is_whitespace) => {}
                    _ => {
                        let at = atoms[i].at.end;
                        hits.push(Hit {
                            underline: atoms[i].at.clone(),
                            edit: at..at,
                            replacement: replacement.to_string(),
                            hint: format!("insert {} after {open}", describe(replacement)),
                            safe: true,
                        });
                    }
                }
            }
            for i in prose.find(close) {
                let previous = prose.prev_atom(i);
                match previous.map(|p| atoms[p].ch) {
                    Some(c) if Some(c) == wanted => {}
                    Some(c @ (' ' | NBSP)) => {
                        let hint = format!(
                            "write {} instead of {} before {close}",
                            describe(replacement),
                            describe(&c.to_string())
                        );
                        let p = previous.unwrap_or(i);
                        hits.push(Hit::replace(atoms[p].at.clone(), replacement, hint));
                    }
                    _ if prose.before(i).is_none_or(char::is_whitespace) => {}
                    _ => {
                        let at = atoms[i].at.start;
                        hits.push(Hit {
                            underline: atoms[i].at.clone(),
                            edit: at..at,
                            replacement: replacement.to_string(),
                            hint: format!("insert {} before {close}", describe(replacement)),
                            safe: true,
                        });
                    }
                }
            }
        }
        Look::SpaceAfterNumber { not_after } => {
            for i in prose.find(' ') {
                let (Some(p), Some(n)) = (prose.prev_atom(i), prose.next_atom(i)) else {
                    continue;
                };
                if !atoms[p].ch.is_numeric()
                    || !atoms[n].ch.is_alphabetic()
                    || prose.in_url[p]
                    || prose.in_url[n]
                {
                    continue;
                }
                // The whole number, group separators included (`2 000`, `1,5`).
                let mut first = p;
                while let Some(q) = prose.prev_atom(first) {
                    let c = atoms[q].ch;
                    if !(c.is_numeric() || matches!(c, NBSP | NNBSP | '.' | ',')) {
                        break;
                    }
                    first = q;
                }
                // Part of a name, a code, a time or a telephone number: `A4`, `12:30`,
                // `+1-800-242-8478`.
                if prose
                    .before(first)
                    .is_some_and(|c| c.is_alphanumeric() || "-+/_.,:".contains(c))
                {
                    continue;
                }
                // The word before the number, across one space: `janvier 2026`.
                // Only as long as the longest of `not_after` can be, so a long run of letters
                // costs no more than a short one.
                let mut word: Vec<char> = Vec::new();
                if prose.before(first) == Some(' ')
                    && let Some(space) = prose.prev_atom(first)
                {
                    let mut w = space;
                    while let Some(q) = prose.prev_atom(w).filter(|&q| atoms[q].ch.is_alphabetic())
                    {
                        word.push(atoms[q].ch);
                        w = q;
                        if word.len() > 16 {
                            break;
                        }
                    }
                }
                let word: String = word.iter().rev().collect::<String>().to_lowercase();
                if not_after.contains(&word.as_str()) {
                    continue;
                }
                let number = &prose.source[atoms[first].at.start..atoms[p].at.end];
                let hint = format!(
                    "write {} instead of a space after {number}",
                    describe(replacement)
                );
                hits.push(Hit::replace(atoms[i].at.clone(), replacement, hint));
            }
        }
        Look::NameSuffix {
            names,
            suffix_initials,
        } => {
            for name in names {
                let name_chars: Vec<char> = name.chars().collect();
                for i in 0..atoms.len() {
                    if prose.in_url[i] || prose.before(i).is_some_and(char::is_alphanumeric) {
                        continue;
                    }
                    // The name, letter by letter, in touching atoms.
                    let mut last = i;
                    let mut matches = atoms[i].ch == name_chars[0];
                    for &c in &name_chars[1..] {
                        match prose.next_atom(last) {
                            Some(n) if matches && atoms[n].ch == c => last = n,
                            _ => matches = false,
                        }
                    }
                    if !matches {
                        continue;
                    }
                    let Some(suffix_start) = prose.next_atom(last) else {
                        continue;
                    };
                    let mut end = last;
                    while let Some(n) = prose.next_atom(end) {
                        if !atoms[n].ch.is_lowercase() {
                            break;
                        }
                        end = n;
                    }
                    if end == last
                        || !suffix_initials.contains(atoms[suffix_start].ch)
                        || prose.after(end).is_some_and(char::is_alphanumeric)
                    {
                        continue;
                    }
                    let suffix = &prose.source[atoms[suffix_start].at.start..atoms[end].at.end];
                    let at = atoms[suffix_start].at.start;
                    hits.push(Hit {
                        underline: atoms[i].at.start..atoms[end].at.end,
                        edit: at..at,
                        replacement: replacement.to_string(),
                        hint: format!(
                            "insert {} before the suffix: {name}{replacement}{suffix}",
                            describe(replacement)
                        ),
                        safe: true,
                    });
                }
            }
        }
        Look::AfterArabicLetter { ch } => {
            const CLOSERS: &str = ")]\"”»’'*_";
            for i in prose.find(ch) {
                let mut at = atoms[i].at.start;
                let after_letter = loop {
                    match prose.source[..at].chars().next_back() {
                        Some(c) if CLOSERS.contains(c) => at -= c.len_utf8(),
                        Some(c) => break is_arabic_letter(c),
                        None => break false,
                    }
                };
                if after_letter {
                    let hint = format!(
                        "write {} instead of {}",
                        describe(replacement),
                        describe(&ch.to_string())
                    );
                    hits.push(Hit::replace(atoms[i].at.clone(), replacement, hint));
                }
            }
        }
        Look::RepeatedSpaces => {
            let mut i = 0;
            while i < atoms.len() {
                if atoms[i].ch != ' ' || prose.in_url[i] {
                    i += 1;
                    continue;
                }
                let mut last = i;
                while let Some(n) = prose.next_atom(last).filter(|&n| atoms[n].ch == ' ') {
                    last = n;
                }
                let run = atoms[i].at.start..atoms[last].at.end;
                if last > i
                    && prose.text_before(run.start)
                    && prose.text_after(run.end)
                    && !prose.after(last).is_some_and(|c| spaced.contains(&c))
                {
                    let hint = format!(
                        "write one space instead of {}",
                        describe(&prose.source[run.clone()])
                    );
                    hits.push(Hit::replace(run, replacement, hint));
                }
                i = last + 1;
            }
        }
    }
    hits
}

/// The prose of a Fluent file: the text of each message, term and attribute for which `keep`
/// holds (by id, terms with their `-`), variants of selects included.
fn fluent_prose(source: &str, keep: impl Fn(&str) -> bool) -> Vec<Atom> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    let mut atoms = Vec::new();
    for entry in &resource.body {
        let (id, value, attributes) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_string(), m.value.as_ref(), &m.attributes),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
            _ => continue,
        };
        if !keep(&id) {
            continue;
        }
        for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
            pattern_prose(source, pattern, &mut atoms);
        }
    }
    atoms
}

fn pattern_prose(source: &str, pattern: &ast::Pattern<&str>, atoms: &mut Vec<Atom>) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                if let Some(start) = offset_in(source, value) {
                    atoms_of(value, start, atoms);
                }
            }
            ast::PatternElement::Placeable { expression } => {
                expression_prose(source, expression, atoms)
            }
        }
    }
}

/// The variants of selects are prose; the rest of a placeable is not.
fn expression_prose(source: &str, expression: &ast::Expression<&str>, atoms: &mut Vec<Atom>) {
    match expression {
        ast::Expression::Select { variants, .. } => {
            for variant in variants {
                pattern_prose(source, &variant.value, atoms);
            }
        }
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            expression_prose(source, expression, atoms)
        }
        ast::Expression::Inline(_) => {}
    }
}

/// Where `part`, a slice the parser took from `source`, starts in it.
fn offset_in(source: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(source.as_ptr() as usize)?;
    (source.get(start..start + part.len()) == Some(part)).then_some(start)
}

/// The texts of a page's front matter that readers see.
#[derive(Deserialize)]
struct FrontTexts {
    title: Option<Spanned<String>>,
    description: Option<Spanned<String>>,
    #[serde(default)]
    phases: BTreeMap<String, PhaseTexts>,
}

#[derive(Deserialize)]
struct PhaseTexts {
    title: Option<Spanned<String>>,
    description: Option<Spanned<String>>,
}

/// The prose of a page: the front matter's texts for which `keep` holds (by name: `title`,
/// `ended.description`), and the Markdown.
fn page_prose(text: &str, keep: impl Fn(&str, &str) -> bool) -> Vec<Atom> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let Ok((front, body_start)) = split_front_matter(&text[bom..]) else {
        return Vec::new();
    };
    let front = bom + front.start..bom + front.end;
    let mut atoms = Vec::new();
    if let Ok(texts) = toml::from_str::<FrontTexts>(&text[front.clone()]) {
        let mut fields = vec![
            ("title".to_string(), texts.title),
            ("description".to_string(), texts.description),
        ];
        for (phase, t) in texts.phases {
            fields.push((format!("{phase}.title"), t.title));
            fields.push((format!("{phase}.description"), t.description));
        }
        for (name, value) in fields {
            let Some(value) = value else { continue };
            if keep(&name, value.get_ref()) {
                let span = value.span();
                let span = front.start + span.start..front.start + span.end;
                atoms.extend(toml_string_atoms(text, span, value.get_ref()));
            }
        }
    }
    atoms.extend(markdown_prose(text, bom + body_start));
    atoms
}

/// The characters of the TOML string written at `span` of `text`, each with the bytes that
/// write it (an escape such as `\"` is one character). Nothing when they do not spell `value`.
fn toml_string_atoms(text: &str, span: Range<usize>, value: &str) -> Vec<Atom> {
    let Some(raw) = text.get(span.clone()) else {
        return Vec::new();
    };
    let (delimiter, basic) = match raw {
        _ if raw.starts_with("\"\"\"") => ("\"\"\"", true),
        _ if raw.starts_with("'''") => ("'''", false),
        _ if raw.starts_with('"') => ("\"", true),
        _ if raw.starts_with('\'') => ("'", false),
        _ => return Vec::new(),
    };
    if raw.len() < 2 * delimiter.len() || !raw.ends_with(delimiter) {
        return Vec::new();
    }
    let mut start = span.start + delimiter.len();
    let end = span.end - delimiter.len();
    // A newline right after a multi-line string's opening delimiter is not part of it.
    if delimiter.len() == 3 {
        for newline in ["\r\n", "\n"] {
            if text[start..end].starts_with(newline) {
                start += newline.len();
                break;
            }
        }
    }
    let inner = &text[start..end];
    let mut atoms = Vec::new();
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !(basic && c == '\\') {
            atoms.push(Atom {
                ch: c,
                at: start + i..start + i + c.len_utf8(),
            });
            continue;
        }
        let Some((_, kind)) = chars.next() else {
            return Vec::new();
        };
        let decoded = match kind {
            'b' => Some('\u{8}'),
            't' => Some('\t'),
            'n' => Some('\n'),
            'f' => Some('\u{c}'),
            'r' => Some('\r'),
            'e' => Some('\u{1b}'),
            '"' => Some('"'),
            '\\' => Some('\\'),
            'x' | 'u' | 'U' => {
                let digits = match kind {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = (0..digits)
                    .filter_map(|_| chars.next())
                    .map(|(_, c)| c)
                    .collect();
                u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
            }
            // A line-ending backslash: the whitespace and newlines after it go.
            c if c.is_whitespace() => {
                while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
                continue;
            }
            _ => None,
        };
        let Some(decoded) = decoded else {
            return Vec::new();
        };
        let escape_end = chars.peek().map_or(end, |(j, _)| start + j);
        atoms.push(Atom {
            ch: decoded,
            at: start + i..escape_end,
        });
    }
    if atoms.iter().map(|a| a.ch).ne(value.chars()) {
        return Vec::new();
    }
    atoms
}

/// The prose of a page's Markdown body, which starts at `body_start` of `text`.
fn markdown_prose(text: &str, body_start: usize) -> Vec<Atom> {
    let body = &text[body_start..];
    // Phase-block fences become blank lines: they are gone from every rendered page.
    let mut masked = String::with_capacity(body.len());
    for line in body.split_inclusive('\n') {
        if line.trim().starts_with(":::") {
            let content = line.trim_end_matches(['\n', '\r']).len();
            masked.extend(std::iter::repeat_n(' ', content));
            masked.push_str(&line[content..]);
        } else {
            masked.push_str(line);
        }
    }
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    let mut atoms = Vec::new();
    let mut code_blocks = 0usize;
    // For each open link, whether it is an autolink (`<https://…>`), whose text is its URL.
    let mut links: Vec<bool> = Vec::new();
    for (event, range) in Parser::new_ext(&masked, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => code_blocks += 1,
            Event::End(TagEnd::CodeBlock) => code_blocks = code_blocks.saturating_sub(1),
            Event::Start(Tag::Link { link_type, .. }) => {
                links.push(matches!(link_type, LinkType::Autolink | LinkType::Email));
            }
            Event::End(TagEnd::Link) => {
                links.pop();
            }
            Event::Text(t) if code_blocks == 0 && !links.contains(&true) => {
                let raw = &masked[range.clone()];
                let start = body_start + range.start;
                if raw == &*t {
                    atoms_of(raw, start, &mut atoms);
                } else if let (Some(ch), 1) = (t.chars().next(), t.chars().count()) {
                    // An escape (`\"`) or an entity (`&quot;`) for one character.
                    if raw.starts_with(['\\', '&']) {
                        atoms.push(Atom {
                            ch,
                            at: start..body_start + range.end,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    let placeholders = placeholder_ranges(body);
    atoms.retain(|a| {
        !placeholders
            .iter()
            .any(|p| p.contains(&(a.at.start - body_start)))
    });
    atoms
}

/// The `{{ … }}` of a Markdown text, each on one line.
fn placeholder_ranges(body: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        let mut from = 0;
        while let Some(open) = line[from..].find("{{").map(|i| from + i) {
            // No `}}` after this `{{`: none after a later one either.
            let Some(close) = line[open + 2..].find("}}") else {
                break;
            };
            let end = open + 2 + close + 2;
            ranges.push(line_start + open..line_start + end);
            from = end;
        }
        line_start += line.len();
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The findings of `source` as a file of `path` in language `lang`: each as code, line,
    /// column, the underlined text and the text after its fix.
    fn found(lang: &str, path: &str, source: &str) -> Vec<Finding> {
        let atoms = if path.ends_with(".ftl") {
            fluent_prose(source, |_| true)
        } else {
            page_prose(source, |_, _| true)
        };
        check_prose(lang, Path::new(path), source, atoms)
    }

    /// (code, line, column, underlined text, replacement, safe)
    fn summary(findings: &[Finding]) -> Vec<(&'static str, usize, usize, String, String, bool)> {
        findings
            .iter()
            .map(|f| {
                let l = &f.location;
                (
                    f.rule.code,
                    l.line,
                    l.column,
                    l.line_text[l.span.clone()].to_string(),
                    f.replacement.clone(),
                    f.safe,
                )
            })
            .collect()
    }

    fn ftl(lang: &str, source: &str) -> Vec<(&'static str, usize, usize, String, String, bool)> {
        summary(&found(lang, "locales/x/main.ftl", source))
    }

    fn md(lang: &str, source: &str) -> Vec<(&'static str, usize, usize, String, String, bool)> {
        summary(&found(lang, "content/x/page.md", source))
    }

    /// `source` with every safe fix made, as `check --fix` does, until nothing safe is left.
    fn fixed(lang: &str, path: &str, source: &str) -> String {
        let mut text = source.to_string();
        for _ in 0..5 {
            let findings = found(lang, path, &text);
            if !findings.iter().any(|f| f.safe) {
                break;
            }
            text = fix(&text, &findings);
        }
        text
    }

    const FRONT: &str = "+++\ntitle = \"T\"\ndescription = \"D\"\n+++\n";

    fn row(
        code: &'static str,
        line: usize,
        column: usize,
        underlined: &str,
        replacement: &str,
        safe: bool,
    ) -> (&'static str, usize, usize, String, String, bool) {
        (
            code,
            line,
            column,
            underlined.to_string(),
            replacement.to_string(),
            safe,
        )
    }

    #[test]
    fn english_apostrophes() {
        assert_eq!(
            ftl("en", "a = It's the users' chats\n"),
            [
                row("typography-apostrophe", 1, 7, "'", "’", true),
                row("typography-apostrophe", 1, 19, "'", "’", true),
            ]
        );
        let fixed = fixed("en", "locales/en/main.ftl", "a = It's the users' chats\n");
        assert_eq!(fixed, "a = It’s the users’ chats\n");
        // Opening quotes, digits and code are not apostrophes.
        assert!(ftl("en", "a = the '90s, 'quoted\n").is_empty());
        assert!(md("en", &format!("{FRONT}Run `it's` and {{{{ it's }}}}.\n")).is_empty());
    }

    #[test]
    fn english_quotes_pair_on_a_line() {
        let text = "a = Say \"yes\" now\nb = a \"lone quote\n";
        assert_eq!(
            ftl("en", text),
            [
                row("typography-quotes", 1, 9, "\"", "“", true),
                row("typography-quotes", 1, 13, "\"", "”", true),
                row("typography-quotes", 2, 7, "\"", "“", false),
            ]
        );
        assert_eq!(
            fixed("en", "locales/en/main.ftl", text),
            "a = Say “yes” now\nb = a \"lone quote\n"
        );
        // A string literal in a placeable is not prose.
        assert!(ftl("en", "a = { \"\\\"\" } and { $x }\n").is_empty());
    }

    #[test]
    fn french_spacing_before_high_punctuation() {
        let text = "a = Quand ? Bientôt\u{A0}! Voici: fin\nb = Déjà\u{202F}; bien\u{202F}?\n";
        assert_eq!(
            ftl("fr", text),
            [
                row("typography-french-spacing", 1, 10, " ", "\u{202F}", true),
                row(
                    "typography-french-spacing",
                    1,
                    20,
                    "\u{A0}",
                    "\u{202F}",
                    true
                ),
                row("typography-french-spacing", 1, 28, ":", "\u{202F}", true),
            ]
        );
        assert_eq!(
            fixed("fr", "locales/fr/main.ftl", text),
            "a = Quand\u{202F}? Bientôt\u{202F}! Voici\u{202F}: fin\nb = Déjà\u{202F}; bien\u{202F}?\n"
        );
        let hint = &found("fr", "locales/fr/main.ftl", text)[0].hint;
        assert_eq!(
            hint,
            "write a narrow no-break space (U+202F) instead of a space before ?"
        );
    }

    #[test]
    fn french_spacing_leaves_urls_times_and_syntax_alone() {
        for text in [
            "a = à 12:30 précises\n",
            "a = sur https://chatgpt.com/?q=1 ou mailto:aide@example.org\n",
            "a = sur chatgpt.com? Non\n",
            "a = Voir chatgpt.com: la page\n",
            "a = { $x }: { $y }\n",
            "a = Texte\u{202F}: bien\n",
        ] {
            assert_eq!(ftl("fr", text), [], "{text}");
        }
        let page = format!(
            "{FRONT}## Quand\u{202F}? {{#when}}\n\n::: upcoming last-day\nVoir `a: b` et <https://x.org/a?b>.\n:::\n\n[lien](https://x.org/?a=b:c)\n\n```\nclé: valeur\n```\n"
        );
        assert_eq!(md("fr", &page), []);
    }

    #[test]
    fn french_guillemets_and_numbers() {
        let text = "a = Le « bouton » et «lien» le 15 janvier, 50 millions\n";
        // The year of a date is not the quantity of the word after it.
        assert!(ftl("fr", "a = Le 15\u{A0}janvier 2026 était le jour\n").is_empty());
        assert_eq!(
            ftl("fr", text),
            [
                row("typography-guillemets", 1, 9, " ", "\u{202F}", true),
                row("typography-guillemets", 1, 16, " ", "\u{202F}", true),
                row("typography-guillemets", 1, 22, "«", "\u{202F}", true),
                row("typography-guillemets", 1, 27, "»", "\u{202F}", true),
                row("typography-number-space", 1, 34, " ", "\u{A0}", true),
                row("typography-number-space", 1, 46, " ", "\u{A0}", true),
            ]
        );
        assert_eq!(
            fixed("fr", "locales/fr/main.ftl", text),
            "a = Le «\u{202F}bouton\u{202F}» et «\u{202F}lien\u{202F}» le 15\u{A0}janvier, 50\u{A0}millions\n"
        );
        // Telephone numbers, codes and numbers before a number or punctuation.
        assert!(
            ftl(
                "fr",
                "a = +1-800-242-8478 puis A4 feuille, à 12:30 heures, 2\u{A0}000\u{A0}euros, 3 4\n"
            )
            .is_empty()
        );
    }

    #[test]
    fn french_quotes_and_apostrophes() {
        assert_eq!(
            ftl("fr", "a = l'« app » et \"ceci\"\n"),
            [
                row("typography-apostrophe", 1, 6, "'", "’", true),
                row("typography-guillemets", 1, 8, " ", "\u{202F}", true),
                row("typography-guillemets", 1, 12, " ", "\u{202F}", true),
                row("typography-quotes", 1, 18, "\"", "«\u{202F}", false),
                row("typography-quotes", 1, 23, "\"", "\u{202F}»", false),
            ]
        );
    }

    #[test]
    fn turkish_apostrophes_and_suffixes() {
        let text = "a = WhatsAppta ve ChatGPT'yi, 2024'te APIler; Meta AI ve iOS.\n";
        assert_eq!(
            ftl("tr", text),
            [
                row("typography-turkish-suffix", 1, 5, "WhatsAppta", "’", true),
                row("typography-apostrophe", 1, 26, "'", "’", true),
                row("typography-apostrophe", 1, 35, "'", "’", true),
                row("typography-turkish-suffix", 1, 39, "APIler", "’", true),
            ]
        );
        assert_eq!(
            fixed("tr", "locales/tr/main.ftl", text),
            "a = WhatsApp’ta ve ChatGPT’yi, 2024’te API’ler; Meta AI ve iOS.\n"
        );
        let hint = &found("tr", "locales/tr/main.ftl", text)[0].hint;
        assert_eq!(hint, "insert ’ (U+2019) before the suffix: WhatsApp’ta");
        // Already right, or another word.
        assert_eq!(
            ftl("tr", "a = WhatsApp’ta, Metaforlar, Pokemon ve ChatGPTde’\n"),
            [row(
                "typography-turkish-suffix",
                1,
                41,
                "ChatGPTde",
                "’",
                true
            )]
        );
        assert!(ftl("tr", "a = WhatsApp’ta ve Meta’nın\n").is_empty());
    }

    #[test]
    fn arabic_punctuation() {
        let text = "a = مرحبا, كيف حالك? (نعم), 1,000 و ChatGPT, ثم؛\n";
        assert_eq!(
            ftl("ar", text),
            [
                row("typography-arabic-punctuation", 1, 10, ",", "،", true),
                row("typography-arabic-punctuation", 1, 20, "?", "؟", true),
                row("typography-arabic-punctuation", 1, 27, ",", "،", true),
            ]
        );
        assert_eq!(
            fixed("ar", "locales/ar/main.ftl", text),
            "a = مرحبا، كيف حالك؟ (نعم)، 1,000 و ChatGPT, ثم؛\n"
        );
    }

    #[test]
    fn indonesian_quotes_and_apostrophes() {
        let text = "a = Klik \"Tautkan\" di Jum'at, '90\n";
        assert_eq!(
            ftl("id", text),
            [
                row("typography-quotes", 1, 10, "\"", "“", true),
                row("typography-quotes", 1, 18, "\"", "”", true),
                row("typography-apostrophe", 1, 26, "'", "’", true),
            ]
        );
    }

    #[test]
    fn spaces_before_punctuation_and_repeated_spaces() {
        let text = "a = Hello , world  again .\n    next  line\n";
        assert_eq!(
            ftl("en", text),
            [
                row("typography-space-before-punctuation", 1, 10, " ", "", true),
                row("typography-repeated-spaces", 1, 18, "  ", " ", true),
                row("typography-space-before-punctuation", 1, 25, " ", "", true),
                row("typography-repeated-spaces", 2, 9, "  ", " ", true),
            ]
        );
        assert_eq!(
            fixed("en", "locales/en/main.ftl", text),
            "a = Hello, world again.\n    next line\n"
        );
        // Indentation, line ends, placeables, file extensions: not prose spacing.
        for text in [
            "a =\n    Indented\n        more\n",
            "a = { $x } { $y }\n",
            "b = see the .ftl files\n",
            "c = { $n ->\n    [one] one\n   *[other] many\n}\n",
        ] {
            assert_eq!(ftl("en", text), [], "{text}");
        }
        // French keeps its own space before ; : ! ?, but not before a comma.
        assert_eq!(
            ftl("fr", "a = Oui\u{202F}: non , si\n"),
            [row(
                "typography-space-before-punctuation",
                1,
                14,
                " ",
                "",
                true
            )]
        );
    }

    #[test]
    fn markdown_structure_is_not_prose() {
        let page = "+++\ntitle = \"It's \\\"here\\\"\"\ndescription = 'D'\n[phases.ended]\ntitle = \"Gone , now\"\n+++\n- item  one\n\n1. **Bold** text\n\n> quote\n\n[It's a link](https://example.org/it's) and <https://a.org/x's>\n\n    code  block's\n\n| a  | b |\n| -- | - |\n| c | d |\n";
        assert_eq!(
            md("en", page),
            [
                row("typography-apostrophe", 2, 12, "'", "’", true),
                row("typography-quotes", 2, 15, "\\\"", "“", true),
                row("typography-quotes", 2, 21, "\\\"", "”", true),
                row("typography-space-before-punctuation", 5, 14, " ", "", true),
                row("typography-repeated-spaces", 7, 7, "  ", " ", true),
                row("typography-apostrophe", 13, 4, "'", "’", true),
            ]
        );
        let fixed = fixed("en", "content/en/page.md", page);
        assert!(
            fixed.starts_with("+++\ntitle = \"It’s “here”\"\n"),
            "{fixed}"
        );
        assert!(fixed.contains("title = \"Gone, now\""), "{fixed}");
        assert!(
            fixed.contains("[It’s a link](https://example.org/it's)"),
            "{fixed}"
        );
    }

    #[test]
    fn front_matter_strings_of_every_kind() {
        let page = "+++\ntitle = '''It's'''\ndescription = \"\"\"\nSay \\u0022hi\\u0022 \\\n  now\"\"\"\n[phases.ended]\ndescription = 'Gone  now'\n+++\nBody.\n";
        assert_eq!(
            md("en", page),
            [
                row("typography-apostrophe", 2, 14, "'", "’", true),
                row("typography-quotes", 4, 5, "\\u0022", "“", true),
                row("typography-quotes", 4, 13, "\\u0022", "”", true),
                row("typography-repeated-spaces", 7, 20, "  ", " ", true),
            ]
        );
        let fixed = fixed("en", "content/en/page.md", page);
        assert!(fixed.contains("title = '''It’s'''"), "{fixed}");
        assert!(fixed.contains("Say “hi” \\\n  now"), "{fixed}");
        assert!(fixed.contains("description = 'Gone now'"), "{fixed}");
        // Still TOML that reads as the fixed text.
        let front = fixed.split("+++\n").nth(1).unwrap();
        let value: toml::Table = toml::from_str(front).unwrap();
        assert_eq!(value["description"].as_str(), Some("Say “hi” now"));
    }

    #[test]
    fn long_runs_cost_no_more_than_short_ones() {
        // Each of these once took time growing with the square of the run's length.
        let letters = "a".repeat(200_000);
        let braces = "{{".repeat(100_000);
        let started = std::time::Instant::now();
        assert_eq!(ftl("fr", &format!("a = {letters} 1 x\n")).len(), 1);
        assert!(md("en", &format!("{FRONT}{braces}\n")).is_empty());
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
    }

    #[test]
    fn copies_are_left_to_the_default_language() {
        use crate::content::ContentFile;
        use crate::i18n::LocaleFile;
        let config = crate::config::parse(
            Path::new("site.toml"),
            "base_url = \"https://example.org/\"\n[notice]\nend_date = 2026-01-15\n\
             time_zone = \"UTC\"\n[[languages]]\ncode = \"en\"\n[[languages]]\ncode = \"fr-CA\"\n",
        )
        .unwrap();
        let page = |lang: &str, title: &str, description: &str, body: &str| ContentFile {
            path: format!("content/{lang}/faq.md").into(),
            text: format!(
                "+++\ntitle = \"{title}\"\ndescription = \"{description}\"\n+++\n{body}\n"
            ),
        };
        let locale = |lang: &str, text: &str| LocaleFile {
            language: lang.into(),
            path: format!("locales/{lang}/main.ftl").into(),
            text: text.into(),
        };
        let sources = Sources {
            config: String::new(),
            content: vec![
                page("en", "FAQ: help", "Help: here", "Why? Because."),
                page("fr-CA", "FAQ: help", "Aide: ici", "Pourquoi? Parce que."),
            ],
            locales: vec![
                locale("en", "a = Note: this\nb = Note: that\n"),
                locale("fr-CA", "a = Note: this\nb = Note: ceci\n"),
            ],
            templates: Vec::new(),
            statics: Vec::new(),
        };
        let (pages, problems) = crate::content::parse_pages(&config, &sources.content);
        assert!(problems.is_empty(), "{problems:?}");
        let found: Vec<(String, usize, usize)> = typography_findings(&config, &sources, &pages)
            .into_iter()
            .map(|f| {
                (
                    f.location.path.display().to_string(),
                    f.location.line,
                    f.location.column,
                )
            })
            .collect();
        // The French title and message `a` are still the English: not French text to check.
        assert_eq!(
            found,
            [
                ("locales/fr-CA/main.ftl".to_string(), 2, 9),
                ("content/fr-CA/faq.md".to_string(), 3, 20),
                ("content/fr-CA/faq.md".to_string(), 5, 9),
            ]
        );
        // A page that is the default language's, whole, is not checked either.
        let mut copied = sources.clone();
        copied.content[1] = page("fr-CA", "FAQ fr", "Aide", "Why? Because.");
        let (pages, _) = crate::content::parse_pages(&config, &copied.content);
        assert!(
            typography_findings(&config, &copied, &pages)
                .iter()
                .all(|f| !f.location.path.starts_with("content"))
        );
    }

    #[test]
    fn the_primary_subtag_chooses_the_rules() {
        assert_eq!(primary_subtag("fr-CA"), "fr");
        assert_eq!(primary_subtag("pt_BR"), "pt");
        assert_eq!(
            ftl(&primary_subtag("fr-CA"), "a = Quand ?\n")[0].0,
            "typography-french-spacing"
        );
    }

    #[test]
    fn fixes_apply_from_the_end_and_never_overlap() {
        let text = "a = «  x» d'a\n";
        let findings = found("fr", "locales/fr/main.ftl", text);
        // The space after « and the two spaces overlap: one fix now, the other on the next
        // pass.
        let once = fix(text, &findings);
        assert!(once.len() < text.len() + 20);
        assert_eq!(
            fixed("fr", "locales/fr/main.ftl", text),
            "a = «\u{202F}x\u{202F}» d’a\n"
        );
        // Unsafe, out of bounds or inside a character: never applied.
        let mut odd = findings[0].clone();
        odd.edit = 5..6; // inside «
        assert_eq!(fix(text, &[odd.clone()]), text);
        odd.edit = 100..101;
        assert_eq!(fix(text, &[odd.clone()]), text);
        odd.edit = 0..1;
        odd.safe = false;
        assert_eq!(fix(text, &[odd]), text);
        // Two identical insertions insert once.
        let insert = |at: usize| Finding {
            edit: at..at,
            replacement: "\u{202F}".into(),
            safe: true,
            ..findings[0].clone()
        };
        assert_eq!(fix("a:b", &[insert(1), insert(1)]), "a\u{202F}:b");
        assert_eq!(
            fixes("a:b", &[insert(1), insert(2), insert(1)]).len(),
            2,
            "one per place"
        );
    }

    #[test]
    fn every_rule_row_is_consistent() {
        for rule in RULES {
            assert!(rule.code.starts_with("typography-"), "{}", rule.code);
            if rule.look == Look::StraightQuotes {
                assert!(rule.replacement.contains('…'), "{}", rule.code);
            }
        }
    }
}
