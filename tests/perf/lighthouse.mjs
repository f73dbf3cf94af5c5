// Lighthouse 12 (npm) on the release build served with gzip on 127.0.0.1, mobile settings: the start
// page, a question page and the report, each a fresh navigation of one user flow (driven through
// puppeteer-core and Debian's Chromium). The question page and the report need an assessment in
// storage, so storage is seeded first and Lighthouse is told not to clear it. Runs the flow
// `runs` times (5 by default) and prints, per page, the median of each category score with the
// lowest and highest seen, and adds the medians to tests/perf/latest.json; never asserts them (the
// machines are shared and noisy).
//   node tests/perf/lighthouse.mjs [runs]          (scripts/build first)
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { startFlow } from 'lighthouse';
import { serveDist, ROOT } from '../e2e/harness.mjs';
import { seededAssessment } from './measure.mjs';

const PAGES = [
  ['start page', ''],
  ['question page', '#/a/perf1/d/service-definition'],
  ['report', '#/a/perf1/results'],
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
// The metrics behind the performance score, each with how its value reads.
const ms = (v) => `${Math.round(v)} ms`;
const METRICS = [
  ['first-contentful-paint', 'FCP', ms],
  ['largest-contentful-paint', 'LCP', ms],
  ['total-blocking-time', 'TBT', ms],
  ['cumulative-layout-shift', 'CLS', (v) => v.toFixed(3)],
  ['speed-index', 'SI', ms],
];

const runs = Number(process.argv[2] ?? 5);
const median = (xs) => { const s = xs.filter((x) => x != null).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
const server = await serveDist(undefined, { gzip: true });
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
});
const scores = {};
const seen = {};
try {
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage();
    // Same origin as the app, so the seeded assessment is the app's.
    await page.goto(server.url);
    await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), seededAssessment());
    const flow = await startFlow(page, {
      config: {
        extends: 'lighthouse:default',
        settings: { onlyCategories: CATEGORIES, disableStorageReset: true },
      },
    });
    for (const [name, hash] of PAGES) {
      // A query string of its own makes each step a real navigation (a fragment alone would not be).
      await flow.navigate(`${server.url}?lighthouse=${encodeURIComponent(name)}${hash}`, { name });
    }
    const result = await flow.createFlowResult();
    await page.close();
    for (const step of result.steps) {
      const c = step.lhr.categories;
      const got = Object.fromEntries(CATEGORIES.map((k) => [k, c[k]?.score == null ? null : Math.round(c[k].score * 100)]));
      (seen[step.name] ??= []).push(got);
      scores[step.name] = Object.fromEntries(CATEGORIES.map((k) => [k, median(seen[step.name].map((g) => g[k]))]));
      if (run < runs - 1) continue;
      const range = (k) => { const xs = seen[step.name].map((g) => g[k]).filter((x) => x != null); return Math.min(...xs) === Math.max(...xs) ? '' : ` (${Math.min(...xs)}–${Math.max(...xs)})`; };
      const failing = Object.values(step.lhr.audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
        .map((a) => a.id);
      // So a low performance score says where the time went.
      const metrics = METRICS.map(([id, label, format]) => {
        const v = step.lhr.audits[id]?.numericValue;
        return v == null ? null : `${label} ${format(v)}`;
      }).filter(Boolean);
      console.log(`lighthouse ${step.name.padEnd(14)} median of ${runs}: ${CATEGORIES.map((k) => `${k} ${scores[step.name][k]}${range(k)}`).join('  ')}${failing.length ? `  (last run below 0.9: ${failing.join(', ')})` : ''}`);
      console.log(`           ${''.padEnd(14)} last run: ${metrics.join(', ')}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
const out = path.join(ROOT, 'tests/perf/latest.json');
const latest = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : {};
latest.lighthouse = scores;
fs.writeFileSync(out, JSON.stringify(latest, null, 2) + '\n');
