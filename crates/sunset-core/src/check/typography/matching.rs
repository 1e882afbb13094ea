//! The rules run over a file's prose: where each one matches, and the edit that fixes it.

use super::rules::*;
use super::*;

/// The prose of one file: the characters readers see, in file order.
pub(super) struct Prose<'a> {
    source: &'a str,
    atoms: Vec<Atom>,
    /// Which atoms are part of a URL, an e-mail address or a domain name.
    in_url: Vec<bool>,
    /// Where each line of `source` starts.
    line_starts: Vec<usize>,
}

impl<'a> Prose<'a> {
    fn new(source: &'a str, mut atoms: Vec<Atom>) -> Prose<'a> {
        atoms.sort_by_key(|a| a.at.start);
        atoms.dedup();
        let line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut prose = Prose {
            source,
            in_url: vec![false; atoms.len()],
            atoms,
            line_starts,
        };
        prose.mark_urls();
        prose
    }

    /// Marks the atoms of words (runs of touching atoms without whitespace) that are URLs,
    /// e-mail addresses or domain names, without the punctuation around them.
    fn mark_urls(&mut self) {
        let mut start = 0;
        while start < self.atoms.len() {
            if self.atoms[start].ch.is_whitespace() {
                start += 1;
                continue;
            }
            let mut end = start + 1;
            while end < self.atoms.len()
                && !self.atoms[end].ch.is_whitespace()
                && self.next_atom(end - 1) == Some(end)
            {
                end += 1;
            }
            let mut core = start..end;
            while core.start < core.end && "([{«\"“‘'".contains(self.atoms[core.start].ch) {
                core.start += 1;
            }
            while core.start < core.end && ".,;:!?)]}»\"”’'".contains(self.atoms[core.end - 1].ch)
            {
                core.end -= 1;
            }
            // Only a word with one of these can be a URL, an address or a domain.
            let candidate = self.atoms[core.clone()]
                .iter()
                .any(|a| matches!(a.ch, '.' | ':' | '@'));
            let word: String = if candidate {
                self.atoms[core.clone()].iter().map(|a| a.ch).collect()
            } else {
                String::new()
            };
            if candidate && url_like(&word) {
                self.in_url[core].fill(true);
            }
            start = end;
        }
    }

    /// The atom that ends where atom `i` starts.
    fn prev_atom(&self, i: usize) -> Option<usize> {
        (i > 0 && self.atoms[i - 1].at.end == self.atoms[i].at.start).then(|| i - 1)
    }

    /// The atom that starts where atom `i` ends.
    fn next_atom(&self, i: usize) -> Option<usize> {
        (i + 1 < self.atoms.len() && self.atoms[i + 1].at.start == self.atoms[i].at.end)
            .then_some(i + 1)
    }

    /// The character just before atom `i`: its neighbour in the prose, else in the file.
    fn before(&self, i: usize) -> Option<char> {
        match self.prev_atom(i) {
            Some(p) => Some(self.atoms[p].ch),
            None => self.source[..self.atoms[i].at.start].chars().next_back(),
        }
    }

    /// The character just after atom `i`: its neighbour in the prose, else in the file.
    fn after(&self, i: usize) -> Option<char> {
        match self.next_atom(i) {
            Some(n) => Some(self.atoms[n].ch),
            None => self.source[self.atoms[i].at.end..].chars().next(),
        }
    }

    fn is_prose_at(&self, byte: usize) -> bool {
        let i = self.atoms.partition_point(|a| a.at.end <= byte);
        self.atoms.get(i).is_some_and(|a| a.at.start <= byte)
    }

    /// Whether something a reader sees comes right before byte `at` on its line: text, or
    /// the end of a placeable, a link or emphasis; not indentation or a TOML string's quote.
    fn text_before(&self, at: usize) -> bool {
        match self.source[..at].chars().next_back() {
            Some(c) if !c.is_whitespace() => {
                !matches!(c, '"' | '\'') || self.is_prose_at(at - c.len_utf8())
            }
            _ => false,
        }
    }

    /// Whether something a reader sees comes right after byte `at` on its line.
    fn text_after(&self, at: usize) -> bool {
        match self.source[at..].chars().next() {
            Some(c) if !c.is_whitespace() => !matches!(c, '"' | '\'') || self.is_prose_at(at),
            _ => false,
        }
    }

    fn line_of(&self, byte: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= byte)
    }

    /// The indices of the atoms that are `ch`, outside URLs.
    fn find(&self, ch: char) -> impl Iterator<Item = usize> + '_ {
        (0..self.atoms.len()).filter(move |&i| self.atoms[i].ch == ch && !self.in_url[i])
    }
}

