//! `init`: a new notice site, from the starter in `starter/` and the default templates.
//!
//! Languages without a starter translation get the default language's text to translate;
//! `check` lists each such message, so the new site builds and passes `check` at once.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cldr;
use crate::config;
use crate::content::{self, ContentFile};
use crate::diagnostics::Diagnostic;
use crate::files::CONFIG_FILE;
use crate::i18n::LocaleFile;
use crate::messages;
use crate::stamp;

/// The starter's files, by path in the new site; `{lang}` folders are written per language.
const STARTER: [(&str, &str); 6] = [
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
    (
        "locales/{lang}/updates.ftl",
        include_str!("../starter/locales/en/updates.ftl"),
    ),
];

/// The default templates and static files: the ones this repository's site uses, its share
/// card's design included (drawn with the fonts built into sunset).
pub const DEFAULT_THEME: [(&str, &str); 13] = [
    (
        "templates/base.html",
        include_str!("../../../templates/base.html"),
    ),
    (
        "templates/notice.html",
        include_str!("../../../templates/notice.html"),
    ),
    (
        "templates/faq.html",
        include_str!("../../../templates/faq.html"),
    ),
    (
        "templates/steps.html",
        include_str!("../../../templates/steps.html"),
    ),
    (
        "templates/root.html",
        include_str!("../../../templates/root.html"),
    ),
    (
        "templates/404.html",
        include_str!("../../../templates/404.html"),
    ),
    (
        "templates/page.html",
        include_str!("../../../templates/page.html"),
    ),
    (
        "templates/partials/languages.html",
        include_str!("../../../templates/partials/languages.html"),
    ),
    (
        "templates/partials/status.html",
        include_str!("../../../templates/partials/status.html"),
    ),
    (
        "templates/partials/style.css",
        include_str!("../../../templates/partials/style.css"),
    ),
    (
        "templates/partials/card.html",
        include_str!("../../../templates/partials/card.html"),
    ),
    (
        "templates/card.svg",
        include_str!("../../../templates/card.svg"),
    ),
    (
        "static/favicon.svg",
        include_str!("../../../static/favicon.svg"),
    ),
];

/// A new site: its files, and what is worth saying about the languages asked for.
pub struct Starter {
    pub files: Vec<(PathBuf, String)>,
    /// site.toml's warnings, the ones every build will give (a language code that is an alias).
    pub warnings: Vec<Diagnostic>,
}

/// What `init --milestones` puts in place of the starter's one end date: the `[notice]` of
/// site.toml, the notice page, and the messages its milestones add.
const MILESTONES_NOTICE: &str = include_str!("../starter/milestones/notice.toml");
const MILESTONES_INDEX: &str = include_str!("../starter/milestones/index.md");
const MILESTONES_MESSAGES: &str = include_str!("../starter/milestones/main.ftl");

/// The files of a new site for `languages` (the default first), with several milestones if
/// `milestones`, or why there can be none.
pub fn starter_site(languages: &[String], milestones: bool) -> Result<Starter, Vec<Diagnostic>> {
    let mut starter = STARTER[0].1.to_string();
    if milestones {
        starter = with_notice(&starter, MILESTONES_NOTICE);
    }
    let mut site_toml = starter.clone();
    for code in languages {
        site_toml.push_str(&language_table(code));
    }
    // The same validation as every build: unknown or duplicate languages are refused here,
    // as mistakes in the command line, not in a site.toml the user has never seen.
    let chosen = config::parse(Path::new(CONFIG_FILE), &site_toml)
        .map_err(|diagnostics| on_command_line(diagnostics, "--languages: "))?;
    // Then with the digits and calendar chosen for each, written out for the team to see;
    // what it says about the languages points at the lines of that file.
    let mut site_toml = starter;
    for language in &chosen.languages {
        site_toml.push_str(&language_table(&language.code));
        site_toml.push_str(&conventions_lines(language, chosen.notice.end_date()));
    }
    let config = config::parse(Path::new(CONFIG_FILE), &site_toml)
        .map_err(|diagnostics| on_command_line(diagnostics, "--languages: "))?;
    let mut files = vec![(PathBuf::from("site.toml"), site_toml)];
    for language in &config.languages {
        for (path, text) in &STARTER[1..] {
            let text = match (*path, milestones) {
                ("content/{lang}/index.md", true) => MILESTONES_INDEX.to_string(),
                ("locales/{lang}/main.ftl", true) => with_messages(text, MILESTONES_MESSAGES),
                _ => text.to_string(),
            };
            let text = if path.ends_with(".ftl") {
                messages::with_plural_forms(
                    &text,
                    &cldr::needed_plural_forms(&language.canonical_code),
                )
            } else {
                text
            };
            files.push((PathBuf::from(path.replace("{lang}", &language.code)), text));
        }
    }
    files.extend(
        DEFAULT_THEME
            .iter()
            .map(|(path, text)| (PathBuf::from(path), text.to_string())),
    );
    let files = stamped(&config, files);
    Ok(Starter {
        files,
        warnings: config.warnings,
    })
}

