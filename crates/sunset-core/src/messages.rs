//! What each Fluent message of a language is made of, read with fluent-syntax's AST: its
//! variables, the messages it refers to, its plural selects, its text, its canonical form and
//! the stamp above it. `check` and `stamp` both read translations this way.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use crate::diagnostics::Location;
use crate::i18n::{LocaleFile, message_definitions};

/// How a message's stamp comment starts: `# translated-from: 3f2a9c1e` (see `stamp`).
pub const MESSAGE_STAMP: &str = "translated-from:";

/// How the stamp of a message still copied from the default language starts (`init`,
/// `add-language` and `stamp` write it): `# copy-of: 3f2a9c1e`, the hash of the copy itself,
/// which differs from the default language's where the language has more plural forms.
pub const COPY_STAMP: &str = "copy-of:";

/// The hash in a message comment line such as `translated-from: 3f2a9c1e`, for `prefix`.
pub fn parse_message_stamp(comment_line: &str, prefix: &str) -> Option<String> {
    comment_line
        .trim()
        .strip_prefix(prefix)
        .map(|rest| rest.trim().to_string())
}

/// What one message of one language is made of, as far as checks are concerned.
pub struct MessageInfo {
    pub attributes: BTreeSet<String>,
    pub variables: BTreeSet<String>,
    /// Messages (`id`, `id.attribute`) and terms (`-id`) it refers to.
    pub references: BTreeSet<String>,
    pub plurals: Vec<PluralSelect>,
    /// Every select on a variable, plural or not, for `check` to prove each variant can match.
    pub selects: Vec<VariableSelect>,
    /// The literal text, without placeables.
    pub text: String,
    /// The same text in its runs, one per text element (each variant of a select has its own).
    pub runs: Vec<String>,
    /// The whole message written out canonically, for stamps.
    pub canonical: String,
    /// The version of the default language's message it was translated from, if stamped.
    pub stamp: Option<String>,
    /// The hash of the copy it was stamped as, if it was stamped as a copy (`COPY_STAMP`).
    pub copy_of: Option<String>,
    pub location: Location,
}

/// A select expression that chooses a plural form.
pub struct PluralSelect {
    /// Through `PLURAL($n)`, or straight on `$n` (fluent-bundle's old rules).
    pub through_function: bool,
    pub keys: BTreeSet<String>,
}

/// A select on a variable: `{ $phase -> … }`, or `{ PLURAL($days_left) -> … }`.
pub struct VariableSelect {
    pub variable: String,
    /// Whether it selects a plural form (through `PLURAL()`, or with plural keys on `$n`).
    pub plural: bool,
    /// The keys of its variants, the default one (`*[other]`) last.
    pub keys: Vec<String>,
}

const PLURAL_KEYS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Every language's messages and terms, by language and id: each file parsed once for the
/// stages of a build that read them (`stamp::copies`, `check::static_findings`).
pub type LanguageMessages = BTreeMap<String, BTreeMap<String, MessageInfo>>;

/// The messages of `locales`, by language (see [`LanguageMessages`]).
pub fn by_language(locales: &[LocaleFile]) -> LanguageMessages {
    let mut files: BTreeMap<&str, Vec<&LocaleFile>> = BTreeMap::new();
    for file in locales {
        files.entry(&file.language).or_default().push(file);
    }
    files
        .into_iter()
        .map(|(language, files)| (language.to_string(), messages_of(files.into_iter())))
        .collect()
}

