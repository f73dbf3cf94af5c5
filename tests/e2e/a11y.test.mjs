// Accessibility on every page and state: axe-core finds no violation, in the light and the dark
// scheme. (axe is injected as a script, which the page's own policy refuses: bypassed here only.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, bankFromFiles, startAssessment, axeViolations, modelVersion, showChart } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const bank = bankFromFiles();

function seeded(id) {
  const answers = {};
  let n = 0;
  for (const d of bank) for (const q of d.questions) answers[q] = ['1', '2', '3', '4', '5', 'dk', 'na'][n++ % 7];
  return { format: 'bita-assessment', schema: 1, id, name: 'Accessible Co', perspective: 'it', model: 'bita',
    model_version: modelVersion(), created: 1700000000000, updated: 1764115200000, answers };
}

async function context(scheme, init) {
  const ctx = await browser.newContext({ colorScheme: scheme, bypassCSP: true, permissions: ['clipboard-read', 'clipboard-write'] });
  if (init) await ctx.addInitScript(init);
  return ctx;
}

async function check(page, what) {
  const found = await axeViolations(page);
  assert.deepEqual(found, [], `${what}: ${found.join('\n')}`);
}

for (const scheme of ['light', 'dark']) {
  test(`every page has no axe violation (${scheme})`, async () => {
    const ctx = await context(scheme);
    const page = await ctx.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Start the assessment' }).waitFor();
    await check(page, 'start page, empty');

    await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), seeded('axe1'));
    await page.reload();
    await page.getByRole('heading', { name: 'Saved assessments' }).waitFor();
    await check(page, 'start page with saved assessments');

    await startAssessment(page, { name: 'Axe walk' });
    await page.locator(`label[for="${bank[0].questions[0]}-3"]`).click();
    await page.locator(`#q-${bank[0].questions[0]} details.help summary`).click();
    await page.locator(`#q-${bank[0].questions[1]} details.note summary`).click();
    await check(page, 'a question page with help and a note open');

    await page.getByRole('link', { name: 'Review and results' }).click();
    await page.getByRole('heading', { name: 'Review' }).waitFor();
    await check(page, 'review');

    await page.goto(`${server.url}#/a/axe1/results`);
    await showChart(page, 'bars-roles');
    await check(page, 'report');

    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    const status = page.locator('.share [role=status]');
    await status.locator('p, input').first().waitFor();
    const link = (await status.locator('input').count())
      ? await status.locator('input').inputValue()
      : await page.evaluate(() => navigator.clipboard.readText());
    await page.goto(link);
    await showChart(page, 'bars-roles');
    await check(page, 'a shared report');

    await page.goto(`${server.url}#/s/AAAA`);
    await page.getByRole('alert').waitFor();
    await check(page, 'a bad link');

    await page.goto(`${server.url}#/nowhere`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await check(page, 'page not found');
    await ctx.close();
  });
}

test('storage notices have no axe violation: corrupt, disabled and full storage', async () => {
  const corrupt = await context('light');
  const p1 = await corrupt.newPage();
  await p1.goto(server.url);
  await p1.evaluate(() => localStorage.setItem('bita.assessment.broken', '{"format":'));
  await p1.reload();
  await p1.locator('.notice.error').waitFor();
  await check(p1, 'unreadable storage');
  await corrupt.close();

  const disabled = await context('light', () => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const p2 = await disabled.newPage();
  await p2.goto(server.url);
  await p2.locator('.notice.warn').waitFor();
  await check(p2, 'disabled storage');
  await disabled.close();

  const full = await context('dark');
  const p3 = await full.newPage();
  await p3.goto(server.url);
  await startAssessment(p3, { name: 'Full' });
  await p3.evaluate(() => { Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }; });
  await p3.locator(`label[for="${bank[0].questions[0]}-2"]`).click();
  await p3.getByRole('alert').waitFor();
  await check(p3, 'full storage');
  await full.close();
});
