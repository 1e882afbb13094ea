// The Content-Security-Policy in a real browser, as each kind of host sends it: nginx with the
// build's _nginx/ snippets, a server that applies the build's _headers (as Netlify and
// Cloudflare Pages do), and a server that sends no header at all (GitHub Pages: the meta tag
// alone). Every page of builds before the end, on the last day and after it loads without a
// violation, and a page built on 5 January still corrects itself on 20 January. Then MDN's
// HTTP Observatory scores the headers, scanning nginx over TLS in a network namespace of its own.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, statSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, dirname, extname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { freePort, waitForPort, nginxConfig, launchChromium } from "./hosting.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..");
const LANGUAGES = ["en", "ar", "tr", "id", "fr"];
const PAGES = ["", "faq/", "link-account/"];
/** Before the end, the last day, after it. */
const DATES = ["2026-01-05", "2026-01-15", "2026-01-20"];

const work = mkdtempSync(join(tmpdir(), "sunset-e2e-policy-"));
const stops = [];
let browser;

function build(now, baseUrl, out) {
  execFileSync("cargo", ["run", "--quiet", "--", "--root", repo, "build", "--now", now, "--base-url", baseUrl, "--out", out],
    { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });
}

async function startNginx(dir, config) {
  writeFileSync(join(dir, "nginx.conf"), config);
  const nginx = spawn("nginx", ["-c", join(dir, "nginx.conf"), "-p", dir], { stdio: "inherit" });
  stops.push(() => nginx.kill());
}

/** The rules of a `_headers` file: each path pattern (`*` any characters) and its headers. */
function readHeaders(text) {
  const rules = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    if (/^\s/.test(line)) {
      const [name, ...value] = line.trim().split(":");
      rules.at(-1).headers.push([name.trim(), value.join(":").trim()]);
    } else {
      const pattern = line.trim().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/:\w+/g, "[^/]+");
      rules.push({ path: new RegExp(`^${pattern}$`), headers: [] });
    }
  }
  return rules;
}

const TYPES = { ".html": "text/html; charset=utf-8", ".svg": "image/svg+xml", ".json": "application/json", ".xml": "application/xml", ".txt": "text/plain", ".ics": "text/calendar" };

/**
 * A static host for `out`: pretty URLs, /404.html with 404. With `applyHeaders`, it sends the
 * headers of every `_headers` rule the path matches, a header of several rules joined with a
 * comma, as Cloudflare Pages does.
 */