/// Every message and term of one language, by id.
pub fn messages_of<'a>(
    files: impl Iterator<Item = &'a LocaleFile>,
) -> BTreeMap<String, MessageInfo> {
    let mut messages = BTreeMap::new();
    for file in files {
        let resource = match fluent_syntax::parser::parse(file.text.as_str()) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        let places = message_definitions(&file.path, &file.text);
        for entry in &resource.body {
            let (id, value, attributes, comment) = match entry {
                ast::Entry::Message(m) => (
                    m.id.name.to_string(),
                    m.value.as_ref(),
                    &m.attributes,
                    &m.comment,
                ),
                ast::Entry::Term(t) => (
                    format!("-{}", t.id.name),
                    Some(&t.value),
                    &t.attributes,
                    &t.comment,
                ),
                _ => continue,
            };
            let Some(location) = places.get(&id).cloned() else {
                continue;
            };
            let mut info = MessageInfo {
                attributes: attributes.iter().map(|a| a.id.name.to_string()).collect(),
                variables: BTreeSet::new(),
                references: BTreeSet::new(),
                plurals: Vec::new(),
                selects: Vec::new(),
                text: String::new(),
                runs: Vec::new(),
                canonical: String::new(),
                stamp: comment.as_ref().and_then(|c| {
                    c.content
                        .iter()
                        .find_map(|line| parse_message_stamp(line, MESSAGE_STAMP))
                }),
                copy_of: comment.as_ref().and_then(|c| {
                    c.content
                        .iter()
                        .find_map(|line| parse_message_stamp(line, COPY_STAMP))
                }),
                location,
            };
            if let Some(value) = value {
                walk_pattern(value, &mut info);
            }
            for attribute in attributes {
                info.canonical
                    .push_str(&format!("\n.{} = ", attribute.id.name));
                walk_pattern(&attribute.value, &mut info);
            }
            messages.entry(id).or_insert(info);
        }
    }
    messages
}

fn walk_pattern(pattern: &ast::Pattern<&str>, info: &mut MessageInfo) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                info.text.push_str(value);
                info.runs.push(value.to_string());
                info.canonical.push_str(value);
            }
            ast::PatternElement::Placeable { expression } => {
                info.canonical.push_str("{ ");
                walk_expression(expression, info);
                info.canonical.push_str(" }");
            }
        }
    }
}

fn walk_expression(expression: &ast::Expression<&str>, info: &mut MessageInfo) {
    match expression {
        ast::Expression::Inline(inline) => walk_inline(inline, info),
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, info);
            info.canonical.push_str(" ->");
            let key_of = |variant: &ast::Variant<&str>| match &variant.key {
                ast::VariantKey::Identifier { name } => name.to_string(),
                ast::VariantKey::NumberLiteral { value } => value.to_string(),
            };
            let keys: BTreeSet<String> = variants.iter().map(key_of).collect();
            let through_function = matches!(selector, ast::InlineExpression::FunctionReference { id, .. } if id.name == "PLURAL");
            let on_variable = matches!(selector, ast::InlineExpression::VariableReference { .. });
            // `{ $n -> [1] … *[other] … }` matches exact numbers, which needs no plural rules.
            let looks_plural = keys
                .iter()
                .all(|k| PLURAL_KEYS.contains(&k.as_str()) || k.parse::<f64>().is_ok())
                && keys
                    .iter()
                    .any(|k| k != "other" && PLURAL_KEYS.contains(&k.as_str()));
            let plural = through_function || (on_variable && looks_plural);
            let variable = match selector {
                ast::InlineExpression::VariableReference { id } => Some(id.name),
                ast::InlineExpression::FunctionReference { id, arguments }
                    if id.name == "PLURAL" =>
                {
                    match arguments.positional.first() {
                        Some(ast::InlineExpression::VariableReference { id }) => Some(id.name),
                        _ => None,
                    }
                }
                _ => None,
            };
            if let Some(variable) = variable {
                let mut ordered: Vec<&ast::Variant<&str>> = variants.iter().collect();
                ordered.sort_by_key(|variant| variant.default);
                info.selects.push(VariableSelect {
                    variable: variable.to_string(),
                    plural,
                    keys: ordered.into_iter().map(key_of).collect(),
                });
            }
            if plural {
                info.plurals.push(PluralSelect {
                    through_function,
                    keys,
                });
            }
            for variant in variants {
                let marker = if variant.default { "*" } else { "" };
                info.canonical
                    .push_str(&format!("\n {marker}[{}] ", key_of(variant)));
                walk_pattern(&variant.value, info);
            }
            info.canonical.push('\n');
        }
    }
}

