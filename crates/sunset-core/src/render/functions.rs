//! The functions templates call: `t`, `t_html`, `message_language`, `url`, `page_url`, `asset`, `include_raw`,
//! `date`, `json` and the schema.org builders. Each is a plain function of its arguments and
//! the site model; the texts that repeat on every page are memoized.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, RwLock};

use fluent_bundle::FluentValue;
use serde::Serialize;
use tera::{Kwargs, State, Tera};

use super::files::hashed_name;
use super::{BuildVariables, RESERVED_ARGS, SiteModel};
use crate::bidi::text_html;
use crate::config::Direction;
use crate::diagnostics::Diagnostic;
use crate::variables::Variable;

/// A message's text for a page: in the page's language, or in the default language where
/// the page's has no translation of it yet (`text_language` differs from `page_language`).
#[derive(Clone, PartialEq, Eq)]
pub(super) struct Translated {
    pub(super) page_language: String,
    pub(super) text_language: String,
    pub(super) text: String,
}

/// A call of `t()`: language, message, the reading being rendered (its place in the build's
/// list), and the arguments the template gave (by name, as Fluent sees them).
#[derive(PartialEq, Eq, Hash)]
struct MessageCall {
    lang: String,
    id: String,
    reading: Option<usize>,
    args: Vec<(String, String)>,
}

/// A message a template used while a render was being recorded (see [`recording_messages`]),
/// and the text it got: enough to ask what the same call gives in another reading.
pub(super) struct MessageUse {
    lang: String,
    id: String,
    args: Vec<(String, FluentValue<'static>)>,
    translated: Translated,
}

thread_local! {
    /// The messages used by the render running on this thread, while one is recorded. A
    /// render runs on one thread from start to end, and Tera's functions get no other way
    /// to report back to the caller.
    static MESSAGE_USES: RefCell<Option<Vec<MessageUse>>> = const { RefCell::new(None) };
}

/// Runs `render`, and returns with its result every message the templates used in it.
pub(super) fn recording_messages<T>(render: impl FnOnce() -> T) -> (T, Vec<MessageUse>) {
    let outer = MESSAGE_USES.with(|uses| uses.borrow_mut().replace(Vec::new()));
    let result = render();
    let used = MESSAGE_USES.with(|uses| std::mem::replace(&mut *uses.borrow_mut(), outer));
    (result, used.unwrap_or_default())
}

/// Formats messages for templates, with the build variables of the reading being rendered.
/// Most calls repeat on every page of a language (the site name, the status, the date the
/// countdown counts from): each text is formatted once per language, reading and arguments.
pub(super) struct Translator {
    translations: Arc<crate::i18n::Translations>,
    /// Each reading's key (`clock.reading`) and variables, in the build's order.
    readings: Vec<(String, BuildVariables)>,
    /// The variables of messages that have their own (see `SiteModel::message_variables`).
    own_variables: HashMap<String, Vec<(String, Variable)>>,
    formatted: RwLock<HashMap<MessageCall, Translated, rustc_hash::FxBuildHasher>>,
}

impl Translator {
    pub(super) fn new(model: &SiteModel, readings: Vec<(String, BuildVariables)>) -> Translator {
        Translator {
            translations: model.translations.clone(),
            readings,
            own_variables: model.message_variables.clone(),
            formatted: RwLock::default(),
        }
    }

    /// The place in the build's list of the reading a template is being rendered for, from
    /// its `clock.reading`.
    fn rendered_reading(&self, state: &State) -> tera::TeraResult<Option<usize>> {
        let clock = state.get::<tera::Value>("clock")?;
        Ok(clock.and_then(|clock| {
            let key = clock
                .as_map()?
                .get(&tera::value::Key::Str("reading"))?
                .as_str()?;
            self.reading_index(key)
        }))
    }

    /// The place in the build's list of the reading whose key is `key`.
    pub(super) fn reading_index(&self, key: &str) -> Option<usize> {
        self.readings.iter().position(|(name, _)| name == key)
    }