/// What `add-language` writes: site.toml with the language's table (unless it has one), and
/// each file of the default language that the new one lacks, as a copy stamped as such.
pub struct NewLanguage {
    /// Files to write, by path in the site; none of them exists yet, except site.toml.
    pub files: Vec<(PathBuf, String)>,
    /// site.toml's warnings with the language (a code that is an alias).
    pub warnings: Vec<Diagnostic>,
}

/// Adds `code` to the site whose site.toml is `site_toml` and whose default language's
/// messages and pages are `locales` and `contents`: the language's `[[languages]]` table (its
/// CLDR name), a copy of each default-language file it does not have yet (messages with the
/// language's CLDR plural forms), stamped as copies, so that builds publish them as
/// untranslated and `check` lists what to translate. Files the language has stay as they are.
pub fn add_language(
    site_toml: &str,
    code: &str,
    locales: &[LocaleFile],
    contents: &[ContentFile],
) -> Result<NewLanguage, Vec<Diagnostic>> {
    let current = config::parse(Path::new(CONFIG_FILE), site_toml)?;
    let listed = current.language(code).is_some();
    let with_table = |table: &str| format!("{}\n{table}", site_toml.trim_end());
    let site_toml = match listed {
        true => site_toml.to_string(),
        false => with_table(&language_table(code)),
    };
    let mut config = config::parse(Path::new(CONFIG_FILE), &site_toml)
        .map_err(|diagnostics| on_command_line(diagnostics, ""))?;
    let site_toml = match (listed, config.languages.last()) {
        (false, Some(added)) => {
            let lines = conventions_lines(added, config.notice.end_date());
            let site_toml = with_table(&format!("{}{lines}", language_table(code)));
            config = config::parse(Path::new(CONFIG_FILE), &site_toml)?;
            site_toml
        }
        _ => site_toml,
    };
    let default = config.default_language().code.clone();
    let language = config
        .language(code)
        .or_else(|| config.languages.last())
        .expect("the language was just added");
    if language.code == default {
        return Err(vec![
            Diagnostic::error(format!("{code} is the site's default language")).hint(
                "add-language adds a translation; the default language's files are the originals",
            ),
        ]);
    }
    let code = language.code.clone();
    let forms = cldr::needed_plural_forms(&language.canonical_code);
    let mut files = Vec::new();
    if !listed {
        files.push((PathBuf::from(CONFIG_FILE), site_toml));
    }
    let in_language = |path: &Path, top: &str| -> Option<PathBuf> {
        let rest = path.strip_prefix(top).ok()?.strip_prefix(&default).ok()?;
        Some(Path::new(top).join(&code).join(rest))
    };
    let mut copies_locales: Vec<LocaleFile> = locales.to_vec();
    for file in locales.iter().filter(|f| f.language == default) {
        let Some(path) = in_language(&file.path, "locales") else {
            continue;
        };
        if locales.iter().any(|f| f.path == path) {
            continue;
        }
        let text = messages::with_plural_forms(&file.text, &forms);
        copies_locales.push(LocaleFile {
            language: code.clone(),
            path: path.clone(),
            text: text.clone(),
        });
        files.push((path, text));
    }
    let mut copies_contents: Vec<ContentFile> = contents.to_vec();
    for file in contents {
        let Some(path) = in_language(&file.path, "content") else {
            continue;
        };
        if contents.iter().any(|f| f.path == path) {
            continue;
        }
        copies_contents.push(ContentFile {
            path: path.clone(),
            text: file.text.clone(),
        });
        files.push((path, file.text.to_string()));
    }
    let (pages, _) = content::parse_pages(&config, &copies_contents);
    let new: Vec<PathBuf> = files.iter().map(|(path, _)| path.clone()).collect();
    for (path, text) in stamp::stamp_language(&config, &code, &copies_locales, &pages).files {
        if let Some(file) = files
            .iter_mut()
            .find(|(p, _)| *p == path && new.contains(p))
        {
            file.1 = text;
        }
    }
    Ok(NewLanguage {
        files,
        warnings: config.warnings,
    })
}

