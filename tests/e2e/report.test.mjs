// The report leadership reads: figures worked out independently from the question files, the same
// figures in the charts and their tables, charts updated in place and disposed, print to PDF,
// 360 px and the dark scheme, and no accessibility violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, open, started, bankFromFiles, modelFromFiles, modelVersion, axeViolations, showChart, idle, printed } from './harness.mjs';
import fs from 'node:fs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const bank = bankFromFiles();
const model = modelFromFiles();
const CODES = ['1', '2', '3', '4', '5', 'dk', 'na'];

/** The fixed pattern: the n-th question (in asking order) gets CODES[(3n) mod 7]. */
function pattern() {
  const answers = {};
  let n = 0;
  for (const d of bank) for (const q of d.questions) answers[q] = CODES[(n++ * 3) % 7];
  return answers;
}

/** The documented rules, written again here: integer sums, one rounding, half of the applicable. */
function tenths(details, answers) {
  let sum = 0, weights = 0, scored = 0, na = 0;
  for (const d of details) {
    const a = answers[d.id];
    if (/^[1-5]$/.test(a ?? '')) { scored++; sum += d.weight * Number(a); weights += d.weight; }
    if (a === 'na') na++;
  }
  const applicable = details.length - na;
  return scored > 0 && scored * 2 >= applicable ? Math.floor((20 * sum + weights) / (2 * weights)) : null;
}
const level = (t) => Math.min(5, Math.max(1, Math.floor((t + 5) / 10)));
const text = (t) => (t === null ? 'not enough answers' : `${Math.floor(t / 10)}.${t % 10}`);

function expected(answers) {
  const all = bank.flatMap((d) => d.details);
  const dims = bank.map((d) => ({ name: d.name, t: tenths(d.details, answers) }));
  const roles = model.roles.map((r) => ({ name: r.name, t: tenths(all.filter((q) => q.role === r.id), answers) }));
  const scored = dims.filter((d) => d.t !== null);
  const basics = tenths(all.filter((q) => model.basics.includes(q.id)), answers);
  let overall = null;
  if (basics !== null && scored.length * 2 >= dims.length) {
    const sum = scored.reduce((s, d) => s + d.t, 0);
    const t = Math.floor((20 * sum + 10 * scored.length) / (20 * scored.length));
    // The caps: at most `margin` above the basics, and below `sound` while they are; then the
    // highest level whose claims (and the lower levels') no answer contradicts.
    let capped = Math.min(level(t), level(basics) + model.margin);
    if (level(basics) < model.sound) capped = Math.min(capped, model.sound - 1);
    let backed = 1;
    while (backed < capped && model.backedBy[backed].every((b) => !/^[1-5]$/.test(answers[b.question] ?? '') || Number(answers[b.question]) >= b.at_least)) backed++;
    overall = { t, level: backed };
  }
  return { dims, roles, overall };
}

function seed(id, answers) {
  return { format: 'bita-assessment', schema: 1, id, name: 'Patterned Co', perspective: 'it', model: 'bita',
    model_version: modelVersion(), created: 1700000000000, updated: 1764115200000, answers };
}

const chartData = (page, id) => page.evaluate((id) => {
  const el = document.getElementById(id);
  const chart = el && window.echarts?.getInstanceByDom(el);
  if (!chart) return null;
  const o = chart.getOption();
  // A polar line's points are [score, angle] pairs; bars are plain scores.
  const score = (d) => (Array.isArray(d) ? d[0] : d);
  return { id: chart.id, series: o.series[0].data.map(score), categories: (o.angleAxis?.[0] ?? o.yAxis?.[0]).data };
}, id);

async function openReport(page, id, { scroll = true } = {}) {
  await page.goto(`${server.url}#/a/${id}/results`);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor();
  if (!scroll) return;
  await showChart(page, 'radar-dimensions');
  await showChart(page, 'bars-roles');
}

