// Byte budgets, asserted on every run: bytes over the wire are deterministic but for the icons the
// browser asks for itself, which fall either side of "usable" (under 1 KB; times vary, so
// tests/perf/bench.mjs prints those). The first view may weigh at most 200 KB and the report at most
// 200 KB more, as served with the build's precompressed copies (tests/perf/bench.mjs also prints
// what a host compressing on the fly sends).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, open, idle } from './harness.mjs';
import { measure, VIEWS, seededAssessment } from '../perf/measure.mjs';

const FIRST_VIEW_KB = 200;
const REPORT_EXTRA_KB = 200;

let server, browser;
before(async () => { server = await serveDist(undefined, { gzip: true }); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('the first view and the report stay within their byte budgets', async () => {
  const got = {};
  for (const [name, v] of Object.entries(VIEWS)) {
    got[name] = await measure(browser, server.url + v.hash, v);
    console.log(`${name}: ${(got[name].total / 1000).toFixed(1)} KB over the wire in ${got[name].requests} requests ${JSON.stringify(Object.fromEntries(Object.entries(got[name].byType).map(([k, b]) => [k, +(b / 1000).toFixed(1)])))}`);
  }
  assert.ok(!got['first view'].urls.some((u) => /vendor\/echarts/.test(u)), 'no chart library on the first view');
  assert.ok(!got['question page'].urls.some((u) => /vendor\/echarts/.test(u)), 'the chart library comes after a question page is usable');
  assert.ok(got['first view'].total <= FIRST_VIEW_KB * 1000, `first view ${got['first view'].total} bytes > ${FIRST_VIEW_KB} KB`);
  // Each language's first view holds its own words only.
  const texts = (v) => got[v].urls.map((u) => u.match(/\/texts-([a-z]{2})-/)?.[1]).filter(Boolean);
  assert.deepEqual(texts('first view'), ['en']);
  assert.deepEqual(texts('first view, German'), ['de']);
  assert.ok(got['first view, German'].total <= FIRST_VIEW_KB * 1000, `German first view ${got['first view, German'].total} bytes > ${FIRST_VIEW_KB} KB`);
  assert.ok(got.report.total <= got['first view'].total + REPORT_EXTRA_KB * 1000,
    `report ${got.report.total} bytes > first view + ${REPORT_EXTRA_KB} KB`);
});

test('the chart library and the report\'s code and texts are fetched once a question is answered, not while a question page opens', async () => {
  const { page, context, errors } = await open(browser, server.url);
  const a = seededAssessment();
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), a);
  const charts = [], report = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (/vendor\/echarts/.test(r.url())) charts.push(name);
    if (/^(report|chunk_\d+)-[0-9a-f]{16}\.wasm$|^advice-/.test(name)) report.push(name);
  });
  await page.goto(`${server.url}${VIEWS['question page'].hash}`);
  await page.reload();
  const first = page.locator('fieldset.question').first();
  await first.waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(charts, [], 'nothing fetched for charts before an answer');
  assert.deepEqual(report, [], 'nothing fetched for the report before an answer');
  // Both are fetched once the browser is idle after the answer, in either order.
  const fetched = Promise.all([/\/report-[0-9a-f]{16}\.wasm$/, /\/advice-/].map((re) => page.waitForRequest((r) => re.test(r.url()))));
  await first.getByRole('radio').last().check();
  await page.waitForFunction(() => window.echarts);
  await fetched;
  // The chunks the report shares with other pages follow its own, one per task: once the page is
  // idle they have all been asked for.
  await idle(page);
  for (let n = -1; n !== report.length;) { n = report.length; await page.waitForTimeout(200); }
  assert.equal(charts.length, 1);
  assert.ok(report.some((n) => n.startsWith('report-')) && report.some((n) => n.startsWith('advice-')), `the report's chunk and texts: ${report}`);
  // The report then opens from what is already here.
  const before = report.length;
  await page.goto(`${server.url}#/a/${a.id}/results`);
  await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor();
  assert.equal(report.length, before, 'nothing fetched again for the report');
  assert.deepEqual(errors, []);
  await context.close();
});