    /// Message `id` in `lang` with the template's `args`, as reading `reading` words it.
    fn translate(
        &self,
        lang: &str,
        id: &str,
        args: &[(String, FluentValue<'static>)],
        reading: Option<usize>,
    ) -> tera::TeraResult<Translated> {
        self.translate_then(lang, id, args, reading, Translated::clone)
    }

    /// What `then` makes of message `id` as [`Self::translate`] words it, without a copy of the
    /// text when it was formatted before.
    fn translate_then<R>(
        &self,
        lang: &str,
        id: &str,
        args: &[(String, FluentValue<'static>)],
        reading: Option<usize>,
        then: impl FnOnce(&Translated) -> R,
    ) -> tera::TeraResult<R> {
        let key = MessageCall {
            lang: lang.to_string(),
            id: id.to_string(),
            reading,
            args: args
                .iter()
                .map(|(name, value)| (name.clone(), format!("{value:?}")))
                .collect(),
        };
        if let Some(translated) = self
            .formatted
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
        {
            return Ok(then(translated));
        }
        let variables = reading
            .and_then(|index| self.readings.get(index))
            .or(self.readings.first())
            .map(|(_, v)| v)
            .ok_or_else(|| tera::Error::message("t(): no reading is being rendered"))?;
        let mut fluent_args = variables.args_for(id, &self.own_variables);
        for (name, value) in args {
            fluent_args.set(name.clone(), value.clone());
        }
        let message = self
            .translations
            .format(&key.lang, &key.id, &fluent_args)
            .map_err(|d| tera::Error::message(describe(&d)))?;
        let translated = Translated {
            page_language: key.lang.clone(),
            text_language: message.language.to_string(),
            text: message.text,
        };
        let result = then(&translated);
        self.formatted
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, translated);
        Ok(result)
    }

    /// A template's call, in the reading the template is rendered for; recorded when the
    /// render is.
    fn call(&self, kwargs: &Kwargs, state: &State) -> tera::TeraResult<Translated> {
        let id: String = kwargs.must_get("id")?;
        let lang = language_of_call(kwargs, state)?;
        let reading = self.rendered_reading(state)?;
        let mut args: Vec<(String, FluentValue<'static>)> = kwargs
            .iter()
            .filter_map(|(key, value)| {
                let name = key.to_string();
                (!RESERVED_ARGS.contains(&name.as_str())).then(|| (name, fluent_value(value)))
            })
            .collect();
        args.sort_by(|a, b| a.0.cmp(&b.0));
        let translated = self.translate(&lang, &id, &args, reading)?;
        MESSAGE_USES.with(|uses| {
            if let Some(uses) = uses.borrow_mut().as_mut() {
                uses.push(MessageUse {
                    lang,
                    id,
                    args,
                    translated: translated.clone(),
                });
            }
        });
        Ok(translated)
    }

    /// Whether every message in `uses` reads the same in reading `reading` as it did.
    pub(super) fn same_in(&self, uses: &[MessageUse], reading: Option<usize>) -> bool {
        uses.iter().all(|used| {
            self.translate_then(&used.lang, &used.id, &used.args, reading, |translated| {
                *translated == used.translated
            })
            .unwrap_or(false)
        })
    }
}

/// The language a template function works in: its `lang=` argument, else the page's.
pub(super) fn language_of_call(kwargs: &Kwargs, state: &State) -> tera::TeraResult<String> {
    match kwargs.get::<String>("lang")? {
        Some(lang) => Ok(lang),
        None => Ok(state.get::<String>("lang")?.unwrap_or_default()),
    }
}

pub(super) fn register_template_functions(
    tera: &mut Tera,
    model: &SiteModel,
    translator: Arc<Translator>,
) {
    let languages: BTreeMap<String, Direction> = model
        .config
        .languages
        .iter()
        .map(|l| (l.code.clone(), l.dir))
        .collect();
    let translate = move |kwargs: &Kwargs, state: &State| translator.call(kwargs, state);
    let translate = Arc::new(translate);
    let plain = translate.clone();
    let which = translate.clone();
    let message_directions = languages.clone();
    // `message_language(id="…")`: the language a message is shown in (`code`, `dir`), so that
    // the element around a text still in the default language can say so.
    tera.register_function("message_language", move |kwargs: Kwargs, state: &State| {
        let translated = which(&kwargs, state)?;
        let dir = message_directions
            .get(&translated.text_language)
            .copied()
            .unwrap_or(Direction::Ltr);
        Ok::<_, tera::Error>(tera::Value::from_serializable(&serde_json::json!({
            "code": translated.text_language,
            "dir": dir.as_str(),
        })))
    });
    let directions = languages.clone();
    // A text in the default language inside a page of another direction is isolated (plain
    // text can hold no markup, and may be an attribute's value): without it, its punctuation
    // lands at the wrong end of the line.
    tera.register_function("t", move |kwargs: Kwargs, state: &State| {
        let translated = plain(&kwargs, state)?;
        let dir = |lang: &str| directions.get(lang).copied().unwrap_or(Direction::Ltr);
        let text_dir = dir(&translated.text_language);
        let isolate = kwargs.get::<bool>("isolate")? == Some(true)
            || text_dir != dir(&translated.page_language);
        if isolate {
            return Ok(isolated(&translated.text, text_dir));
        }
        Ok(translated.text)
    });
    // The same texts come back on every page: each is turned into HTML once. A text in the
    // default language is marked with its language and direction, as untranslated pages are.
    let html_of: RwLock<HashMap<(String, String, String), String>> = RwLock::default();
    let json_directions = languages.clone();
    tera.register_function("t_html", move |kwargs: Kwargs, state: &State| {
        let translated = translate(&kwargs, state)?;
        let dir = |lang: &str| languages.get(lang).copied().unwrap_or(Direction::Ltr);
        let text_dir = dir(&translated.text_language);
        let page_dir = dir(&translated.page_language);
        let key = (
            translated.page_language,
            translated.text_language,
            translated.text,
        );
        if let Some(html) = html_of.read().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return Ok(tera::Value::safe_string(html));
        }
        let (page_language, text_language, text) = &key;
        let html = text_html(text, text_dir);
        let html = if page_language == text_language {
            html
        } else if text_dir == page_dir {
            format!(r#"<span lang="{text_language}">{html}</span>"#)
        } else {
            format!(
                r#"<span lang="{text_language}" dir="{}">{html}</span>"#,
                text_dir.as_str()
            )
        };
        let value = tera::Value::safe_string(&html);
        html_of
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, html);
        Ok(value)
    });
    let config = model.config.clone();
    tera.register_function("url", move |kwargs: Kwargs, _: &State| {
        let path: String = kwargs.must_get("path")?;
        Ok::<_, tera::Error>(config.url_of(path.trim_start_matches('/')))
    });
    register_json_functions(tera, json_directions);
    register_page_url(tera, model);
    // A file of templates/ as it is (a stylesheet to inline): `include` would render it as a
    // template on every page, which costs more than the rest of the page.
    let raw_files: BTreeMap<String, String> = model
        .templates
        .iter()
        .map(|t| (t.name.clone(), t.text.clone()))
        .collect();
    tera.register_function("include_raw", move |kwargs: Kwargs, _: &State| {
        let path: String = kwargs.must_get("path")?;
        raw_files
            .get(&path)
            .map(|text| tera::Value::safe_string(text))
            .ok_or_else(|| {
                tera::Error::message(format!("include_raw(): there is no templates/{path}"))
            })
    });
    let assets: BTreeMap<String, String> = model
        .statics
        .iter()
        .map(|file| (file.name.clone(), model.config.url_of(&hashed_name(file))))
        .collect();
    tera.register_function("asset", move |kwargs: Kwargs, _: &State| {
        let path: String = kwargs.must_get("path")?;
        assets
            .get(path.trim_start_matches('/'))
            .cloned()
            .ok_or_else(|| tera::Error::message(format!("asset(): there is no static/{path}")))
    });
    let translations = model.translations.clone();
    // Every page shows the end date: each date is formatted once per language.
    let dates: RwLock<HashMap<(String, String), String>> = RwLock::default();
    tera.register_function("date", move |kwargs: Kwargs, state: &State| {
        let value: String = kwargs.must_get("value")?;
        let lang = language_of_call(&kwargs, state)?;
        let key = (lang, value);
        if let Some(text) = dates.read().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return Ok(text.clone());
        }
        let (lang, value) = &key;
        let date = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
            tera::Error::message(format!("date(): {value:?} is not a date like 2026-01-15"))
        })?;
        let text = translations
            .locale_data(lang)
            .map(|data| data.long_date(date))
            .ok_or_else(|| tera::Error::message(format!("date(): no language {lang:?}")))?;
        dates
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, text.clone());
        Ok(text)
    });
}

