// The built site in a real browser, served by a real nginx: once at the root of a host, once
// under a sub-path (/help/), as GitHub Pages project sites and the like serve it.
// Screenshots of every page (desktop and mobile) are saved in e2e-screenshots/.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, cpSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { freePort, waitForPort, nginxConfig, snippet, launchChromium } from "./hosting.mjs";
import vnuJar from "vnu-jar";
import { readCard, missingWords, words } from "./ocr.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..");
const screenshots = join(repo, "e2e-screenshots");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const LANGUAGES = ["en", "ar", "tr", "id", "fr"];
const PAGES = ["", "faq/", "link-account/"];
const NOW = "2026-01-05";
/** A build for each phase: ten days before the end, the last day, after it. */
const PHASE_BUILDS = { root: NOW, sub: NOW, "last-day": "2026-01-15", ended: "2026-01-20" };
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const work = mkdtempSync(join(tmpdir(), "sunset-e2e-"));
const servers = {};
let browser;

function sunset(args) {
  execFileSync("cargo", ["run", "--quiet", "--", ...args], { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });
}

/**
 * Builds the site in `root` (the repository's, by default) for `prefix` (`/` or `/help/`) and
 * serves it with nginx on a free port, with the headers and redirect of the build's _nginx/.
 */
async function serve(name, prefix, { root = repo, now = PHASE_BUILDS[name] } = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}${prefix}`;
  const out = join(work, name, "public");
  sunset(["--root", root, "build", "--now", now, "--base-url", base, "--out", out]);
  const dir = join(work, name);
  const location = prefix === "/" ? `location / { root ${out}; }` : `location ${prefix} { alias ${out}/; }`;
  const config = nginxConfig(dir, out, `server {
        listen 127.0.0.1:${port};
        ${snippet(out, "server.conf")}
        ${location}
        error_page 404 ${prefix}404.html;
      }`);
  writeFileSync(join(dir, "nginx.conf"), config);
  const nginx = spawn("nginx", ["-c", join(dir, "nginx.conf"), "-p", dir], { stdio: "inherit" });
  await waitForPort(port);
  servers[name] = { base, out, nginx, prefix };
}

before(async () => {
  await serve("root", "/");
  await serve("sub", "/help/");
  await serve("last-day", "/");
  await serve("ended", "/");
  // The site as it is while a translation lags: the French FAQ not written yet.
  const lagging = join(work, "lagging-site");
  for (const part of ["site.toml", "content", "locales", "templates", "static"]) cpSync(join(repo, part), join(lagging, part), { recursive: true });
  rmSync(join(lagging, "content", "fr", "faq.md"));
  await serve("untranslated", "/", { root: lagging, now: NOW });
  browser = await launchChromium();
  rmSync(screenshots, { recursive: true, force: true });
});

after(async () => {
  await browser?.close();
  for (const { nginx } of Object.values(servers)) nginx.kill();
  rmSync(work, { recursive: true, force: true });
});

/** Opens `url` and records what went wrong while loading it. */
async function open(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => { if (message.type() === "error") problems.push(`console: ${message.text()}`); });
  page.on("pageerror", (error) => problems.push(`exception: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`failed: ${request.url()}`));
  page.on("response", (response) => { if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`); });
  const response = await page.goto(url, { waitUntil: "load" });
  return { page, problems, response };
}

async function axeViolations(page) {
  // Through the DevTools protocol: the page's Content-Security-Policy would block a <script>.
  await page.evaluate(`${axeSource}\n;0`);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }), WCAG);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const name of Object.keys(PHASE_BUILDS)) {
  const where = name === "sub" ? "a sub-path" : "the root";
  test(`every page built for ${PHASE_BUILDS[name]}, served at ${where}, loads cleanly, passes axe, and its links resolve`, async () => {
    const { base } = servers[name];
    const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const mobile = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    // Read on the day it was built for: a later clock would show the later phase's page.
    for (const context of [desktop, mobile]) await context.clock.install({ time: new Date(`${PHASE_BUILDS[name]}T12:00:00Z`) });
    const links = new Set();
    mkdirSync(join(screenshots, name), { recursive: true });
    for (const lang of LANGUAGES) {
      for (const path of PAGES) {
        const url = `${base}${lang}/${path}`;
        const { page, problems, response } = await open(desktop, url);
        assert.equal(response.status(), 200, url);
        assert.deepEqual(problems, [], url);
        assert.deepEqual(await axeViolations(page), [], `axe on ${url}`);
        for (const href of await page.$$eval("a[href], link[href]", (elements) => elements.map((e) => e.href))) {
          if (href.startsWith(base)) links.add(href.split("#")[0]);
          if (href.startsWith("http://127.0.0.1") && !href.startsWith(base)) assert.fail(`${url} links outside ${base}: ${href}`);
        }
        const file = `${lang}__${path.replace(/\//g, "") || "index"}`;
        await page.screenshot({ path: join(screenshots, name, `${file}.desktop.png`) });
        await page.close();
        const phone = await open(mobile, url);
        assert.deepEqual(phone.problems, [], `${url} on a phone`);
        const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `${url} is ${overflow}px wider than a phone`);
        await phone.page.screenshot({ path: join(screenshots, name, `${file}.mobile.png`) });
        await phone.page.close();
      }
    }
    for (const link of links) {
      const response = await desktop.request.get(link);
      assert.equal(response.status(), 200, `link ${link}`);
    }
    // 15 pages, the root, the icon, 5 feeds, 5 notices for apps, and while upcoming, 5
    // calendar reminders.
    const expected = PHASE_BUILDS[name] === NOW ? 32 : 27;
    assert.equal(links.size, expected, `internal links found: ${[...links].join(" ")}`);
    await desktop.close();
    await mobile.close();
  });
}

