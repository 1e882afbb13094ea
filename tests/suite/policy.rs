//! The Content-Security-Policy and the hosts' files: every inline script and style of every
//! page, found here by a reading of its own, is allowed by a hash in the page's meta tag and in
//! the headers files; nothing a hash cannot allow (a `style` attribute, an `on…` handler) is
//! anywhere in the output; `_headers` stays within Cloudflare's limits; a template's mistake is
//! an error at its line; all of it deterministic.

use std::collections::BTreeSet;

use sunset::csp::hash_source;

use crate::common::{SiteTest, refused};

/// Before the end, the last day, after it.
const DATES: [&str; 3] = ["2026-01-05", "2026-01-15", "2026-01-20"];

/// The text of each inline `<script>` the browser runs (no `type`, or a JavaScript one, and no
/// `src`) and of each `<style>` of `html`, read plainly: these pages write no comment or
/// `</script>` inside one.
fn inline_code(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for (open, close) in [("<script", "</script>"), ("<style", "</style>")] {
        let mut rest = html;
        while let Some(at) = rest.find(open) {
            let tag_end = at + rest[at..].find('>').unwrap();
            let tag = &rest[at..tag_end];
            let end = tag_end + rest[tag_end..].find(close).unwrap();
            let runs = !tag.contains(" src=") && !tag.contains(" type=\"application/");
            if runs && (open == "<style" || end > tag_end + 1) {
                found.push(&rest[tag_end + 1..end]);
            }
            rest = &rest[end..];
        }
    }
    found
}

/// The hash sources of a `Content-Security-Policy` value's `script-src` and `style-src`.
fn hashes(policy: &str) -> BTreeSet<&str> {
    policy
        .split(['"', ' ', ';'])
        .filter(|word| word.starts_with("'sha256-"))
        .collect()
}

fn meta_policy(html: &str) -> &str {
    let start = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    let at = html.find(start).expect("a policy meta tag") + start.len();
    &html[at..at + html[at..].find('"').unwrap()]
}

/// Each HTML file of the last build, by path.
fn pages(site: &SiteTest) -> Vec<(String, String)> {
    site.tree("public")
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

#[test]
fn every_inline_script_and_style_is_allowed_by_its_page_and_by_the_headers() {
    let site = SiteTest::shipped();
    for date in DATES {
        site.build_at(date);
        let headers = site.output("_headers");
        let nginx = site.output("_nginx/server.conf");
        let header_line = headers
            .lines()
            .find(|l| l.starts_with("  Content-Security-Policy: "))
            .unwrap();
        let nginx_line = nginx
            .lines()
            .find(|l| l.starts_with("add_header Content-Security-Policy "))
            .unwrap();
        let mut union = BTreeSet::new();
        for (path, html) in pages(&site) {
            let meta = meta_policy(&html);
            // The meta tag comes before any script or style, where it governs them all.
            let meta_at = html.find("<meta http-equiv").unwrap();
            assert!(meta_at < html.find("<style").unwrap(), "{path}");
            assert!(
                !meta.contains("frame-ancestors"),
                "{path}: ignored in a meta tag"
            );
            let code = inline_code(&html);
            assert!(!code.is_empty(), "{path} has inline code to allow");
            for text in code {
                let hash = hash_source(text);
                assert!(
                    hashes(meta).contains(hash.as_str()),
                    "{path} ({date}): {hash}"
                );
                assert!(
                    hashes(header_line).contains(hash.as_str()),
                    "{path}: {hash}"
                );
                assert!(hashes(nginx_line).contains(hash.as_str()), "{path}: {hash}");
            }
            union.extend(hashes(meta).into_iter().map(str::to_string));
        }
        // The headers allow nothing that no page has.
        let header_hashes: BTreeSet<String> = hashes(header_line)
            .into_iter()
            .map(str::to_string)
            .collect();
        assert_eq!(header_hashes, union, "{date}");
    }
}

/// A style attribute or an inline handler would be blocked: none is written, in what a page
/// shows or carries for later readings, by the shipped site's templates, the starter's, or
/// Markdown (table alignment).
#[test]
fn no_style_attribute_or_event_handler_is_written() {
    let shipped = SiteTest::shipped();
    shipped.write(
        "content/en/faq.md",
        &(shipped.read("content/en/faq.md")
            + "\n## Which plans?\n\n| Plan | Price |\n|:--|--:|\n| Plus | 20 |\n"),
    );
    let starter = SiteTest::init(&["--languages", "en,he,fr"]);
    let attribute = |html: &str| {
        let lower = html.to_ascii_lowercase();
        lower
            .match_indices(['<', ' ', '\n'])
            .filter_map(|(at, _)| {
                let name: String = lower[at + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                let after = &lower[at + 1 + name.len()..];
                let is_attribute = after.starts_with('=') || after.starts_with("=\\\"");
                (is_attribute && (name == "style" || (name.len() > 2 && name.starts_with("on"))))
                    .then(|| lower[at..].chars().take(60).collect::<String>())
            })
            .next()
    };
    for site in [&shipped, &starter] {
        for date in DATES {
            site.build_at(date);
            for (path, html) in pages(site) {
                assert_eq!(attribute(&html), None, "{path} at {date}");
            }
        }
    }
    let faq = shipped.output("en/faq/index.html");
    assert!(faq.contains("<td class=\"align-end\">20</td>"), "{faq}");
}

#[test]
fn headers_stay_within_cloudflare_s_limits_and_say_what_a_review_looks_for() {
    let site = SiteTest::shipped();
    let build_for = |base_url: &str| {
        let args = ["build", "--now", "2026-01-05", "--base-url", base_url];
        site.run(&args).expect_code(0);
    };
    build_for("https://example.org/help/");
    let headers = site.output("_headers");
    let rules: Vec<&str> = headers
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with([' ', '#']))
        .collect();
    assert_eq!(rules, ["/help/*"]);
    assert!(headers.lines().all(|l| l.len() <= 2000), "{headers}");
    for header in [
        "Content-Security-Policy: default-src 'none'; script-src 'self' 'sha256-",
        "frame-ancestors 'none'\n",
        "Strict-Transport-Security: max-age=63072000\n",
        "X-Content-Type-Options: nosniff\n",
        "Referrer-Policy: strict-origin-when-cross-origin\n",
        "Permissions-Policy: accelerometer=(), ",
    ] {
        assert!(headers.contains(header), "{header} in:\n{headers}");
    }
    assert!(!headers.contains("unsafe"), "{headers}");
    let redirects = site.output("_redirects");
    let rules: Vec<&str> = redirects.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        rules,
        ["en", "ar", "tr", "id", "fr"].map(|l| format!("/help/  /help/{l}/  302!  Language={l}"))
    );
    // A site served over http gets no HSTS, which browsers ignore there.
    build_for("http://127.0.0.1:8080/");
    assert!(!site.output("_headers").contains("Strict-Transport"));
}