/// Writes an inline expression as Fluent does (`$days`, `DATETIME($end_date)`, `-brand`).
fn walk_inline(inline: &ast::InlineExpression<&str>, info: &mut MessageInfo) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            info.variables.insert(id.name.to_string());
            info.canonical.push_str(&format!("${}", id.name));
        }
        ast::InlineExpression::FunctionReference { id, arguments } => {
            info.canonical.push_str(&format!("{}(", id.name));
            for (n, argument) in arguments.positional.iter().enumerate() {
                if n > 0 {
                    info.canonical.push_str(", ");
                }
                walk_inline(argument, info);
            }
            for named in &arguments.named {
                info.canonical.push_str(&format!(", {}: ", named.name.name));
                walk_inline(&named.value, info);
            }
            info.canonical.push(')');
        }
        ast::InlineExpression::MessageReference { id, attribute } => {
            let reference = match attribute {
                Some(a) => format!("{}.{}", id.name, a.name),
                None => id.name.to_string(),
            };
            info.canonical.push_str(&reference);
            info.references.insert(reference);
        }
        ast::InlineExpression::TermReference { id, attribute, .. } => {
            let reference = match attribute {
                Some(a) => format!("-{}.{}", id.name, a.name),
                None => format!("-{}", id.name),
            };
            info.canonical.push_str(&reference);
            info.references.insert(reference);
        }
        ast::InlineExpression::StringLiteral { value } => {
            info.canonical.push_str(&format!("\"{value}\""))
        }
        ast::InlineExpression::NumberLiteral { value } => info.canonical.push_str(value),
        ast::InlineExpression::Placeable { expression } => {
            info.canonical.push_str("{ ");
            walk_expression(expression, info);
            info.canonical.push_str(" }");
        }
    }
}

/// Gives each `[one] … *[other] …` select of the starter a variant for every plural form the
/// language uses, so that a language whose translation has yet to be written (Arabic has six
/// forms) starts out valid. The new variants hold the `other` text, to be translated.
pub fn with_plural_forms(ftl: &str, forms: &BTreeSet<&str>) -> String {
    let lines: Vec<&str> = ftl.lines().collect();
    let mut out = String::with_capacity(ftl.len() * 2);
    let mut i = 0;
    while i < lines.len() {
        let one = lines[i].trim_start().strip_prefix("[one] ");
        let other = lines
            .get(i + 1)
            .and_then(|l| l.trim_start().strip_prefix("*[other] "));
        if let (Some(one), Some(other)) = (one, other) {
            let indent = |line: &str| line.len() - line.trim_start().len();
            let (one_indent, other_indent) = (indent(lines[i]), indent(lines[i + 1]));
            for form in forms.iter().filter(|f| **f != "other") {
                let text = if *form == "one" { one } else { other };
                out.push_str(&format!("{:one_indent$}[{form}] {text}\n", ""));
            }
            out.push_str(&format!("{:other_indent$}*[other] {other}\n", ""));
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
    use std::path::PathBuf;

    use super::*;

    fn messages(text: &str) -> BTreeMap<String, MessageInfo> {
        let file = LocaleFile {
            language: "en".into(),
            path: PathBuf::from("locales/en/main.ftl"),
            text: text.into(),
        };
        messages_of(std::iter::once(&file))
    }

    #[test]
    fn terms_messages_and_their_canonical_form() {
        let found = messages(
            "-brand = Acme\n# translated-from: 1234abcd\nhello = Hi { -brand }, { NUMBER($n, style: \"percent\") } { PAD($a, $b) }\n",
        );
        assert_eq!(found.keys().collect::<Vec<_>>(), ["-brand", "hello"]);
        let hello = &found["hello"];
        assert_eq!(
            hello.canonical,
            "Hi { -brand }, { NUMBER($n, style: \"percent\") } { PAD($a, $b) }"
        );
        assert_eq!(hello.stamp.as_deref(), Some("1234abcd"));
        assert_eq!(hello.references.iter().collect::<Vec<_>>(), ["-brand"]);
        assert_eq!(hello.variables.iter().collect::<Vec<_>>(), ["a", "b", "n"]);
    }
}
