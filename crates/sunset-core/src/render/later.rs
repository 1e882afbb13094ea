//! What a page built now carries for readers who open it after its wording's next change.
//!
//! Each page is rendered for every later phase too. The later versions travel inside the page
//! as line edits against its own body (`<script type="application/json" data-phase-page>`),
//! which cost a few hundred bytes instead of a second and third copy of the page; a small
//! script at the end of the body applies the one for the reader's day. The edits work on
//! lines because the browser gives back the body's HTML with the same line breaks (its
//! serialization keeps text nodes as they are), and the script checks that before using them.

use serde::Serialize;

use chrono::{DateTime, Utc};

use crate::clock::rfc3339;

/// The page rendered for another reading (see `clock::readings`): the state's name, the key
/// the script finds it by, when its shared counts go stale, its HTML (None where it is the
/// page of the current reading, which render took again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaterReading {
    pub name: String,
    pub key: String,
    pub stale_at: Option<DateTime<Utc>>,
    pub html: Option<String>,
}

/// What the guard script needs to work out the reader's reading: the page's own key and
/// stale instant, and each milestone as the script compares it (see [`Guard::milestone`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guard {
    pub key: String,
    pub stale_at: Option<DateTime<Utc>>,
    pub milestones: Vec<String>,
}

impl Guard {
    /// A milestone as the script reads it: its last day (`2026-01-15`) when it follows the
    /// reader's day, else the instants its last day starts and it happens, `start/end`.
    pub fn milestone(
        reader_day: bool,
        date: chrono::NaiveDate,
        last_day_start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> String {
        match reader_day {
            true => date.to_string(),
            false => format!("{}/{}", rfc3339(&last_day_start), rfc3339(&end)),
        }
    }
}

/// A page as a later phase shows it, as edits of the current page's body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct LaterPage<'a> {
    #[serde(skip)]
    later: &'a LaterReading,
    /// The later page's `<title>`, as HTML text.
    title: String,
    /// How many lines of the current body the edits read.
    lines: usize,
    edits: Vec<Edit>,
}

impl LaterPage<'_> {
    /// The HTML the later page adds to the current one: every inserted line.
    fn inserted(&self) -> impl Iterator<Item = &str> {
        self.edits.iter().filter_map(|edit| match edit {
            Edit::Insert(text) => Some(text.as_str()),
            _ => None,
        })
    }
}

/// One step from the current body's lines to the later one's: keep the next lines, skip them,
/// or insert new ones. In JSON: a positive count, a negative count, a string.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Edit {
    Keep(usize),
    Skip(usize),
    Insert(String),
}

impl Serialize for Edit {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Edit::Keep(n) => serializer.serialize_i64(*n as i64),
            Edit::Skip(n) => serializer.serialize_i64(-(*n as i64)),
            Edit::Insert(text) => serializer.serialize_str(text),
        }
    }
}

/// The parts of a rendered page the edits need: its title and its body's inner HTML.
struct PageParts<'a> {
    title: &'a str,
    body: &'a str,
    /// Where the body's inner HTML starts and ends in the page.
    body_range: std::ops::Range<usize>,
}

