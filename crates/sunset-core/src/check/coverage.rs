//! What a translation's files cover of the default language's messages: messages missing,
//! obsolete, renamed, or still copies, each file reported as a whole where one line per
//! message would bury the rest.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::{first_few, list, place_of};
use crate::diagnostics::{Diagnostic, counted};
use crate::i18n::LocaleFile;
use crate::messages::MessageInfo;
use crate::stamp;

/// The messages of the language `code` (`messages`, read from its `files`) against the
/// default language's (`reference`).
pub(super) fn compare_messages(
    code: &str,
    messages: &BTreeMap<String, MessageInfo>,
    reference: &BTreeMap<String, MessageInfo>,
    files: &[&LocaleFile],
    allow_identical: &[String],
    findings: &mut Vec<Diagnostic>,
) {
    // A message written but unreadable (a syntax error, reported with its line) is broken, not
    // missing: telling a translator to translate it again would mislead.
    let written: BTreeSet<String> = files
        .iter()
        .flat_map(|f| crate::i18n::message_definitions(&f.path, &f.text).into_keys())
        .collect();
    // Missing and copied messages are reported once per file, each a list: one file not
    // written yet or still a copy would otherwise bury everything else under one line per
    // message.
    let mut missing: BTreeMap<PathBuf, Vec<&str>> = BTreeMap::new();
    let mut obsolete: BTreeMap<PathBuf, Vec<&str>> = BTreeMap::new();
    for (id, translation) in messages
        .iter()
        .filter(|(id, _)| !reference.contains_key(*id))
    {
        obsolete
            .entry(translation.location.path.clone())
            .or_default()
            .push(id);
    }
    let mut copied: BTreeMap<PathBuf, Vec<(&str, &MessageInfo)>> = BTreeMap::new();
    for (id, source) in reference {
        let Some(translation) = messages.get(id) else {
            if written.contains(id) {
                continue;
            }
            let file_name = source.location.path.file_name().unwrap_or_default();
            let expected = files
                .iter()
                .map(|f| f.path.clone())
                .find(|p| p.file_name() == Some(file_name))
                .unwrap_or_else(|| Path::new("locales").join(code).join(file_name));
            missing.entry(expected).or_default().push(id);
            continue;
        };
        if stamp::is_copied_message(translation, source, allow_identical) {
            copied
                .entry(translation.location.path.clone())
                .or_default()
                .push((id, translation));
            continue;
        }
        for attribute in source.attributes.difference(&translation.attributes) {
            findings.push(
                Diagnostic::warning(format!(
                    "`{id}` has no .{attribute}, which the default language has"
                ))
                .code("missing-attribute")
                .at(translation.location.clone())
                .hint(format!(
                    "translate it from {}:{}",
                    source.location.path.display(),
                    source.location.line
                )),
            );
        }
        for attribute in translation.attributes.difference(&source.attributes) {
            findings.push(
                Diagnostic::warning(format!(
                    "`{id}` has .{attribute}, which the default language no longer has"
                ))
                .code("obsolete-attribute")
                .at(translation.location.clone())
                .hint("remove it"),
            );
        }
    }
    // A file that is only a copy (init's, add-language's) is one note, never a message's
    // line: what the default language added, renamed or removed since is the copy's to catch
    // up, which `sunset stamp` does.
    let mut behind: BTreeMap<PathBuf, (Vec<&str>, Vec<&str>)> = BTreeMap::new();
    for file in files {
        let own = messages
            .iter()
            .filter(|(_, message)| message.location.path == file.path);
        if stamp::is_copy(own, reference, allow_identical) {
            let added = missing.remove(&file.path).unwrap_or_default();
            let removed = obsolete.remove(&file.path).unwrap_or_default();
            behind.insert(file.path.clone(), (added, removed));
        }
    }
    for (path, old_ids) in &mut obsolete {
        let Some(new_ids) = missing.get_mut(path) else {
            continue;
        };
        for (old, new) in renamed(old_ids, new_ids, messages, reference) {
            findings.push(
                Diagnostic::warning(format!(
                    "`{old}` looks renamed to `{new}`: rename it in {}",
                    path.display()
                ))
                .code("renamed-message")
                .at(messages[old].location.clone())
                .hint(format!(
                    "write `{new}` instead of `{old}`: the default language has `{new}` at {} and no `{old}` any more",
                    place_of(reference, new, true)
                )),
            );
        }
    }
    missing.retain(|_, ids| !ids.is_empty());
    for (path, ids) in missing {
        let exists = files.iter().any(|f| f.path == path);
        let (message, hint) = if exists {
            (
                format!(
                    "{} missing in {code}; the default language's text is shown instead: {}",
                    counted(ids.len(), "message is", "messages are"),
                    first_few(ids.iter().map(|id| format!("`{id}`")))
                ),
                match ids.as_slice() {
                    [id] => format!("translate it from {}", place_of(reference, id, true)),
                    _ => format!("translate them from {}", place_of(reference, ids[0], false)),
                },
            )
        } else {
            (
                format!(
                    "this file does not exist yet: the {} it would hold show the default language's text",
                    counted(ids.len(), "message", "messages")
                ),
                format!(
                    "`sunset add-language {code}` writes it with the default language's text to translate"
                ),
            )
        };
        findings.push(
            Diagnostic::warning(message)
                .code("missing-message")
                .in_file(&path)
                .hint(hint),
        );
    }
    for mut copies in copied.into_values() {
        copies.sort_by_key(|(_, message)| message.location.line);
        let (_, first) = copies[0];
        let what = format!(
            "{} still the default language's text: {}",
            counted(copies.len(), "message is", "messages are"),
            first_few(copies.iter().map(|(id, _)| format!("`{id}`")))
        );
        let them = if copies.len() == 1 { "it" } else { "them" };
        let hint = match behind.get(&first.location.path) {
            Some((added, removed)) if !added.is_empty() || !removed.is_empty() => {
                let mut changes = Vec::new();
                if !added.is_empty() {
                    changes.push(format!(
                        "new there: {}",
                        list(added.iter().map(|id| format!("`{id}`")))
                    ));
                }
                if !removed.is_empty() {
                    changes.push(format!(
                        "gone: {}",
                        list(removed.iter().map(|id| format!("`{id}`")))
                    ));
                }
                format!(
                    "`sunset stamp {code}` brings this copy up to the default language's messages ({}); then translate {them} and run it again",
                    changes.join("; ")
                )
            }
            _ => format!(
                "translate {them}, then `sunset stamp {code}`; names that stay as they are go in [check] allow_identical in site.toml"
            ),
        };
        findings.push(
            Diagnostic::note(what)
                .code("identical")
                .at(first.location.clone())
                .hint(hint),
        );
    }
    for id in obsolete.values().flatten() {
        findings.push(
            Diagnostic::warning(format!("`{id}` is not in the default language any more"))
                .code("obsolete-message")
                .at(messages[*id].location.clone())
                .hint("remove it, or add it to the default language"),
        );
    }
}