/// site.toml's diagnostics about a language the command line named, as mistakes in the
/// command line (`prefix` names the option) rather than in a table the user did not write.
fn on_command_line(diagnostics: Vec<Diagnostic>, prefix: &str) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .map(|mut diagnostic| {
            if diagnostic
                .location
                .as_ref()
                .is_some_and(|l| l.line_text.starts_with("code = "))
            {
                diagnostic.location = None;
                diagnostic.file = None;
                diagnostic.message = format!("{prefix}{}", diagnostic.message);
                if diagnostic.message.contains("listed twice") {
                    diagnostic.hint = Some("give each language once".into());
                }
            }
            diagnostic
        })
        .collect()
}

/// `site_toml` with its `[notice]` table (up to the next table) replaced by `notice`.
fn with_notice(site_toml: &str, notice: &str) -> String {
    let start = site_toml.find("[notice]").unwrap_or(site_toml.len());
    let end = site_toml[start..]
        .find("\n\n")
        .map_or(site_toml.len(), |at| start + at + 1);
    format!("{}{notice}{}", &site_toml[..start], &site_toml[end..])
}

/// `ftl` with `messages` added, each replacing the message of the same id.
fn with_messages(ftl: &str, messages: &str) -> String {
    let replaced: BTreeSet<&str> = messages
        .lines()
        .filter_map(|line| line.split_once(" = ").map(|(id, _)| id))
        .filter(|id| !id.starts_with([' ', '#']))
        .collect();
    let mut kept: Vec<&str> = Vec::new();
    let mut skipping = false;
    for line in ftl.lines() {
        if !line.starts_with(' ') && !line.is_empty() && !line.starts_with('#') {
            let id = line.split_once(" = ").map(|(id, _)| id);
            skipping = id.is_some_and(|id| replaced.contains(id));
            // The comment above a replaced message goes with it.
            while skipping && kept.last().is_some_and(|l| l.starts_with("# ")) {
                kept.pop();
            }
        }
        if !skipping {
            kept.push(line);
        }
    }
    format!("{}\n{messages}", kept.join("\n"))
}

/// A `[[languages]]` table of site.toml, with CLDR's name of the language in itself; without
/// one, the code as a placeholder under a comment that says what to write instead.
fn language_table(code: &str) -> String {
    let own_name = cldr::canonical(code)
        .ok()
        .and_then(|id| cldr::own_name(&id));
    // TOML strings, quoted and escaped: what the command line gives may hold anything.
    let quoted = |text: &str| toml::Value::from(text).to_string();
    let table = format!("\n[[languages]]\ncode = {}\n", quoted(code));
    match own_name {
        Some(name) => format!("{table}name = {}\n", quoted(&name)),
        None => format!(
            "{table}# The language's name in its own script.\nname = {}\n",
            quoted(code)
        ),
    }
}

/// The lines of a `[[languages]]` table that say how the language writes numbers and dates:
/// what CLDR chose, with the digits and the long date of `date` (the notice's end) beside
/// them, so that the team sees the choice and can change it.
fn conventions_lines(language: &config::Language, date: NaiveDate) -> String {
    let conventions = &language.conventions;
    let digits = cldr::conventions::digits_of(&conventions.digits).unwrap_or_default();
    let long_date = cldr::LocaleData::new(&language.canonical_code, conventions)
        .map(|data| format!("{date} reads {}", data.long_date(date)))
        .unwrap_or_default();
    format!(
        "# Digits and calendar: CLDR's choice for this language (see the README).\n\
         digits = \"{}\" # {digits}\n\
         calendar = \"{}\" # {long_date}\n",
        conventions.digits, conventions.calendar
    )
}

