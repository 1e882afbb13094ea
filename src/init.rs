//! `init`: a new notice site, from the starter in `starter/` and the default templates.
//!
//! Languages without a starter translation get the default language's text to translate;
//! `check` lists each such message, so the new site builds and passes `check` at once.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::check;
use crate::config;
use crate::content::{self, ContentFile};
use crate::diagnostics::Diagnostic;
use crate::i18n::LocaleFile;
use crate::stamp;

/// The starter's files, by path in the new site; `{lang}` folders are written per language.
const STARTER: [(&str, &str); 5] = [
    ("site.toml", include_str!("../starter/site.toml")),
    (
        "content/{lang}/index.md",
        include_str!("../starter/content/en/index.md"),
    ),
    (
        "content/{lang}/faq.md",
        include_str!("../starter/content/en/faq.md"),
    ),
    (
        "content/{lang}/link-account.md",
        include_str!("../starter/content/en/link-account.md"),
    ),
    (
        "locales/{lang}/main.ftl",
        include_str!("../starter/locales/en/main.ftl"),
    ),
];

/// The default templates and static files: the ones this repository's site uses.
pub const DEFAULT_THEME: [(&str, &str); 11] = [
    (
        "templates/base.html",
        include_str!("../templates/base.html"),
    ),
    (
        "templates/notice.html",
        include_str!("../templates/notice.html"),
    ),
    ("templates/faq.html", include_str!("../templates/faq.html")),
    (
        "templates/steps.html",
        include_str!("../templates/steps.html"),
    ),
    (
        "templates/root.html",
        include_str!("../templates/root.html"),
    ),
    ("templates/404.html", include_str!("../templates/404.html")),
    (
        "templates/page.html",
        include_str!("../templates/page.html"),
    ),
    (
        "templates/partials/languages.html",
        include_str!("../templates/partials/languages.html"),
    ),
    (
        "templates/partials/status.html",
        include_str!("../templates/partials/status.html"),
    ),
    (
        "templates/partials/style.css",
        include_str!("../templates/partials/style.css"),
    ),
    ("static/favicon.svg", include_str!("../static/favicon.svg")),
];

/// Names of languages in their own script, for the ones this project has used.
const NATIVE_NAMES: [(&str, &str); 5] = [
    ("en", "English"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
    ("id", "Bahasa Indonesia"),
    ("fr", "Français"),
];

/// The files of a new site for `languages` (the default first), or why there can be none.
pub fn starter_site(languages: &[String]) -> Result<Vec<(PathBuf, String)>, Vec<Diagnostic>> {
    let mut site_toml = STARTER[0].1.to_string();
    for code in languages {
        match NATIVE_NAMES.iter().find(|(known, _)| known == code) {
            Some((_, name)) => site_toml.push_str(&format!("\n[[languages]]\ncode = \"{code}\"\nname = \"{name}\"\n")),
            None => site_toml.push_str(&format!(
                "\n[[languages]]\ncode = \"{code}\"\n# The language's name in its own script.\nname = \"{code}\"\n"
            )),
        }
    }
    // The same validation as every build: unknown or duplicate languages are refused here.
    let config = config::parse(Path::new("site.toml"), &site_toml)?;
    let mut files = vec![(PathBuf::from("site.toml"), site_toml)];
    for code in languages {
        for (path, text) in &STARTER[1..] {
            let text = if path.ends_with(".ftl") {
                with_plural_forms(text, &check::needed_plural_forms(code))
            } else {
                text.to_string()
            };
            files.push((PathBuf::from(path.replace("{lang}", code)), text));
        }
    }
    files.extend(
        DEFAULT_THEME
            .iter()
            .map(|(path, text)| (PathBuf::from(path), text.to_string())),
    );
    Ok(stamped(&config, files))
}

/// The starter's files with each language's copy of the default language stamped as made
/// from it: `check` then counts the copies as untranslated until they are translated, even
/// after the default language's text changes.
fn stamped(config: &config::Config, mut files: Vec<(PathBuf, String)>) -> Vec<(PathBuf, String)> {
    let contents: Vec<ContentFile> = files
        .iter()
        .filter(|(path, _)| path.starts_with("content"))
        .map(|(path, text)| ContentFile {
            path: path.clone(),
            text: text.clone(),
        })
        .collect();
    let (pages, _) = content::parse_pages(config, &contents);
    let locales: Vec<LocaleFile> = files
        .iter()
        .filter_map(|(path, text)| {
            let language = path.strip_prefix("locales").ok()?.iter().next()?;
            Some(LocaleFile {
                language: language.to_string_lossy().into_owned(),
                path: path.clone(),
                text: text.clone(),
            })
        })
        .collect();
    for language in config.languages.iter().skip(1) {
        for (path, text) in stamp::stamp_language(config, &language.code, &locales, &pages) {
            if let Some(file) = files.iter_mut().find(|(p, _)| *p == path) {
                file.1 = text;
            }
        }
    }
    files
}

/// Gives each `[one] … *[other] …` select of the starter a variant for every plural form the
/// language uses, so that a language whose translation has yet to be written (Arabic has six
/// forms) starts out valid. The new variants hold the `other` text, to be translated.
fn with_plural_forms(ftl: &str, forms: &BTreeSet<&str>) -> String {
    let lines: Vec<&str> = ftl.lines().collect();
    let mut out = String::with_capacity(ftl.len() * 2);
    let mut i = 0;
    while i < lines.len() {
        let one = lines[i].trim_start().strip_prefix("[one] ");
        let other = lines
            .get(i + 1)
            .and_then(|l| l.trim_start().strip_prefix("*[other] "));
        if let (Some(one), Some(other)) = (one, other) {
            for form in forms.iter().filter(|f| **f != "other") {
                let text = if *form == "one" { one } else { other };
                out.push_str(&format!("    [{form}] {text}\n"));
            }
            out.push_str(&format!("   *[other] {other}\n"));
            i += 2;
        } else {
            out.push_str(lines[i]);
            out.push('\n');
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starter_plurals_get_every_form_of_the_language() {
        let ftl = "days = { PLURAL($n) ->\n    [one] { $n } day\n   *[other] { $n } days\n}\n";
        let arabic = with_plural_forms(ftl, &check::needed_plural_forms("ar"));
        for form in ["[zero]", "[one]", "[two]", "[few]", "[many]", "*[other]"] {
            assert!(arabic.contains(form), "{form} in\n{arabic}");
        }
        assert_eq!(
            with_plural_forms(ftl, &check::needed_plural_forms("en")),
            ftl
        );
        let indonesian = with_plural_forms(ftl, &check::needed_plural_forms("id"));
        assert!(!indonesian.contains("[one]"), "{indonesian}");
    }
}
