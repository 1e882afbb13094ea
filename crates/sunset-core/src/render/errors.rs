//! Tera's errors as diagnostics that point into the template file.

use crate::diagnostics::{Diagnostic, Location, closest};
use crate::files::TemplateFile;

/// Turns a Tera error into a diagnostic that points into the template file.
pub(super) fn template_error(templates: &[TemplateFile], error: &tera::Error) -> Diagnostic {
    let report = match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => report,
        _ => {
            return Diagnostic::error(format!("template: {}", full_message(error)))
                .hint("see the templates/ folder");
        }
    };
    let mut message = report.message().to_string();
    if let Some(cause) = std::error::Error::source(error) {
        message = format!("{message}: {cause}");
    }
    let diagnostic = Diagnostic::error(message.clone()).code("template");
    match templates.iter().find(|t| t.name == report.filename()) {
        Some(template) => {
            let span = report.span();
            let line_text = template
                .text
                .lines()
                .nth(span.start_line.saturating_sub(1))
                .unwrap_or("");
            let byte_col = line_text
                .char_indices()
                .nth(span.start_col)
                .map_or(line_text.len(), |(i, _)| i);
            let offset: usize = template
                .text
                .split_inclusive('\n')
                .take(span.start_line.saturating_sub(1))
                .map(str::len)
                .sum::<usize>()
                + byte_col;
            diagnostic
                .hint(hint_for(&message, &template.text, offset).unwrap_or(GENERIC_HINT.into()))
                .at(Location::from_line_col(
                    &template.path,
                    &template.text,
                    span.start_line,
                    byte_col,
                ))
        }
        None => diagnostic.hint(GENERIC_HINT),
    }
}

const FUNCTIONS_HINT: &str = "functions are t, t_html, message_language, url, page_url, date, asset, include_raw, json, faq_json_ld and howto_json_ld; filters and tests are Tera's";

const GENERIC_HINT: &str = "templates use Tera 2 syntax; translations come from t(id=\"…\") and links from url(path=\"…\")";

/// Tera's tags, and its filters (sunset adds none).
const TAGS: [&str; 21] = [
    "if",
    "elif",
    "else",
    "endif",
    "for",
    "endfor",
    "break",
    "continue",
    "block",
    "endblock",
    "set",
    "set_global",
    "endset",
    "include",
    "extends",
    "filter",
    "endfilter",
    "component",
    "endcomponent",
    "raw",
    "endraw",
];
const FILTERS: [&str; 37] = [
    "safe",
    "default",
    "upper",
    "lower",
    "wordcount",
    "escape",
    "escape_html",
    "escape_xml",
    "newlines_to_br",
    "pluralize",
    "trim",
    "trim_start",
    "trim_end",
    "replace",
    "capitalize",
    "title",
    "truncate",
    "indent",
    "str",
    "int",
    "float",
    "length",
    "reverse",
    "split",
    "abs",
    "round",
    "first",
    "last",
    "nth",
    "join",
    "sort",
    "unique",
    "get",
    "values",
    "keys",
    "pairs",
    "group_by",
];