/// The starter's files with each language's copy of the default language stamped as a copy:
/// builds publish them as untranslated and `check` counts them so until they are translated,
/// even after the default language's text changes.
fn stamped(config: &config::Config, mut files: Vec<(PathBuf, String)>) -> Vec<(PathBuf, String)> {
    let contents: Vec<ContentFile> = files
        .iter()
        .filter(|(path, _)| path.starts_with("content"))
        .map(|(path, text)| ContentFile {
            path: path.clone(),
            text: text.as_str().into(),
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
        for (path, text) in stamp::stamp_language(config, &language.code, &locales, &pages).files {
            if let Some(file) = files.iter_mut().find(|(p, _)| *p == path) {
                file.1 = text;
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site_toml(starter: &Starter) -> &str {
        &starter.files[0].1
    }

    #[test]
    fn languages_get_cldr_names_and_an_alias_its_warning() {
        let codes = ["en", "nb", "iw"].map(String::from);
        let starter = starter_site(&codes, false).unwrap();
        let toml = site_toml(&starter);
        for table in [
            "code = \"en\"\nname = \"English\"\n",
            "code = \"nb\"\nname = \"norsk bokmål\"\n",
            "code = \"iw\"\nname = \"עברית\"\n",
        ] {
            assert!(toml.contains(table), "{table} in\n{toml}");
        }
        assert!(!toml.contains("# The language's name"), "{toml}");
        let paths: Vec<_> = starter.files.iter().map(|(path, _)| path.clone()).collect();
        assert!(
            paths.contains(&PathBuf::from("content/iw/index.md")),
            "{paths:?}"
        );
        let [warning] = starter.warnings.as_slice() else {
            panic!("{:?}", starter.warnings)
        };
        assert!(warning.message.contains("alias"), "{}", warning.message);
        // Hebrew's plural forms, though the code is the old one.
        let ftl = &starter
            .files
            .iter()
            .find(|(path, _)| path == Path::new("locales/iw/main.ftl"))
            .unwrap()
            .1;
        assert!(ftl.contains("[two]"), "{ftl}");
    }

    #[test]
    fn each_language_gets_cldrs_digits_and_calendar_written_out() {
        let codes = ["en", "fa", "th"].map(String::from);
        let starter = starter_site(&codes, false).unwrap();
        let toml = site_toml(&starter);
        for lines in [
            "code = \"en\"\nname = \"English\"\n# Digits and calendar: CLDR's choice for this language (see the README).\ndigits = \"latn\" # 0123456789\ncalendar = \"gregory\" # 2027-06-30 reads June 30, 2027\n",
            "digits = \"arabext\" # ۰۱۲۳۴۵۶۷۸۹\ncalendar = \"persian\" # 2027-06-30 reads ۹ تیر ۱۴۰۶\n",
            "digits = \"latn\" # 0123456789\ncalendar = \"buddhist\" # 2027-06-30 reads 30 มิถุนายน 2570\n",
        ] {
            assert!(toml.contains(lines), "{lines} in\n{toml}");
        }
        let config = config::parse(Path::new(CONFIG_FILE), toml).unwrap();
        assert_eq!(config.languages[1].conventions.calendar, "persian");
        // A language added later gets them too.
        let added = add_language(toml, "bn", &[], &[]).unwrap();
        let (_, written) = &added.files[0];
        assert!(
            written.ends_with("digits = \"beng\" # ০১২৩৪৫৬৭৮৯\ncalendar = \"gregory\" # 2027-06-30 reads ৩০ জুন, ২০২৭\n"),
            "{written}"
        );
    }

    #[test]
    fn a_language_cldr_has_no_name_for_gets_a_placeholder_to_replace() {
        assert_eq!(
            language_table("tlh"),
            "\n[[languages]]\ncode = \"tlh\"\n# The language's name in its own script.\nname = \"tlh\"\n"
        );
    }

    #[test]
    fn starter_plurals_get_every_form_of_the_language() {
        let ftl = "days = { PLURAL($n) ->\n    [one] { $n } day\n   *[other] { $n } days\n}\n";
        let arabic = messages::with_plural_forms(ftl, &cldr::needed_plural_forms("ar"));
        for form in ["[zero]", "[one]", "[two]", "[few]", "[many]", "*[other]"] {
            assert!(arabic.contains(form), "{form} in\n{arabic}");
        }
        assert_eq!(
            messages::with_plural_forms(ftl, &cldr::needed_plural_forms("en")),
            ftl
        );
        let indonesian = messages::with_plural_forms(ftl, &cldr::needed_plural_forms("id"));
        assert!(!indonesian.contains("[one]"), "{indonesian}");
    }
}
