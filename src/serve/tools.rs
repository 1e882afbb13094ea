//! What serve adds to HTML responses: the live-reload script, the preview panel and the error
//! overlay, allowed by the page's Content-Security-Policy. Nothing here is ever written to the
//! output folder.
//!
//! Live reload holds one connection for all tabs: browsers open at most six HTTP/1.1
//! connections per host, so one event stream per tab stalls every request once six tabs are
//! open. The tabs elect a leader with a Web Lock; it alone listens to `/__sunset/events` and
//! passes each build number on through a BroadcastChannel (without those, in an insecure
//! context, each tab listens for itself). On load and on every new build number a tab asks
//! `/__sunset/check` for its own page's version and reloads only when it differs, so that a
//! save that does not change a page leaves its tab alone, and a signal lost while a page
//! reloads cannot leave it stale. A check that hangs (seen while tabs hand the leadership
//! over) is abandoned after three seconds and asked again.

use chrono::{Days, NaiveDate};

use crate::bidi::escape_html;
use crate::csp::{self, Policy};
use crate::diagnostics::counted;

/// The error overlay: what it says is shown behind it, and the diagnostics.
pub struct Overlay<'a> {
    pub headline: &'static str,
    pub text: &'a str,
}

/// What the tools show on one page.
pub struct Tools<'a> {
    pub overlay: Option<Overlay<'a>>,
    /// The page's version, which `/__sunset/check` compares with the current one.
    pub version: &'a str,
    /// The number of the rebuild the page was answered after.
    pub build: u64,
    /// Each milestone's name and last day (one, `end`, for a notice of one date).
    pub milestones: &'a [(String, NaiveDate)],
    /// The `now` of a `?now=` preview, as given: the choice the panel marks.
    pub preview: Option<&'a str>,
    /// The day `--now` fixes, which "now" returns to.
    pub fixed_now: Option<&'a str>,
    /// The warnings and notes of the last good build, one rendered diagnostic each.
    pub warnings: &'a [String],
    /// How many warnings and notes there are, in words (see [`findings_label`]).
    pub findings_label: &'a str,
    /// The page's share card, as its `og:image` tags give it: its address (a preview's, for
    /// a preview) and its text alternative.
    pub card: Option<(String, String)>,
}

/// "1 warning", "2 warnings, 3 notes", "1 note": notes are not warnings.
pub fn findings_label(warnings: usize, notes: usize) -> String {
    match (warnings, notes) {
        (w, 0) => counted(w, "warning", "warnings"),
        (0, n) => counted(n, "note", "notes"),
        (w, n) => format!(
            "{}, {}",
            counted(w, "warning", "warnings"),
            counted(n, "note", "notes")
        ),
    }
}

const STYLE: &str = "\
#sunset-panel{position:fixed;inset-block-end:.5rem;inset-inline-end:.5rem;z-index:2147483646;box-sizing:border-box;\
max-inline-size:calc(100vw - 1rem);color-scheme:light dark;background:Canvas;color:CanvasText;border:1px solid #888;\
border-radius:.4rem;padding:.3rem .5rem;font:13px/1.6 system-ui,sans-serif}\
#sunset-panel [aria-pressed=true]{font-weight:bold;text-decoration:underline}\
#sunset-warnings pre{max-block-size:40vh;max-inline-size:60ch;overflow:auto;white-space:pre-wrap;font-size:12px}\
#sunset-card img{display:block;inline-size:min(300px,100%);block-size:auto;margin-block:.3rem;border:1px solid #888}\
#sunset-error{position:fixed;inset:0;z-index:2147483647;overflow:auto;background:#1b1f23f5;color:#fff;padding:2rem;\
font:14px/1.5 monospace}\
#sunset-error[hidden]{display:none}\
body::after{content:'';display:block;block-size:4rem}\
#sunset-error pre{white-space:pre-wrap}\
@media (max-width:40em){#sunset-panel{position:static;margin:1rem .5rem;max-inline-size:none}}";

