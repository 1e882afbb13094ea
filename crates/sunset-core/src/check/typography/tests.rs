use super::matching::*;
use super::prose::*;
use super::rules::*;
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

/// Each of these once took time growing with the square of the run's length (the fuzz
/// targets found them); their findings are checked here, their speed by `cargo bench`.
#[test]
fn long_runs_are_read_whole() {
    let letters = "a".repeat(200_000);
    let braces = "{{".repeat(100_000);
    assert_eq!(ftl("fr", &format!("a = {letters} 1 x\n")).len(), 1);
    assert!(md("en", &format!("{FRONT}{braces}\n")).is_empty());
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
        text: format!("+++\ntitle = \"{title}\"\ndescription = \"{description}\"\n+++\n{body}\n")
            .into(),
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
    let found: Vec<(String, usize, usize)> = typography_findings(
        &config,
        &sources,
        &crate::messages::by_language(&sources.locales),
        &pages,
    )
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
        typography_findings(
            &config,
            &copied,
            &crate::messages::by_language(&copied.locales),
            &pages
        )
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
