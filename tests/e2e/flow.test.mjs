// The assessment flow as a respondent lives it: keyboard only, reloads, several assessments.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, open, bankFromFiles, startAssessment, storedAssessments, waitStored } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const bank = bankFromFiles();
const total = bank.reduce((n, d) => n + d.questions.length, 0);

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el?.tagName, type: el?.type, name: el?.name, id: el?.id, text: el?.textContent?.trim() };
});

/** Presses Tab until `want` says the focused element is the right one (at most `limit` presses). */
async function tabTo(page, want, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (want(f)) return f;
  }
  throw new Error(`Tab never reached the wanted element; last: ${JSON.stringify(await focused(page))}`);
}

test('a whole assessment can be completed with the keyboard alone', async () => {
  const { page, errors, context } = await open(browser, server.url);
  // Start form: type the name, pick "The business" with the arrow keys, start with Enter.
  await tabTo(page, (f) => f.id === 'start-name');
  await page.keyboard.type('Keyboard Co');
  await tabTo(page, (f) => f.name === 'perspective');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, (f) => f.text === 'Start the assessment');
  await page.keyboard.press('Enter');
  await page.locator('fieldset.question').first().waitFor();

  let answered = 0;
  for (const [di, dim] of bank.entries()) {
    // Wait for the page itself: the route follows the fragment change asynchronously.
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${dim.name} \\(${di + 1} of`) }).waitFor();
    // A business respondent is not asked the questions for IT only.
    const asked = dim.details.filter((q) => q.audience !== 'it').map((q) => q.id);
    for (const [qi, qid] of asked.entries()) {
      await tabTo(page, (f) => f.type === 'radio' && f.name === qid);
      // First radio of the group has focus; arrows move and select (level = 1 + presses).
      const presses = (qi + di) % 5;
      if (presses === 0) await page.keyboard.press('Space');
      for (let p = 0; p < presses; p++) await page.keyboard.press('ArrowDown');
      answered++;
      await page.waitForFunction((n) => document.querySelector('.progress-text')?.textContent.startsWith(`${n} of`), answered);
    }
    await tabTo(page, (f) => f.tag === 'BUTTON' && /^Next/.test(f.text));
    await page.keyboard.press('Enter');
  }
  await page.getByRole('heading', { name: 'Review' }).waitFor();
  assert.match(await page.locator('main').textContent(), /Every question is answered/);
  await tabTo(page, (f) => f.text === 'See the results');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Results' }).waitFor();
  assert.match(await page.locator('.level-number').textContent(), /Level [1-5] of 5/);

  const [saved] = await storedAssessments(page);
  assert.equal(saved.name, 'Keyboard Co');
  assert.equal(saved.perspective, 'business');
  assert.equal(Object.keys(saved.answers).length, answered);
  assert.equal(saved.answers[bank[0].questions[1]], '2');
  assert.deepEqual(errors, []);
  await context.close();
});

test('focus is visible and the progress bar has an accessible name and value', async () => {
  const { page, context } = await open(browser, server.url);
  await startAssessment(page);
  const progress = page.getByRole('progressbar', { name: 'Questions answered' });
  assert.equal(await progress.count(), 1);
  assert.equal(await progress.getAttribute('value'), '0');
  await page.locator('label[for="sd-01-4"]').click();
  await page.waitForFunction(() => document.querySelector('#progress').value === 1);
  assert.match(await progress.getAttribute('aria-valuetext'), new RegExp(`^1 of ${total} questions answered`));
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  // Landmarks and one h1.
  assert.equal(await page.locator('main').count(), 1);
  assert.equal(await page.getByRole('navigation', { name: 'Dimensions' }).count(), 1);
  assert.equal(await page.locator('h1').count(), 1);
  await context.close();
});

test('reloading half-way resumes at the same question with every answer intact', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await startAssessment(page, { name: 'Reload Ltd' });
  const value = bank.find((d) => d.id === 'value');
  await page.getByRole('link', { name: /^Value/ }).click();
  await page.locator('#q-va-08').waitFor();
  const picks = { 'va-08': '2', 'va-12': 'dk', 'va-03': '5', 'va-09': 'na', 'va-10': '3' };
  for (const [q, code] of Object.entries(picks)) await page.locator(`label[for="${q}-${code}"]`).click();
  await page.locator('#va-03-note').evaluate((el) => el.closest('details').open = true);
  await page.locator('#va-03-note').fill('Board minutes, March: <b>not bold</b>');
  const hash = await page.evaluate(() => location.hash);

  await page.reload();
  await page.locator('#q-va-08').waitFor();
  assert.equal(await page.evaluate(() => location.hash), hash);
  for (const [q, code] of Object.entries(picks)) {
    assert.equal(await page.locator(`#${q}-${code}`).isChecked(), true, `${q} kept`);
  }
  assert.equal(await page.locator('#va-03-note').inputValue(), 'Board minutes, March: <b>not bold</b>');
  // Resumes at the last question touched: it has focus.
  await page.waitForFunction(() => document.activeElement?.name === 'va-10');

  // Closing the browser and coming back to the bare address lands at the same place.
  const again = await context.newPage();
  await again.goto(server.url);
  await again.locator('#q-va-08').waitFor();
  assert.match(await again.evaluate(() => location.hash), /\/d\/value/);
  assert.equal(await again.locator('#va-03-5').isChecked(), true);
  assert.equal(value.questions.length, await again.locator('fieldset.question').count());
  assert.deepEqual(errors, []);
  await context.close();
});