impl<'a> PageParts<'a> {
    /// `None` for a page without a `<body>` element, which then carries nothing.
    fn of(html: &'a str) -> Option<PageParts<'a>> {
        let find =
            |text: &str, needle: &str| memchr::memmem::find(text.as_bytes(), needle.as_bytes());
        let title = find(html, "<title>")
            .map(|at| &html[at + "<title>".len()..])
            .and_then(|rest| Some(&rest[..find(rest, "</title>")?]))
            .unwrap_or_default();
        let tag = find(html, "<body")?;
        let start = tag + html[tag..].find('>')? + 1;
        let end = html.rfind("</body>")?;
        Some(PageParts {
            title,
            body: html.get(start..end)?,
            body_range: start..end,
        })
    }
}

/// How far ahead a changed line may be found again in the current body: phase differences are
/// a few paragraphs long, and a short window keeps common lines (`</li>`) from matching far
/// away.
const WINDOW: usize = 64;

/// A short edit script from `old` to `new`, linear in their length: equal lines are kept;
/// where they differ, the next line of `new` is looked for a little further in `old` (with the
/// line after it, unless it is a sentence that occurs once, so that a lone common line does not
/// resynchronise), else inserted.
fn line_edits(old: &[&str], new: &[&str]) -> Vec<Edit> {
    let mut edits: Vec<Edit> = Vec::new();
    let push = |edit: Edit, edits: &mut Vec<Edit>| match (edits.last_mut(), edit) {
        (Some(Edit::Keep(n)), Edit::Keep(m)) => *n += m,
        (Some(Edit::Insert(text)), Edit::Insert(line)) => {
            text.push('\n');
            text.push_str(&line);
        }
        (_, edit) => edits.push(edit),
    };
    let (mut i, mut j) = (0, 0);
    while j < new.len() {
        if i < old.len() && old[i] == new[j] {
            push(Edit::Keep(1), &mut edits);
            i += 1;
            j += 1;
            continue;
        }
        let ahead = &old[(i + 1).min(old.len())..(i + WINDOW + 1).min(old.len())];
        let mut matches = ahead
            .iter()
            .enumerate()
            .filter(|(_, line)| **line == new[j])
            .map(|(offset, _)| i + 1 + offset);
        let first = matches.next();
        let distinctive = first.is_some()
            && matches.next().is_none()
            && new[j].trim().len() > 16
            && !old[..i].contains(&new[j]);
        let found = first.filter(|_| distinctive).or_else(|| {
            ahead
                .iter()
                .enumerate()
                .map(|(offset, _)| i + 1 + offset)
                .find(|&k| {
                    old[k] == new[j] && (j + 1 == new.len() || old.get(k + 1) == new.get(j + 1))
                })
        });
        match found {
            Some(k) => {
                push(Edit::Skip(k - i), &mut edits);
                i = k;
            }
            None => {
                push(Edit::Insert(new[j].to_string()), &mut edits);
                j += 1;
            }
        }
    }
    edits
}

/// Applies `edits` to the lines of `current`, as the page's script does.
#[cfg(test)]
fn apply(current: &str, later: &LaterPage) -> String {
    let old: Vec<&str> = current.split('\n').collect();
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    for edit in &later.edits {
        match edit {
            Edit::Keep(n) => {
                out.extend(&old[i..i + n]);
                i += n;
            }
            Edit::Skip(n) => i += n,
            Edit::Insert(text) => out.push(text),
        }
    }
    out.join("\n")
}

/// How a carried later page starts: the script looks for it, and so does `check`.
const CARRIED: &str = "<script type=\"application/json\" data-phase-page=";

/// How the guard script starts.
const GUARD_START: &str = "<script data-phase-guard ";

/// The guard script. It works out the reader's key as `clock::reading_key` does (the
/// reader's own calendar day for milestones of the reader's day, the instant for the
/// others), then applies the carried page of that key. Without one (a page read days after
/// it was built), it applies the page of the same phases and replaces what counts days
/// (`data-phased`) by its `data-stale` text or hides it; so it does once shared counts have
/// gone stale (`data-stale-at`). Kept in step with [`apply`] and `clock::reading_key`.
const GUARD: &str = concat!(
    r#"(function(){var s=document.currentScript,g=s.dataset,n=Date.now(),t=new Date(n),r=Date.UTC(t.getFullYear(),t.getMonth(),t.getDate()),"#,
    r#"k=g.milestones.split(" ").map(function(m){var p=m.split("/"),d;if(p[1])return n<Date.parse(p[0])?"U":n<Date.parse(p[1])?"L":"E";d=Math.round((Date.parse(m)-r)/864e5);return d>0?"u"+d:d<0?"e":"l"}).join(),"#,
    r#"f=function(x){return x.replace(/\d/g,"")},c=[s].concat([].slice.call(document.querySelectorAll("script[data-phase-page]"))),"#,
    r#"e=c.filter(function(x){return x.dataset.key==k})[0],o=!e;e=e||c.filter(function(x){return f(x.dataset.key)==f(k)})[0]||s;"#,
    r#"if(e.dataset.staleAt&&n>=Date.parse(e.dataset.staleAt))o=1;"#,
    r#"if(e!=s){var d=JSON.parse(e.textContent),b=document.body,a=b.innerHTML.split("\n");if(a[d.lines-1].indexOf('<script type="application/json" data-phase-page=')==0){var l=[],i=0;d.edits.forEach(function(x){if(typeof x=="string")l.push(x);else if(x>0){l.push.apply(l,a.slice(i,i+x));i+=x}else i-=x});var h=document.createElement("b");h.innerHTML=d.title;document.title=h.textContent;b.innerHTML=l.join("\n")}else o=1}"#,
    r#"if(o){document.querySelectorAll("[data-phased]").forEach(function(x){if(x.dataset.stale)x.textContent=x.dataset.stale;else x.hidden=true});var y=document.querySelector("[data-days-left]");if(y)delete y.dataset.daysLeft}})()"#
);

/// The page rendered for its own reading (`html`), with what it carries for the `later`
/// readings (the same page rendered for each) and the script that picks one, at the end of
/// its body; and the HTML those pages add to it, for link checks. A page without a `<body>`,
/// or with nothing to carry and no count that goes stale, carries nothing.
pub fn carry(mut html: String, guard: &Guard, later: &[LaterReading]) -> (String, String) {
    let Some(parts) = PageParts::of(&html) else {
        return (html, String::new());
    };
    // The script finds where the body it edits ends by the line its data starts on.
    let break_first = !parts.body.ends_with('\n');
    let body_lines = memchr::memchr_iter(b'\n', parts.body.as_bytes()).count() + 1;
    let lines = body_lines + usize::from(break_first);
    // The current body's lines, split only when some reading shows a different page.
    let mut current: Vec<&str> = Vec::new();
    let pages: Vec<LaterPage> = later
        .iter()
        .filter_map(|later| {
            // A reading that shows the same page (render took it again) keeps every line:
            // what the diff below finds, without its cost.
            let Some(later_html) = &later.html else {
                return Some(LaterPage {
                    later,
                    title: parts.title.to_string(),
                    lines,
                    edits: vec![Edit::Keep(body_lines)],
                });
            };
            let later_parts = PageParts::of(later_html)?;
            if current.is_empty() {
                current = parts.body.split('\n').collect();
                if break_first {
                    current.push("");
                }
            }
            let new: Vec<&str> = later_parts.body.split('\n').collect();
            Some(LaterPage {
                later,
                title: later_parts.title.to_string(),
                lines,
                edits: line_edits(&current, &new),
            })
        })
        .collect();
    if pages.is_empty() && guard.stale_at.is_none() {
        return (html, String::new());
    }
    let mut carried = String::with_capacity(2048);
    if break_first {
        carried.push('\n');
    }
    let mut inserted = String::new();
    let push_stale_at = |carried: &mut String, at: &Option<DateTime<Utc>>| {
        if let Some(at) = at {
            carried.push_str(" data-stale-at=\"");
            carried.push_str(&rfc3339(at));
            carried.push('"');
        }
    };
    for page in &pages {
        for piece in [
            CARRIED,
            "\"",
            &page.later.name,
            "\" data-key=\"",
            &page.later.key,
            "\"",
        ] {
            carried.push_str(piece);
        }
        push_stale_at(&mut carried, &page.later.stale_at);
        carried.push('>');
        carried.push_str(&script_safe_json(page));
        carried.push_str("</script>\n");
        for text in page.inserted() {
            inserted.push_str(text);
            inserted.push('\n');
        }
    }
    carried.push_str(GUARD_START);
    carried.push_str("data-key=\"");
    carried.push_str(&guard.key);
    carried.push_str("\" data-milestones=\"");
    carried.push_str(&guard.milestones.join(" "));
    carried.push('"');
    push_stale_at(&mut carried, &guard.stale_at);
    carried.push('>');
    carried.push_str(GUARD);
    carried.push_str("</script>\n");
    let end = parts.body_range.end;
    html.insert_str(end, &carried);
    (html, inserted)
}

/// `html` without what [`carry`] added: the page exactly as its own phase renders it, for a
/// reader whose day is not the browser's (serve's previews), where the guard would apply the
/// phase of the browser's clock instead.
pub fn without_later(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = [CARRIED, GUARD_START]
        .iter()
        .filter_map(|start| rest.find(start))
        .min()
    {
        out.push_str(&rest[..at]);
        // What `carry` writes ends at its first `</script>` (the JSON cannot hold one) and a
        // line break.
        let Some(end) = rest[at..].find("</script>\n") else {
            break;
        };
        rest = &rest[at + end + "</script>\n".len()..];
    }
    out.push_str(rest);
    out
}

/// JSON that cannot end its `<script>` element or change how its text is read: `</` and
/// `<!--`, the only sequences that matter there, escaped (`<\/`, `\u003c!--`), which JSON
/// reads as the same text. The rest of the markup stays as it is, so the page stays small.
fn script_safe_json(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
    // Most carried pages hold no markup at all: no copy then.
    if !json.contains('<') {
        return json;
    }
    json.replace("</", "<\\/").replace("<!--", "\\u003c!--")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ended() -> LaterReading {
        LaterReading {
            name: "ended".into(),
            key: "e".into(),
            stale_at: None,
            html: Some("<title>Ended</title><body>\n<p>Ended</p>\n</body>".into()),
        }
    }

    fn round_trip(old: &str, new: &str) -> Vec<Edit> {
        let ended = ended();
        let later = LaterPage {
            later: &ended,
            title: String::new(),
            lines: old.split('\n').count(),
            edits: line_edits(
                &old.split('\n').collect::<Vec<_>>(),
                &new.split('\n').collect::<Vec<_>>(),
            ),
        };
        assert_eq!(apply(old, &later), new);
        later.edits
    }

    #[test]
    fn edits_keep_what_is_shared_and_carry_only_what_differs() {
        let old = "<h2>10 days left</h2>\n<p>Shared first paragraph.</p>\n<p>b</p>\n<p>upcoming only</p>\n<p>Shared last paragraph.</p>\n";
        let new = "<h2>Ended</h2>\n<p>Shared first paragraph.</p>\n<p>b</p>\n<p>Shared last paragraph.</p>\n<p>ended only</p>\n";
        assert_eq!(
            round_trip(old, new),
            [
                Edit::Insert("<h2>Ended</h2>".into()),
                Edit::Skip(1),
                Edit::Keep(2),
                Edit::Skip(1),
                Edit::Keep(1),
                Edit::Insert("<p>ended only</p>".into()),
                Edit::Keep(1),
            ]
        );
    }

    /// A later reading that shows the current page (render took it again) carries what the
    /// diff would find for the same page, whether or not the body ends with a line break.
    #[test]
    fn a_reading_that_shows_the_same_page_carries_what_the_diff_finds() {
        let guard = Guard {
            key: "u10".into(),
            stale_at: None,
            milestones: vec!["2026-01-15".into()],
        };
        for html in [
            "<title>Now</title><body>\n<p>Same</p>\n</body>",
            "<title>Now</title><body>\n<p>Same</p></body>",
        ] {
            let same = LaterReading {
                html: None,
                ..ended()
            };
            let (fast, _) = carry(html.to_string(), &guard, std::slice::from_ref(&same));
            let parts = PageParts::of(html).unwrap();
            let mut current: Vec<&str> = parts.body.split('\n').collect();
            let lines = parts.body.split('\n').collect::<Vec<_>>();
            if !parts.body.ends_with('\n') {
                current.push("");
            }
            let diffed = line_edits(&current, &lines);
            assert_eq!(diffed, [Edit::Keep(lines.len())], "{html:?}");
            assert!(
                fast.contains(&format!("\"edits\":[{}]", lines.len())),
                "{fast}"
            );
        }
    }

    /// The scripts are short: a sentence that occurs once ahead resynchronises at once; a
    /// line that repeats (`</li>`, or a sentence seen before) only with the line after it;
    /// nothing further than the window is looked for.
    #[test]
    fn edits_resynchronise_on_what_is_distinctive_and_near() {
        let long =
            |n: usize| format!("<p>A sentence long enough to be distinctive, number {n}.</p>");
        let l: Vec<String> = (0..8).map(long).collect();
        let lines = |range: std::ops::Range<usize>| range.map(|n| format!("line {n}")).collect();
        let insert = |text: &str| Edit::Insert(text.to_string());
        let cases: Vec<(Vec<String>, Vec<String>, Vec<Edit>)> = vec![
            (
                vec![l[0].clone(), l[1].clone(), l[2].clone(), l[3].clone()],
                vec![l[4].clone(), l[2].clone(), l[3].clone()],
                vec![insert(&l[4]), Edit::Skip(2), Edit::Keep(2)],
            ),
            (
                vec![
                    "</li>".into(),
                    "a".into(),
                    "</li>".into(),
                    "b".into(),
                    "</li>".into(),
                ],
                vec!["</li>".into(), "b".into(), "</li>".into()],
                vec![Edit::Keep(1), Edit::Skip(2), Edit::Keep(2)],
            ),
            (
                vec![
                    l[0].clone(),
                    l[1].clone(),
                    l[5].clone(),
                    l[2].clone(),
                    l[5].clone(),
                    l[3].clone(),
                ],
                vec![l[5].clone(), l[3].clone()],
                vec![Edit::Skip(4), Edit::Keep(2)],
            ),
            (
                vec![l[5].clone(), l[0].clone(), l[5].clone(), l[1].clone()],
                vec![l[5].clone(), l[6].clone(), l[5].clone(), l[1].clone()],
                vec![Edit::Keep(1), insert(&l[6]), Edit::Skip(1), Edit::Keep(2)],
            ),
            (
                lines(0..70),
                lines(64..66),
                vec![Edit::Skip(64), Edit::Keep(2)],
            ),
            (
                lines(0..70),
                lines(65..67),
                vec![insert("line 65\nline 66")],
            ),
            // Sixteen characters are not distinctive yet: the line after must match too.
            (
                vec!["x".into(), "<p>abcdefghi</p>".into(), "y".into()],
                vec!["<p>abcdefghi</p>".into(), "z".into()],
                vec![insert("<p>abcdefghi</p>\nz")],
            ),
            (
                vec!["x".into(), "<p>abcdefghij</p>".into(), "y".into()],
                vec!["<p>abcdefghij</p>".into(), "z".into()],
                vec![Edit::Skip(1), Edit::Keep(1), insert("z")],
            ),
            (
                vec!["x".into(), "y".into(), "z".into()],
                vec!["y".into()],
                vec![Edit::Skip(1), Edit::Keep(1)],
            ),
        ];
        for (old, new, expected) in cases {
            let old = old.join("\n");
            let new = new.join("\n");
            assert_eq!(round_trip(&old, &new), expected, "{old:?} -> {new:?}");
        }
    }

    #[test]
    fn the_body_is_what_lies_between_its_tags() {
        let html = "<html><head><title>A &amp; B</title></head><body class=\"x\">\n<p>1</p>\n</body></html>";
        let parts = PageParts::of(html).unwrap();
        assert_eq!(parts.title, "A &amp; B");
        assert_eq!(parts.body, "\n<p>1</p>\n");
        assert_eq!(&html[parts.body_range], parts.body);
        assert!(PageParts::of("<p>no body</p>").is_none());
    }

    #[test]
    fn any_two_bodies_round_trip() {
        let cases = [
            ("", "x"),
            ("x", ""),
            ("a\nb\nc", "c\nb\na"),
            ("</li>\n</li>\n</li>", "</li>\nnew\n</li>"),
            ("a\n\n\nb", "\n\na\nb\n\n"),
            ("same\nsame", "same\nsame"),
        ];
        for (old, new) in cases {
            round_trip(old, new);
        }
    }

    #[test]
    fn what_is_carried_can_be_taken_out_again() {
        let html =
            "<html><head><title>Now</title></head><body>\n<p>10 days left</p>\n</body></html>";
        let guard = Guard {
            key: "u10".into(),
            stale_at: None,
            milestones: vec!["2026-01-15".into()],
        };
        let (carried, inserted) = carry(html.to_string(), &guard, &[ended()]);
        assert!(
            carried.contains(
                "<script data-phase-guard data-key=\"u10\" data-milestones=\"2026-01-15\">"
            ),
            "{carried}"
        );
        assert!(
            carried.contains("data-phase-page=\"ended\" data-key=\"e\">"),
            "{carried}"
        );
        assert_eq!(inserted, "<p>Ended</p>\n");
        assert_eq!(without_later(&carried), html);
        assert_eq!(without_later(html), html);
        // Nothing to carry and no shared count: no script either.
        assert_eq!(carry(html.to_string(), &guard, &[]).0, html);
        // A count every reader shares goes stale at its instant, even with nothing to carry.
        let shared = Guard {
            key: "U".into(),
            stale_at: Some("2026-01-06T00:00:00Z".parse().unwrap()),
            milestones: vec!["2026-01-15T00:00:00Z/2026-01-16T00:00:00Z".into()],
        };
        let (carried, _) = carry(html.to_string(), &shared, &[]);
        assert!(
            carried.contains("data-stale-at=\"2026-01-06T00:00:00Z\""),
            "{carried}"
        );
    }

    #[test]
    fn a_milestone_is_a_day_or_two_instants_for_the_script() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let start = "2026-01-14T23:00:00Z".parse().unwrap();
        let end = "2026-01-15T23:00:00Z".parse().unwrap();
        assert_eq!(Guard::milestone(true, day, start, end), "2026-01-15");
        assert_eq!(
            Guard::milestone(false, day, start, end),
            "2026-01-14T23:00:00Z/2026-01-15T23:00:00Z"
        );
    }

    #[test]
    fn the_carried_json_cannot_close_its_script() {
        let ended = ended();
        let later = LaterPage {
            later: &ended,
            title: "</script><script>alert(1)</SCRIPT>".into(),
            lines: 1,
            edits: vec![Edit::Insert("<p>&amp;</p><!-- <script>".into())],
        };
        let json = script_safe_json(&later);
        let lower = json.to_lowercase();
        assert!(!lower.contains("</") && !lower.contains("<!--"), "{json}");
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed["edits"][0], "<p>&amp;</p><!-- <script>");
        assert_eq!(parsed["title"], "</script><script>alert(1)</SCRIPT>");
    }
}
