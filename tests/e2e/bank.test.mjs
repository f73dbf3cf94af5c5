// Question bank version 3 in the browser: every question asked of both sides, and assessments saved
// under versions 1 and 2 opening with their answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, open, bankFromFiles, startAssessment, modelVersion } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const bank = bankFromFiles();

test('a business respondent is told who should answer and is asked every question IT is', async () => {
  assert.ok(bank.every((d) => d.details.every((q) => q.audience === null)), 'version 3 asks every question of both sides');
  const total = bank.reduce((n, d) => n + d.questions.length, 0);
  const { page, context, errors } = await open(browser, server.url);
  // The start page says which business colleagues should answer.
  await page.getByRole('radio', { name: /The business.*manage a part of the business that plans with IT and pays for its services/ }).waitFor();
  for (const perspective of ['The business', 'IT']) {
    await page.goto(server.url + '#/');
    await startAssessment(page, { name: `${perspective} side`, perspective });
    assert.match(await page.locator('.progress-text').textContent(), new RegExp(`of ${total} answered`));
    const note = page.getByText(/answer as a manager who plans with IT and pays for its services/);
    assert.equal(await note.count(), perspective === 'IT' ? 0 : 1, perspective);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * Opens each dimension page of the saved assessment `id` afresh and checks that every question
 * shows exactly its answer in `answers`, or none; `onEachPage` checks more on each. Returns how
 * many answers were shown.
 */
async function showsItsAnswers(page, id, answers, onEachPage = async () => {}) {
  let seen = 0;
  for (const d of bank) {
    await page.goto(`${server.url}#/a/${id}/d/${d.id}`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${d.name}`) }).waitFor();
    for (const q of d.questions) {
      const checked = await page.locator(`#q-${q} input:checked`).evaluateAll((els) => els.map((e) => e.value));
      assert.deepEqual(checked, answers[q] ? [answers[q]] : [], `${q}`);
      if (answers[q]) seen++;
    }
    await onEachPage();
  }
  return seen;
}

// The 39 questions of version 2 in their fixed order (tests/bank.rs pins the same list).
const VERSION_2 = ['sd-01', 'sd-12', 'sd-08', 'sd-09', 'sd-10', 'sd-11', 'va-08', 'va-02', 'va-03', 'va-09',
  'va-10', 'va-11', 'cv-07', 'cv-03', 'cv-04', 'cv-08', 'cv-06', 'cv-09', 'dt-01', 'dt-02',
  'dt-10', 'dt-12', 'dt-03', 'dt-04', 'dt-11', 'dt-05', 'dt-09', 'dt-07', 'dt-08', 'ro-11',
  'ro-12', 'ro-03', 'ro-13', 'ro-14', 'ro-15', 'ro-07', 'ro-16', 'ro-17', 'ro-18'];

test('an assessment saved under version 2 opens with every answer still asked, and its report says once that the model changed', async () => {
  assert.equal(modelVersion(), 3);
  const { page, context, errors } = await open(browser, server.url);
  const answers = Object.fromEntries(VERSION_2.map((q, i) => [q, String(1 + (i % 5))]));
  const saved = { format: 'bita-assessment', schema: 1, id: 'fromv2', name: 'Saved in version 2', perspective: 'it',
    model: 'bita', model_version: 2, created: 1764115200000, updated: 1764115200000, answers };
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), saved);
  const stillAsked = VERSION_2.filter((q) => bank.some((d) => d.questions.includes(q)));
  const retired = VERSION_2.length - stillAsked.length;
  const added = bank.flatMap((d) => d.questions).filter((q) => !VERSION_2.includes(q)).length;
  assert.ok(retired > 0 && added > 0);
  assert.equal(await showsItsAnswers(page, 'fromv2', answers), stillAsked.length);
  await page.goto(`${server.url}#/a/fromv2/results`);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor();
  // Every dimension keeps a score: the new questions count once answered.
  const rows = await page.locator('table.scores').first().locator('tbody tr').allTextContents();
  assert.equal(rows.length, bank.length);
  for (const row of rows) assert.doesNotMatch(row, /not enough answers/);
  const said = page.getByText(`These answers were given to version 2 of the questions; this is version 3. Its ${added} new questions count once answered. ${retired} answers belong to questions this version of the model no longer asks.`);
  assert.equal(await said.count(), 1, 'said once');
  assert.deepEqual(errors, []);
  await context.close();
});

// The 38 questions of version 1 in their fixed order (tests/bank.rs pins the same list).
const VERSION_1 = ['sd-01', 'sd-02', 'sd-03', 'sd-04', 'sd-05', 'sd-06', 'sd-07', 'va-01', 'va-02', 'va-03',
  'va-04', 'va-05', 'va-06', 'va-07', 'cv-01', 'cv-02', 'cv-03', 'cv-04', 'cv-05', 'cv-06',
  'dt-01', 'dt-02', 'dt-03', 'dt-04', 'dt-05', 'dt-06', 'dt-07', 'dt-08', 'ro-01', 'ro-02',
  'ro-03', 'ro-04', 'ro-05', 'ro-06', 'ro-07', 'ro-08', 'ro-09', 'ro-10'];

test('an assessment saved under version 1 opens with every answer to a question still asked', async () => {
  const { page, context, errors } = await open(browser, server.url);
  const answers = Object.fromEntries(VERSION_1.map((q, i) => [q, ['1', '2', '3', '4', '5', 'dk', 'na'][i % 7]]));
  const saved = { format: 'bita-assessment', schema: 1, id: 'fromv1', name: 'Saved in version 1', perspective: 'it',
    model: 'bita', model_version: 1, created: 1700000000000, updated: 1700000000000, answers };
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), saved);
  const stillAsked = VERSION_1.filter((q) => bank.some((d) => d.questions.includes(q)));
  const retired = VERSION_1.length - stillAsked.length;
  assert.ok(stillAsked.length > 10 && retired > 0);
  const seen = await showsItsAnswers(page, 'fromv1', answers, async () => {
    // Said once, above the page: the retired answers are kept and not scored.
    const note = page.getByText(`${retired} answers belong to questions this version of the model no longer asks`);
    assert.equal(await note.count(), 1);
  });
  assert.equal(seen, stillAsked.length);
  // Nothing was dropped from storage: the retired answers are still saved.
  await page.goto(`${server.url}#/a/fromv1/d/${bank[0].id}`);
  await page.locator(`label[for="${bank[0].questions[0]}-5"]`).click();
  await page.waitForFunction((n) => Object.keys(JSON.parse(localStorage.getItem('bita.assessment.fromv1')).answers).length >= n, VERSION_1.length);
  assert.deepEqual(errors, []);
  await context.close();
});