/// A hint for the common mistakes, with the closest valid name: an unknown tag, filter or
/// field, a block never closed, a closing tag where another block is open. `offset` is where
/// in `template` Tera points.
fn hint_for(message: &str, template: &str, offset: usize) -> Option<String> {
    let offset = offset.min(template.len());
    let word: String = template[offset..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if message == "Unknown tag" {
        if let Some(closed) = word
            .strip_prefix("end")
            .filter(|_| TAGS.contains(&word.as_str()))
        {
            let open = open_blocks(&template[..offset]);
            return Some(match open.last() {
                Some((tag, line)) if tag != closed => format!(
                    "the {{% {tag} %}} at line {line} is still open here: close it with {{% end{tag} %}} before this {{% {word} %}}"
                ),
                _ => format!(
                    "this {{% {word} %}} closes nothing: remove it, or add the {{% {closed} %}} it closes"
                ),
            });
        }
        return Some(match closest(&word, &TAGS) {
            Some(tag) => format!("did you mean {{% {tag} %}}?"),
            None => format!("Tera's tags are {}", TAGS.join(", ")),
        });
    }
    if let Some(filter) = message
        .strip_prefix("Unknown filter `")
        .and_then(|rest| rest.split('`').next())
    {
        return Some(match closest(filter, &FILTERS) {
            Some(name) => format!("did you mean `{name}`?"),
            None => format!("Tera's filters are {}", FILTERS.join(", ")),
        });
    }
    if let Some((field, fields)) = message
        .strip_prefix("Field `")
        .and_then(|rest| rest.split_once("` is not defined. Available fields: "))
    {
        let fields: Vec<&str> = fields.split(", ").collect();
        return closest(field, &fields).map(|name| format!("did you mean `{name}`?"));
    }
    for (prefix, list) in [
        (
            "page_url(): no page has role = \"",
            "\"; the roles of this site's pages are ",
        ),
        ("page_url(): there is no page `", "` (content/"),
    ] {
        if let Some((name, rest)) = message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split_once(list))
        {
            let names: Vec<&str> = rest
                .rsplit("are ")
                .next()
                .unwrap_or_default()
                .split(", ")
                .collect();
            return Some(match closest(name, &names) {
                // The typo may be the page's as well as the template's.
                Some(known) if prefix.contains("role") => format!(
                    "a page has role = \"{known}\": if it is the one meant, write role = \"{name}\" in its front matter; if the template is wrong, write role=\"{known}\" here"
                ),
                Some(known) => format!("did you mean `{known}`?"),
                None => {
                    "give a page that front matter key, or call page_url() with one of those".into()
                }
            });
        }
    }
    if let Some(id) = message
        .split("no translation defines the message `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
    {
        let (message_id, attribute) = id.split_once('.').unwrap_or((id, ""));
        return Some(match attribute {
            "" => format!("add `{message_id} = …` to the default language's .ftl file in locales/"),
            _ => format!(
                "add `{message_id} = …` with its `.{attribute} = …` line to the default language's .ftl file in locales/"
            ),
        });
    }
    if message == "Unexpected end of input" {
        let open = open_blocks(template);
        let (tag, line) = open.first()?;
        return Some(format!(
            "the {{% {tag} %}} at line {line} is never closed: add its {{% end{tag} %}}"
        ));
    }
    None
}

/// The block tags (`if`, `for`, `block`, `filter`, `component`, `raw`) still open at the end of
/// `template`, outermost first, each with its line.
fn open_blocks(template: &str) -> Vec<(String, usize)> {
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut rest = template;
    let mut offset = 0;
    while let Some(at) = rest.find("{%") {
        let tag: String = rest[at + 2..]
            .trim_start_matches(['-', ' '])
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let line = template[..offset + at].matches('\n').count() + 1;
        match tag.strip_prefix("end") {
            Some(closed) => {
                if let Some(index) = open.iter().rposition(|(t, _)| t == closed) {
                    open.truncate(index);
                }
            }
            None if ["if", "for", "block", "filter", "component", "raw"]
                .contains(&tag.as_str()) =>
            {
                open.push((tag, line));
            }
            None => {}
        }
        offset += at + 2;
        rest = &rest[at + 2..];
    }
    open
}

/// Tera checks every template's functions, filters and includes at once and hands back their
/// reports joined in one message; each becomes a diagnostic at its `--> name:line:col`.
pub(super) fn reference_errors(
    templates: &[TemplateFile],
    reports: &str,
) -> Option<Vec<Diagnostic>> {
    let located = |report: &str| {
        let message = report.lines().next()?.trim().strip_prefix("error: ")?;
        let place = report
            .lines()
            .find_map(|line| line.trim().strip_prefix("--> "))?;
        let mut parts = place.rsplitn(3, ':');
        let column: usize = parts.next()?.parse().ok()?;
        let line: usize = parts.next()?.parse().ok()?;
        let name = parts.next()?;
        let template = templates.iter().find(|t| t.name == name)?;
        let line_start: usize = template
            .text
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum();
        let line_text = template
            .text
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("");
        let byte_col = line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i);
        let offset = line_start + byte_col;
        Some(
            Diagnostic::error(message)
                .code("template")
                .at(Location::from_line_col(
                    &template.path,
                    &template.text,
                    line,
                    byte_col,
                ))
                .hint(hint_for(message, &template.text, offset).unwrap_or(FUNCTIONS_HINT.into())),
        )
    };
    reports
        .split("\n\n")
        .filter(|r| !r.trim().is_empty())
        .map(located)
        .collect()
}

