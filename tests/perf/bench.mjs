// The benchmark: medians over fresh loads of the release build served with gzip on 127.0.0.1, for
// the first view, a question page and the report: bytes by type, first contentful paint, time until
// usable (the first question, or the report's charts drawn), JS heap and wasm memory; and click to
// update. Prints the figures and writes them as JSON (tests/perf/latest.json) to compare builds.
//   node tests/perf/bench.mjs [runs]     (scripts/build first)
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, ROOT } from '../e2e/harness.mjs';
import { measure, when, VIEWS } from './measure.mjs';

const runs = Number(process.argv[2] ?? 9);
const median = (xs) => { const s = xs.filter((x) => x !== null).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
const server = await serveDist(undefined, { gzip: true });
const browser = await launch();
const results = {};
try {
  for (const [name, v] of Object.entries(VIEWS)) {
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await measure(browser, server.url + v.hash, { seed: v.seed, ready: when(v.selector) }));
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
  const out = path.join(ROOT, 'tests', 'perf', 'latest.json');
  fs.writeFileSync(out, JSON.stringify({ runs, when: new Date().toISOString(), results }, null, 2) + '\n');
  console.log(`written to ${path.relative(ROOT, out)}`);
} finally {
  await browser.close();
  server.close();
}