const SCRIPT: &str = r#"(function(){
var me=document.currentScript.dataset,build=me.build,busy=0,again=0,dev=document.getElementById('sunset-dev');
var count=document.getElementById('sunset-warnings');
function warn(list,label){count.hidden=!list.length;count.querySelector('summary').textContent=label;count.querySelector('pre').textContent=list.join('\n')}
function check(){if(busy){again=1;return}busy=1;var stop=new AbortController(),late=setTimeout(function(){again=1;stop.abort()},3000);
fetch('/__sunset/check?page='+encodeURIComponent(location.pathname+location.search),{cache:'no-store',signal:stop.signal})
.then(function(r){return r.json()}).then(function(s){if(s.version!==me.version){again=0;location.reload()}else warn(s.warnings,s.label)})
.catch(function(){}).then(function(){clearTimeout(late);busy=0;if(again){again=0;check()}})}
function signal(b){if(b!==build){build=b;check()}}
var ch=window.BroadcastChannel?new BroadcastChannel('sunset-live'):null;
function listen(){new EventSource('/__sunset/events').onmessage=function(e){if(ch)ch.postMessage(e.data);signal(e.data)}}
if(ch)ch.onmessage=function(e){signal(e.data)};
if(ch&&navigator.locks)navigator.locks.request('sunset-live',function(){listen();return new Promise(function(){})});else listen();
check();
var input=document.getElementById('sunset-now');
function go(v){var u=new URL(location.href);if(v)u.searchParams.set('now',v);else u.searchParams.delete('now');if(u.href!==location.href)location.href=u.href}
function typed(){var v=input.value;if(/^\d{4}-\d\d-\d\d$/.test(v)&&+v.slice(0,4)>=1970&&v!==input.defaultValue)go(v)}
input.addEventListener('keydown',function(e){if(e.key==='Enter'){e.preventDefault();typed()}});
input.addEventListener('blur',typed);
document.getElementById('sunset-panel').addEventListener('submit',function(e){e.preventDefault()});
dev.querySelectorAll('[data-now]').forEach(function(b){b.addEventListener('click',function(){go(b.dataset.now)})});
var now=new URLSearchParams(location.search).get('now');
if(now)document.querySelectorAll('a[href^="/"]').forEach(function(a){var u=new URL(a.href);u.searchParams.set('now',now);a.href=u.href});
var dialog=document.getElementById('sunset-error');
if(dialog){var before=document.activeElement,shut=dialog.querySelector('button');
var away=[].filter.call(document.body.children,function(e){return e!==dev}).concat(document.getElementById('sunset-panel'));
function keys(e){if(e.key==='Escape')close();if(e.key!=='Tab')return;var stops=dialog.querySelectorAll('button,[tabindex]'),first=stops[0],last=stops[stops.length-1],at=document.activeElement;
if(!dialog.contains(at)||(e.shiftKey?at===first:at===last)){e.preventDefault();(e.shiftKey?last:first).focus()}}
function close(){dialog.hidden=true;away.forEach(function(e){e.inert=false});document.removeEventListener('keydown',keys);if(before&&before.focus)before.focus()}
away.forEach(function(e){e.inert=true});shut.addEventListener('click',close);document.addEventListener('keydown',keys);shut.focus()}
})();"#;

/// `html` with the tools: their style before `</head>` (or with the rest, in a page without
/// one, where it must not come before the doctype), the rest before `</body>`; and the page's
/// Content-Security-Policy (its meta tag's) allowing them too, which the response sends as a
/// header as the hosts' files do, so that what the policy blocks shows while previewing.
pub fn inject(html: &str, tools: &Tools) -> (String, Policy) {
    let style = format!("<style>{STYLE}</style>");
    let mut added = aside(tools);
    let mut out = String::with_capacity(html.len() + style.len() + added.len());
    let body = match html.find("</head>") {
        Some(at) => {
            out.push_str(&html[..at]);
            out.push_str(&style);
            &html[at..]
        }
        None => {
            added.insert_str(0, &style);
            html
        }
    };
    let end = body.rfind("</body>").unwrap_or(body.len());
    out.push_str(&body[..end]);
    out.push_str(&added);
    out.push_str(&body[end..]);
    let mut policy = Policy::of_page(html).unwrap_or_default();
    policy.allow_style(STYLE);
    policy.allow_script(SCRIPT);
    (csp::with_meta(&out, &policy), policy)
}