async function checkFigures(page, exp) {
  const score = await page.locator('.score-line').textContent();
  if (exp.overall) {
    assert.match(score, new RegExp(`Overall score ${text(exp.overall.t).replace('.', '\\.')} of 5`));
    assert.equal(await page.locator('.level-number').textContent(), `Level ${exp.overall.level} of 5`);
  }
  const dimRows = await page.getByRole('table', { name: 'Score per dimension (1 to 5)' }).locator('tbody tr').allTextContents();
  exp.dims.forEach((d, i) => assert.ok(dimRows[i].startsWith(d.name + text(d.t)), `${dimRows[i]} vs ${d.name} ${text(d.t)}`));
  const roleRows = await page.getByRole('table', { name: 'IT roles (1 to 5)' }).locator('tbody tr').allTextContents();
  exp.roles.forEach((r, i) => assert.ok(roleRows[i].startsWith(r.name + text(r.t)), `${roleRows[i]} vs ${r.name}`));
  // The charts hold exactly the same figures (no value where there are not enough answers).
  const value = (t) => (t === null ? null : t / 10);
  await page.waitForFunction((want) => {
    const el = document.getElementById('radar-dimensions');
    const c = el && window.echarts?.getInstanceByDom(el);
    return c && JSON.stringify(c.getOption().series[0].data.slice(0, want.length).map((d) => (d ? d[0] : d))) === JSON.stringify(want);
  }, exp.dims.map((d) => value(d.t)));
  const radar = await chartData(page, 'radar-dimensions');
  assert.deepEqual(radar.series.slice(0, exp.dims.length), exp.dims.map((d) => value(d.t)));
  exp.dims.forEach((d, i) => assert.equal(radar.categories[i], d.t === null ? `${d.name} (not enough answers)` : d.name));
  // The line closes: the first dimension again at the full turn, evenly spaced around the circle.
  const [first, last, turn] = await page.evaluate(() => {
    const o = window.echarts.getInstanceByDom(document.getElementById('radar-dimensions')).getOption();
    const d = o.series[0].data;
    return [d[0], d[d.length - 1], o.angleAxis[1].max];
  });
  assert.equal(turn, exp.dims.length);
  assert.deepEqual(last, first === null ? null : [first[0], exp.dims.length]);
  const bars = await chartData(page, 'bars-roles');
  assert.deepEqual([...bars.series].reverse(), exp.roles.map((r) => value(r.t)));
}

test('the report shows the figures worked out from the rules, in text, tables and both charts, updated in place', async () => {
  const { page, context, errors } = await open(browser, server.url);
  const answers = pattern();
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), seed('pat1', answers));
  await openReport(page, 'pat1');
  await checkFigures(page, expected(answers));
  const before = await chartData(page, 'radar-dimensions');

  // Change one answer on its page, come back: new figures, same chart instance.
  const q = bank[0].questions[0];
  const now = answers[q] === '5' ? '1' : '5';
  await page.goto(`${server.url}#/a/pat1/d/${bank[0].id}`);
  await page.locator(`label[for="${q}-${now}"]`).click();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor();
  const changed = { ...answers, [q]: now };
  await checkFigures(page, expected(changed));
  assert.equal((await chartData(page, 'radar-dimensions')).id, before.id, 'the same chart instance, updated in place');

  // Each chart downloads as a PNG for slides.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download chart' }).first().click(),
  ]);
  assert.equal(download.suggestedFilename(), 'bita-dimensions.png');
  const png = fs.readFileSync(await download.path());
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');

  // Leaving the assessment disposes the charts.
  await page.goto(`${server.url}#/`);
  await page.getByRole('heading', { name: 'Saved assessments' }).waitFor();
  assert.equal(await page.evaluate((id) => window.echarts.getInstanceById(id) === undefined, before.id), true);
  assert.equal(await page.locator('canvas').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Replaces the browser's print dialog: records how many charts are drawn when the page asks for it. */
const stubPrint = () => {
  window.print = () => { window.__printedCharts = document.querySelectorAll('.chart-box canvas').length; };
};
const printedCharts = async (page) => (await (await page.waitForFunction(() => window.__printedCharts !== undefined && { n: window.__printedCharts })).jsonValue()).n;
/** Until the page is idle: every observer and idle callback queued has had its chance to run. */
const settle = (page) => idle(page);

test('the report prints to a PDF with the level, every dimension, the summary and both charts, and no controls', async () => {
  // The browser's print dialog is not ours to test: the page's call is recorded, then printed to PDF.
  const { page, context, errors } = await open(browser, server.url, { init: stubPrint });
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), seed('pdf1', pattern()));
  // Not scrolled: Ctrl+P draws the chart still below the screen first.
  await openReport(page, 'pdf1', { scroll: false });
  await settle(page);
  assert.equal(await page.locator('#bars-roles canvas').count(), 0, 'the chart below the screen waits until it is needed');
  await page.keyboard.press('Control+P');
  assert.equal(await printedCharts(page), 2, 'both charts drawn when the page asks the browser to print');
  const summary = await page.locator('.summary').textContent();
  const levelName = await page.locator('.level-name').textContent();
  for (const format of ['A4', 'Letter']) {
    const { flat, images } = await printed(page, format);
    assert.ok(flat.includes(levelName.replace(/\s+/g, '')), `${format}: level name`);
    for (const d of bank) assert.ok(flat.includes(d.name.replace(/\s+/g, '')), `${format}: ${d.name}`);
    assert.ok(flat.includes(summary.replace(/\s+/g, '')), `${format}: the summary`);
    assert.ok(flat.includes('PatternedCo'), `${format}: the assessment's name on the first page`);
    for (const control of ['Downloadchart', 'PrintorsaveasPDF', 'Skiptocontent', 'Export', 'Nothingissentanywhere']) {
      assert.ok(!flat.includes(control), `${format}: no "${control}" in the PDF`);
    }
    assert.ok(images >= 2, `${format}: both charts as images (found ${images})`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

/** A report opened at a phone's size, not scrolled, its assessment saved first. */
async function reportOnPhone(id, { init } = {}) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The chart library as fetched, and as started.
  const charts = [];
  page.on('requestfinished', (r) => { if (/vendor\/echarts/.test(r.url())) charts.push(r.url()); });
  await page.goto(server.url);
  await started(page);
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), seed(id, pattern()));
  await openReport(page, id, { scroll: false });
  return { context, page, errors, charts };
}

