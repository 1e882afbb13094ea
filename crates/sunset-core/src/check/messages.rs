//! Each message on its own: the variables it uses, the messages it refers to, its plural
//! forms and the variants of its selects, and, in a translation, its variables against the
//! default language's.

use std::collections::{BTreeMap, BTreeSet};

use super::list;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Location, closest};
use crate::i18n::LocaleFile;
use crate::messages::MessageInfo;
use crate::phase::Phase;

/// A variable a message uses that the build never provides, with what to write instead.
pub(super) struct UnknownVariable {
    name: String,
    hint: String,
    /// The default language's variable it was probably meant to be, which this message lacks.
    instead_of: Option<String>,
}

/// The variables `info` uses that are not `provided`. In a translation, one the default
/// language's message (`source`) has and this one lacks is what was probably meant (the only
/// one, or the closest); else a provided variable of a close name.
pub(super) fn unknown_variables(
    info: &MessageInfo,
    source: Option<&MessageInfo>,
    provided: &BTreeSet<String>,
) -> Vec<UnknownVariable> {
    let unknown: Vec<&str> = info
        .variables
        .difference(provided)
        .map(String::as_str)
        .collect();
    let lacked: Vec<&str> = source.map_or_else(Vec::new, |source| {
        source
            .variables
            .difference(&info.variables)
            .map(String::as_str)
            .collect()
    });
    let provided: Vec<&str> = provided.iter().map(String::as_str).collect();
    unknown
        .iter()
        .map(|name| {
            let instead_of = match (unknown.len(), lacked.as_slice()) {
                (1, [only]) => Some(*only),
                _ => closest(name, &lacked),
            };
            let hint = match (instead_of, closest(name, &provided)) {
                (Some(meant), _) => {
                    format!("did you mean ${meant}? The default language's message uses it")
                }
                (None, Some(meant)) => format!("did you mean ${meant}?"),
                (None, None) => format!(
                    "the build provides {}",
                    list(provided.iter().map(|v| format!("${v}")))
                ),
            };
            UnknownVariable {
                name: name.to_string(),
                hint,
                instead_of: instead_of.map(str::to_string),
            }
        })
        .collect()
}

/// A message's own mistakes: variables the build never provides (each underlined where it is
/// written in `files`), references to messages the language lacks, plural selects.
pub(super) fn check_message(
    id: &str,
    info: &MessageInfo,
    unknown: &[UnknownVariable],
    messages: &BTreeMap<String, MessageInfo>,
    plural_forms: &BTreeSet<&'static str>,
    files: &[&LocaleFile],
    findings: &mut Vec<Diagnostic>,
) {
    for variable in unknown {
        findings.push(
            Diagnostic::error(format!(
                "`{id}` uses ${}, which the build never provides",
                variable.name
            ))
            .code("unknown-variable")
            .at(variable_location(files, &info.location, &variable.name))
            .hint(variable.hint.clone()),
        );
    }
    for reference in &info.references {
        let (target, attribute) = reference
            .split_once('.')
            .map_or((reference.as_str(), None), |(m, a)| (m, Some(a)));
        let exists = messages
            .get(target)
            .is_some_and(|m| attribute.is_none_or(|a| m.attributes.contains(a)));
        if !exists {
            findings.push(
                Diagnostic::error(format!(
                    "`{id}` refers to `{reference}`, which this language does not define"
                ))
                .code("unknown-reference")
                .at(info.location.clone())
                .hint("define it in this language's .ftl files, or fix the reference"),
            );
        }
    }
    for select in &info.plurals {
        if !select.through_function {
            findings.push(
                Diagnostic::warning(format!("`{id}` selects a plural form on the number itself"))
                    .code("plural-selector")
                    .at(info.location.clone())
                    .hint("write { PLURAL($n) -> … }: fluent-bundle's own rules are an old CLDR that puts Arabic 103 and 111 in the wrong form"),
            );
        }
        let missing: Vec<&str> = plural_forms
            .iter()
            .copied()
            .filter(|form| !select.keys.contains(*form))
            .collect();
        if !missing.is_empty() {
            findings.push(
                Diagnostic::error(format!(
                    "`{id}` has no variant for the plural forms {}",
                    list(missing.iter())
                ))
                .code("plural-categories")
                .at(info.location.clone())
                .hint("this language's CLDR plural rules need a variant for each of these forms"),
            );
        }
    }
}