/// Pairs, and takes out of `old_ids` and `new_ids`, the messages of one file that look
/// renamed: an obsolete message and a missing one whose default-language text is the one the
/// obsolete translation was made from (its stamp) or still is (a copy); failing those, the
/// file's only obsolete and only missing message, when their variables and attributes are
/// the same.
fn renamed<'a>(
    old_ids: &mut Vec<&'a str>,
    new_ids: &mut Vec<&'a str>,
    messages: &BTreeMap<String, MessageInfo>,
    reference: &BTreeMap<String, MessageInfo>,
) -> Vec<(&'a str, &'a str)> {
    let mut pairs = Vec::new();
    old_ids.retain(|old| {
        let translation = &messages[*old];
        let made_from = |new: &&str| {
            let source = &reference[*new];
            translation.stamp == Some(stamp::hash(&source.canonical))
                || translation.canonical == source.canonical
        };
        match new_ids.iter().position(made_from) {
            Some(at) => {
                pairs.push((*old, new_ids.remove(at)));
                false
            }
            None => true,
        }
    });
    if let ([old], [new]) = (old_ids.as_slice(), new_ids.as_slice()) {
        let (translation, source) = (&messages[*old], &reference[*new]);
        if translation.variables == source.variables && translation.attributes == source.attributes
        {
            pairs.push((*old, *new));
            old_ids.clear();
            new_ids.clear();
        }
    }
    pairs
}