async function startStatic(out, applyHeaders) {
  const server = createServer((request, response) => {
    const rules = applyHeaders ? readHeaders(readFileSync(join(out, "_headers"), "utf8")) : [];
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    let file = join(out, path);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith("/")) { response.writeHead(301, { Location: `${path}/` }); response.end(); return; }
      file = join(file, "index.html");
    }
    let status = 200;
    if (path.includes("..") || !existsSync(file) || path.split("/").pop().startsWith("_")) { file = join(out, "404.html"); status = 404; }
    const headers = { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" };
    for (const rule of rules.filter((r) => r.path.test(path))) {
      for (const [name, value] of rule.headers) headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
    }
    response.writeHead(status, headers);
    response.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  stops.push(() => server.close());
  return `http://127.0.0.1:${server.address().port}/`;
}

/** Each host, by name: the address of each date's build. */
const hosts = { nginx: {}, headers: {}, meta: {} };

before(async () => {
  for (const date of DATES) {
    // A build per host and date: its links and policy name the host's address.
    const dir = join(work, date);
    mkdirSync(dir, { recursive: true });
    const port = await freePort();
    const out = join(dir, "nginx-public");
    hosts.nginx[date] = `http://127.0.0.1:${port}/`;
    build(date, hosts.nginx[date], out);
    await startNginx(dir, nginxConfig(dir, out, `server {
        listen 127.0.0.1:${port};
        root ${out};
        include ${out}/_nginx/server.conf;
        error_page 404 /404.html;
      }`));
    await waitForPort(port);
    for (const [name, applyHeaders] of [["headers", true], ["meta", false]]) {
      const folder = join(dir, `${name}-public`);
      hosts[name][date] = await startStatic(folder, applyHeaders);
      build(date, hosts[name][date], folder);
    }
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const stop of stops) stop();
  rmSync(work, { recursive: true, force: true });
});

/** A browser context whose clock reads `time`, recording every policy violation of its pages. */
async function context(time, options = {}) {
  const ctx = await browser.newContext(options);
  await ctx.clock.install({ time: new Date(time) });
  await ctx.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return ctx;
}

/** Opens `url`: the violations, console errors and exceptions it met, and the response. */
async function open(ctx, url) {
  const page = await ctx.newPage();
  const problems = [];
  page.on("console", (message) => { if (message.type() === "error") problems.push(`console: ${message.text()}`); });
  page.on("pageerror", (error) => problems.push(`exception: ${error.message}`));
  const response = await page.goto(url, { waitUntil: "load" });
  // Violations are reported after the event loop turns.
  await page.waitForTimeout(50);
  problems.push(...(await page.evaluate(() => window.violations)).map((v) => `violation: ${v}`));
  return { page, problems, response };
}

/** The address of `path` on each host, for the build of `date`. */
function addresses(date, path) {
  return Object.keys(hosts).map((host) => [host, `${hosts[host][date]}${path}`]);
}

for (const date of DATES) {
  test(`every page built for ${date} runs under its policy on every host`, async () => {
    const ctx = await context(`${date}T12:00:00Z`, { locale: "de-DE" });
    const paths = ["", "no/such/page/", ...LANGUAGES.flatMap((lang) => PAGES.map((path) => `${lang}/${path}`))];
    for (const path of paths) {
      for (const [host, url] of addresses(date, path)) {
        const { page, problems, response } = await open(ctx, url);
        const where = `${url} (${host})`;
        const missing = path.startsWith("no/");
        assert.equal(response.status(), missing ? 404 : 200, where);
        // The browser says so of a 404 page itself.
        const expected = missing ? ["console: Failed to load resource: the server responded with a status of 404 (Not Found)"] : [];
        assert.deepEqual(problems, expected, where);
        const meta = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
        assert.match(meta, /^default-src 'none'; script-src 'self'[^;]*; style-src 'self' 'sha256-/, where);
        const header = response.headers()["content-security-policy"];
        if (host === "meta") {
          assert.equal(header, undefined, where);
        } else {
          assert.ok(header?.endsWith("frame-ancestors 'none'"), `${where}: ${header}`);
          assert.ok(!/unsafe/.test(header), where);
          assert.equal(response.headers()["x-content-type-options"], "nosniff", where);
        }
        await page.close();
      }
    }
    await ctx.close();
  });
}

test("a page built on 5 January and read on 20 January shows the ended wording under the policy", async () => {
  const ctx = await context("2026-01-20T12:00:00Z");
  for (const lang of LANGUAGES) {
    for (const [host, url] of addresses("2026-01-05", `${lang}/`)) {
      const { page, problems } = await open(ctx, url);
      const seen = await page.evaluate(() => ({
        phase: document.querySelector(".status").dataset.phase,
        headline: document.querySelector("#status-heading").textContent.trim(),
      }));
      assert.deepEqual(problems, [], `${url} (${host})`);
      assert.equal(seen.phase, "ended", `${url} (${host})`);
      if (lang === "en") assert.equal(seen.headline, "ChatGPT on WhatsApp has ended", host);
      await page.close();
    }
  }
  await ctx.close();
});

test("without server rules, the page at / still sends the reader to their language by script", async () => {
  const ctx = await context("2026-01-05T12:00:00Z", { locale: "tr-TR" });
  for (const name of ["headers", "meta"]) {
    const { page, problems } = await open(ctx, hosts[name]["2026-01-05"]);
    await page.waitForURL(`${hosts[name]["2026-01-05"]}tr/`);
    assert.deepEqual(problems, [], name);
    await page.close();
  }
  await ctx.close();
});

test("a style attribute or inline handler added to the built page is blocked and reported", async () => {
  // The browser tests above would see a violation: here, one on purpose.
  const ctx = await context("2026-01-05T12:00:00Z");
  const page = await ctx.newPage();
  const html = readFileSync(join(work, "2026-01-05", "meta-public", "en", "index.html"), "utf8")
    .replace("<h1>", '<h1 style="color:red" onclick="x()">');
  await page.route("**/*", (route) => route.fulfill({ body: html, contentType: "text/html" }));
  await page.goto("http://127.0.0.1:1/en/");
  await page.waitForTimeout(50);
  const violations = await page.evaluate(() => window.violations);
  assert.ok(violations.some((v) => v.startsWith("style-src-attr")), violations.join("\n"));
  assert.equal(await page.$eval("h1", (h) => getComputedStyle(h).color === "rgb(255, 0, 0)"), false);
  await ctx.close();
});

/**
 * MDN's HTTP Observatory scans a host on ports 80 and 443: nginx answers there for
 * `localhost` (80 redirecting to 443, over TLS with a certificate of a throwaway authority the
 * scanner is told to trust), inside a network namespace of its own, so nothing else on the
 * machine is reached or in the way.
 */
test("MDN's HTTP Observatory grades the headers A+", (t) => {
  const dir = join(work, "observatory");
  mkdirSync(dir, { recursive: true });
  const out = join(dir, "public");
  build("2026-01-05", "https://localhost/", out);
  const openssl = (...args) => execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
  openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
    "-subj", "/CN=sunset test authority", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign");
  openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "site.key", "-out", "site.csr", "-subj", "/CN=localhost");
  writeFileSync(join(dir, "site.ext"), "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
  openssl("x509", "-req", "-in", "site.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "site.pem", "-days", "2", "-extfile", "site.ext");
  writeFileSync(join(dir, "nginx.conf"), nginxConfig(dir, out, `
      server { listen 127.0.0.1:80; return 301 https://localhost$request_uri; }
      server {
        listen 127.0.0.1:443 ssl;
        ssl_certificate ${dir}/site.pem;
        ssl_certificate_key ${dir}/site.key;
        root ${out};
        include ${out}/_nginx/server.conf;
        error_page 404 /404.html;
      }`).replace("daemon off;", "daemon on;"));
  const scanner = createRequire(import.meta.url).resolve("@mdn/mdn-http-observatory/src/scan.js");
  const script = `set -e
    ip link set lo up
    nginx -c ${dir}/nginx.conf -p ${dir}
    NODE_EXTRA_CA_CERTS=${dir}/ca.pem "${process.execPath}" ${scanner} localhost > ${dir}/scan.json
    kill $(cat ${dir}/nginx.pid)`;
  const run = spawnSync("unshare", ["--net", "bash", "-c", script], { encoding: "utf8", timeout: 120_000 });
  assert.equal(run.status, 0, `${run.stderr}${run.stdout}`);
  const result = JSON.parse(readFileSync(join(dir, "scan.json"), "utf8"));
  const modifiers = Object.entries(result.tests).map(([name, test]) => `${name}: ${test.result} (${test.scoreModifier})`);
  t.diagnostic(`Observatory: ${result.scan.grade}, score ${result.scan.score}; ${modifiers.join("; ")}`);
  assert.equal(result.scan.grade, "A+", JSON.stringify(result, null, 2));
  assert.equal(result.tests["content-security-policy"].result, "csp-implemented-with-no-unsafe-default-src-none");
  assert.equal(result.scan.testsFailed, 0, modifiers.join("\n"));
});
