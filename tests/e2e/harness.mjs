// Shared by the end-to-end tests: serves dist/ on 127.0.0.1 under a sub-path (as a user's static
// host would) and drives Debian's Chromium through playwright-core. Nothing is downloaded.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
export const BASE_PATH = '/team/bita/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** A plain static file server, like any host a user would put dist/ on. */
export async function serveDist() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/ is missing: run `trunk build --release` first (scripts/test does)');
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
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
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

/** Opens the app in a fresh context, failing on uncaught errors (a panic shows up as one). */
export async function open(browser, url, { init } = {}) {
  const context = await browser.newContext({ acceptDownloads: true });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.locator('main').waitFor();
  return { context, page, errors };
}

/** The dimensions as questions/ defines them: [{ id, name, questions: [ids] }] in model order. */
export function bankFromFiles() {
  const q = path.join(ROOT, 'questions');
  const model = fs.readFileSync(path.join(q, 'model.toml'), 'utf8');
  const ids = JSON.parse(model.match(/^dimensions\s*=\s*(\[.*\])/m)[1]);
  return ids.map((id) => {
    const text = fs.readFileSync(path.join(q, `${id}.toml`), 'utf8');
    return {
      id,
      name: JSON.parse(text.match(/^name\s*=\s*(".*")/m)[1]),
      questions: [...text.matchAll(/^\[\[questions\]\]\s*\nid\s*=\s*"([^"]+)"/gm)].map((m) => m[1]),
    };
  });
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