test('the review lists unanswered questions, each linking to its place', async () => {
  const { page, context } = await open(browser, server.url);
  await startAssessment(page);
  await page.locator('label[for="sd-01-1"]').click();
  await page.getByRole('link', { name: 'Review and results' }).click();
  await page.getByRole('heading', { name: 'Review' }).waitFor();
  const links = page.locator('ul.missing a');
  assert.equal(await links.count(), total - 1);
  await page.getByRole('link', { name: /When staff start to use an IT service, how complete/ }).click();
  await page.waitForFunction(() => document.activeElement?.name === 'sd-09');
  assert.match(await page.evaluate(() => location.hash), /\/d\/service-definition\/sd-09$/);
  await context.close();
});

test('saved assessments can be listed, renamed, duplicated, deleted and restored', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await startAssessment(page, { name: 'First <i>team</i>' });
  await page.locator('label[for="sd-01-2"]').click();
  await page.getByRole('link', { name: /bita/ }).click();
  await page.getByRole('heading', { name: 'Saved assessments' }).waitFor();
  const names = () => page.locator('.saved-name').allTextContents();
  // Typed text is shown as text, never as HTML.
  assert.deepEqual(await names(), ['First <i>team</i>']);
  assert.equal(await page.locator('.saved-name i').count(), 0);
  assert.match(await page.locator('.saved-item .meta').textContent(), new RegExp(`IT view · 1 of ${total} answered`));

  await page.getByRole('button', { name: 'Rename First <i>team</i>' }).click();
  await page.getByLabel('New name').fill('Finance');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.waitForFunction(() => document.querySelector('.saved-name')?.textContent === 'Finance');

  await page.getByRole('button', { name: 'Duplicate' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.saved-name').length === 2);
  assert.deepEqual((await names()).sort(), ['Copy of Finance', 'Finance']);
  const copies = await waitStored(page, (l) => l.length === 2);
  assert.equal(copies.length, 2);
  assert.ok(copies.every((a) => a.answers['sd-01'] === '2'), 'the copy keeps the answers');

  await page.locator('.saved-item', { hasText: 'Copy of Finance' }).getByRole('button', { name: 'Delete' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.saved-name').length === 1);
  assert.equal((await waitStored(page, (l) => l.length === 1)).length, 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.saved-name').length === 2);
  assert.equal((await waitStored(page, (l) => l.length === 2)).length, 2);

  await page.reload();
  await page.locator('.saved-name').first().waitFor();
  assert.deepEqual((await names()).sort(), ['Copy of Finance', 'Finance']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Back and Next move between dimensions, help opens, and the place is never lost', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await startAssessment(page);
  const help = page.locator('#q-sd-01 details.help');
  await help.locator('summary').click();
  assert.equal(await help.getAttribute('open'), '');
  assert.ok((await help.locator('p').textContent()).length > 20);
  await page.locator('label[for="sd-11-3"]').click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('heading', { name: /^Value \(2 of 5\)/ }).waitFor();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('heading', { name: /^Service definition \(1 of 5\)/ }).waitFor();
  // Coming back to a page opens it at its heading (focused), answers intact.
  await page.waitForFunction(() => document.activeElement === document.querySelector('main h1'));
  assert.equal(await page.locator('#sd-11-3').isChecked(), true);
  assert.match(await page.locator('.nav-count').first().textContent(), /^1\//);
  await page.getByRole('button', { name: 'Back to start' }).click();
  await page.getByRole('heading', { name: 'Saved assessments' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