/// Whether a word is a URL, an e-mail address or a domain name (`chatgpt.com`).
pub(super) fn url_like(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    if lower.contains("://")
        || ["www.", "mailto:", "tel:"]
            .iter()
            .any(|p| lower.starts_with(p))
    {
        return true;
    }
    if let Some((user, host)) = word.split_once('@') {
        return !user.is_empty() && domain_like(host);
    }
    domain_like(word)
}

pub(super) fn domain_like(word: &str) -> bool {
    let host = word.split(['/', '?', '#']).next().unwrap_or_default();
    let labels: Vec<&str> = host.split('.').collect();
    let last = labels.last().copied().unwrap_or_default();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && (2..=24).contains(&last.len())
        && last.chars().all(|c| c.is_ascii_alphabetic())
}

/// Where a rule matched: what to underline, the edit, and the fix in words.
pub(super) struct Hit {
    underline: Range<usize>,
    edit: Range<usize>,
    replacement: String,
    hint: String,
    /// False where this match cannot be fixed unattended although the rule can.
    safe: bool,
}

impl Hit {
    fn replace(at: Range<usize>, replacement: &str, hint: String) -> Hit {
        Hit {
            underline: at.clone(),
            edit: at,
            replacement: replacement.to_string(),
            hint,
            safe: true,
        }
    }
}

/// Names the characters of `text` so that invisible ones can be told apart.
pub(super) fn describe(text: &str) -> String {
    if text.is_empty() {
        return "nothing".into();
    }
    if text.chars().all(|c| c == ' ') {
        return match text.len() {
            1 => "a space".into(),
            n => format!("{n} spaces"),
        };
    }
    text.chars()
        .map(|c| match c {
            ' ' => "a space".to_string(),
            NBSP => "a no-break space (U+00A0)".to_string(),
            NNBSP => "a narrow no-break space (U+202F)".to_string(),
            c if c.is_ascii_graphic() => c.to_string(),
            c => format!("{c} (U+{:04X})", c as u32),
        })
        .collect::<Vec<_>>()
        .join(" and ")
}

pub(super) fn in_classes(classes: &[Class], c: Option<char>) -> bool {
    classes.iter().any(|class| match class {
        Class::Letter => c.is_some_and(char::is_alphabetic),
        Class::Digit => c.is_some_and(char::is_numeric),
        Class::WordEnd => c.is_none_or(|c| !c.is_alphanumeric()),
    })
}

