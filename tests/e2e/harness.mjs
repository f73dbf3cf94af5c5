// Shared by the end-to-end tests: serves dist/ on 127.0.0.1 under a sub-path (as a user's static
// host would) and drives Debian's Chromium through playwright-core. Nothing is downloaded.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BASE_PATH = '/team/bita/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** A plain static file server, like any host a user would put dist/ on (or a copy of it). */
export async function serveDist(DIST = path.join(ROOT, 'dist'), { gzip = false } = {}) {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/ is missing: run `scripts/build` first (scripts/test does)');
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(BASE_PATH)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(BASE_PATH.length)) || 'index.html';
    const file = path.normalize(path.join(DIST, rel));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      // As a host with compression on would send it (deterministic, so byte budgets can be
      // asserted): the build's precompressed copy where there is one, as nginx's gzip_static
      // sends it, else gzip -9 on the fly (or always, with `gzip: 'fly'`).
      const packed = `${file}.gz`;
      const precompressed = gzip !== 'fly' && fs.existsSync(packed) && fs.statSync(packed).mtimeMs >= fs.statSync(file).mtimeMs;
      const body = precompressed ? fs.readFileSync(packed) : zlib.gzipSync(fs.readFileSync(file), { level: 9 });
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length });
      res.end(body);
      return;
    }
    res.writeHead(200, { 'content-type': type });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${BASE_PATH}`, origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Charts are drawn as they come near the screen (or the page is printed): scrolls one into view,
 * as a reader would, and waits until it is drawn.
 */
export async function showChart(page, id) {
  const box = page.locator(`#${id}`);
  await box.scrollIntoViewIfNeeded();
  await box.locator('canvas').waitFor();
}

/** Opens the app in a fresh context, failing on uncaught errors (a panic shows up as one). */
export async function open(browser, url, { init, serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, serviceWorkers });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await started(page);
  return { context, page, errors };
}

/**
 * Waits until the app has started: its first page is in and its route followed (main is busy
 * until then). A test that changes the address sooner races the app's first redirect.
 */
export async function started(page) {
  await page.locator('main:not([aria-busy])').waitFor();
}

/** The model version questions/model.toml declares. */
export function modelVersion() {
  const model = fs.readFileSync(path.join(ROOT, 'questions', 'model.toml'), 'utf8');
  return Number(model.match(/^version\s*=\s*(\d+)/m)[1]);
}

/**
 * The dimensions as questions/ defines them, read straight from the TOML files (not from the app):
 * [{ id, name, questions: [ids asked now, in order], details: [{ id, weight, role, audience }] }].
 */
export function bankFromFiles() {
  const q = path.join(ROOT, 'questions');
  const model = fs.readFileSync(path.join(q, 'model.toml'), 'utf8');
  const version = modelVersion();
  const ids = JSON.parse(model.match(/^dimensions\s*=\s*(\[.*\])/m)[1]);
  return ids.map((id) => {
    const text = fs.readFileSync(path.join(q, `${id}.toml`), 'utf8');
    const details = text.split(/^\[\[questions\]\]\s*$/m).slice(1).map((block) => {
      const head = block.split(/^\[\[questions\.answers\]\]/m)[0];
      const field = (name) => head.match(new RegExp(`^${name}\\s*=\\s*(.+)$`, 'm'))?.[1];
      return {
        id: JSON.parse(field('id')),
        text: JSON.parse(field('text')),
        weight: Number(field('weight')),
        role: field('role') ? JSON.parse(field('role')) : null,
        audience: field('audience') ? JSON.parse(field('audience')) : null,
        since: Number(field('since') ?? 1),
        retired: field('retired_in') ? Number(field('retired_in')) : null,
      };
    }).filter((d) => d.since <= version && (d.retired === null || d.retired > version));
    return {
      id,
      name: JSON.parse(text.match(/^name\s*=\s*(".*")/m)[1]),
      questions: details.map((d) => d.id),
      details,
    };
  });
}

/** The IT roles and the basic-service questions of questions/model.toml. */
export function modelFromFiles() {
  const model = fs.readFileSync(path.join(ROOT, 'questions', 'model.toml'), 'utf8');
  const roles = model.split(/^\[\[roles\]\]\s*$/m).slice(1).map((b) => ({
    id: JSON.parse(b.match(/^id\s*=\s*(".*")/m)[1]),
    name: JSON.parse(b.match(/^name\s*=\s*(".*")/m)[1]),
  }));
  const levels = model.split(/^\[\[levels\]\]\s*$/m).slice(1).map((b) => JSON.parse(b.match(/^name\s*=\s*(".*")/m)[1]));
  const basics = JSON.parse(model.match(/^basics\s*=\s*(\[.*\])/m)[1]);
  const margin = Number(model.match(/^cap_margin\s*=\s*(\d+)/m)[1]);
  return { roles, levels, basics, margin };
}

/** Injects axe-core (from node_modules) and returns its violations for the page, as "id: target" lines. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`));
}

/** Starts a new assessment from the start page and waits for the first dimension page. */
export async function startAssessment(page, { name = 'Acme IT', perspective = 'IT' } = {}) {
  await page.getByLabel(/Organisation or team/).fill(name);
  await page.getByRole('radio', { name: new RegExp(`^${perspective}`) }).check();
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await page.locator('fieldset.question').first().waitFor();
}

/** The assessments storage holds (a deleted one stays hidden in storage for Undo: left out). */
export function storedAssessments(page) {
  return page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('bita.assessment.'))
    .map((k) => { try { return JSON.parse(localStorage.getItem(k)); } catch { return { unreadable: k }; } })
    .filter((a) => !a.deleted));
}

/** Saving is asynchronous: waits (up to 5 s) until `ok(storedAssessments)` holds, and returns them. */
export async function waitStored(page, ok) {
  for (let i = 0; i < 100; i++) {
    const list = await storedAssessments(page);
    if (ok(list)) return list;
    await page.waitForTimeout(50);
  }
  return storedAssessments(page);
}