/// Text wrapped in the Unicode isolate of its direction (RLI or LRI … PDI), for places that
/// cannot hold markup such as `<title>`, where several languages share one line: without it,
/// an Arabic name among left-to-right ones is shown with its words out of order.
pub(super) fn isolated(text: &str, dir: Direction) -> String {
    let open = match dir {
        Direction::Rtl => '\u{2067}',
        Direction::Ltr => '\u{2066}',
    };
    format!("{open}{text}\u{2069}")
}

/// `page_url(key="faq")` or `page_url(role="steps")`: the URL of a page of the language being
/// rendered (or `lang=`), found by its key or its front matter's `role`, so that templates
/// never spell out a slug.
pub(super) fn register_page_url(tera: &mut Tera, model: &SiteModel) {
    // By language and key, and by language and role (the first page that has it): a lookup
    // per call, as every page calls this a few times.
    let mut by_key: HashMap<(String, String), String> = HashMap::new();
    let mut by_role: HashMap<(String, String), String> = HashMap::new();
    for page in model.pages {
        let url = model.config.url_of(&page.url_path);
        if let Some(role) = &page.role {
            by_role
                .entry((page.language.clone(), role.clone()))
                .or_insert_with(|| url.clone());
        }
        by_key.insert((page.language.clone(), page.key.clone()), url);
    }
    tera.register_function("page_url", move |kwargs: Kwargs, state: &State| {
        let lang = language_of_call(&kwargs, state)?;
        let key = kwargs.get::<String>("key")?;
        let role = kwargs.get::<String>("role")?;
        let (index, name, what) = match (key, role) {
            (Some(key), None) => (&by_key, key, "key"),
            (None, Some(role)) => (&by_role, role, "role"),
            _ => return Err(tera::Error::message("page_url() takes key=\"…\" or role=\"…\"")),
        };
        let lookup = (lang, name);
        index
            .get(&lookup)
            .cloned()
            .ok_or_else(|| {
                let (lang, name) = lookup;
                // Where no language has it, one error for all (the same words for every
                // language, so it is reported once), naming the ones there are.
                let mut names: Vec<&str> = index
                    .keys()
                    .map(|(_, name)| name.as_str())
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                let anywhere = names.contains(&name.as_str());
                names.retain(|n| *n != name);
                let known = names.join(", ");
                tera::Error::message(match (what, anywhere) {
                    ("role", false) => format!(
                        "page_url(): no page has role = \"{name}\"; the roles of this site's pages are {known}"
                    ),
                    ("key", false) => format!(
                        "page_url(): there is no page `{name}` (content/<lang>/{name}.md); the pages are {known}"
                    ),
                    ("role", true) => format!(
                        "page_url(): content/{lang}/ has no page with role = \"{name}\"; add it to the front matter of that language's page"
                    ),
                    _ => format!("page_url(): there is no content/{lang}/{name}.md"),
                })
            })
    });
}