test('on a phone the charts, two screens down, are drawn as the reader comes near them, not while the report opens', async () => {
  const { context, page, errors, charts } = await reportOnPhone('phone1');
  const tops = await page.evaluate(() => ['radar-dimensions', 'bars-roles'].map((id) => document.getElementById(id).getBoundingClientRect().top / innerHeight));
  assert.ok(tops[0] > 1.5 && tops[1] > tops[0] + 1, `the charts sit further down than half a screen below it, a screen apart (${tops})`);
  // The chart library is downloaded while the reader reads, but not started: starting it blocks
  // the page for a moment, spent only once a chart comes near.
  await page.locator('link#echarts-prefetch').waitFor({ state: 'attached' });
  for (let i = 0; i < 100 && charts.length === 0; i++) await page.waitForTimeout(50);
  assert.equal(charts.length, 1, 'the chart library is downloaded while the report is read');
  await settle(page);
  assert.equal(await page.evaluate(() => typeof window.echarts), 'undefined', 'the chart library is not started while the report opens');
  assert.equal(await page.locator('canvas').count(), 0, 'no chart drawn before the reader scrolls');
  await page.getByRole('heading', { name: 'Scores' }).scrollIntoViewIfNeeded();
  await page.locator('#radar-dimensions canvas').waitFor();
  assert.equal(await page.locator('#bars-roles canvas').count(), 0, 'the second chart, a screen further down, still waits');
  await showChart(page, 'bars-roles');
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Print or save as PDF" draws the charts still waiting below the screen before the browser prints', async () => {
  const { context, page, errors } = await reportOnPhone('phone2', { init: stubPrint });
  assert.equal(await page.locator('canvas').count(), 0);
  await page.getByRole('button', { name: 'Print or save as PDF' }).click();
  assert.equal(await printedCharts(page), 2);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`the report at 360 px in the ${scheme} scheme: no horizontal overflow, no axe violation`, async () => {
    // axe is injected as a script, which the page's own policy rightly refuses: bypass it here.
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: scheme, bypassCSP: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await started(page);
    await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), seed('narrow1', pattern()));
    await openReport(page, 'narrow1');
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll <= inner, `page is ${scroll} px wide in a ${inner} px window`);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('when the report\'s code cannot be fetched the page says so, nothing is lost, and a reload brings the report', async () => {
  const { page, context, errors } = await open(browser, server.url, { serviceWorkers: 'block' });
  // No service worker: it would answer from its precache, which routes cannot reach.
  const answers = pattern();
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), seed('pat3', answers));
  const chunk = /\/report-[0-9a-f]{16}\.wasm$/;
  await context.route(chunk, (route) => route.abort('internetdisconnected'));
  await page.goto(`${server.url}#/a/pat3/results`);
  await page.reload();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /The report could not be loaded: its code could not be fetched, most likely because the connection is down\. Reload the page once you are back online; your answers are safe in this browser\./);
  await page.getByRole('button', { name: 'Reload', exact: true }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 1, name: 'Results' }).count(), 0);
  await context.unroute(chunk);
  await page.reload();
  await openReport(page, 'pat3');
  await checkFigures(page, expected(answers));
  assert.deepEqual(JSON.parse(await page.evaluate(() => localStorage.getItem('bita.assessment.pat3'))).answers, answers);
  assert.deepEqual(errors, []);
  await context.close();
});
