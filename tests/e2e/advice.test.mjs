// The advice follows the seeds: with the basic services failing, the report's first actions are the
// steps that stop the bleeding, in the order questions/model.toml lists them, steps that presume
// trust wait with the sentence that says why, and every step says who acts, on screen and on paper.
// The expected steps are worked out here from the question files, not taken from the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, open, bankFromFiles, modelFromFiles, stepsFromFiles, modelVersion, printed } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const bank = bankFromFiles();
const model = modelFromFiles();
const steps = stepsFromFiles();

/** IT's assessment with every question it is asked answered at `level`. */
function everywhere(id, level) {
  const answers = {};
  for (const d of bank) for (const q of d.details) if (q.audience !== 'business') answers[q.id] = String(level);
  return { format: 'bita-assessment', schema: 1, id, name: 'Bleeding Ltd', perspective: 'it', model: 'bita',
    model_version: modelVersion(), created: 1764115200000, updated: 1764115200000, answers };
}

/**
 * The step each stop-the-bleeding key gives at `level`, in the documented order: of the questions
 * IT is asked whose statement at that level carries the key, the heaviest, then the first asked.
 */
function bleedingSteps(level) {
  const asked = bank.flatMap((d) => d.details).filter((q) => q.audience !== 'business');
  return model.bleeding.flatMap((key) => {
    const carriers = asked.filter((q) => steps[q.id][level - 1].action === key);
    if (carriers.length === 0) return [];
    const best = carriers.reduce((b, q) => (q.weight > b.weight ? q : b));
    return [steps[best.id][level - 1]];
  });
}

const WHO = { it: 'IT', business: 'the business', both: 'IT and the business together' };

test('IT answering 1 everywhere is told to stop the bleeding first, in order, and why advice waits', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), everywhere('bleed1', 1));
  await page.goto(`${server.url}#/a/bleed1/results`);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor();
  assert.match(await page.locator('.level-number').textContent(), /Level 1 of 5/);

  const expected = bleedingSteps(1);
  assert.equal(expected.length, model.bleeding.length, 'every stop-the-bleeding key has a level-1 step');
  const first = page.getByRole('region', { name: 'Next steps' })
    .getByRole('list').filter({ has: page.getByText(expected[0].next, { exact: true }) }).first();
  await page.getByRole('heading', { level: 3, name: 'Stop the bleeding first' }).waitFor();
  const items = first.getByRole('listitem');
  assert.ok(await items.count() >= expected.length);
  for (const [i, step] of expected.entries()) {
    const item = items.nth(i);
    assert.equal(await item.locator('span').first().textContent(), step.next, `first action ${i + 1}`);
    assert.equal(await item.locator('.who').textContent(), `Who acts: ${WHO[step.who]}`);
  }
  // Steps that presume trust wait, and the page says why.
  await page.getByText(/are held back until the basic services reach level 3/).waitFor();
  const waiting = Object.values(steps).map((s) => s[0]).filter((s) => s.afterBasics);
  assert.ok(waiting.length > 0);
  for (const s of waiting) assert.equal(await page.getByText(s.next, { exact: true }).count(), 0, `"${s.next}" waits`);
  // The summary's first actions are the first of them, each with who acts.
  const summary = await page.locator('.summary').textContent();
  assert.match(summary, new RegExp(`First actions: .*\\(${WHO[expected[0].who]}\\)`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a step for the business says so in the report and in its print', async () => {
  const { page, context, errors } = await open(browser, server.url);
  // With sound basics (3) and the rest at 2, nothing waits: the business's steps are all listed.
  const a = everywhere('who1', 2);
  for (const id of model.basics) a.answers[id] = '3';
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), a);
  await page.goto(`${server.url}#/a/who1/results`);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor();
  const theirs = Object.entries(steps).filter(([id, s]) => a.answers[id] === '2' && s[1].who === 'business' && s[1].action === '');
  assert.ok(theirs.length > 0, 'the bank has a level-2 step for the business');
  const text = theirs[0][1][1].next;
  const item = page.getByRole('listitem').filter({ hasText: text }).first();
  assert.equal(await item.locator('.who').textContent(), 'Who acts: the business');

  const { flat } = await printed(page);
  const at = flat.indexOf(text.replace(/\s+/g, ''));
  assert.ok(at >= 0, 'the step is printed');
  assert.ok(flat.slice(at).startsWith(`${text}Whoacts:thebusiness`.replace(/\s+/g, '')), 'with who acts beside it');
  assert.deepEqual(errors, []);
  await context.close();
});
