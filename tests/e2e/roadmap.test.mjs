// Targets and the roadmap, as a reader uses them: set targets on a report, see them after a
// reload; mark a step done; export the roadmap as CSV and read it back; copy the link and open it
// in a fresh browser with the same targets; try other targets as the link's reader, nothing saved
// until "Save a copy". Found by role and label only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, open, bankFromFiles, modelVersion, waitStored, storedAssessments, axeViolations, printed } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const bank = bankFromFiles();

/** IT's assessment with every question it is asked answered `level` (2 unless said). */
function atTwo(id, level = '2') {
  const answers = {};
  for (const d of bank) for (const q of d.details) if (q.audience !== 'business') answers[q.id] = level;
  return { format: 'bita-assessment', schema: 2, id, name: 'Roadmap Ltd', perspective: 'it', model: 'bita',
    model_version: modelVersion(), created: 1764115200000, updated: 1764115200000, answers };
}

async function results(page, id) {
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), atTwo(id));
  await page.goto(`${server.url}#/a/${id}/results`);
  await page.reload();
  // The roadmap's code comes when asked for; the first list then has the focus.
  await page.getByRole('button', { name: 'Set targets' }).click();
  await page.getByRole('group', { name: 'Set targets' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'target-service-definition');
}

const valueName = () => bank.find((d) => d.id === 'value').name;

