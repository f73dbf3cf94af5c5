// Shared by the end-to-end tests: serves dist/ on 127.0.0.1 under a sub-path (as a user's static
// host would) and drives Debian's Chromium through playwright-core. Nothing is downloaded.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { parse as parseToml } from 'smol-toml';
import { listen } from '../../scripts/static-host.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BASE_PATH = '/team/bita/';

/**
 * Serves dist/ (or a copy of it) on 127.0.0.1 under a sub-path with the same host users run
 * (`scripts/serve`, see scripts/static-host.mjs): the build's gzip copies where the browser takes
 * gzip. `gzip: 'fly'` compresses on the fly instead, `false` not at all.
 */
export async function serveDist(DIST = path.join(ROOT, 'dist'), { gzip = true } = {}) {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/ is missing: run `scripts/build` first (scripts/test does)');
  }
  const server = await listen(DIST, { basePath: BASE_PATH, gzip });
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

const toml = (file) => parseToml(fs.readFileSync(path.join(ROOT, 'questions', file), 'utf8'));

/** The model version questions/model.toml declares. */
export function modelVersion() {
  return toml('model.toml').version;
}

/**
 * The dimensions as questions/ defines them, read straight from the TOML files with a TOML parser
 * (not from the app): [{ id, name, questions: [ids asked now, in order], details: [{ id, text,
 * weight, role, audience, since, retired }] }].
 */
export function bankFromFiles() {
  const model = toml('model.toml');
  const version = model.version;
  return model.dimensions.map((id) => {
    const dim = toml(`${id}.toml`);
    const details = (dim.questions ?? []).map((q) => ({
      id: q.id,
      text: q.text,
      weight: q.weight,
      role: q.role ?? null,
      audience: q.audience ?? null,
      since: q.since ?? 1,
      retired: q.retired_in ?? null,
    })).filter((d) => d.since <= version && (d.retired === null || d.retired > version));
    return { id, name: dim.name, questions: details.map((d) => d.id), details };
  });
}

/**
 * What questions/model.toml says about the model as a whole: the IT roles, the levels' names and
 * the answers each level relies on ([{ question, at_least }]), the basic-service questions, the
 * cap, the basics' sound level and the stop-the-bleeding action keys in order.
 */
export function modelFromFiles() {
  const model = toml('model.toml');
  return {
    roles: model.roles.map((r) => ({ id: r.id, name: r.name })),
    levels: model.levels.map((l) => l.name),
    backedBy: model.levels.map((l) => l.backed_by ?? []),
    basics: model.scoring.basics,
    margin: model.scoring.cap_margin,
    sound: model.scoring.basics_sound,
    bleeding: model.scoring.stop_the_bleeding,
  };
}

/**
 * Every question's statements' steps, by question id: [{ next, who, action,
 * quick, afterBasics }], level 1 first.
 */
export function stepsFromFiles() {
  const out = {};
  for (const id of toml('model.toml').dimensions) {
    for (const q of toml(`${id}.toml`).questions ?? []) {
      out[q.id] = q.answers.map((s) => ({ next: s.next, who: s.who, action: s.action ?? '', quick: !!s.quick, afterBasics: !!s.after_basics }));
    }
  }
  return out;
}

/**
 * The page printed to PDF (print media, as the browser's dialog would) and read back with pdfjs:
 * its text with all whitespace removed (pdfjs splits runs of text where it likes), how many
 * images it paints (the charts), and how many pages it has.
 */
export async function printed(page, format = 'A4') {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format, printBackground: true });
  const doc = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: path.join(ROOT, 'node_modules/pdfjs-dist/standard_fonts/') }).promise;
  let text = '';
  let images = 0;
  for (let i = 1; i <= doc.numPages; i++) {
    const p = await doc.getPage(i);
    text += (await p.getTextContent()).items.map((it) => it.str).join('');
    images += (await p.getOperatorList()).fnArray.filter((f) => f === OPS.paintImageXObject).length;
  }
  return { flat: text.replace(/\s+/g, ''), images, pages: doc.numPages };
}

/**
 * Waits until the page has nothing left to do: the browser's idle callback runs only once the
 * tasks, frames and observers queued before it are done (for checks that something did not
 * happen, instead of a fixed sleep).
 */
export function idle(page) {
  return page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(), { timeout: 5000 })));
}

/** A second tab of the same browser on the page `page` shows, its errors kept in `errors`. */
export async function secondTab(context, page, errors) {
  const other = await context.newPage();
  other.on('pageerror', (e) => errors.push(String(e)));
  await other.goto(page.url());
  await other.locator('fieldset.question').first().waitFor();
  return other;
}

/**
 * Holds the tab's next commit after it has read storage and before it writes (it keeps the lock
 * meanwhile): `release` lets it go on. Resolves once something is held, after `act` ran.
 */
export async function holdNextCommit(page, act) {
  await page.evaluate(() => {
    window.__bitaHeld = new Promise((r) => { window.__bitaRelease = r; });
    window.__bitaReached = false;
    window.__bitaBeforeWrite = () => { window.__bitaReached = true; return window.__bitaHeld; };
  });
  await act();
  await page.waitForFunction(() => window.__bitaReached);
  return { release: () => page.evaluate(() => { delete window.__bitaBeforeWrite; window.__bitaRelease(); }) };
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

/**
 * Opens `hash` as a returning reader would: `assessment` saved in this origin's storage first,
 * then the page loaded afresh at that address.
 */
export async function openSaved(page, url, assessment, hash) {
  await page.goto(url);
  await started(page);
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), assessment);
  await page.goto(`${url}${hash}`);
  await page.reload();
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
