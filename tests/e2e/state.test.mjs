// What is shown is what is stored, whatever the way a page is reached; nothing the respondent did
// is lost while storage refuses writes; two tabs merge answer by answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, open, bankFromFiles, startAssessment, storedAssessments, waitStored, secondTab, holdNextCommit } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const bank = bankFromFiles();
const CODES = ['1', '2', '3', '4', '5', 'dk', 'na'];
/** The answer the walk gives to the n-th question overall, or null for one left unanswered. */
const planned = (n) => (n % 6 === 4 ? null : CODES[(n * 3) % CODES.length]);

const heading = (page, di) => page.getByRole('heading', {
  level: 1, name: new RegExp(`^${bank[di].name} \\(${di + 1} of ${bank.length}\\)`),
}).waitFor();

/** Every radio and note of the page as it stands: { qid: { checked: code|null, noteOpen } }. */
const shown = (page) => page.evaluate(() => Object.fromEntries(
  [...document.querySelectorAll('fieldset.question')].map((f) => [f.id.slice(2), {
    checked: [...f.querySelectorAll('input[type=radio]')].filter((r) => r.checked).map((r) => r.value),
    noteOpen: f.querySelector('details.note').open,
    helpOpen: f.querySelector('details.help')?.open ?? false,
  }]),
));

async function expectPage(page, di, expected, noted) {
  await heading(page, di);
  const got = await shown(page);
  assert.deepEqual(Object.keys(got), bank[di].questions, `questions of ${bank[di].name}`);
  for (const q of bank[di].questions) {
    const want = expected[q] ? [expected[q]] : [];
    assert.deepEqual(got[q].checked, want, `${q} on ${bank[di].name}`);
    assert.equal(got[q].noteOpen, noted.has(q), `note of ${q} open only if it has text`);
    assert.equal(got[q].helpOpen, false, `help of ${q} starts closed`);
  }
}

test('every page shows exactly the stored answers, however it is reached', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await startAssessment(page, { name: 'Walk and check' });
  const expected = {};
  const noted = new Set();
  let n = 0;
  for (const [di, dim] of bank.entries()) {
    await heading(page, di);
    for (const [qi, q] of dim.questions.entries()) {
      const code = planned(n++);
      if (code) {
        await page.locator(`label[for="${q}-${code}"]`).click();
        expected[q] = code;
      }
      // Open the help of the first question and a note without writing in it on every page:
      // neither may arrive open on the next page.
      if (qi === 0) {
        const help = page.locator(`#q-${q} details.help summary`);
        if (await help.count()) await help.click();
        await page.locator(`#q-${q} details.note summary`).click();
      }
      if (di === 1 && qi === 2) {
        await page.locator(`#q-${q} details.note summary`).click();
        await page.locator(`#${q}-note`).fill('Seen in the Q3 cost report');
        noted.add(q);
      }
    }
    await page.getByRole('button', { name: /^Next/ }).click();
  }
  await page.getByRole('heading', { level: 1, name: 'Review' }).waitFor();
  const [stored] = await waitStored(page, (l) => Object.keys(l[0]?.answers ?? {}).length === Object.keys(expected).length);
  assert.deepEqual(stored.answers, expected, 'storage holds the walk');

  // Back to the first page by its link, then Next through every page and Back again.
  await page.getByRole('navigation', { name: 'Dimensions' }).getByRole('link', { name: new RegExp(`^${bank[0].name}`) }).click();
  await expectPage(page, 0, expected, noted);
  for (let di = 1; di < bank.length; di++) {
    await page.getByRole('button', { name: /^Next/ }).click();
    await expectPage(page, di, expected, noted);
  }
  for (let di = bank.length - 2; di >= 0; di--) {
    await page.getByRole('button', { name: /^Back$/ }).click();
    await expectPage(page, di, expected, noted);
  }
  // The browser's back and forward buttons replay the same pages.
  for (let di = 1; di < bank.length; di++) {
    await page.goBack();
    await expectPage(page, di, expected, noted);
  }
  for (let di = bank.length - 2; di >= 0; di--) {
    await page.goForward();
    await expectPage(page, di, expected, noted);
  }
  // And a reload shows the same.
  await page.reload();
  await expectPage(page, 0, expected, noted);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with every write failing, answers given in a row all stay, in the page and the export', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await startAssessment(page, { name: 'Full disk' });
  await page.locator('label[for="sd-01-2"]').click();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('bita.assessment.')
    && JSON.parse(localStorage.getItem(k)).answers['sd-01'] === '2'));
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  const q = bank[0].questions;
  await page.locator(`label[for="${q[1]}-3"]`).click();
  await page.locator(`label[for="${q[2]}-4"]`).click();
  await page.locator(`label[for="${q[3]}-dk"]`).click();
  const warning = page.getByRole('alert');
  await warning.waitFor();
  assert.match(await warning.textContent(), /could not be saved \(QuotaExceededError\)/);
  for (const [qid, code] of [[q[0], '2'], [q[1], '3'], [q[2], '4'], [q[3], 'dk']]) {
    assert.equal(await page.locator(`#${qid}-${code}`).isChecked(), true, `${qid} stays on the page`);
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    warning.getByRole('button', { name: 'Export this assessment' }).click(),
  ]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(exported.answers, { [q[0]]: '2', [q[1]]: '3', [q[2]]: '4', [q[3]]: 'dk' });
  const [stored] = await storedAssessments(page);
  assert.deepEqual(stored.answers, { [q[0]]: '2' }, 'the last good copy is intact');
  assert.deepEqual(errors, []);
  await context.close();
});

