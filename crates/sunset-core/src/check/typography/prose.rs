//! What readers see of a file: the characters of its prose, each with the bytes that write
//! it.

use super::*;

/// The prose of a Fluent file: the text of each message, term and attribute for which `keep`
/// holds (by id, terms with their `-`), variants of selects included.
pub(super) fn fluent_prose(source: &str, keep: impl Fn(&str) -> bool) -> Vec<Atom> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    let mut atoms = Vec::new();
    for entry in &resource.body {
        let (id, value, attributes) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_string(), m.value.as_ref(), &m.attributes),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
            _ => continue,
        };
        if !keep(&id) {
            continue;
        }
        for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
            pattern_prose(source, pattern, &mut atoms);
        }
    }
    atoms
}

pub(super) fn pattern_prose(source: &str, pattern: &ast::Pattern<&str>, atoms: &mut Vec<Atom>) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                if let Some(start) = offset_in(source, value) {
                    atoms_of(value, start, atoms);
                }
            }
            ast::PatternElement::Placeable { expression } => {
                expression_prose(source, expression, atoms)
            }
        }
    }
}

/// The variants of selects are prose; the rest of a placeable is not.
pub(super) fn expression_prose(
    source: &str,
    expression: &ast::Expression<&str>,
    atoms: &mut Vec<Atom>,
) {
    match expression {
        ast::Expression::Select { variants, .. } => {
            for variant in variants {
                pattern_prose(source, &variant.value, atoms);
            }
        }
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            expression_prose(source, expression, atoms)
        }
        ast::Expression::Inline(_) => {}
    }
}

/// Where `part`, a slice the parser took from `source`, starts in it.
pub(super) fn offset_in(source: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(source.as_ptr() as usize)?;
    (source.get(start..start + part.len()) == Some(part)).then_some(start)
}

/// The texts of a page's front matter that readers see.
#[derive(Deserialize)]
pub(super) struct FrontTexts {
    title: Option<Spanned<String>>,
    description: Option<Spanned<String>>,
    #[serde(default)]
    phases: BTreeMap<String, PhaseTexts>,
}

#[derive(Deserialize)]
pub(super) struct PhaseTexts {
    title: Option<Spanned<String>>,
    description: Option<Spanned<String>>,
}

/// The prose of a page: the front matter's texts for which `keep` holds (by name: `title`,
/// `ended.description`), and the Markdown.
pub(super) fn page_prose(text: &str, keep: impl Fn(&str, &str) -> bool) -> Vec<Atom> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let Ok((front, body_start)) = split_front_matter(&text[bom..]) else {
        return Vec::new();
    };
    let front = bom + front.start..bom + front.end;
    let mut atoms = Vec::new();
    if let Ok(texts) = toml::from_str::<FrontTexts>(&text[front.clone()]) {
        let mut fields = vec![
            ("title".to_string(), texts.title),
            ("description".to_string(), texts.description),
        ];
        for (phase, t) in texts.phases {
            fields.push((format!("{phase}.title"), t.title));
            fields.push((format!("{phase}.description"), t.description));
        }
        for (name, value) in fields {
            let Some(value) = value else { continue };
            if keep(&name, value.get_ref()) {
                let span = value.span();
                let span = front.start + span.start..front.start + span.end;
                atoms.extend(toml_string_atoms(text, span, value.get_ref()));
            }
        }
    }
    atoms.extend(markdown_prose(text, bom + body_start));
    atoms
}

