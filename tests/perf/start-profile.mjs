// Where the start's time goes, phone-like (CPU ×4, fast 4G): the phases from navigation until a
// click on "Start the assessment" takes effect, from timestamps the page leaves, and what the main
// thread runs in them, from V8's sampling profiler (function names need a build that keeps them).
//   BITA_NAMES=1 scripts/wasm && BITA_NAMES=1 node scripts/site.mjs /tmp/dist-names
//   node tests/perf/start-profile.mjs /tmp/dist-names [runs]
import path from 'node:path';
import { serveDist, launch } from '../e2e/harness.mjs';
import { PROFILES } from './interact.mjs';

const dir = path.resolve(process.argv[2] ?? 'dist');
const runs = Number(process.argv[3] ?? 5);
const median = (xs) => { const s = xs.slice().sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };

/** In the page before its scripts: timestamps of the wasm's instantiation, the start and the click. */
function stamps() {
  const t = (window.__stamps = {});
  const wrap = (name) => {
    const real = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      t.instantiateStart ??= performance.now();
      try { return await real.apply(WebAssembly, args); } finally { t.instantiateEnd ??= performance.now(); }
    };
  };
  wrap('compileStreaming');
  wrap('instantiateStreaming');
  wrap('instantiate');
  addEventListener('bita-started', () => { t.mounted = performance.now(); });
  new MutationObserver((_, watch) => {
    if (document.querySelector('form.start button[type=submit]') && !t.firstPage) t.firstPage = performance.now();
    if (document.querySelector('fieldset.question')) { t.clickTookEffect = performance.now(); watch.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
  const tryIt = () => {
    if (t.clickTookEffect) return;
    const side = document.querySelector('form.start input[type=radio]');
    const start = document.querySelector('form.start button[type=submit]');
    if (side && start) { t.clicked ??= performance.now(); side.click(); start.click(); }
    setTimeout(tryIt, 4);
  };
  tryIt();
}

/** Self time per function name over the samples, in ms, the biggest first. */
function byFunction(profile) {
  const self = new Map();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const name = nodes.get(id).callFrame.functionName || `(${path.basename(nodes.get(id).callFrame.url) || 'anonymous'})`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]);
}

/** What the start's code spends, by the Rust (and JS) functions a sample's stack holds. */
const PARTS = [
  ['reading the bank (JSON, codec)', /model::read_walk_bank|model::walk_bank/],
  ['storage: the probe, reading and merging records', /local_store|model::store|model::storage|gloo_storage/],
  ['the route and its policy', /bita::route::/],
  ['building pages and their views (Leptos, tachys)', /tachys::|leptos::|reactive_graph::/],
  ['the allocator', /lol_alloc/],
  ['the chunk loader (wasm-split)', /__wasm_split|chunks-/],
];
function inclusive(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out = new Map(PARTS.map(([what]) => [what, 0]));
  profile.samples.forEach((id, i) => {
    const names = [];
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const f = nodes.get(at).callFrame;
      names.push(f.functionName, f.url);
    }
    const stack = names.join(' ');
    for (const [what, re] of PARTS) if (re.test(stack)) out.set(what, out.get(what) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return out;
}

const server = await serveDist(dir, { gzip: true });
const browser = await launch();
const phases = [];
const functions = new Map();
const parts = new Map();
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(stamps);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILES.phone.cpu });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', PROFILES.phone.network);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(server.url);
    await page.waitForFunction(() => window.__stamps.clickTookEffect);
    const { profile } = await cdp.send('Profiler.stop');
    const got = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('_bg.wasm'));
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      return { ...window.__stamps, html: nav.responseEnd, fcp, wasmStart: wasm?.startTime, wasmEnd: wasm?.responseEnd };
    });
    phases.push(got);
    for (const [name, ms] of byFunction(profile)) functions.set(name, [...(functions.get(name) ?? []), ms]);
    for (const [what, ms] of inclusive(profile)) parts.set(what, [...(parts.get(what) ?? []), ms]);
    await context.close();
  }
  const m = (f) => median(phases.map(f));
  const rows = [
    ['HTML received', m((p) => p.html)],
    ['first contentful paint (the skeleton)', m((p) => p.fcp)],
    ['the wasm requested', m((p) => p.wasmStart)],
    ['the wasm received', m((p) => p.wasmEnd)],
    ['compiling started (streaming: it runs while the bytes arrive)', m((p) => p.instantiateStart)],
    ['instantiated', m((p) => p.instantiateEnd)],
    ['mounted (the start, in a task of its own)', m((p) => p.mounted)],
    ['the start page\'s button in the page', m((p) => p.firstPage)],
    ['a click took effect (first question shown)', m((p) => p.clickTookEffect)],
  ];
  console.log(`phone-like start, median of ${runs} (ms since navigation):`);
  for (const [what, at] of rows) console.log(`  ${at.toFixed(0).padStart(6)}  ${what}`);
  console.log('main thread until the click took effect, by what the code was doing (median ms, a sample counts once per part):');
  for (const [what, xs] of parts) console.log(`  ${median(xs).toFixed(1).padStart(7)}  ${what}`);
  console.log('main thread, self time by function (median ms over runs, the 25 biggest):');
  const totals = [...functions.entries()].map(([name, xs]) => [name, median([...xs, ...Array(runs - xs.length).fill(0)])]);
  for (const [name, ms] of totals.sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${name.slice(0, 110)}`);
} finally {
  await browser.close();
  server.close();
}