/** The tags of a page's share card, as a crawler reads them. */
function cardTags(page) {
  return page.evaluate(() => {
    const meta = (key) => document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.content;
    return {
      image: meta("og:image"), width: meta("og:image:width"), height: meta("og:image:height"),
      type: meta("og:image:type"), alt: meta("og:image:alt"), twitter: meta("twitter:card"),
      title: meta("og:title"), lang: document.documentElement.lang,
    };
  });
}

/**
 * Every page of every phase names its share card: absolute, under the site's address, a PNG
 * of 1200 × 630 and at most 300 KB that the server serves, with a text alternative in the
 * page's language that starts with its title. Tesseract, which did not draw them, reads each
 * card back in its language: every word of the title and status the alternative gives, in
 * order. The cards land in e2e-screenshots/cards/.
 */
test("every page names its share card, which reads back in its language", async () => {
  const context = await browser.newContext();
  const read = {};
  for (const name of ["root", "sub", "last-day", "ended"]) {
    const { base } = servers[name];
    mkdirSync(join(screenshots, "cards", name), { recursive: true });
    for (const lang of LANGUAGES) {
      for (const path of PAGES) {
        const url = `${base}${lang}/${path}`;
        const { page } = await open(context, url);
        const tags = await cardTags(page);
        await page.close();
        assert.match(tags.image, new RegExp(`^${base}${lang}/${path}card\\.[0-9a-f]{8}\\.png$`), url);
        assert.deepEqual([tags.width, tags.height, tags.type, tags.twitter, tags.lang],
          ["1200", "630", "image/png", "summary_large_image", lang], url);
        assert.ok(tags.alt.startsWith(`${tags.title} – `), `${url}: alt ${tags.alt}`);
        const response = await context.request.get(tags.image);
        assert.equal(response.status(), 200, tags.image);
        assert.equal(response.headers()["content-type"], "image/png", tags.image);
        const png = await response.body();
        assert.ok(png.length <= 300 * 1024, `${tags.image} is ${png.length} bytes`);
        assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630], tags.image);
        if (name === "sub") {
          // The same card as at the root: a card does not depend on where the site lives.
          assert.equal(tags.image.slice(base.length), read[`root ${lang}/${path}`].image, url);
          continue;
        }
        const file = join(screenshots, "cards", name, `${lang}__${path.replace(/\//g, "") || "index"}.png`);
        writeFileSync(file, png);
        const text = readCard(file, lang);
        // The alternative is the card's title, then its status lines, as the card shows them.
        assert.deepEqual(missingWords(tags.alt, text, lang), [], `${url}: Tesseract read ${JSON.stringify(text)}`);
        read[`${name} ${lang}/${path}`] = { image: tags.image.slice(base.length), words: words(tags.alt, lang).length };
      }
    }
  }
  // The chooser at / shows the default language's notice card.
  const { page } = await open(context, servers.root.base);
  assert.equal((await cardTags(page)).image, `${servers.root.base}${read["root en/"].image}`);
  await context.close();
  for (const lang of LANGUAGES) {
    const cards = Object.entries(read).filter(([key]) => key.includes(` ${lang}/`));
    const count = cards.reduce((sum, [, card]) => sum + card.words, 0);
    console.log(`share cards read back by Tesseract, ${lang}: ${cards.length} cards, ${count} words of title and status, all found in order`);
  }
});