/// The characters of the TOML string written at `span` of `text`, each with the bytes that
/// write it (an escape such as `\"` is one character). Nothing when they do not spell `value`.
pub(super) fn toml_string_atoms(text: &str, span: Range<usize>, value: &str) -> Vec<Atom> {
    let Some(raw) = text.get(span.clone()) else {
        return Vec::new();
    };
    let (delimiter, basic) = match raw {
        _ if raw.starts_with("\"\"\"") => ("\"\"\"", true),
        _ if raw.starts_with("'''") => ("'''", false),
        _ if raw.starts_with('"') => ("\"", true),
        _ if raw.starts_with('\'') => ("'", false),
        _ => return Vec::new(),
    };
    if raw.len() < 2 * delimiter.len() || !raw.ends_with(delimiter) {
        return Vec::new();
    }
    let mut start = span.start + delimiter.len();
    let end = span.end - delimiter.len();
    // A newline right after a multi-line string's opening delimiter is not part of it.
    if delimiter.len() == 3 {
        for newline in ["\r\n", "\n"] {
            if text[start..end].starts_with(newline) {
                start += newline.len();
                break;
            }
        }
    }
    let inner = &text[start..end];
    let mut atoms = Vec::new();
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !(basic && c == '\\') {
            atoms.push(Atom {
                ch: c,
                at: start + i..start + i + c.len_utf8(),
            });
            continue;
        }
        let Some((_, kind)) = chars.next() else {
            return Vec::new();
        };
        let decoded = match kind {
            'b' => Some('\u{8}'),
            't' => Some('\t'),
            'n' => Some('\n'),
            'f' => Some('\u{c}'),
            'r' => Some('\r'),
            'e' => Some('\u{1b}'),
            '"' => Some('"'),
            '\\' => Some('\\'),
            'x' | 'u' | 'U' => {
                let digits = match kind {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = (0..digits)
                    .filter_map(|_| chars.next())
                    .map(|(_, c)| c)
                    .collect();
                u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
            }
            // A line-ending backslash: the whitespace and newlines after it go.
            c if c.is_whitespace() => {
                while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
                continue;
            }
            _ => None,
        };
        let Some(decoded) = decoded else {
            return Vec::new();
        };
        let escape_end = chars.peek().map_or(end, |(j, _)| start + j);
        atoms.push(Atom {
            ch: decoded,
            at: start + i..escape_end,
        });
    }
    if atoms.iter().map(|a| a.ch).ne(value.chars()) {
        return Vec::new();
    }
    atoms
}

/// The prose of a page's Markdown body, which starts at `body_start` of `text`.
pub(super) fn markdown_prose(text: &str, body_start: usize) -> Vec<Atom> {
    let body = &text[body_start..];
    // Phase-block fences become blank lines: they are gone from every rendered page.
    let mut masked = String::with_capacity(body.len());
    for line in body.split_inclusive('\n') {
        if line.trim().starts_with(":::") {
            let content = line.trim_end_matches(['\n', '\r']).len();
            masked.extend(std::iter::repeat_n(' ', content));
            masked.push_str(&line[content..]);
        } else {
            masked.push_str(line);
        }
    }
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    let mut atoms = Vec::new();
    let mut code_blocks = 0usize;
    // For each open link, whether it is an autolink (`<https://…>`), whose text is its URL.
    let mut links: Vec<bool> = Vec::new();
    for (event, range) in Parser::new_ext(&masked, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => code_blocks += 1,
            Event::End(TagEnd::CodeBlock) => code_blocks = code_blocks.saturating_sub(1),
            Event::Start(Tag::Link { link_type, .. }) => {
                links.push(matches!(link_type, LinkType::Autolink | LinkType::Email));
            }
            Event::End(TagEnd::Link) => {
                links.pop();
            }
            Event::Text(t) if code_blocks == 0 && !links.contains(&true) => {
                let raw = &masked[range.clone()];
                let start = body_start + range.start;
                if raw == &*t {
                    atoms_of(raw, start, &mut atoms);
                } else if let (Some(ch), 1) = (t.chars().next(), t.chars().count()) {
                    // An escape (`\"`) or an entity (`&quot;`) for one character.
                    if raw.starts_with(['\\', '&']) {
                        atoms.push(Atom {
                            ch,
                            at: start..body_start + range.end,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    let placeholders = placeholder_ranges(body);
    atoms.retain(|a| {
        !placeholders
            .iter()
            .any(|p| p.contains(&(a.at.start - body_start)))
    });
    atoms
}

/// The `{{ … }}` of a Markdown text, each on one line.
pub(super) fn placeholder_ranges(body: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        let mut from = 0;
        while let Some(open) = line[from..].find("{{").map(|i| from + i) {
            // No `}}` after this `{{`: none after a later one either.
            let Some(close) = line[open + 2..].find("}}") else {
                break;
            };
            let end = open + 2 + close + 2;
            ranges.push(line_start + open..line_start + end);
            from = end;
        }
        line_start += line.len();
    }
    ranges
}