test('two tabs, one held between its read and its write, keep both answers; the later answer wins', async () => {
  const { page: a, context, errors } = await open(browser, server.url);
  await startAssessment(a, { name: 'Two tabs' });
  const b = await secondTab(context, a, errors);
  const storedAnswers = async () => (await storedAssessments(a))[0].answers;

  // Hold tab a after it has read storage and before it writes.
  const held = await holdNextCommit(a, () => a.locator('label[for="sd-01-2"]').click());
  await b.locator('label[for="sd-12-4"]').click();
  // b's commit waits for a's lock: seen in the lock manager, not guessed with a sleep.
  await b.waitForFunction(async () => (await navigator.locks.query()).pending.some((l) => l.name === 'bita-storage'));
  await held.release();
  await a.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('bita.assessment.')
    && (() => { const s = JSON.parse(localStorage.getItem(k)).answers; return s['sd-01'] === '2' && s['sd-12'] === '4'; })()));

  // Now both answer the same question; b answers later.
  await a.locator('label[for="sd-08-1"]').click();
  await a.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('bita.assessment.')
    && JSON.parse(localStorage.getItem(k)).answers['sd-08'] === '1'));
  await b.locator('label[for="sd-08-5"]').click();
  await b.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('bita.assessment.')
    && JSON.parse(localStorage.getItem(k)).answers['sd-08'] === '5'));

  await a.reload();
  await a.locator('#q-sd-01').waitFor();
  assert.deepEqual(await storedAnswers(), { 'sd-01': '2', 'sd-12': '4', 'sd-08': '5' });
  for (const id of ['sd-01-2', 'sd-12-4', 'sd-08-5']) {
    assert.equal(await a.locator(`#${id}`).isChecked(), true, `${id} after reload`);
    await b.waitForFunction((i) => document.getElementById(i)?.checked, id);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('an assessment deleted in another tab says so where it is open, and "Restore it" brings it back in both', async () => {
  const { page: a, context, errors } = await open(browser, server.url);
  await startAssessment(a, { name: 'Gone for a while' });
  await a.locator('label[for="sd-01-3"]').click();
  await waitStored(a, (s) => s[0]?.answers['sd-01'] === '3');
  const b = await context.newPage();
  b.on('pageerror', (e) => errors.push(String(e)));
  await b.goto(a.url().replace(/#.*$/, '#/'));
  await b.getByRole('heading', { name: 'Saved assessments' }).waitFor();
  await b.getByRole('button', { name: 'Delete', exact: true }).click();

  await a.getByRole('heading', { level: 1, name: 'This assessment was deleted' }).waitFor();
  await a.getByRole('button', { name: 'Restore it' }).click();
  await heading(a, 0);
  assert.equal(await a.locator('#sd-01-3').isChecked(), true, 'its answer is back');
  assert.equal(await a.evaluate(() => document.activeElement?.id), 'sd-01-3', 'focus on its answer');
  // Back in the other tab's list (its own Undo notice names it too: the link is the list's).
  await b.getByRole('link', { name: 'Gone for a while', exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
