// The results page: level, tables, advice, and the radar drawn with ECharts loaded on demand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, open, bankFromFiles, showChart } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

function assessment(id, levelOf) {
  const answers = {};
  for (const d of bankFromFiles()) d.questions.forEach((q, i) => { answers[q] = String(levelOf(d.id, i)); });
  return { format: 'bita-assessment', schema: 1, id, name: 'Seeded', perspective: 'it', model: 'bita',
    model_version: 1, created: 1700000000000, updated: 1700000000000, answers };
}

test('results show the capped level, the radar from our own ECharts, and the next steps', async () => {
  const { page, context, errors } = await open(browser, server.url);
  // Everything at 5 except Delivery and trust at 1: the mean (4.2) would be level 4; the basics
  // failing most weeks contradict even level 2's description ("the basics work most of the time").
  const a = assessment('seeded1', (dim) => (dim === 'delivery-trust' ? 1 : 5));
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), a);
  const requests = [];
  page.on('request', (r) => requests.push([r.url(), r.resourceType()]));
  await page.goto(`${server.url}#/a/seeded1/results`);
  await page.reload();
  await page.getByRole('heading', { name: 'Results' }).waitFor();
  assert.match(await page.locator('.level-number').textContent(), /Level 1 of 5/);
  // Saved long before the level's rules changed: the report says once what the level was then.
  await page.getByText(/Under the earlier rule these answers stood at level 2\./).waitFor();
  assert.match(await page.locator('.capped').textContent(), /would give level 4\. Level 2, Technology supplier, describes something the answer to “How dependably does existing IT functionality work for the business\?” does not back \(level 1, where it needs 2 or more\)/);
  const rows = await page.locator('table.scores').first().locator('tbody tr').allTextContents();
  assert.equal(rows.length, 5);
  assert.match(rows[3], /Delivery and trust\s*1\.0/);
  // The radar is drawn by ECharts, fetched from our own origin only now.
  await showChart(page, 'radar-dimensions');
  // Below the first screen the radar waits: the file may have been prefetched in idle time
  // first (a host that lets it be cached serves the script from that copy), and it is started
  // by one script.
  const echarts = requests.filter(([u]) => u.includes('echarts'));
  const own = new URL('vendor/echarts.min.js', server.url).href;
  assert.ok(echarts.every(([u]) => u === own), JSON.stringify(echarts));
  assert.equal(echarts.filter(([, type]) => type === 'script').length, 1, JSON.stringify(echarts));
  // The basics fail: stopping the bleeding comes first, then the steps of the weakest dimension
  // (Delivery and trust) lead.
  const headings = await page.locator('section.results h3').allTextContents();
  assert.deepEqual(headings, ['Stop the bleeding first', 'Then, weakest dimension first']);
  assert.ok(await page.locator('section.results ol.steps.quick li').count() >= 1);
  const delivery = await page.locator('.dimension-report', { has: page.getByRole('heading', { name: 'Delivery and trust' }) })
    .locator('ul.steps li').first().textContent();
  const steps = await page.locator('section.results ol.steps:not(.quick) li').allTextContents();
  assert.ok(steps.length >= 1);
  const quick = await page.locator('section.results ol.steps.quick li').allTextContents();
  assert.ok([...quick, ...steps].includes(delivery), 'the weakest dimension\'s first step is among the first steps');
  assert.deepEqual(errors, []);
  await context.close();
});

test('when ECharts cannot be loaded the page says so and the tables still carry the figures', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), assessment('seeded2', () => 3));
  await page.route('**/vendor/echarts.min.js', (route) => route.abort());
  await page.goto(`${server.url}#/a/seeded2/results`);
  await page.reload();
  const warning = page.locator('.chart .notice.warn').first();
  await warning.waitFor();
  assert.match(await warning.textContent(), /could not be drawn \(the chart library could not be loaded\)/);
  assert.equal(await page.locator('table.scores').first().locator('tbody tr').count(), 5);
  // The failed script was removed, so a later chart tries again.
  assert.equal(await page.locator('#echarts-script').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
