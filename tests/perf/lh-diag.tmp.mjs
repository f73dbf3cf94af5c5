import puppeteer from 'puppeteer-core';
import { startFlow } from 'lighthouse';
import { serveDist } from '../e2e/harness.mjs';
import { seededAssessment } from './measure.mjs';
const server = await serveDist(undefined, { gzip: true });
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'] });
const page = await browser.newPage();
await page.goto(server.url);
await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), seededAssessment());
const flow = await startFlow(page, { config: { extends: 'lighthouse:default', settings: { onlyCategories: ['performance'], disableStorageReset: true } } });
const which = process.argv[2] ?? '#/a/perf1/results';
for (let i = 0; i < 3; i++) await flow.navigate(`${server.url}?lh=${i}${which}`, { name: 'r' + i });
const res = await flow.createFlowResult();
for (const s of res.steps) {
  const a = s.lhr.audits;
  console.log('perf', Math.round(s.lhr.categories.performance.score * 100), ['first-contentful-paint','largest-contentful-paint','total-blocking-time','speed-index','cumulative-layout-shift'].map(k => `${k.split('-').map(w=>w[0]).join('')}=${a[k].numericValue.toFixed(0)}(${a[k].score})`).join(' '));
  console.log('  long tasks', (a['long-tasks']?.details?.items ?? []).map(t => `${t.url.split('/').pop()}@${t.startTime.toFixed(0)}:${t.duration.toFixed(0)}`).join(', '));
  console.log('  lcp el', JSON.stringify(a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? '').slice(0, 120));
  console.log('  bootup', (a['bootup-time']?.details?.items ?? []).map(t => `${t.url.split('/').pop()} total ${t.total.toFixed(0)} script ${t.scripting.toFixed(0)} parse ${t.scriptParseCompile.toFixed(0)}`).join(' | '));
}
await browser.close(); server.close();
