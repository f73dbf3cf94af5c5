// Measures bita as users get it: the release build served with gzip on 127.0.0.1, fresh browser
// contexts in headless Chromium. Shared by the benchmark (tests/perf/bench.mjs, prints figures)
// and the byte budgets (tests/e2e/budget.test.mjs, asserts bytes only: they are deterministic).
import { bankFromFiles, modelVersion } from '../e2e/harness.mjs';

/** A saved assessment with every question answered, so a question page and the report can be measured. */
export function seededAssessment() {
  const answers = {};
  let n = 0;
  for (const d of bankFromFiles()) for (const q of d.questions) answers[q] = String(1 + (n++ % 5));
  return { format: 'bita-assessment', schema: 1, id: 'perf1', name: 'Measured', perspective: 'it', model: 'bita',
    model_version: modelVersion(), created: 1700000000000, updated: 1764115200000, answers };
}

const kind = (url) => {
  const p = new URL(url).pathname;
  if (p.endsWith('.wasm')) return 'wasm';
  if (p.endsWith('.js')) return 'js';
  if (p.endsWith('.css')) return 'css';
  if (p.endsWith('.json')) return 'data';
  if (p.endsWith('/') || p.endsWith('.html')) return 'html';
  return 'other';
};

/**
 * Loads `hash` in a fresh context and waits until `selector` is in the document (the view is
 * usable). Bytes count every request the page made until then, as the budgets define the first
 * view (what is fetched in idle time afterwards is not part of it).
 */
export async function measure(browser, url, { seed = false, selector, scroll, locale = 'en-GB' }) {
  const context = await browser.newContext({ locale });
  if (seed) {
    const a = seededAssessment();
    await context.addInitScript((a) => {
      if (!localStorage.getItem(`bita.assessment.${a.id}`)) localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a));
    }, a);
  }
  await context.addInitScript(() => {
    addEventListener('bita-started', (e) => { window.__wasmMemory = e.detail.wasm.memory; });
  });
  // Watched from the page's start: a view often stands before the load event, when a check made
  // afterwards would see it late and count what the page fetched in idle time since.
  await context.addInitScript((selector) => {
    window.__bitaReady = new Promise((resolve) => {
      const watch = new MutationObserver(() => {
        if (document.querySelector(selector)) { watch.disconnect(); resolve(performance.now()); }
      });
      watch.observe(document, { childList: true, subtree: true });
    });
  }, selector);
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r));
  const t0 = Date.now();
  await page.goto(url);
  // Charts are drawn as they come near the screen: the report is usable once a reader scrolled to them.
  if (scroll) await page.locator(scroll).scrollIntoViewIfNeeded();
  const readyAt = await page.evaluate(() => window.__bitaReady);
  const readyEpoch = await page.evaluate((t) => performance.timeOrigin + t, readyAt);
  const timing = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    heap: performance.memory?.usedJSHeapSize ?? null,
    wasm: window.__wasmMemory?.buffer.byteLength ?? null,
  }));
  // Then let every request seen so far finish, and count those made before that point (the
  // service worker's precache and the idle-time fetch of the chart library start later; the icons
  // the browser asks for itself may fall either side).
  const settled = await Promise.all(requests.slice().map(async (r) => {
    const response = await r.response().catch(() => null);
    if (!response || (await response.finished().catch(() => 'failed')) !== null) return null;
    const s = await r.sizes();
    return { url: r.url(), started: r.timing().startTime, bytes: s.responseBodySize + s.responseHeadersSize };
  }));
  const counted = settled.filter((r) => r && r.started <= readyEpoch);
  const byType = {};
  for (const r of counted) byType[kind(r.url)] = (byType[kind(r.url)] ?? 0) + r.bytes;
  const total = counted.reduce((s, r) => s + r.bytes, 0);
  await context.close();
  return { total, byType, urls: counted.map((r) => r.url), requests: counted.length, readyMs: readyAt, fcpMs: timing.fcp, heap: timing.heap, wasmMemory: timing.wasm, wallMs: Date.now() - t0 };
}

export const VIEWS = {
  'first view': { hash: '', seed: false, selector: 'form.start button[type=submit]' },
  // A German browser: the same page in German, with German words and questions only.
  'first view, German': { hash: '', seed: false, selector: 'form.start button[type=submit]', locale: 'de-DE' },
  'question page': { hash: '#/a/perf1/d/service-definition', seed: true, selector: 'fieldset.question input' },
  report: { hash: '#/a/perf1/results', seed: true, selector: '#bars-roles canvas', scroll: '#bars-roles' },
};