test('targets set on a report stay after a reload, steps marked done too, and the roadmap exports as CSV', async () => {
  const { context, page, errors } = await open(browser, server.url);
  await results(page, 'plan1');
  const target = page.getByRole('combobox', { name: new RegExp(`^Target for ${valueName()}`) });
  assert.equal(await target.inputValue(), '3', 'proposed one level above today');
  await target.selectOption('5');
  await waitStored(page, (l) => l.find((a) => a.id === 'plan1')?.targets?.value === 5);
  // The roadmap follows: its last phase brings Value to 5.
  const phases = page.getByRole('region', { name: /^Phase \d/ });
  const n = await phases.count();
  assert.ok(n >= 3, `${n} phases`);
  assert.equal(await page.getByRole('heading', { level: 3, name: 'Phase 1: the first 90 days' }).count(), 1);
  const last = phases.nth(n - 1);
  const row = last.getByRole('row', { name: new RegExp(`^${valueName()}`) });
  const cells = await row.getByRole('cell').allTextContents();
  assert.deepEqual(cells.slice(1), ['5', '5', 'yes']);
  assert.ok(Number(cells[0]) >= 4.5, `scores ${cells[0]}`);
  // Mark the first step done.
  const first = phases.first().getByRole('checkbox').first();
  const stepName = await first.evaluate((el) => el.labels[0].textContent);
  await first.check();
  await waitStored(page, (l) => Object.keys(l.find((a) => a.id === 'plan1')?.done ?? {}).length === 1);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Targets and roadmap' }).waitFor();
  assert.equal(await page.getByRole('combobox', { name: new RegExp(`^Target for ${valueName()}`) }).inputValue(), '5');
  assert.ok(await page.getByRole('checkbox', { name: stepName, exact: true }).first().isChecked(), 'still done');
  // The CSV: a row per step, the one done saying so.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export the roadmap (CSV)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'bita-roadmap.csv');
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  assert.equal(lines[0], '\ufeffphase,step,who acts,question,done');
  const steps = await page.getByRole('region', { name: 'Targets and roadmap' }).getByRole('checkbox').count();
  assert.equal(lines.length - 1, steps, 'a row per step');
  assert.equal(lines.filter((l) => l.endsWith(',yes')).length, 1);
  assert.ok(lines[1].startsWith('Phase 1: the first 90 days,'), lines[1]);
  // Back to the proposals.
  await page.getByRole('button', { name: 'Back to the proposed targets' }).click();
  await waitStored(page, (l) => !l.find((a) => a.id === 'plan1')?.targets?.value);
  assert.equal(await page.getByRole('combobox', { name: new RegExp(`^Target for ${valueName()}`) }).inputValue(), '3');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link carries the targets; its reader tries others without saving until "Save a copy"', async () => {
  const sender = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await sender.newPage();
  await page.goto(server.url);
  await page.locator('main:not([aria-busy])').waitFor();
  await results(page, 'plan2');
  await page.getByRole('combobox', { name: new RegExp(`^Target for ${valueName()}`) }).selectOption('4');
  await waitStored(page, (l) => l.find((a) => a.id === 'plan2')?.targets?.value === 4);
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const status = page.locator('.share [role=status]');
  await status.locator('p, input').first().waitFor();
  const link = await status.locator('input').count() ? await status.locator('input').inputValue() : await page.evaluate(() => navigator.clipboard.readText());
  await sender.close();

  const { context, page: reader, errors } = await open(browser, link);
  await reader.getByRole('heading', { level: 2, name: 'Targets and roadmap' }).waitFor();
  const target = reader.getByRole('combobox', { name: new RegExp(`^Target for ${valueName()}`) });
  assert.equal(await target.inputValue(), '4', 'the sender\'s target');
  await target.selectOption('5');
  await reader.getByRole('status').filter({ hasText: 'tried here only' }).waitFor();
  const lastRow = reader.getByRole('region', { name: /^Phase \d/ }).last().getByRole('row', { name: new RegExp(`^${valueName()}`) });
  assert.equal(await lastRow.getByRole('cell').nth(2).textContent(), '5');
  assert.deepEqual(await storedAssessments(reader), [], 'nothing saved while trying');
  assert.equal(await reader.getByRole('region', { name: 'Targets and roadmap' }).getByRole('checkbox').count(), 0, 'a link\'s steps are not marked');
  await reader.getByRole('button', { name: 'Save a copy' }).click();
  const saved = await waitStored(reader, (l) => l.length === 1);
  assert.equal(saved[0].targets.value, 5, 'the copy keeps the tried target');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the roadmap at 360 px in dark mode passes axe', async () => {
  // axe is put in as a script of its own, which the page's CSP would refuse.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme: 'dark', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('main:not([aria-busy])').waitFor();
  await results(page, 'plan3');
  await page.getByRole('region', { name: /^Phase 1/ }).scrollIntoViewIfNeeded();
  assert.deepEqual(await axeViolations(page), []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scroll (${overflow} px)`);
  await context.close();
});

test('"Print one page" puts the level, the summary, the chart and the first phase\'s steps on one A4 and one Letter page', async () => {
  // The browser's print dialog is not part of a headless run: the page is printed to PDF instead.
  const { context, page, errors } = await open(browser, server.url, { init: () => { window.print = () => {}; } });
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), atTwo('plan4'));
  await page.goto(`${server.url}#/a/plan4/results`);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Summary' }).waitFor();
  // The roadmap's code is not in yet: the button fetches it.
  await page.getByRole('button', { name: 'Print one page' }).click();
  await page.getByRole('region', { name: /^Phase 1/ }).waitFor();
  const flat = (t) => t.replace(/\s+/g, '');
  const summary = flat(await page.locator('p.summary').textContent());
  const level = flat(await page.locator('.level-number').textContent());
  const phase = page.getByRole('region', { name: /^Phase 1/ });
  const firstStep = flat(await phase.getByRole('checkbox').first().evaluate((c) => c.labels[0].textContent));
  const lastStep = flat(await phase.getByRole('checkbox').last().evaluate((c) => c.labels[0].textContent));
  for (const format of ['A4', 'Letter']) {
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Print one page' }).click();
    await page.waitForFunction(() => document.documentElement.classList.contains('one-page'));
    const got = await printed(page, format);
    assert.equal(got.pages, 1, `${format}: one page`);
    for (const [what, text] of [['level', level], ['summary', summary], ['first step', firstStep], ['last step of phase 1', lastStep]]) {
      assert.ok(got.flat.includes(text), `${format}: the ${what}`);
    }
    assert.ok(got.flat.includes('Whoacts:'), `${format}: who acts`);
    assert.ok(got.images >= 1, `${format}: the chart`);
    assert.ok(!got.flat.includes('Phase2'), `${format}: only the first phase`);
    // Once printed, the page is the whole report again, and prints as before.
    await page.waitForFunction(() => !document.documentElement.classList.contains('one-page'));
  }
  const whole = await printed(page, 'A4');
  assert.ok(whole.pages > 1 && whole.flat.includes('Phase2'), 'the full report prints whole');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a first phase of more than 30 steps (every answer at level 1) still prints on one Letter page', async () => {
  const { context, page, errors } = await open(browser, server.url, { init: () => { window.print = () => {}; } });
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), atTwo('plan5', '1'));
  await page.goto(`${server.url}#/a/plan5/results`);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Summary' }).waitFor();
  await page.getByRole('button', { name: 'Print one page' }).click();
  const phase = page.getByRole('region', { name: /^Phase 1/ });
  await phase.waitFor();
  const steps = await phase.getByRole('checkbox').count();
  assert.ok(steps > 30, `${steps} steps`);
  const label = (c) => c.evaluate((el) => el.labels[0].textContent.replace(/\s+/g, ''));
  const [first, last] = [await label(phase.getByRole('checkbox').first()), await label(phase.getByRole('checkbox').last())];
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Print one page' }).click();
  await page.waitForFunction(() => document.documentElement.classList.contains('one-page'));
  const got = await printed(page, 'Letter');
  assert.equal(got.pages, 1);
  assert.ok(got.flat.includes(first) && got.flat.includes(last), 'the first and the last step of phase 1');
  // In print, the long phase takes three columns.
  await page.evaluate(() => document.documentElement.classList.add('one-page'));
  assert.equal(await phase.locator('.steps').evaluate((l) => getComputedStyle(l).columnCount), '3');
  assert.deepEqual(errors, []);
  await context.close();
});