pub(super) fn full_message(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(message: &str, template: &str, at: &str) -> Option<String> {
        hint_for(message, template, template.find(at).unwrap())
    }

    #[test]
    fn common_mistakes_get_the_name_that_was_meant() {
        let template = "{% block main %}\n<h1>{{ page.title }}</h1>\n{% endblok main %}\n";
        assert_eq!(
            hint("Unknown tag", template, "endblok").as_deref(),
            Some("did you mean {% endblock %}?")
        );
        assert_eq!(
            hint("Unknown filter `uppr`", template, "page").as_deref(),
            Some("did you mean `upper`?")
        );
        assert_eq!(
            hint(
                "Field `titel` is not defined. Available fields: content, title, url",
                template,
                "page"
            )
            .as_deref(),
            Some("did you mean `title`?")
        );
        assert_eq!(
            hint(
                "page_url(): no page has role = \"fqa\"; the roles of this site's pages are faq, steps",
                template,
                "page"
            )
            .as_deref(),
            Some("a page has role = \"faq\": if it is the one meant, write role = \"fqa\" in its front matter; if the template is wrong, write role=\"faq\" here")
        );
        assert_eq!(
            hint("Unknown filter `zzzzzz`", template, "page")
                .map(|h| h.starts_with("Tera's filters are safe, default")),
            Some(true)
        );
    }

    /// The names hints offer are Tera's own: each filter is known to Tera (whatever its
    /// arguments), and each tag parses where it belongs.
    #[test]
    fn the_names_hints_offer_are_teras() {
        for filter in FILTERS {
            let error = tera::Tera::one_off(
                &format!("{{{{ x | {filter} }}}}"),
                &tera::Context::new(),
                true,
            )
            .err()
            .map(|e| format!("{e:?}"))
            .unwrap_or_default();
            assert!(!error.contains("Unknown filter"), "{filter}: {error}");
        }
        let unknown = tera::Tera::one_off("{{ x | nosuchfilter }}", &tera::Context::new(), true)
            .err()
            .map(|e| format!("{e:?}"))
            .unwrap_or_default();
        assert!(unknown.contains("Unknown filter"), "{unknown}");
        for template in [
            "{% if x %}{% elif y %}{% else %}{% endif %}",
            "{% for a in x %}{% endfor %}",
            "{% block x %}{% endblock %}",
            "{% set a = 1 %}{% set_global b = 2 %}",
            "{% filter upper %}a{% endfilter %}",
            "{% raw %}a{% endraw %}",
            "{% for a in x %}{% break %}{% continue %}{% endfor %}",
        ] {
            let error = tera::Tera::one_off(template, &tera::Context::new(), true)
                .err()
                .map(|e| format!("{e:?}"))
                .unwrap_or_default();
            assert!(!error.contains("Unknown tag"), "{template}: {error}");
        }
    }

    #[test]
    fn a_message_no_language_defines_is_to_be_added_to_the_default_language() {
        let message = "no translation defines the message `next-export-closes.stale`";
        assert_eq!(
            hint_for(message, "", 0).as_deref(),
            Some(
                "add `next-export-closes = …` with its `.stale = …` line to the default language's .ftl file in locales/"
            )
        );
    }

    #[test]
    fn blocks_left_open_are_named_with_their_line() {
        let unclosed = "{% block main %}\n{% if x %}\n{% endif %}\n";
        assert_eq!(
            hint_for("Unexpected end of input", unclosed, unclosed.len()).as_deref(),
            Some("the {% block %} at line 1 is never closed: add its {% endblock %}")
        );
        let crossed = "{% for a in b %}\n{% if a %}\n{% endfor %}\n";
        assert_eq!(
            hint("Unknown tag", crossed, "endfor").as_deref(),
            Some(
                "the {% if %} at line 2 is still open here: close it with {% endif %} before this {% endfor %}"
            )
        );
        let stray = "text\n{% endif %}\n";
        assert_eq!(
            hint("Unknown tag", stray, "endif").as_deref(),
            Some("this {% endif %} closes nothing: remove it, or add the {% if %} it closes")
        );
    }
}