fn aside<'a>(tools: &Tools<'a>) -> String {
    let mut html = String::from(
        "<aside id=\"sunset-dev\" aria-label=\"sunset serve\" dir=\"ltr\" lang=\"en\">",
    );
    if let Some(overlay) = &tools.overlay {
        html.push_str(&format!(
            "<div id=\"sunset-error\" role=\"dialog\" aria-modal=\"true\" aria-labelledby=\"sunset-error-title\">\
             <p id=\"sunset-error-title\"><strong>{}</strong></p>\
             <button type=\"button\">Close (Esc)</button><pre tabindex=\"0\">{}</pre></div>",
            overlay.headline,
            escape_html(overlay.text)
        ));
    }
    let day = |now: &'a str| now.get(..10).unwrap_or(now);
    let preview = tools.preview.map(day);
    // The field shows the day the page reads as: the preview's, else `--now`'s.
    let shown = preview.or(tools.fixed_now.map(day));
    html.push_str(&format!(
        "<form id=\"sunset-panel\"><label>Preview at <input type=\"date\" id=\"sunset-now\" value=\"{}\"></label> \
         <span role=\"group\" aria-label=\"Preview shortcuts\">",
        escape_html(shown.unwrap_or(""))
    ));
    let pressed = |active: bool| if active { "true" } else { "false" };
    for (label, date) in shortcuts(tools.milestones) {
        if let Some(date) = date {
            let date = date.to_string();
            html.push_str(&format!(
                "<button type=\"button\" data-now=\"{date}\" aria-pressed=\"{}\">{}</button> ",
                pressed(preview == Some(date.as_str())),
                escape_html(&label)
            ));
        }
    }
    let now_label = match tools.fixed_now {
        Some(day) => format!("now: {}", escape_html(day)),
        None => "now".to_string(),
    };
    html.push_str(&format!(
        "<button type=\"button\" data-now=\"\" aria-pressed=\"{}\">{now_label}</button></span>",
        pressed(preview.is_none())
    ));
    html.push_str(&format!(
        " <details id=\"sunset-warnings\"{}><summary>{}</summary><pre tabindex=\"0\">{}</pre></details></form>",
        if tools.warnings.is_empty() { " hidden" } else { "" },
        escape_html(tools.findings_label),
        escape_html(&tools.warnings.join("\n"))
    ));
    if let Some((url, alt)) = &tools.card {
        html.insert_str(
            html.len() - "</form>".len(),
            &format!(
                " <details id=\"sunset-card\"><summary>Share card</summary><img src=\"{}\" alt=\"{}\" width=\"1200\" height=\"630\" loading=\"lazy\"></details>",
                escape_html(url),
                escape_html(alt)
            ),
        );
    }
    html.push_str(&format!(
        "<script data-version=\"{}\" data-build=\"{}\">{SCRIPT}</script></aside>",
        tools.version, tools.build
    ));
    html
}