/// Where `$name` is first written in the message defined at `message`, so that a finding
/// underlines it; the message's id where the file is not at hand.
fn variable_location(files: &[&LocaleFile], message: &Location, name: &str) -> Location {
    let Some(file) = files.iter().find(|f| f.path == message.path) else {
        return message.clone();
    };
    let text = file.text.as_str();
    let start: usize = text
        .split_inclusive('\n')
        .take(message.line.saturating_sub(1))
        .map(str::len)
        .sum();
    let written = format!("${name}");
    // `$date` is not written in `$date_announced`: identifiers go on with letters, digits, `_`
    // and `-`.
    let whole = |at: &usize| {
        !text[at + written.len()..]
            .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    match text[start..]
        .match_indices(&written)
        .map(|(at, _)| start + at)
        .find(whole)
    {
        Some(at) => Location::from_range(&file.path, text, at..at + written.len()),
        None => message.clone(),
    }
}

/// A translation's variables against the default language's message (`source`): those it
/// lacks and those it adds, leaving out what an unknown-variable error already says (the
/// unknown variable, and the default language's one it was probably meant to be).
pub(super) fn compare_variables(
    id: &str,
    translation: &MessageInfo,
    source: &MessageInfo,
    unknown: &[UnknownVariable],
    findings: &mut Vec<Diagnostic>,
) {
    let explained = |variable: &&String| {
        unknown
            .iter()
            .any(|u| u.name == **variable || u.instead_of.as_ref() == Some(*variable))
    };
    let dropped: Vec<&String> = source
        .variables
        .difference(&translation.variables)
        .filter(|v| !explained(v))
        .collect();
    let added: Vec<&String> = translation
        .variables
        .difference(&source.variables)
        .filter(|v| !explained(v))
        .collect();
    if dropped.is_empty() && added.is_empty() {
        return;
    }
    let mut what = Vec::new();
    if !dropped.is_empty() {
        what.push(format!(
            "lacks {}",
            list(dropped.iter().map(|v| format!("${v}")))
        ));
    }
    if !added.is_empty() {
        what.push(format!(
            "adds {}",
            list(added.iter().map(|v| format!("${v}")))
        ));
    }
    findings.push(
        Diagnostic::warning(format!(
            "`{id}` {} compared with the default language",
            what.join(" and ")
        ))
        .code("variables")
        .at(translation.location.clone())
        .hint(format!(
            "the default language's message is at {}:{}",
            source.location.path.display(),
            source.location.line
        )),
    );
}

/// The values of the variables the build gives that have a known set of them: `$phase` and
/// each `$phase_<milestone>` (upcoming, last-day, ended), and the reminders' `$milestone`.
pub(super) fn selector_values(config: &Config) -> BTreeMap<String, Vec<String>> {
    let phases: Vec<String> = Phase::ALL.iter().map(|p| p.as_str().to_string()).collect();
    let mut values = BTreeMap::from([("phase".to_string(), phases.clone())]);
    if config.notice.has_several_milestones() {
        for milestone in &config.notice.milestones {
            values.insert(format!("phase_{}", milestone.name), phases.clone());
        }
        let names = config.notice.milestones.iter().map(|m| m.name.clone());
        values.insert("milestone".to_string(), names.collect());
    }
    values
}

/// Proves that every variant of a select can be chosen: a key no value of the variable can
/// take is an error (`[on]` where `$phase_exports` is `last-day`; `[few]` in English), and a
/// default variant whose key is no value (`*[before]`) is a warning naming the values that
/// fall to it.
pub(super) fn check_selects(
    id: &str,
    info: &MessageInfo,
    code: &str,
    known_values: &BTreeMap<String, Vec<String>>,
    all_forms: &BTreeSet<&'static str>,
    findings: &mut Vec<Diagnostic>,
) {
    for select in &info.selects {
        let Some((default, others)) = select.keys.split_last() else {
            continue;
        };
        let variable = &select.variable;
        if select.plural {
            for key in others {
                if key.parse::<f64>().is_err() && !all_forms.contains(key.as_str()) {
                    findings.push(
                        Diagnostic::error(format!(
                            "`{id}`: the variant [{key}] can never be chosen: CLDR's plural forms in {code} are {}",
                            list(all_forms.iter())
                        ))
                        .code("unreachable-variant")
                        .at(info.location.clone())
                        .hint("use those forms, or an exact number such as [0]"),
                    );
                }
            }
            continue;
        }
        let Some(values) = known_values.get(variable) else {
            continue;
        };
        let shown_values = list(values.iter());
        for key in others.iter().filter(|key| !values.contains(key)) {
            let hint = match Phase::from_word(key).filter(|_| variable.starts_with("phase")) {
                Some(phase) => format!(
                    "phase blocks write `{key}`; in a message the same phase is [{}]",
                    phase.as_str()
                ),
                None => format!("write one of {shown_values}"),
            };
            findings.push(
                Diagnostic::error(format!(
                    "`{id}`: the variant [{key}] can never be chosen: ${variable} is one of {shown_values}"
                ))
                .code("unreachable-variant")
                .at(info.location.clone())
                .hint(hint),
            );
        }
        let uncovered: Vec<&String> = values
            .iter()
            .filter(|value| !select.keys.contains(value))
            .collect();
        if default != "other" && !values.contains(default) && !uncovered.is_empty() {
            findings.push(
                Diagnostic::warning(format!(
                    "`{id}`: ${variable} {} {} take the default variant *[{default}], which is not one of its values",
                    if uncovered.len() == 1 { "value" } else { "values" },
                    list(uncovered.iter())
                ))
                .code("uncovered-values")
                .at(info.location.clone())
                .hint(format!(
                    "give each value of ${variable} ({shown_values}) its variant, or call the default *[other]"
                )),
            );
        }
    }
}