/// Forty pages whose script differs: their hashes cannot share a header line, so the headers
/// keep what needs no hash (and `frame-ancestors`), each page's meta tag the rest, and the
/// build says so.
#[test]
fn too_many_hashes_for_one_header_line_stay_in_the_meta_tags() {
    let site = SiteTest::fixture("mini");
    site.edit(
        "templates/page.html",
        "</head>",
        "<script>var page = \"{{ page.permalink }}\";</script></head>",
    );
    for n in 0..8 {
        site.write(
            &format!("content/en/more-{n}.md"),
            &format!("+++\ntitle = \"More {n}\"\ndescription = \"Page {n}\"\n+++\nText {n}.\n"),
        );
    }
    let run = site.build_at("2026-01-05");
    assert!(
        run.stderr.contains("too long for one header line"),
        "{}",
        run.stderr
    );
    let headers = site.output("_headers");
    assert!(headers.lines().all(|l| l.len() <= 2000));
    assert!(
        headers.contains(
            "Content-Security-Policy: object-src 'none'; base-uri 'self'; form-action 'self'; \
             frame-ancestors 'none'\n"
        ),
        "{headers}"
    );
    let page = site.output("fr/more-3/index.html");
    let script = "var page = \"https://example.org/fr/more-3/\";";
    assert!(hashes(meta_policy(&page)).contains(hash_source(script).as_str()));
}

#[test]
fn host_files_follow_site_toml_and_keep_the_site_s_own() {
    let site = SiteTest::fixture("mini");
    site.write("static/_headers", "/*.css\n  Cache-Control: max-age=60\n");
    site.write("static/_redirects", "/old  /en/  301\n");
    site.build_at("2026-01-05");
    // sunset's rules, then the site's, in _headers; the site's first in _redirects.
    let written = [
        (
            "_headers",
            "# The security headers",
            "\n/*.css\n  Cache-Control: max-age=60\n",
        ),
        (
            "_redirects",
            "/old  /en/  301\n\n# A reader",
            "Language=fr\n",
        ),
    ];
    for (file, start, end) in written {
        let text = site.output(file);
        assert!(text.starts_with(start) && text.ends_with(end), "{text}");
    }
    let nginx = site.path("public/_nginx");
    assert!(!nginx.exists(), "nginx's files are written when asked for");
    let toml = site.read("site.toml") + "\n[hosting]\nnetlify = false\nnginx = true\n";
    site.write("site.toml", &toml);
    site.build_at("2026-01-05");
    // The site's own files are published as they are.
    assert_eq!(site.output("_redirects"), "/old  /en/  301\n");
    assert_eq!(
        site.output("_headers"),
        "/*.css\n  Cache-Control: max-age=60\n"
    );
    let http = site.output("_nginx/http.conf");
    assert!(http.contains("(?<sunset_code>en|ar|tr|id|fr)"), "{http}");
    assert!(http.contains("\"~*^/ ar$\" /ar/;"), "{http}");
    let server = site.output("_nginx/server.conf");
    assert!(server.contains("add_header Content-Security-Policy \"default-src 'none'; "));
    assert!(server.contains("return 302 $sunset_redirect$is_args$args;"));
}

#[test]
fn the_policy_and_host_files_are_deterministic() {
    let site = SiteTest::shipped();
    site.build_at("2026-01-05");
    let first = site.tree("public");
    site.build_at("2026-01-05");
    assert_eq!(site.tree("public"), first);
}

#[test]
fn what_the_policy_would_block_is_an_error_where_it_is_written() {
    refused(
        |site| {
            site.edit(
                "templates/page.html",
                "<main>",
                "<main style=\"color:red\">",
            );
        },
        "templates/page.html:13:7",
        "a `style` attribute, which the site's Content-Security-Policy blocks",
    );
    refused(
        |site| {
            site.edit("templates/root.html", "<body>", "<body onload=\"go()\">");
        },
        "templates/root.html",
        "an `onload` handler",
    );
    refused(
        |site| {
            let toml = site.read("site.toml") + "\n[markdown]\nraw_html = true\n";
            site.write("site.toml", &toml);
            site.edit(
                "content/en/faq.md",
                "\n+++\n",
                "\n+++\n<img alt=\"\" src=\"https://cdn.example/a.png\">\n\n",
            );
        },
        "content/en/faq.md",
        "loads https://cdn.example/a.png",
    );
}
