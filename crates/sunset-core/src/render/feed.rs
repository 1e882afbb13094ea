//! Each language's feed of the notice's updates, `<lang>/feed.xml`: Atom 1.0 (RFC 4287), an
//! entry per update the build shows, in the language's words (an update not translated yet
//! in the default language's, marked with its `xml:lang`), linking to that language's pages.
//!
//! Ids are tag URIs (RFC 4151) made of what never changes: the site's host, and an update's
//! day and id (`tag:example.org,2026-02-03:fr/updates/end-moved`); the feed's own id takes
//! the day of the first update site.toml records. `updated` is the latest update's instant,
//! so the same site and "now" give the same bytes.

use chrono::{DateTime, Utc};

use super::files::{PlainText, message_text};
use super::urls::{feed_path, update_page};
use super::{BuildVariables, SiteModel};
use crate::bidi::escape_html;
use crate::clock::rfc3339;
use crate::config::{Config, Update};
use crate::diagnostics::Diagnostic;
use crate::files::OutputFile;
use crate::history::instant_of;
use crate::variables::FEED_TITLE_MESSAGE;

/// Every language's feed, while the build shows one update or more.
pub(super) fn feeds(
    model: &SiteModel,
    variables: &BuildVariables,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let config = model.config;
    let (Some(latest), Some(first)) = (model.history.latest(), config.updates.first()) else {
        return Ok(Vec::new());
    };
    let authority = tag_authority(config);
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for language in &config.languages {
        let lang = language.code.as_str();
        let Some(path) = feed_path(model, lang) else {
            continue;
        };
        let text = |id: &str| message_text(model, variables, lang, id);
        let title = match text(FEED_TITLE_MESSAGE) {
            Ok(title) => title,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        let notice = model.page(lang, "index").map(|p| &p.url_path);
        let mut xml = format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
             <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n\
             <id>tag:{authority},{}:{lang}/updates</id>\n",
            first.date
        );
        xml.push_str(&text_element("title", &title, lang));
        xml.push_str(&format!(
            "<updated>{}</updated>\n<author>{}<uri>{}</uri></author>\n\
             <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
            instant(config, latest),
            text_element("name", &title, lang).trim_end(),
            xml_text(&config.base_url),
            xml_text(&config.permalink_of(&path)),
        ));
        if let Some(notice) = notice {
            xml.push_str(&alternate(config, lang, notice));
        }
        for update in &model.history.shown {
            match text(&update.message_id()) {
                Ok(title) => xml.push_str(&entry(model, update, lang, &title, &authority)),
                Err(error) => errors.push(error),
            }
        }
        xml.push_str("</feed>\n");
        files.push(OutputFile {
            path,
            bytes: xml.into_bytes(),
        });
    }
    match errors.is_empty() {
        true => Ok(files),
        false => Err(errors),
    }
}

/// One update's entry in the feed of `lang`, whose text is `title`.
fn entry(
    model: &SiteModel,
    update: &Update,
    lang: &str,
    title: &PlainText,
    authority: &str,
) -> String {
    let config = model.config;
    let at = instant(config, update);
    let mut xml = format!(
        "<entry>\n<id>tag:{authority},{}:{lang}/updates/{}</id>\n",
        update.date, update.id
    );
    xml.push_str(&text_element("title", title, lang));
    xml.push_str(&format!(
        "<published>{at}</published>\n<updated>{at}</updated>\n<category term=\"{}\"/>\n",
        update.kind.as_str()
    ));
    if let Some(page) = update_page(model, update, lang) {
        xml.push_str(&alternate(config, lang, &page.url_path));
    }
    xml.push_str("</entry>\n");
    xml
}

/// A text element, with its own `xml:lang` where the text is another language's than the
/// feed's.
fn text_element(name: &str, text: &PlainText, lang: &str) -> String {
    let other = match text.lang == lang {
        true => String::new(),
        false => format!(" xml:lang=\"{}\"", text.lang),
    };
    format!("<{name}{other}>{}</{name}>\n", xml_text(&text.text))
}

/// The link to a page of the feed's language.
fn alternate(config: &Config, lang: &str, url_path: &str) -> String {
    format!(
        "<link rel=\"alternate\" type=\"text/html\" hreflang=\"{lang}\" href=\"{}\"/>\n",
        xml_text(&config.permalink_of(url_path))
    )
}

/// When `update` was made, as RFC 3339 in the notice's zone.
fn instant(config: &Config, update: &Update) -> String {
    let at: DateTime<Utc> = instant_of(config, update);
    rfc3339(&at.with_timezone(&config.notice.time_zone))
}

/// The host of the site's address, without its port: the authority of its tag URIs.
fn tag_authority(config: &Config) -> String {
    let host = config.base_url.split('/').nth(2).unwrap_or("sunset");
    let host = match host.strip_prefix('[') {
        Some(ipv6) => ipv6.split(']').next().unwrap_or(ipv6),
        None => host.split(':').next().unwrap_or(host),
    };
    host.to_ascii_lowercase()
}

/// Text for XML: escaped, and without the characters XML 1.0 cannot hold at all (control
/// characters other than tab and line breaks), which a translation could contain.
fn xml_text(text: &str) -> String {
    let allowed = |c: &char| {
        matches!(c, '\t' | '\n' | '\r') || (*c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
    };
    match text.chars().all(|c| allowed(&c)) {
        true => escape_html(text),
        false => escape_html(&text.chars().filter(allowed).collect::<String>()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_for_xml_is_escaped_and_holds_only_characters_xml_allows() {
        assert_eq!(
            xml_text("a < b & \"c\" \u{1}\u{FFFF}d\u{7}"),
            "a &lt; b &amp; &quot;c&quot; d"
        );
        assert_eq!(xml_text("tab\there"), "tab\there");
    }

    #[test]
    fn the_tag_authority_is_the_host_without_its_port() {
        let config = |url: &str| {
            let text = format!(
                "base_url = \"{url}\"\n[notice]\nend_date = 2026-01-15\ntime_zone = \"UTC\"\n[[languages]]\ncode = \"en\"\n"
            );
            crate::config::parse(std::path::Path::new("site.toml"), &text).unwrap()
        };
        assert_eq!(
            tag_authority(&config("https://Example.org/help/")),
            "example.org"
        );
        assert_eq!(
            tag_authority(&config("http://127.0.0.1:8080/")),
            "127.0.0.1"
        );
        assert_eq!(tag_authority(&config("http://[::1]:8080/")), "::1");
    }
}
