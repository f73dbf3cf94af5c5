// The benchmark: medians over fresh loads of the release build served with gzip on 127.0.0.1, for
// the first view, a question page and the report: bytes by type, first contentful paint, time until
// usable (the first question, or the report's charts drawn), JS heap and wasm memory; and click to
// update (an answer until the page shows it and storage holds it). Prints the figures and writes them as JSON (tests/perf/latest.json) to compare builds.
// Then what a respondent waits for (tests/perf/interact.mjs): until a click takes effect on the
// start page and on a question page, desktop and phone-like, first and second visit.
//   node tests/perf/bench.mjs [runs]                      (scripts/build first)
//   node tests/perf/bench.mjs --compare <old dist> [pairs]  this dist/ against another build (say, of
//       an earlier commit), loaded alternately in one browser, phone-like: the median ratio
//       (this / old) of the time until a click takes effect, per page; below 1 is faster
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, ROOT } from '../e2e/harness.mjs';
import { measure, VIEWS, seededAssessment } from './measure.mjs';
import { interact, ACTIONS, PROFILES } from './interact.mjs';

const median = (xs) => { const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
const ms = (x) => (x === null ? '–' : `${x.toFixed(0)} ms`);

if (process.argv[2] === '--compare') {
  const old = path.resolve(process.argv[3] ?? '');
  const pairs = Number(process.argv[4] ?? 10);
  const [mine, theirs] = [await serveDist(undefined, { gzip: true }), await serveDist(old, { gzip: true })];
  const browser = await launch();
  try {
    for (const action of Object.keys(ACTIONS)) {
      const ratios = [], a = [], b = [];
      for (let i = 0; i < pairs; i++) {
        // Alternated, and which goes first alternates too: a noisy machine slows both alike.
        const order = i % 2 ? [theirs, mine] : [mine, theirs];
        const got = new Map();
        for (const s of order) got.set(s, (await interact(browser, s.url, action, 'phone')).ms);
        a.push(got.get(mine));
        b.push(got.get(theirs));
        ratios.push(got.get(mine) / got.get(theirs));
      }
      console.log(`${action.padEnd(14)} phone-like, ${pairs} pairs: this ${ms(median(a))}, old ${ms(median(b))}, median ratio ${median(ratios).toFixed(2)}`);
    }
  } finally {
    await browser.close();
    mine.close();
    theirs.close();
  }
  process.exit(0);
}

const runs = Number(process.argv[2] ?? 9);
const server = await serveDist(undefined, { gzip: true });
const browser = await launch();
const results = {};
try {
  for (const [name, v] of Object.entries(VIEWS)) {
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await measure(browser, server.url + v.hash, v));
    results[name] = {
      kb: +(median(samples.map((s) => s.total)) / 1000).toFixed(1),
      byTypeKb: Object.fromEntries(Object.entries(samples[0].byType).map(([k, b]) => [k, +(b / 1000).toFixed(1)])),
      requests: samples[0].requests,
      fcpMs: median(samples.map((s) => s.fcpMs)),
      readyMs: median(samples.map((s) => s.readyMs)),
      heapMb: +((median(samples.map((s) => s.heap)) ?? 0) / 1e6).toFixed(1),
      wasmMemoryMb: +((median(samples.map((s) => s.wasmMemory)) ?? 0) / 1e6).toFixed(1),
    };
    const r = results[name];
    console.log(`${name.padEnd(14)} ${String(r.kb).padStart(6)} KB  ${JSON.stringify(r.byTypeKb)}  FCP ${r.fcpMs?.toFixed(0)} ms  ready ${r.readyMs?.toFixed(0)} ms  heap ${r.heapMb} MB  wasm ${r.wasmMemoryMb} MB`);
  }
  // The same bytes from a host that compresses on the fly (gzip -9) instead of sending the build's
  // precompressed copies: what the first view and the report weigh there.
  const fly = await serveDist(undefined, { gzip: 'fly' });
  try {
    results['on the fly'] = {};
    for (const name of ['first view', 'report']) {
      const m = await measure(browser, fly.url + VIEWS[name].hash, VIEWS[name]);
      results['on the fly'][name] = +(m.total / 1000).toFixed(1);
    }
    console.log(`gzip -9 on the fly instead of the precompressed copies: first view ${results['on the fly']['first view']} KB, report ${results['on the fly'].report} KB`);
  } finally {
    fly.close();
  }
  // Click to update: an answer chosen on a question page until the page shows it and storage holds it.
  // Seeded before the page starts, as the measured views are, so the page finds it on first load.
  const context = await browser.newContext();
  await context.addInitScript((a) => {
    if (!localStorage.getItem(`bita.assessment.${a.id}`)) localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a));
  }, seededAssessment());
  const page = await context.newPage();
  await page.goto(`${server.url}#/a/perf1/d/service-definition`);
  await page.locator('fieldset.question input').first().waitFor();
  const clicks = await page.evaluate(async () => {
    const channel = new MessageChannel();
    const tick = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
    const times = [];
    const cards = [...document.querySelectorAll('fieldset.question')];
    for (let round = 0; round < 4; round++) {
      for (const [i, card] of cards.entries()) {
        const level = String(1 + ((i + round + 2) % 5));
        const input = card.querySelector(`input[value="${level}"]`);
        const q = card.id.slice(2);
        const t0 = performance.now();
        input.click();
        do { await tick(); } while (!(input.checked && JSON.parse(localStorage.getItem('bita.assessment.perf1')).answers[q] === level) && performance.now() - t0 < 1000);
        times.push(performance.now() - t0);
      }
    }
    return times;
  });
  await context.close();
  results['click to update'] = { medianMs: +median(clicks).toFixed(2), maxMs: +Math.max(...clicks).toFixed(2), clicks: clicks.length };
  console.log(`click to update  median ${results['click to update'].medianMs} ms, max ${results['click to update'].maxMs} ms over ${clicks.length} clicks`);
  // Until a click takes effect: the measure of the start (issue figures are phone-like medians).
  results['until a click takes effect'] = {};
  for (const action of Object.keys(ACTIONS)) {
    for (const profile of Object.keys(PROFILES)) {
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await interact(browser, server.url, action, profile, { second: true }));
      const r = {
        ms: median(samples.map((s) => s.ms)),
        fcpMs: median(samples.map((s) => s.fcpMs)),
        secondVisitMs: median(samples.map((s) => s.secondMs)),
      };
      results['until a click takes effect'][`${action}, ${profile}`] = r;
      console.log(`${action.padEnd(14)} ${profile.padEnd(8)} a click takes effect after ${ms(r.ms)} (FCP ${ms(r.fcpMs)}); second visit ${ms(r.secondVisitMs)}`);
    }
  }
  const out = path.join(ROOT, 'tests', 'perf', 'latest.json');
  fs.writeFileSync(out, JSON.stringify({ runs, when: new Date().toISOString(), results }, null, 2) + '\n');
  console.log(`written to ${path.relative(ROOT, out)}`);
} finally {
  await browser.close();
  server.close();
}