/// JSON that is safe inside `<script>`: `<`, `>` and `&` only occur in strings, where their
/// `\u` escapes mean the same to a JSON reader and nothing to the HTML parser.
pub(super) fn script_json(value: &impl Serialize) -> tera::Value {
    let json = serde_json::to_string(value).unwrap_or_default();
    let mut safe = String::with_capacity(json.len() + 64);
    for piece in json.split_inclusive(['<', '>', '&']) {
        let (text, special) = piece.split_at(piece.len() - 1);
        match special {
            "<" => (safe.push_str(text), safe.push_str("\\u003c")),
            ">" => (safe.push_str(text), safe.push_str("\\u003e")),
            "&" => (safe.push_str(text), safe.push_str("\\u0026")),
            _ => (safe.push_str(piece), ()),
        };
    }
    tera::Value::safe_string(&safe)
}

pub(super) fn json_kwarg(kwargs: &Kwargs, name: &str) -> tera::TeraResult<serde_json::Value> {
    let value: tera::Value = kwargs.must_get(name)?;
    serde_json::to_value(&value).map_err(|e| tera::Error::message(format!("{name}: {e}")))
}

/// A string field of a map in a template value (`section.title`), or "".
pub(super) fn text_field<'v>(value: &'v tera::Value, field: &'static str) -> &'v str {
    value
        .as_map()
        .and_then(|map| map.get(&tera::value::Key::Str(field)))
        .and_then(tera::Value::as_str)
        .unwrap_or_default()
}

/// A schema.org document, with its fields in the order serde_json has always written them
/// (alphabetical), so that the output does not change.
#[derive(Serialize)]
pub(super) struct JsonLd<'a, T: Serialize> {
    #[serde(rename = "@context")]
    pub(super) context: &'static str,
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    #[serde(rename = "inLanguage")]
    pub(super) in_language: &'a str,
    #[serde(flatten)]
    pub(super) body: T,
}

#[derive(Serialize)]
pub(super) struct FaqPage {
    #[serde(rename = "mainEntity")]
    pub(super) main_entity: Vec<Question>,
}

#[derive(Serialize)]
pub(super) struct Question {
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    #[serde(rename = "acceptedAnswer")]
    pub(super) accepted_answer: Answer,
    pub(super) name: String,
}

