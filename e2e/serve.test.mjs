// `sunset serve` in a real browser, as an editor and a translator use it: previews read with
// the browser's clock after the end, 20 tabs on one server, bursts of saves, the preview panel
// from the keyboard, the error overlay, and axe on both. The server runs on a copy of the
// shipped site, which the tests edit.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { launchChromium } from "./hosting.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const LANGUAGES = ["en", "ar", "tr", "id", "fr"];
const PAGES = ["", "faq/", "link-account/"];
/** The day `serve --now` fixes; the browser's clock is set long after the end. */
const NOW = "2026-01-05";
const LATE_CLOCK = new Date("2026-12-01T12:00:00Z");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

const work = mkdtempSync(join(tmpdir(), "sunset-e2e-serve-"));
const site = join(work, "site");
const binary = join(repo, "target", "debug", "sunset");
let server;
let base;
let browser;

/** Starts `sunset serve` on a free port with `args`; resolves once the first build is done. */
function startServe(args) {
  const child = spawn(binary, ["--root", site, "serve", "--port", "0", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.rebuilds = 0;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 30_000);
    child.stdout.on("data", (chunk) => {
      output += chunk;
      child.rebuilds += (String(chunk).match(/^rebuil/gm) ?? []).length;
      const url = output.match(/serving (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (url && /rebuil/.test(output)) {
        clearTimeout(timer);
        child.url = url[1];
        resolve(child);
      }
    });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
}

before(async () => {
  execFileSync("cargo", ["build", "--quiet"], { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });
  for (const part of ["site.toml", "content", "locales", "templates", "static"]) {
    cpSync(join(repo, part), join(site, part), { recursive: true });
  }
  server = await startServe(["--now", NOW]);
  base = server.url;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the page's text includes `text`. A live reload can be caught between documents
 * (no body yet, or no script context): Playwright's waitForFunction rejects at once on a
 * predicate that throws, so each look is its own evaluation and only the deadline fails.
 */
async function showsText(page, text, timeout) {
  const deadline = Date.now() + timeout;
  let lastError = null;
  while (Date.now() < deadline) {
    try {
      if (await page.evaluate((m) => document.body?.innerText.includes(m) ?? false, text)) return true;
      lastError = null;
    } catch (error) {
      lastError = error;
    }
    await sleep(50);
  }
  return lastError ? `not shown; last look failed: ${lastError.message}` : "not shown";
}

/** Runs `save` (which writes files of the site) and waits for the rebuild it causes. */
async function saved(save) {
  const before = server.rebuilds;
  save();
  const deadline = Date.now() + 15_000;
  while (server.rebuilds === before) {
    assert.ok(Date.now() < deadline, "no rebuild after a save");
    await sleep(20);
  }
}

function edit(file, from, to) {
  const path = join(site, file);
  const text = readFileSync(path, "utf8");
  assert.ok(text.includes(from), `${file} has no ${from}`);
  writeFileSync(path, text.replace(from, to));
}

/** The text of `files` (paths in the site), to write back with `restore`. */
const keep = (files) => Object.fromEntries(files.map((file) => [file, readFileSync(join(site, file), "utf8")]));
const restore = (kept) => saved(() => { for (const [file, text] of Object.entries(kept)) writeFileSync(join(site, file), text); });

/** A browser context whose clock says `LATE_CLOCK`, after the notice's end. */
async function lateContext(options = {}) {
  const context = await browser.newContext(options);
  await context.clock.install({ time: LATE_CLOCK });
  return context;
}

/** What the reader sees of the page: its title, phase and text, without serve's tools. */
function seen(page) {
  return page.evaluate(() => {
    document.getElementById("sunset-dev")?.remove();
    return {
      title: document.title,
      phase: document.querySelector(".status")?.dataset.phase ?? null,
      text: document.body.innerText,
    };
  });
}

async function axeViolations(page) {
  // Through the DevTools protocol: the page's Content-Security-Policy would block a <script>.
  await page.evaluate(`${axeSource}\n;0`);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }), AXE_TAGS);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("with the browser's clock after the end, every previewed date reads as that date's build", async () => {
  const dates = [NOW, "2026-01-15", "2026-01-22"];
  const builds = {};
  for (const date of dates) {
    const out = join(work, `build-${date}`);
    execFileSync(binary, ["--root", site, "build", "--now", date, "--base-url", base, "--out", out]);
    builds[date] = out;
  }
  const late = await lateContext();
  // The build read on its own day, where its guard changes nothing.
  const reference = {};
  for (const date of dates) {
    const context = await browser.newContext();
    await context.clock.install({ time: new Date(`${date}T12:00:00Z`) });
    reference[date] = context;
  }
  for (const date of dates) {
    for (const lang of LANGUAGES) {
      for (const path of PAGES) {
        const built = await reference[date].newPage();
        await built.goto(`file://${builds[date]}/${lang}/${path}index.html`);
        const expected = await seen(built);
        await built.close();
        // `serve --now` fixes NOW: that date is the plain page, the others are `?now=` previews.
        const url = date === NOW ? `${base}${lang}/${path}` : `${base}${lang}/${path}?now=${date}`;
        const page = await late.newPage();
        await page.goto(url);
        const shown = await seen(page);
        await page.close();
        assert.equal(shown.phase, expected.phase, url);
        assert.equal(shown.title, expected.title, url);
        assert.equal(shown.text, expected.text, url);
      }
    }
  }
  for (const context of [late, ...Object.values(reference)]) await context.close();
});

test("serve sends each page's Content-Security-Policy as a header, and its own tools run under it", async () => {
  // A language the site lacks: the page at / stays there.
  const context = await browser.newContext({ locale: "de-DE" });
  await context.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`));
  });
  for (const path of ["en/", "ar/faq/?now=2026-01-15", "", "no/such/page/"]) {
    const page = await context.newPage();
    const errors = [];
    page.on("console", (message) => { if (message.type() === "error" && !/status of 404/.test(message.text())) errors.push(message.text()); });
    const response = await page.goto(`${base}${path}`);
    const header = response.headers()["content-security-policy"];
    const meta = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
    assert.equal(header, `${meta}; frame-ancestors 'none'`, path);
    // The tools' script ran: it fills the panel's warnings from /__sunset/check.
    await page.waitForFunction(() => document.querySelector("#sunset-warnings summary")?.textContent !== "", null, { timeout: 5_000 });
    await page.waitForTimeout(100);
    assert.deepEqual(await page.evaluate(() => window.violations), [], path);
    assert.deepEqual(errors, [], path);
    await page.close();
  }
  await context.close();
});

/** Marks a loaded page, so that a reload is seen as the mark's loss. */
const mark = (page) => page.evaluate(() => { window.sunsetTestMark = true; });
const marked = (page) => page.evaluate(() => window.sunsetTestMark === true);

test("20 tabs on one server all reload after a save, and only tabs whose page changed", async () => {
  const kept = keep(["templates/base.html", "content/en/faq.md"]);
  const context = await lateContext();
  const urls = [];
  for (let i = 0; i < 20; i++) {
    const lang = LANGUAGES[i % LANGUAGES.length];
    const path = PAGES[Math.floor(i / LANGUAGES.length) % PAGES.length];
    urls.push(i < 15 ? `${base}${lang}/${path}` : `${base}${lang}/?now=2026-01-${10 + i}`);
  }
  const tabs = [];
  for (const url of urls) {
    const page = await context.newPage();
    await page.goto(url, { timeout: 10_000 });
    tabs.push(page);
  }
  // A change to every page: each tab shows it, in the browser's time and not much later.
  const marker = `tabs-${Date.now()}`;
  edit("templates/base.html", "</body>", `<p id="probe">${marker}</p></body>`);
  await Promise.all(tabs.map((tab) => tab.waitForFunction((m) => document.getElementById("probe")?.textContent === m, marker, { timeout: 15_000 })));
  // A change to one page: the other tabs stay as they are.
  await Promise.all(tabs.map(mark));
  edit("content/en/faq.md", "\n## ", `\nOne more sentence ${marker}.\n\n## `);
  const faq = tabs[urls.indexOf(`${base}en/faq/`)];
  await faq.waitForFunction((m) => document.body?.innerText.includes(`One more sentence ${m}.`), marker, { timeout: 15_000 });
  await sleep(1000);
  const reloaded = [];
  for (let i = 0; i < tabs.length; i++) if (!(await marked(tabs[i]))) reloaded.push(urls[i]);
  assert.deepEqual(reloaded, [`${base}en/faq/`]);
  await context.close();
  await restore(kept);
});

test("bursts of saves at random gaps never leave an open page stale", async () => {
  const context = await browser.newContext();
  const pages = [];
  for (const url of [`${base}en/faq/`, `${base}en/faq/?now=2026-01-15`]) {
    const page = await context.newPage();
    await page.goto(url);
    pages.push(page);
  }
  const path = join(site, "content/en/faq.md");
  const original = readFileSync(path, "utf8");
  for (let round = 0; round < 12; round++) {
    const saves = 2 + Math.floor(Math.random() * 4);
    let last;
    for (let n = 0; n < saves; n++) {
      last = `burst-${round}-${n}-${Date.now()}`;
      writeFileSync(path, original.replace("\n## ", `\n${last}\n\n## `));
      await sleep(Math.random() * 160);
    }
    for (const page of pages) {
      const shown = await showsText(page, last, 10_000);
      assert.equal(shown, true, `round ${round}: ${page.url()} never showed the last save ${last}`);
    }
  }
  await context.close();
  await saved(() => writeFileSync(path, original));
});

test("the panel: a typed date applies on Enter, partial dates do nothing, the choice is marked", async () => {
  const context = await lateContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`${base}en/?now=2026-01-15`);
  assert.equal(await page.getAttribute("button[data-now='2026-01-15']", "aria-pressed"), "true");
  assert.equal(await page.getAttribute("button[data-now='']", "aria-pressed"), "false");
  const field = page.locator("#sunset-now");
  await field.focus();
  // Month, day and year segments, typed one key at a time: nothing happens until Enter.
  const before = page.url();
  await page.keyboard.type("01", { delay: 30 });
  await page.keyboard.type("22", { delay: 30 });
  await page.keyboard.type("2", { delay: 30 });
  await sleep(300);
  assert.equal(page.url(), before, "typing does not navigate");
  await page.keyboard.press("Enter");
  await sleep(300);
  assert.equal(page.url(), before, "a partial year (0002) does nothing");
  await page.keyboard.type("026", { delay: 30 });
  await Promise.all([page.waitForURL(`${base}en/?now=2026-01-22`), page.keyboard.press("Enter")]);
  assert.equal(await page.getAttribute("button[data-now='2026-01-22']", "aria-pressed"), "true");
  assert.equal((await seen(page)).phase, "ended");
  // A cleared field does nothing when left.
  await page.goto(`${base}en/?now=2026-01-22`);
  await page.locator("#sunset-now").focus();
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Tab");
  await sleep(300);
  assert.equal(page.url(), `${base}en/?now=2026-01-22`);
  // The shortcuts, from the keyboard.
  await page.locator("button[data-now='2026-01-05']").focus();
  await Promise.all([page.waitForURL(`${base}en/?now=2026-01-05`), page.keyboard.press("Enter")]);
  assert.equal((await seen(page)).phase, "upcoming");
  await context.close();
});

test("the panel is a named landmark, passes axe, and hides nothing on a phone", async () => {
  for (const options of [{ viewport: { width: 1280, height: 800 } }, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true }]) {
    const context = await lateContext(options);
    for (const url of [`${base}en/`, `${base}ar/link-account/?now=2026-01-15`]) {
      const page = await context.newPage();
      await page.goto(url);
      assert.equal(await page.getAttribute("aside#sunset-dev", "aria-label"), "sunset serve");
      assert.deepEqual(await axeViolations(page), [], url);
      if (options.isMobile) {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        const [panel, footer] = await page.evaluate(() => [
          document.getElementById("sunset-panel").getBoundingClientRect().top,
          document.querySelector("footer").getBoundingClientRect().bottom,
        ]);
        assert.ok(panel >= footer, `${url}: the panel (top ${panel}) covers the footer (bottom ${footer})`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `${url} is ${overflow}px wider than a phone`);
      }
      await page.close();
    }
    await context.close();
  }
});

test("the panel shows the page's share card, a preview's for its date", async () => {
  const context = await lateContext();
  const card = async (url) => {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator("#sunset-card summary").click();
    const image = page.locator("#sunset-card img");
    await image.evaluate((img) => img.decode());
    const shown = await image.evaluate((img) => ({ src: img.getAttribute("src"), alt: img.alt, width: img.naturalWidth, height: img.naturalHeight }));
    const tag = await page.getAttribute('meta[property="og:image"]', "content");
    await page.close();
    return { ...shown, tag };
  };
  const today = await card(`${base}ar/faq/`);
  assert.equal(`${base}${today.src.slice(1)}`, today.tag, "the served build's card");
  assert.deepEqual([today.width, today.height], [1200, 630]);
  assert.match(today.alt, /^الأسئلة الشائعة – /);
  const lastDay = await card(`${base}ar/faq/?now=2026-01-15`);
  assert.match(lastDay.src, /^\/ar\/faq\/card\.[0-9a-f]{8}\.png\?now=2026-01-15$/);
  assert.deepEqual([lastDay.width, lastDay.height], [1200, 630], "drawn for the preview");
  assert.notEqual(lastDay.src.split("?")[0], today.src, "another phase, another card");
  assert.match(lastDay.alt, /اليوم هو آخر يوم/);
  await context.close();
});

test("the root page keeps ?now= when it goes to the browser's language", async () => {
  const context = await lateContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto(`${base}?now=2026-01-15`);
  await page.waitForURL(`${base}fr/?now=2026-01-15`);
  assert.equal((await seen(page)).phase, "last-day");
  await context.close();
});

test("the overlay points at the mistake, is dismissed from the keyboard, and passes axe", async () => {
  const context = await lateContext();
  const page = await context.newPage();
  await page.goto(`${base}fr/faq/`);
  await page.locator("a").first().focus();
  const file = "locales/fr/main.ftl";
  const good = readFileSync(join(site, file), "utf8");
  const lines = good.split("\n");
  const line = lines.findIndex((l) => l.startsWith("faq-contents = ")) + 1;
  assert.ok(line > 0 && lines[line] !== undefined);
  writeFileSync(join(site, file), good.replace(/^faq-contents = (.*)$/m, "faq-contents = $1 {"));
  const dialog = page.locator("#sunset-error");
  await dialog.waitFor({ state: "visible", timeout: 15_000 });
  const text = await dialog.innerText();
  assert.match(text, /The last rebuild failed\. Close this to see the last good build\./);
  const column = lines[line - 1].length + 2;
  assert.match(text, new RegExp(`${file}:${line}:${column}\\b`), `the error is at the {: ${text}`);
  assert.match(text, /this `\{` is never closed/, text);
  assert.match(text, /close the placeable with `\}`/, text);
  assert.doesNotMatch(text, /is missing in fr/, "a broken message is not called missing");
  assert.deepEqual(await axeViolations(page), []);
  // Focus is inside the dialog and stays there.
  assert.equal(await page.evaluate(() => document.activeElement.closest("#sunset-error") !== null), true);
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.closest("#sunset-error") !== null), true, `after ${i + 1} Tab`);
  }
  await page.keyboard.press("Escape");
  assert.equal(await dialog.isVisible(), false);
  assert.equal(await page.evaluate(() => document.querySelector("main").inert), false, "the page is usable again");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.closest("#sunset-error")), null);
  // The close button does the same, and the fix takes the overlay away.
  await page.reload();
  await page.locator("#sunset-error button").click();
  assert.equal(await dialog.isVisible(), false);
  await saved(() => writeFileSync(join(site, file), good));
  await page.waitForFunction(() => !document.getElementById("sunset-error") && document.readyState === "complete", null, { timeout: 15_000 });
  // A bad ?now= shows nothing behind the overlay, and says so.
  await page.goto(`${base}fr/?now=someday`);
  assert.match(await dialog.innerText(), /This preview could not be built, so there is nothing to show\./);
  await context.close();
});

test("the warnings of the last build are a count in the panel that opens their list", async () => {
  const context = await lateContext();
  const page = await context.newPage();
  await page.goto(`${base}fr/faq/`);
  const path = join(site, "content/en/faq.md");
  const original = readFileSync(path, "utf8");
  // A changed section of the English page makes the French translation outdated.
  writeFileSync(path, original.replace(/\n## ([^\n]*)\n\n([^\n]+)/, "\n## $1\n\n$2 Changed since."));
  const summary = page.locator("#sunset-warnings summary");
  await summary.waitFor({ state: "visible", timeout: 15_000 });
  assert.match(await summary.innerText(), /^\d+ warnings?$/);
  await summary.focus();
  await page.keyboard.press("Enter");
  assert.match(await page.locator("#sunset-warnings pre").innerText(), /content\/fr\/faq\.md/);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
  await saved(() => writeFileSync(path, original));
});