pub(super) fn is_arabic_letter(c: char) -> bool {
    c.is_alphabetic()
        && matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Checks one file's prose with the rules of its language.
pub(super) fn check_prose(
    primary: &str,
    path: &Path,
    source: &str,
    atoms: Vec<Atom>,
) -> Vec<Finding> {
    let prose = Prose::new(source, atoms);
    let rules: Vec<&'static Rule> = RULES.iter().filter(|r| r.applies_to(primary)).collect();
    // Spaces before these are the business of the rules about spaces before punctuation.
    let spaced: Vec<char> = rules
        .iter()
        .flat_map(|rule| match rule.look {
            Look::SpaceBefore { punctuation, .. } => punctuation,
            _ => &[],
        })
        .copied()
        .collect();
    let mut findings: Vec<Finding> = rules
        .iter()
        .flat_map(|&rule| {
            hits(rule, &prose, &spaced)
                .into_iter()
                .map(move |hit| Finding {
                    rule,
                    location: Location::from_range(path, source, hit.underline),
                    edit: hit.edit,
                    replacement: hit.replacement,
                    hint: hit.hint,
                    safe: rule.safe && hit.safe,
                })
        })
        .collect();
    findings.sort_by_key(|f| (f.location.line, f.location.column, f.edit.start));
    findings
}

pub(super) fn hits(rule: &Rule, prose: &Prose, spaced: &[char]) -> Vec<Hit> {
    let atoms = &prose.atoms;
    let replacement = rule.replacement;
    let mut hits = Vec::new();
    match rule.look {
        Look::Char { ch, before, after } => {
            for i in prose.find(ch) {
                if in_classes(before, prose.before(i)) && in_classes(after, prose.after(i)) {
                    let hint = format!(
                        "write {} instead of {}",
                        describe(replacement),
                        describe(&ch.to_string())
                    );
                    hits.push(Hit::replace(atoms[i].at.clone(), replacement, hint));
                }
            }
        }
        Look::StraightQuotes => {
            let (open, close) = replacement.split_once('…').unwrap_or((replacement, ""));
            let mut by_line: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            for i in prose.find('"') {
                by_line
                    .entry(prose.line_of(atoms[i].at.start))
                    .or_default()
                    .push(i);
            }
            for quotes in by_line.values() {
                let paired = quotes.len() % 2 == 0;
                for (n, &i) in quotes.iter().enumerate() {
                    let opens = if paired {
                        n % 2 == 0
                    } else {
                        prose
                            .before(i)
                            .is_none_or(|c| c.is_whitespace() || "([{«“‘—–-/".contains(c))
                    };
                    let (quote, which) = if opens {
                        (open, "an opening")
                    } else {
                        (close, "a closing")
                    };
                    let mut hint =
                        format!("write {} instead of \" ({which} quote)", describe(quote));
                    if !paired {
                        hint.push_str(
                            "; the straight quotes of this line do not pair up, so check which one opens",
                        );
                    }
                    hits.push(Hit {
                        safe: paired,
                        ..Hit::replace(atoms[i].at.clone(), quote, hint)
                    });
                }
            }
        }
        Look::SpaceBefore {
            spaces,
            punctuation,
        } => {
            for i in (0..atoms.len()).filter(|&i| punctuation.contains(&atoms[i].ch)) {
                if prose.in_url[i] || prose.after(i).is_some_and(char::is_alphanumeric) {
                    continue; // `.ftl`, `:30`
                }
                let mut first = i;
                while let Some(p) = prose.prev_atom(first) {
                    if !spaces.contains(&atoms[p].ch) {
                        break;
                    }
                    first = p;
                }
                let run = atoms[first].at.start..atoms[i].at.start;
                if first == i || !prose.text_before(run.start) {
                    continue;
                }
                let found = &prose.source[run.clone()];
                let ch = atoms[i].ch;
                let hint = if replacement.is_empty() {
                    format!("remove {} before {ch}", describe(found))
                } else {
                    format!(
                        "write {} instead of {} before {ch}",
                        describe(replacement),
                        describe(found)
                    )
                };
                hits.push(Hit::replace(run, replacement, hint));
            }
        }
        Look::NoSpaceBefore { punctuation } => {
            for i in (0..atoms.len()).filter(|&i| punctuation.contains(&atoms[i].ch)) {
                let Some(p) = prose.prev_atom(i) else {
                    continue;
                };
                // After a URL (`chatgpt.com:`) or inside one, or before more text (`a:b`).
                if prose.in_url[i]
                    || prose.in_url[p]
                    || !atoms[p].ch.is_alphabetic()
                    || prose
                        .after(i)
                        .is_some_and(|c| c.is_alphanumeric() || c == '/')
                {
                    continue;
                }
                let at = atoms[i].at.start;
                hits.push(Hit {
                    underline: atoms[i].at.clone(),
                    edit: at..at,
                    replacement: replacement.to_string(),
                    hint: format!("insert {} before {}", describe(replacement), atoms[i].ch),
                    safe: true,
                });
            }
        }
        Look::SpaceInside { open, close } => {
            let wanted = replacement.chars().next();
            // Inside the marks: after the opening one, before the closing one.
            for (mark, after_mark, side) in [(open, true, "after"), (close, false, "before")] {
                for i in prose.find(mark) {
                    let (neighbour, beyond) = match after_mark {
                        true => (prose.next_atom(i), prose.after(i)),
                        false => (prose.prev_atom(i), prose.before(i)),
                    };
                    match neighbour.map(|n| atoms[n].ch) {
                        Some(c) if Some(c) == wanted => {}
                        Some(c @ (' ' | NBSP)) => {
                            let hint = format!(
                                "write {} instead of {} {side} {mark}",
                                describe(replacement),
                                describe(&c.to_string())
                            );
                            let n = neighbour.unwrap_or(i);
                            hits.push(Hit::replace(atoms[n].at.clone(), replacement, hint));
                        }
                        _ if beyond.is_none_or(char::is_whitespace) => {}
                        _ => {
                            let at = match after_mark {
                                true => atoms[i].at.end,
                                false => atoms[i].at.start,
                            };
                            hits.push(Hit {
                                underline: atoms[i].at.clone(),
                                edit: at..at,
                                replacement: replacement.to_string(),
                                hint: format!("insert {} {side} {mark}", describe(replacement)),
                                safe: true,
                            });
                        }
                    }
                }
            }
        }
        Look::SpaceAfterNumber { not_after } => {
            for i in prose.find(' ') {
                let (Some(p), Some(n)) = (prose.prev_atom(i), prose.next_atom(i)) else {
                    continue;
                };
                if !atoms[p].ch.is_numeric()
                    || !atoms[n].ch.is_alphabetic()
                    || prose.in_url[p]
                    || prose.in_url[n]
                {
                    continue;
                }
                // The whole number, group separators included (`2 000`, `1,5`).
                let mut first = p;
                while let Some(q) = prose.prev_atom(first) {
                    let c = atoms[q].ch;
                    if !(c.is_numeric() || matches!(c, NBSP | NNBSP | '.' | ',')) {
                        break;
                    }
                    first = q;
                }
                // Part of a name, a code, a time or a telephone number: `A4`, `12:30`,
                // `+1-800-242-8478`.
                if prose
                    .before(first)
                    .is_some_and(|c| c.is_alphanumeric() || "-+/_.,:".contains(c))
                {
                    continue;
                }
                // The word before the number, across one space: `janvier 2026`.
                // Only as long as the longest of `not_after` can be, so a long run of letters
                // costs no more than a short one.
                let mut word: Vec<char> = Vec::new();
                if prose.before(first) == Some(' ')
                    && let Some(space) = prose.prev_atom(first)
                {
                    let mut w = space;
                    while let Some(q) = prose.prev_atom(w).filter(|&q| atoms[q].ch.is_alphabetic())
                    {
                        word.push(atoms[q].ch);
                        w = q;
                        if word.len() > 16 {
                            break;
                        }
                    }
                }
                let word: String = word.iter().rev().collect::<String>().to_lowercase();
                if not_after.contains(&word.as_str()) {
                    continue;
                }
                let number = &prose.source[atoms[first].at.start..atoms[p].at.end];
                let hint = format!(
                    "write {} instead of a space after {number}",
                    describe(replacement)
                );
                hits.push(Hit::replace(atoms[i].at.clone(), replacement, hint));
            }
        }
        Look::NameSuffix {
            names,
            suffix_initials,
        } => {
            for name in names {
                let name_chars: Vec<char> = name.chars().collect();
                for i in 0..atoms.len() {
                    if prose.in_url[i] || prose.before(i).is_some_and(char::is_alphanumeric) {
                        continue;
                    }
                    // The name, letter by letter, in touching atoms.
                    let mut last = i;
                    let mut matches = atoms[i].ch == name_chars[0];
                    for &c in &name_chars[1..] {
                        match prose.next_atom(last) {
                            Some(n) if matches && atoms[n].ch == c => last = n,
                            _ => matches = false,
                        }
                    }
                    if !matches {
                        continue;
                    }
                    let Some(suffix_start) = prose.next_atom(last) else {
                        continue;
                    };
                    let mut end = last;
                    while let Some(n) = prose.next_atom(end) {
                        if !atoms[n].ch.is_lowercase() {
                            break;
                        }
                        end = n;
                    }
                    if end == last
                        || !suffix_initials.contains(atoms[suffix_start].ch)
                        || prose.after(end).is_some_and(char::is_alphanumeric)
                    {
                        continue;
                    }
                    let suffix = &prose.source[atoms[suffix_start].at.start..atoms[end].at.end];
                    let at = atoms[suffix_start].at.start;
                    hits.push(Hit {
                        underline: atoms[i].at.start..atoms[end].at.end,
                        edit: at..at,
                        replacement: replacement.to_string(),
                        hint: format!(
                            "insert {} before the suffix: {name}{replacement}{suffix}",
                            describe(replacement)
                        ),
                        safe: true,
                    });
                }
            }
        }
        Look::AfterArabicLetter { ch } => {
            const CLOSERS: &str = ")]\"”»’'*_";
            for i in prose.find(ch) {
                let mut at = atoms[i].at.start;
                let after_letter = loop {
                    match prose.source[..at].chars().next_back() {
                        Some(c) if CLOSERS.contains(c) => at -= c.len_utf8(),
                        Some(c) => break is_arabic_letter(c),
                        None => break false,
                    }
                };
                if after_letter {
                    let hint = format!(
                        "write {} instead of {}",
                        describe(replacement),
                        describe(&ch.to_string())
                    );
                    hits.push(Hit::replace(atoms[i].at.clone(), replacement, hint));
                }
            }
        }
        Look::RepeatedSpaces => {
            let mut i = 0;
            while i < atoms.len() {
                if atoms[i].ch != ' ' || prose.in_url[i] {
                    i += 1;
                    continue;
                }
                let mut last = i;
                while let Some(n) = prose.next_atom(last).filter(|&n| atoms[n].ch == ' ') {
                    last = n;
                }
                let run = atoms[i].at.start..atoms[last].at.end;
                if last > i
                    && prose.text_before(run.start)
                    && prose.text_after(run.end)
                    && !prose.after(last).is_some_and(|c| spaced.contains(&c))
                {
                    let hint = format!(
                        "write one space instead of {}",
                        describe(&prose.source[run.clone()])
                    );
                    hits.push(Hit::replace(run, replacement, hint));
                }
                i = last + 1;
            }
        }
    }
    hits
}
