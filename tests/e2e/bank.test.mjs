// Question bank version 2 in the browser: questions for one side only, and assessments saved
// under version 1 opening with their answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, open, bankFromFiles, startAssessment } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const bank = bankFromFiles();

test('a question for IT only is asked of an IT respondent and not of a business respondent', async () => {
  const dim = bank.find((d) => d.details.some((q) => q.audience === 'it'));
  const only = dim.details.find((q) => q.audience === 'it');
  const { page, context, errors } = await open(browser, server.url);
  for (const [perspective, shown] of [['The business', false], ['IT', true]]) {
    await page.goto(server.url + '#/');
    await startAssessment(page, { name: `${perspective} side`, perspective });
    await page.getByRole('navigation', { name: 'Dimensions' }).getByRole('link', { name: new RegExp(`^${dim.name}`) }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${dim.name}`) }).waitFor();
    assert.equal(await page.getByRole('group', { name: only.text }).count(), shown ? 1 : 0, `${only.id} for ${perspective}`);
    const cards = await page.locator('fieldset.question').count();
    assert.equal(cards, dim.questions.length - (shown ? 0 : 1));
    const total = bank.reduce((n, d) => n + d.questions.length, 0) - (shown ? 0 : 1);
    assert.match(await page.locator('.progress-text').textContent(), new RegExp(`of ${total} answered`));
  }
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
  let seen = 0;
  for (const d of bank) {
    await page.goto(`${server.url}#/a/fromv1/d/${d.id}`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${d.name}`) }).waitFor();
    for (const q of d.questions) {
      const checked = await page.locator(`#q-${q} input:checked`).evaluateAll((els) => els.map((e) => e.value));
      assert.deepEqual(checked, answers[q] ? [answers[q]] : [], `${q}`);
      if (answers[q]) seen++;
    }
    // Said once, above the page: the retired answers are kept and not scored.
    const note = page.getByText(`${retired} answers belong to questions this version of the model no longer asks`);
    assert.equal(await note.count(), 1);
  }
  assert.equal(seen, stillAsked.length);
  // Nothing was dropped from storage: the retired answers are still saved.
  await page.goto(`${server.url}#/a/fromv1/d/${bank[0].id}`);
  await page.locator(`label[for="${bank[0].questions[0]}-5"]`).click();
  await page.waitForFunction((n) => Object.keys(JSON.parse(localStorage.getItem('bita.assessment.fromv1')).answers).length >= n, VERSION_1.length);
  assert.deepEqual(errors, []);
  await context.close();
});