/// The panel's dates to preview: before the first milestone, each milestone's last day, and
/// after the last.
fn shortcuts(milestones: &[(String, NaiveDate)]) -> Vec<(String, Option<NaiveDate>)> {
    let before = |date: NaiveDate| date.checked_sub_days(Days::new(10));
    let after = |date: NaiveDate| date.checked_add_days(Days::new(7));
    match milestones {
        [] => Vec::new(),
        [(_, end)] => vec![
            ("10 days before the end".into(), before(*end)),
            ("the last day".into(), Some(*end)),
            ("a week after".into(), after(*end)),
        ],
        several => {
            let mut by_date: Vec<&(String, NaiveDate)> = several.iter().collect();
            by_date.sort_by_key(|(_, date)| *date);
            let (first, last) = (by_date[0], by_date[by_date.len() - 1]);
            let mut list = vec![(format!("10 days before {}", first.0), before(first.1))];
            list.extend(
                by_date
                    .iter()
                    .map(|(name, date)| (format!("on {name}"), Some(*date))),
            );
            list.push((format!("a week after {}", last.0), after(last.1)));
            list
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panel_counts_warnings_and_notes_apart() {
        assert_eq!(findings_label(1, 0), "1 warning");
        assert_eq!(findings_label(0, 52), "52 notes");
        assert_eq!(findings_label(18, 1), "18 warnings, 1 note");
    }

    fn tools<'a>(overlay: Option<Overlay<'a>>, preview: Option<&'a str>) -> Tools<'a> {
        Tools {
            overlay,
            version: "v1",
            build: 3,
            milestones: Box::leak(Box::new([(
                "end".to_string(),
                NaiveDate::from_ymd_opt(2026, 1, 15).unwrap(),
            )])),
            preview,
            fixed_now: None,
            warnings: &[],
            findings_label: "",
            card: None,
        }
    }

    #[test]
    fn the_panel_offers_each_milestone_in_date_order() {
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let milestones = [
            ("export-closes".to_string(), day("2026-07-31")),
            ("streaming-ends".to_string(), day("2026-04-30")),
        ];
        let offered: Vec<(String, String)> = shortcuts(&milestones)
            .into_iter()
            .map(|(label, date)| (label, date.unwrap().to_string()))
            .collect();
        let expected = [
            ("10 days before streaming-ends", "2026-04-20"),
            ("on streaming-ends", "2026-04-30"),
            ("on export-closes", "2026-07-31"),
            ("a week after export-closes", "2026-08-07"),
        ];
        assert_eq!(
            offered,
            expected.map(|(l, d)| (l.to_string(), d.to_string()))
        );
        let one = shortcuts(&milestones[1..]);
        let labels: Vec<&str> = one.iter().map(|(label, _)| label.as_str()).collect();
        assert_eq!(
            labels,
            ["10 days before the end", "the last day", "a week after"]
        );
    }

    #[test]
    fn tools_go_before_the_end_of_the_head_and_body() {
        let overlay = Overlay {
            headline: "The last rebuild failed.",
            text: "error: <bad>",
        };
        let (html, _) = inject(
            "<html><head><title>x</title></head><body><p>x</p></body></html>",
            &tools(Some(overlay), None),
        );
        assert!(html.contains("<style>#sunset-panel"), "{html}");
        assert!(html.find("<style>").unwrap() < html.find("</head>").unwrap());
        assert!(html.ends_with("</aside></body></html>"), "{html}");
        assert!(html.contains("error: &lt;bad&gt;"));
        assert!(html.contains("data-version=\"v1\" data-build=\"3\""));
        assert!(html.contains("data-now=\"2026-01-05\" aria-pressed=\"false\""));
        assert!(html.contains("data-now=\"\" aria-pressed=\"true\""));
    }

    #[test]
    fn the_panel_shows_the_share_card() {
        let mut with_card = tools(None, None);
        with_card.card = Some((
            "/en/card.1a2b3c4d.png?now=2026-01-15".into(),
            "A & B".into(),
        ));
        let (html, _) = inject("<body></body>", &with_card);
        assert!(
            html.contains("<img src=\"/en/card.1a2b3c4d.png?now=2026-01-15\" alt=\"A &amp; B\""),
            "{html}"
        );
        assert!(html.find("sunset-card").unwrap() < html.find("</form>").unwrap());
        let (without, _) = inject("<body></body>", &tools(None, None));
        assert!(!without.contains("id=\"sunset-card\""));
    }

    #[test]
    fn a_page_without_a_head_keeps_its_doctype_first() {
        let (html, _) = inject(
            "<!DOCTYPE html><title>404</title><body>Not found</body>",
            &tools(None, None),
        );
        assert!(html.starts_with("<!DOCTYPE html>\n<meta http-equiv=\"Content-Security-Policy\""));
        assert!(
            html.contains("<title>404</title><body>Not found<style>"),
            "{html}"
        );
        assert!(html.ends_with("</aside></body>"), "{html}");
    }

    /// The page's own hashes stay, and the tools' join them, in the meta tag and the header.
    #[test]
    fn the_policy_allows_the_page_and_the_tools() {
        let mut page = Policy::default();
        page.allow_script("guard()");
        let built = csp::with_meta(
            "<html><head><title>x</title></head><body></body></html>",
            &page,
        );
        let (html, policy) = inject(&built, &tools(None, None));
        assert_eq!(Policy::of_page(&html), Some(policy.clone()));
        assert_eq!(html.matches("http-equiv").count(), 1);
        let header = policy.header_value();
        for code in ["guard()", SCRIPT] {
            assert!(header.contains(&csp::hash_source(code)), "{header}");
        }
        assert!(header.contains(&csp::hash_source(STYLE)), "{header}");
        assert!(header.ends_with("frame-ancestors 'none'"), "{header}");
    }

    #[test]
    fn the_previewed_day_is_marked() {
        let (html, _) = inject("<body></body>", &tools(None, Some("2026-01-22")));
        assert!(html.contains("value=\"2026-01-22\""), "{html}");
        assert!(html.contains("data-now=\"2026-01-22\" aria-pressed=\"true\""));
        assert!(html.contains("data-now=\"\" aria-pressed=\"false\""));
        assert!(
            !html.contains("role=\"dialog\""),
            "no overlay without a failure"
        );
    }
}