test("the share card check catches a wrong card", () => {
  const { out } = servers.root;
  const card = (lang) => join(out, lang, readFileSync(join(out, lang, "index.html"), "utf8").match(/\/(card\.[0-9a-f]{8}\.png)"/)[1]);
  const arabic = readCard(card("ar"), "ar");
  assert.deepEqual(missingWords("انتهاء خدمة ChatGPT على واتساب", arabic, "ar"), []);
  // Words in the wrong order, as a renderer without bidi would leave them, are not the title.
  assert.notDeepEqual(missingWords("واتساب على ChatGPT خدمة انتهاء", arabic, "ar"), []);
  assert.notDeepEqual(missingWords("The end of ChatGPT on WhatsApp", arabic, "en"), []);
  const turkish = readCard(card("tr"), "tr");
  assert.notDeepEqual(missingWords("WhatsApp’taki ChatGPT hizmetinin başlaması", turkish, "tr"), []);
});

test("the language switcher leads to the same page in every language", async () => {
  const { base } = servers.sub;
  const context = await browser.newContext();
  for (const lang of LANGUAGES) {
    for (const path of PAGES) {
      const { page } = await open(context, `${base}${lang}/${path}`);
      const choices = await page.$$eval("nav.languages a", (links) => links.map((a) => ({ href: a.href, lang: a.lang, hreflang: a.hreflang })));
      assert.deepEqual(choices.map((c) => c.lang), LANGUAGES);
      for (const choice of choices) {
        assert.equal(choice.href, `${base}${choice.hreflang}/${path}`);
        const target = await context.request.get(choice.href);
        assert.match(await target.text(), new RegExp(`<html lang="${choice.hreflang}"`));
      }
      await page.close();
    }
  }
  await context.close();
});

test("Arabic pages lay out right to left, and the others left to right", async () => {
  const { base } = servers.root;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.clock.install({ time: new Date(`${NOW}T12:00:00Z`) });
  // Where the heading's text itself sits (not its box, which spans the column in either
  // direction), against the edges of its column.
  const layout = async (url) => {
    const { page } = await open(context, url);
    const result = await page.evaluate(() => {
      const heading = document.querySelector("main h1");
      const range = document.createRange();
      range.selectNodeContents(heading);
      // Each line of the heading, from the boxes of its text (an isolated name has a box of
      // its own); the narrowest says where the text goes, a line that fills the column does not.
      const lines = new Map();
      for (const box of range.getClientRects()) {
        const key = Math.round(box.bottom);
        const line = lines.get(key) ?? { left: Infinity, right: -Infinity };
        lines.set(key, { left: Math.min(line.left, box.left), right: Math.max(line.right, box.right) });
      }
      const text = [...lines.values()].reduce((a, b) => (b.right - b.left < a.right - a.left ? b : a));
      const column = heading.parentElement.getBoundingClientRect();
      const style = getComputedStyle(heading.parentElement);
      return {
        direction: getComputedStyle(document.body).direction,
        fromStart: text.left - (column.left + parseFloat(style.paddingLeft)),
        fromEnd: column.right - parseFloat(style.paddingRight) - text.right,
      };
    });
    await page.close();
    return result;
  };
  for (const path of PAGES) {
    const ar = await layout(`${base}ar/${path}`);
    assert.equal(ar.direction, "rtl", path);
    assert.ok(Math.abs(ar.fromEnd) <= 2 && ar.fromStart > 40, `ar/${path}: heading text not on the right ${JSON.stringify(ar)}`);
    const en = await layout(`${base}en/${path}`);
    assert.equal(en.direction, "ltr", path);
    assert.ok(Math.abs(en.fromStart) <= 2 && en.fromEnd > 40, `en/${path}: heading text not on the left ${JSON.stringify(en)}`);
  }
  await context.close();
});

test("the root page goes to the browser's language, and lists every language without script", async () => {
  const { base } = servers.root;
  for (const [locale, lang] of [["ar-EG", "ar"], ["fr-CA", "fr"], ["tr", "tr"], ["de-DE", null]]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(base);
    if (lang) {
      await page.waitForURL(`${base}${lang}/`);
    } else {
      assert.equal(page.url(), base, "a language the site lacks stays on the chooser");
    }
    await context.close();
  }
  // nginx sends a reader whose language the site has to it (_nginx/); the others get the list.
  const noScript = await browser.newContext({ javaScriptEnabled: false, locale: "de" });
  const { page, problems } = await open(noScript, base);
  assert.equal(page.url(), base);
  assert.deepEqual(problems, []);
  const listed = await page.$$eval(".language-list a", (links) => links.map((a) => a.getAttribute("hreflang")));
  assert.deepEqual(listed, LANGUAGES);
  await noScript.close();
  const arabic = await browser.newContext({ javaScriptEnabled: false, locale: "ar" });
  const redirected = await open(arabic, `${base}?utm_source=sms`);
  assert.equal(redirected.page.url(), `${base}ar/?utm_source=sms`, "nginx sends the reader to their language, query kept");
  assert.equal(redirected.response.request().redirectedFrom()?.url(), `${base}?utm_source=sms`);
  await arabic.close();
});

test("a missing page answers 404 with a way back in every language", async () => {
  for (const name of ["root", "sub"]) {
    const { base, prefix } = servers[name];
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${base}no/such/page/`);
    assert.equal(response.status(), 404);
    const links = await page.$$eval("a[hreflang]", (anchors) => anchors.map((a) => a.getAttribute("href")));
    assert.deepEqual(links, LANGUAGES.map((lang) => `${prefix}${lang}/`));
    await context.close();
  }
});

test("a page read after its next change shows no stale countdown", async () => {
  const { base } = servers.root;
  const headline = async (time, javaScriptEnabled = true) => {
    const context = await browser.newContext({ javaScriptEnabled });
    if (time) await context.clock.install({ time: new Date(time) });
    const page = await context.newPage();
    await page.goto(`${base}en/`);
    const result = await page.evaluate(() => ({
      text: document.querySelector("#status-heading").textContent.trim(),
      phase: document.querySelector(".status").dataset.phase,
    }));
    await context.close();
    return result;
  };
  assert.deepEqual(await headline("2026-01-05T12:00:00Z"), { text: "The last day is in 10 days", phase: "upcoming" });
  const dayLater = await headline("2026-01-08T12:00:00Z");
  assert.equal(dayLater.text, "ChatGPT on WhatsApp is ending", "no count that no longer holds");
  assert.deepEqual(await headline("2026-01-15T09:00:00Z"), { text: "Today is the last day", phase: "last-day" });
  assert.deepEqual(await headline("2026-02-20T09:00:00Z"), { text: "ChatGPT on WhatsApp has ended", phase: "ended" });
  // The linking banner, a countdown too, follows the same way.
  const banner = async (time) => {
    const context = await browser.newContext();
    await context.clock.install({ time: new Date(time) });
    const page = await context.newPage();
    await page.goto(`${base}en/link-account/`);
    const result = await page.evaluate(() => {
      const element = document.querySelector(".banner");
      return { hidden: element.hidden, text: element.textContent.trim() };
    });
    await context.close();
    return result;
  };
  assert.match((await banner("2026-01-05T12:00:00Z")).text, /The last day to do this is in 10 days\./);
  assert.equal((await banner("2026-01-08T12:00:00Z")).hidden, true, "a stale count is hidden");
  assert.match((await banner("2026-01-15T12:00:00Z")).text, /Today is the last day to do this\./);
  assert.match((await banner("2026-02-20T12:00:00Z")).text, /^The last day to link your WhatsApp number to your ChatGPT account was January 15, 2026/);
  const withoutScript = await browser.newContext({ javaScriptEnabled: false });
  const page = await withoutScript.newPage();
  await page.goto(`${base}en/`);
  assert.match(await page.textContent(".status-date"), /Last day of service: January 15, 2026/);
  assert.ok(await page.isVisible(".status-as-of"), "without script, the count says which day it counts from");
  assert.equal(await page.textContent(".status-as-of"), "As of January 5, 2026.");
  await withoutScript.close();
});

/** What a reader sees of `url` when the browser's clock says `time`, in `timezoneId`. */
async function readAt(url, time, timezoneId = undefined) {
  const context = await browser.newContext({ timezoneId });
  await context.clock.install({ time: new Date(time) });
  const { page, problems } = await open(context, url);
  const seen = await page.evaluate(() => ({
    title: document.title,
    text: document.body.innerText,
    phase: document.querySelector(".status")?.dataset.phase,
  }));
  await context.close();
  return { ...seen, problems };
}

test("a page built before a change and read after it shows what a build after it shows", async () => {
  const readings = [
    ["root", "last-day", "2026-01-15T12:00:00Z"],
    ["root", "ended", "2026-01-20T12:00:00Z"],
    ["last-day", "ended", "2026-01-20T12:00:00Z"],
  ];
  for (const [built, fresh, time] of readings) {
    for (const lang of LANGUAGES) {
      for (const path of PAGES) {
        const stale = await readAt(`${servers[built].base}${lang}/${path}`, time);
        const rebuilt = await readAt(`${servers[fresh].base}${lang}/${path}`, time);
        const where = `${lang}/${path} built for ${PHASE_BUILDS[built]}, read at ${time}`;
        assert.deepEqual(stale.problems, [], where);
        assert.equal(stale.phase, fresh, where);
        assert.equal(stale.title, rebuilt.title, where);
        assert.equal(stale.text, rebuilt.text, where);
      }
    }
  }
});

/**
 * Readers in three zones (Los Angeles, UTC−8; Jakarta, UTC+7; Kiritimati, UTC+14, where each
 * day starts first): a minute before and after their own midnights (the first after the
 * build, and those that start the last day and end it), a page built on 5 January reads like
 * a build for the reader's own calendar day.
 */
test("a page built on 5 January reads, on either side of the reader's midnight, like the build for the reader's own day", async () => {
  for (const day of ["2026-01-04", "2026-01-06", "2026-01-14", "2026-01-16"]) {
    if (!servers[`day-${day}`]) await serve(`day-${day}`, "/", { now: day });
  }
  const builtFor = (day) => (day === NOW ? servers.root : day === "2026-01-15" ? servers["last-day"] : servers[`day-${day}`]);
  const zones = [["America/Los_Angeles", -8], ["Asia/Jakarta", 7], ["Pacific/Kiritimati", 14]];
  const dayAfter = (day) => new Date(Date.parse(`${day}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
  for (const [zone, offset] of zones) {
    // The reader's day when the page was built, at midnight UTC on 5 January.
    const firstDay = new Date(Date.parse(`${NOW}T00:00:00Z`) + offset * 3600000).toISOString().slice(0, 10);
    for (const before of [firstDay, "2026-01-14", "2026-01-15"]) {
      const after = dayAfter(before);
      const midnight = Date.parse(`${after}T00:00:00Z`) - offset * 3600000;
      for (const [day, time] of [[before, midnight - 60000], [after, midnight + 60000]]) {
        for (const lang of LANGUAGES) {
          for (const path of PAGES) {
            const when = new Date(time).toISOString();
            const where = `${lang}/${path} built on ${NOW}, read at ${when} in ${zone} (${day} there)`;
            const stale = await readAt(`${servers.root.base}${lang}/${path}`, when, zone);
            const fresh = await readAt(`${builtFor(day).base}${lang}/${path}`, when, zone);
            assert.deepEqual(stale.problems, [], where);
            assert.equal(stale.phase, fresh.phase, where);
            assert.equal(stale.title, fresh.title, where);
            assert.equal(stale.text, fresh.text, where);
          }
        }
      }
    }
  }
});

/**
 * Every calendar file any build offers, read by python's icalendar: one event on the last
 * day, a UID that names no date (so a moved date moves the event), and an alert, if any,
 * that names the date and is not yet past for a reader anywhere when the file was built.
 */
test("no reminder offered by any build has an alert in the past, and each names its date", async () => {
  const builds = { "2026-01-05": servers.root, "2026-01-15": servers["last-day"] };
  for (const day of ["2026-01-11", "2026-01-13", "2026-01-14"]) {
    if (!servers[`day-${day}`]) await serve(`day-${day}`, "/", { now: day });
    builds[day] = servers[`day-${day}`];
  }
  const dates = { en: "January 15, 2026", ar: "15 يناير 2026", tr: "15 Ocak 2026", id: "15 Januari 2026", fr: "15\u00a0janvier\u00a02026" };
  let alerts = 0;
  for (const [day, { out }] of Object.entries(builds)) {
    const files = LANGUAGES.map((lang) => join(out, lang, "remind-me.ics"));
    // Debian's Python, which e2e/install gives Debian's icalendar.
    const run = spawnSync("/usr/bin/python3", [join(here, "reminders.py"), ...files], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    const read = JSON.parse(run.stdout);
    for (const [i, lang] of LANGUAGES.entries()) {
      const where = `${lang} built for ${day}`;
      const file = read[files[i]];
      assert.equal(file.events, 1, where);
      assert.match(file.uid, new RegExp(`^end-${lang}@127\\.0\\.0\\.1:\\d+$`), where);
      assert.equal(file.day, "2026-01-15", where);
      for (const alert of file.alerts) {
        alerts++;
        // The alert's time is the reader's own; the first readers to reach it are 14 hours
        // ahead of UTC.
        const earliest = Date.parse(`${alert.at}Z`) - 14 * 3600000;
        assert.ok(earliest >= Date.parse(`${day}T00:00:00Z`), `${where}: alert at ${alert.at}`);
        assert.ok(alert.text.includes(dates[lang]), `${where}: ${alert.text}`);
      }
    }
  }
  assert.ok(alerts >= 20, `${alerts} alerts`);
});

/** Reads feeds with python's feedparser (a parser sunset did not write): see feeds.py. */
function parsedFeeds(files) {
  // Debian's Python, which e2e/install gives Debian's feedparser.
  const run = spawnSync("/usr/bin/python3", [join(here, "feeds.py"), ...files], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

/**
 * Every language's feed in every phase's build, read by feedparser: well-formed Atom (bozo 0)
 * in its language, whose entries have their ids and dates and link to a page of that language
 * that the server has; and every page's head links it.
 */
test("each language's feed is valid Atom in its language, linking to pages of that language", async () => {
  for (const name of Object.keys(PHASE_BUILDS)) {
    const { base, out, prefix } = servers[name];
    const files = LANGUAGES.map((lang) => join(out, lang, "feed.xml"));
    const read = parsedFeeds(files);
    for (const [i, lang] of LANGUAGES.entries()) {
      const feed = read[files[i]];
      const where = `the ${lang} feed of ${name}`;
      assert.equal(feed.bozo, 0, `${where}: ${feed.bozo_exception}`);
      assert.equal(feed.version, "atom10", where);
      assert.equal(feed.language, lang, where);
      assert.equal(feed.entries.length, 1, where);
      for (const entry of feed.entries) {
        assert.match(entry.id, new RegExp(`^tag:127\\.0\\.0\\.1,2025-10-21:${lang}/updates/announced$`), where);
        assert.equal(entry.updated, "2025-10-21T00:00:00Z", where);
        assert.equal(entry.link, `${base}${lang}/`, where);
        assert.equal((await fetch(entry.link)).status, 200, `${where}: ${entry.link}`);
      }
      for (const path of PAGES) {
        const html = await (await fetch(`${base}${lang}/${path}`)).text();
        assert.ok(html.includes(`<link rel="alternate" type="application/atom+xml" href="${prefix}${lang}/feed.xml"`), `${lang}/${path} of ${name}`);
      }
    }
  }
});

/**
 * The history fixture as an editor records a move of its end: before, and after it. The feeds
 * stay valid for feedparser, with the move first and the update not translated into French
 * marked as English; the reminders, read by icalendar, are the same events (UID) at a higher
 * SEQUENCE, on the new date.
 */
test("a recorded move of the end keeps feeds valid and moves the calendar event", () => {
  const root = join(work, "history-site");
  cpSync(join(repo, "tests", "fixtures", "history"), root, { recursive: true });
  const recorded = readFileSync(join(root, "site.toml"), "utf8");
  const move = recorded.slice(recorded.indexOf('[[updates]]\nid = "end-moved"'), recorded.indexOf("[notice_json]"));
  writeFileSync(join(root, "site.toml"), recorded.replace(move, "").replace("end_date = 2026-01-31", "end_date = 2026-01-15"));
  const before = join(work, "history-before");
  sunset(["--root", root, "build", "--now", "2026-01-05", "--out", before]);
  writeFileSync(join(root, "site.toml"), recorded);
  const after = join(work, "history-after");
  sunset(["--root", root, "build", "--now", "2026-01-10", "--out", after]);
  const langs = ["en", "ar", "fr"];
  const feeds = langs.map((lang) => join(after, lang, "feed.xml"));
  const read = parsedFeeds(feeds);
  for (const [i, lang] of langs.entries()) {
    const feed = read[feeds[i]];
    assert.equal(feed.bozo, 0, `${lang}: ${feed.bozo_exception}`);
    assert.equal(feed.language, lang);
    assert.deepEqual(feed.entries.map((e) => e.id.split(":").pop()), [`${lang}/updates/end-moved`, `${lang}/updates/new-question`, `${lang}/updates/announced`]);
    assert.equal(feed.entries[0].updated, "2026-01-07T23:00:00Z");
    assert.equal(feed.entries[1].title_language, lang === "fr" ? "en" : lang);
  }
  const events = (dir) => {
    const files = langs.map((lang) => join(dir, lang, "remind-me.ics"));
    const run = spawnSync("/usr/bin/python3", [join(here, "reminders.py"), ...files], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    const found = JSON.parse(run.stdout);
    return files.map((file) => found[file]);
  };
  const [earlier, later] = [events(before), events(after)];
  for (const [i, lang] of langs.entries()) {
    assert.equal(later[i].uid, earlier[i].uid, lang);
    assert.equal(earlier[i].uid, `end-${lang}@example.org`);
    assert.deepEqual([earlier[i].sequence, earlier[i].day], [0, "2026-01-15"], lang);
    assert.deepEqual([later[i].sequence, later[i].day], [1, "2026-01-31"], lang);
  }
});

test("a notice with three milestones, built months before, reads in each later state as a build of that day", async () => {
  const root = join(repo, "tests", "fixtures", "milestones");
  const early = "2026-04-01T12:00:00Z";
  // Just after each later state starts: on the last day of streaming (Berlin), after it, on
  // the last day of exports (New York), after them, on the deletion day, after the deletion.
  const readings = ["2026-04-29T23:00:00Z", "2026-04-30T23:00:00Z", "2026-07-31T05:00:00Z",
    "2026-08-01T05:00:00Z", "2026-09-30T23:00:00Z", "2026-10-01T10:00:00Z"];
  await serve("milestones-early", "/", { root, now: early });
  for (const [i, time] of readings.entries()) await serve(`milestones-${i}`, "/", { root, now: time });
  for (const lang of ["en", "ar"]) {
    for (const [i, time] of readings.entries()) {
      const stale = await readAt(`${servers["milestones-early"].base}${lang}/`, time);
      const rebuilt = await readAt(`${servers[`milestones-${i}`].base}${lang}/`, time);
      const where = `${lang} built for ${early}, read at ${time}`;
      assert.deepEqual(stale.problems, [], where);
      assert.equal(stale.phase, rebuilt.phase, where);
      assert.equal(stale.title, rebuilt.title, where);
      assert.equal(stale.text, rebuilt.text, where);
    }
  }
  // Weeks into a state, the count it carried no longer holds: the date stands in for it.
  const weeksLater = await readAt(`${servers["milestones-early"].base}en/`, "2026-06-15T12:00:00Z");
  assert.match(weeksLater.text, /Exports close at the end of July 31, 2026/);
  assert.doesNotMatch(weeksLater.text, /Exports close in \d+ days/);
  assert.match(weeksLater.text, /You can export your playlists/);
  const arabic = await readAt(`${servers["milestones-early"].base}ar/`, "2026-06-15T12:00:00Z");
  assert.match(arabic.text, /يُغلق التصدير في نهاية يوم/);
  // Each build of the fixture is valid HTML and passes axe, right to left too.
  const context = await browser.newContext();
  for (const lang of ["en", "ar"]) {
    await context.clock.install({ time: new Date(readings[1]) });
    const { page, problems } = await open(context, `${servers["milestones-1"].base}${lang}/`);
    assert.deepEqual(problems, [], lang);
    assert.deepEqual(await axeViolations(page), [], lang);
    await page.close();
  }
  await context.close();
  for (const name of ["milestones-early", ...readings.map((_, i) => `milestones-${i}`)]) {
    assert.deepEqual(htmlErrors(servers[name].out), [], name);
  }
});

/** The Nu HTML Checker's errors for every page under `folder`. */
function htmlErrors(folder) {
  const run = spawnSync("java", ["-jar", vnuJar, "--errors-only", "--format", "json", "--skip-non-html", folder], { encoding: "utf8" });
  if (run.error) throw run.error;
  const report = JSON.parse(run.stderr || "{\"messages\": []}");
  return report.messages.filter((m) => m.type === "error").map((m) => `${m.url.split("/public/")[1]}:${m.lastLine}: ${m.message}`);
}

test("a page not translated yet is published in the language, marked as the original's text, and not announced as a translation", async () => {
  const { base, out } = servers.untranslated;
  const context = await browser.newContext();
  await context.clock.install({ time: new Date(`${NOW}T12:00:00Z`) });
  const { page, problems, response } = await open(context, `${base}fr/faq/`);
  assert.equal(response.status(), 200);
  assert.deepEqual(problems, []);
  assert.deepEqual(await axeViolations(page), []);
  const seen = await page.evaluate(() => ({
    html: document.documentElement.lang,
    h1: document.querySelector("h1").lang,
    content: document.querySelector(".content").lang,
    notice: document.querySelector(".untranslated")?.textContent,
    original: document.querySelector(".untranslated a")?.href,
    alternates: document.querySelectorAll('link[rel="alternate"][hreflang]').length,
    canonical: document.querySelector('link[rel="canonical"]').href,
    locale: document.querySelector('meta[property="og:locale"]').content,
    inLanguage: JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent).inLanguage,
    status: document.querySelector(".status-headline").closest("[lang]").lang,
  }));
  assert.deepEqual(seen, {
    html: "fr", h1: "en", content: "en",
    notice: "Cette page n’est pas encore traduite en français. En attendant, voici le texte original, en anglais. Ouvrir la page originale",
    original: `${base}en/faq/`, alternates: 0, canonical: `${base}en/faq/`, locale: "en_US", inLanguage: "en", status: "fr",
  });
  assert.equal((await context.request.get(seen.original)).status(), 200);
  // The French pages link to it, in their menus and text, and those links work.
  const notice = await open(context, `${base}fr/`);
  const toFaq = await notice.page.$$eval(`a[href="/fr/faq/"]`, (links) => links.map((a) => a.lang));
  assert.ok(toFaq.includes("en"), `the menu marks the English title: ${toFaq}`);
  await notice.page.click(`footer a[href="/fr/faq/"]`);
  assert.equal(new URL(notice.page.url()).pathname, "/fr/faq/");
  // Translations do not list it as theirs, and neither does the sitemap.
  const english = await open(context, `${base}en/faq/`);
  assert.deepEqual(await english.page.$$eval('link[rel="alternate"][hreflang]', (links) => links.map((l) => l.hreflang)), ["en", "ar", "tr", "id", "x-default"]);
  assert.ok(!readFileSync(join(out, "sitemap.xml"), "utf8").includes("/fr/faq/"));
  assert.deepEqual(htmlErrors(out), []);
  await context.close();
});

/**
 * A new site in Egyptian Arabic, Persian, Bengali and Thai (tests/fixtures/digits), with
 * CLDR's digits and calendars: numbered steps are numbered in each language's digits, and a
 * page read on a later day shows that day's count and dates, which the build wrote, in the
 * same digits and calendar.
 */
test("each language's numbered steps and later days are in its own digits and calendar", async () => {
  const digits = join(work, "digits-site");
  cpSync(join(repo, "tests", "fixtures", "digits"), digits, { recursive: true });
  for (const part of ["templates", "static"]) cpSync(join(repo, part), join(digits, part), { recursive: true });
  await serve("digits", "/", { root: digits, now: NOW });
  const { base, out } = servers.digits;
  const context = await browser.newContext();
  await context.clock.install({ time: new Date(`${NOW}T12:00:00Z`) });
  const markers = { "ar-EG": "arabic-indic", fa: "persian", bn: "bengali", th: "decimal", en: "decimal" };
  for (const [lang, style] of Object.entries(markers)) {
    const url = `${base}${lang}/save-photos/`;
    const { page, problems } = await open(context, url);
    assert.deepEqual(problems, [], url);
    assert.equal(await page.$eval(".content ol", (ol) => getComputedStyle(ol).listStyleType), style, url);
    assert.deepEqual(await axeViolations(page), [], `axe on ${url}`);
    await page.close();
  }
  await context.close();
  const status = async (url, time) => {
    const reader = await browser.newContext();
    await reader.clock.install({ time: new Date(time) });
    const { page, problems } = await open(reader, url);
    const seen = await page.evaluate(() => ({
      headline: document.querySelector("#status-heading").textContent.trim(),
      date: document.querySelector(".status-date time").textContent,
    }));
    await reader.close();
    assert.deepEqual(problems, [], url);
    return seen;
  };
  assert.deepEqual(await status(`${base}fa/`, "2026-01-06T12:00:00Z"), { headline: "۹ روز مانده", date: "۲۵ دی ۱۴۰۴" });
  assert.deepEqual(await status(`${base}ar-EG/`, "2026-01-14T12:00:00Z"), { headline: "بقي يوم واحد", date: "١٥ يناير ٢٠٢٦" });
  assert.deepEqual(await status(`${base}bn/`, "2026-01-20T12:00:00Z"), { headline: "Acme Photos বন্ধ হয়ে গেছে", date: "১৫ জানুয়ারি, ২০২৬" });
  assert.deepEqual(await status(`${base}th/`, "2026-01-15T12:00:00Z"), { headline: "วันนี้เป็นวันสุดท้าย", date: "15 มกราคม 2569" });
  assert.deepEqual(htmlErrors(out), []);
});

test("the W3C Nu HTML Checker finds no error in any page of any phase", () => {
  for (const name of Object.keys(PHASE_BUILDS)) {
    assert.deepEqual(htmlErrors(servers[name].out), [], name);
  }
});

test("these checks catch a broken page", async () => {
  const broken = join(work, "broken", "public");
  cpSync(servers.root.out, broken, { recursive: true });
  const file = join(broken, "en", "index.html");
  const html = readFileSync(file, "utf8")
    .replace('<html lang="en" dir="ltr">', "<html>")
    .replace("<main", '<img src="missing.png"><main')
    .replace("</h1>", "</h2>");
  writeFileSync(file, html);
  const errors = htmlErrors(broken);
  assert.ok(errors.some((e) => e.startsWith("en/index.html")), `vnu missed the broken page: ${errors}`);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent(html);
  const violations = (await axeViolations(page)).map((v) => v.split(":")[0]);
  assert.ok(violations.includes("html-has-lang"), `axe missed the missing lang: ${violations}`);
  assert.ok(violations.includes("image-alt"), `axe missed the image without alt: ${violations}`);
  await context.close();
});
