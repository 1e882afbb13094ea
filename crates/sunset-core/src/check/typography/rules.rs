//! The typographic rules of each language, as data.

pub(super) const NBSP: char = '\u{A0}';
pub(super) const NNBSP: char = '\u{202F}';

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
    pub(super) fn applies_to(&self, primary: &str) -> bool {
        (self.languages.is_empty() || self.languages.contains(&primary))
            && !self.except.contains(&primary)
    }
}

pub(super) const EVERY_LANGUAGE: &[&str] = &[];
pub(super) const NO_LANGUAGE: &[&str] = &[];
pub(super) const FRENCH_SPACED: &[char] = &[';', ':', '!', '?'];
pub(super) const FRENCH_MONTHS: &[&str] = &[
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
    // English and French
    Rule {
        code: "typography-apostrophe",
        languages: &["en", "fr"],
        except: NO_LANGUAGE,
        look: Look::Char {
            ch: '\'',
            before: &[Class::Letter],
            after: &[Class::Letter, Class::WordEnd],
        },
        replacement: "’",
        safe: true,
        message: "a straight apostrophe ('): English and French typography use ’",
    },
    // English
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