#[derive(Serialize)]
pub(super) struct Answer {
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    pub(super) text: String,
}

#[derive(Serialize)]
pub(super) struct HowTo {
    pub(super) name: String,
    pub(super) step: Vec<HowToStep>,
}

/// A page without steps (a steps page once its steps no longer apply): a `HowTo` without
/// steps is invalid structured data, so the page is what it is, a web page.
#[derive(Serialize)]
pub(super) struct WebPage {
    pub(super) name: String,
}

#[derive(Serialize)]
pub(super) struct HowToStep {
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    pub(super) position: usize,
    pub(super) text: String,
}

/// Text of structured data in the language `lang`: search engines show it without markup,
/// so in right-to-left text each left-to-right run (a name, a phone number) is wrapped in
/// Unicode isolates, as `<bdi>` does in the page.
fn data_text(text: &str, lang: &str, languages: &BTreeMap<String, Direction>) -> String {
    match languages.get(lang) {
        Some(Direction::Rtl) => crate::bidi::isolate_ltr_runs(text),
        _ => text.to_string(),
    }
}

pub(super) fn register_json_functions(tera: &mut Tera, languages: BTreeMap<String, Direction>) {
    tera.register_function("json", |kwargs: Kwargs, _: &State| {
        json_kwarg(&kwargs, "value").map(|v| script_json(&v))
    });
    let directions = languages.clone();
    tera.register_function("faq_json_ld", move |kwargs: Kwargs, state: &State| {
        let sections: tera::Value = kwargs.must_get("sections")?;
        let lang = language_of_call(&kwargs, state)?;
        let text = |value: &str| data_text(value, &lang, &directions);
        let main_entity = sections
            .as_array()
            .unwrap_or_default()
            .iter()
            .map(|section| Question {
                kind: "Question",
                accepted_answer: Answer {
                    kind: "Answer",
                    text: text(text_field(section, "text")),
                },
                name: text(text_field(section, "title")),
            })
            .collect();
        Ok::<_, tera::Error>(script_json(&JsonLd {
            context: "https://schema.org",
            kind: "FAQPage",
            in_language: &lang,
            body: FaqPage { main_entity },
        }))
    });
    tera.register_function("howto_json_ld", move |kwargs: Kwargs, state: &State| {
        let title: tera::Value = kwargs.must_get("title")?;
        let steps: tera::Value = kwargs.must_get("steps")?;
        let lang = language_of_call(&kwargs, state)?;
        let text = |value: &tera::Value| {
            let plain = value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_string);
            data_text(&plain, &lang, &languages)
        };
        let step: Vec<HowToStep> = steps
            .as_array()
            .unwrap_or_default()
            .iter()
            .enumerate()
            .map(|(i, value)| HowToStep {
                kind: "HowToStep",
                position: i + 1,
                text: text(value),
            })
            .collect();
        let name = text(&title);
        Ok::<_, tera::Error>(if step.is_empty() {
            script_json(&JsonLd {
                context: "https://schema.org",
                kind: "WebPage",
                in_language: &lang,
                body: WebPage { name },
            })
        } else {
            script_json(&JsonLd {
                context: "https://schema.org",
                kind: "HowTo",
                in_language: &lang,
                body: HowTo { name, step },
            })
        })
    });
}

pub(super) fn fluent_value(value: &tera::Value) -> FluentValue<'static> {
    if let Some(i) = value.as_i64() {
        FluentValue::from(i)
    } else if let Some(f) = value.as_f64() {
        FluentValue::from(f)
    } else {
        FluentValue::from(
            value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_string),
        )
    }
}

/// A diagnostic as one line of text, for errors that travel through Tera.
pub(super) fn describe(diagnostic: &Diagnostic) -> String {
    match &diagnostic.location {
        Some(loc) => format!(
            "{} ({}:{}:{})",
            diagnostic.message,
            loc.path.display(),
            loc.line,
            loc.column
        ),
        None => diagnostic.message.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_escapes_every_character_markup_could_use() {
        let value = script_json(&"</script><!-- a > b && c");
        let text = value.as_str().unwrap();
        assert!(!text.contains(['<', '>', '&']), "{text}");
        assert_eq!(
            text,
            "\"\\u003c/script\\u003e\\u003c!-- a \\u003e b \\u0026\\u0026 c\""
        );
        let back: String = serde_json::from_str(text).unwrap();
        assert_eq!(back, "</script><!-- a > b && c");
    }
}
