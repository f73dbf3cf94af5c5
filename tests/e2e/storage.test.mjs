// Storage that misbehaves: corrupted by hand, disabled, full, or shared by two tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, open, startAssessment, storedAssessments, waitStored } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const home = async (page) => {
  await page.getByRole('link', { name: /bita/ }).click();
  await page.getByRole('heading', { name: 'Saved assessments' }).waitFor();
};

test('corrupt storage gives a clear message, keeps the data aside and leaves the rest working', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await startAssessment(page, { name: 'Healthy' });
  await page.locator('label[for="sd-01-3"]').click();
  await home(page);
  await startAssessment(page, { name: 'Doomed' });
  await page.locator('label[for="sd-01-1"]').click();
  // The answer's save lands first: a save after the damage below would mend it.
  await waitStored(page, (l) => l.some((a) => a.name === 'Doomed' && a.answers?.['sd-01'] === '1'));
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('bita.assessment.') && localStorage.getItem(k).includes('Doomed')));
  const damaged = await page.evaluate((k) => {
    const raw = localStorage.getItem(k);
    const cut = raw.slice(0, raw.length - 17);
    localStorage.setItem(k, cut);
    return cut;
  }, key);
  await page.goto(server.url + '#/');
  await page.reload();
  const notice = page.locator('.notice.error');
  await notice.waitFor();
  assert.match(await notice.textContent(), /could not be opened: the data is damaged/);
  // The saved list comes with its own code and words, possibly after the notice.
  await page.locator('.saved-name').first().waitFor();
  assert.deepEqual(await page.locator('.saved-name').allTextContents(), ['Healthy']);
  // The unreadable data is kept as it was, and can be downloaded.
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), damaged);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    notice.getByRole('button', { name: 'Download its raw data' }).click(),
  ]);
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), damaged);
  // Deleting it asks first; declined, it stays; confirmed, it goes and so does its notice.
  page.once('dialog', (d) => d.dismiss());
  await notice.getByRole('button', { name: 'Delete it' }).click();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), damaged, 'kept when declined');
  page.once('dialog', (d) => d.accept());
  await notice.getByRole('button', { name: 'Delete it' }).click();
  await notice.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), null, 'gone when confirmed');
  // Everything else still works: the healthy assessment opens with its answer.
  await page.getByRole('link', { name: 'Healthy' }).click();
  await page.locator('#sd-01-3').waitFor();
  assert.equal(await page.locator('#sd-01-3').isChecked(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('garbage in every bita key never blanks the page', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await page.evaluate(() => {
    localStorage.setItem('bita.assessment.x1', 'null');
    localStorage.setItem('bita.assessment.x2', '{"format":"bita-assessment","schema":99}');
    localStorage.setItem('bita.assessment.bad id', '[]');
    localStorage.setItem('bita.last', 'x1');
  });
  await page.goto(server.url);
  await page.reload();
  await page.locator('.notice.error').first().waitFor();
  const texts = await page.locator('.notice.error').allTextContents();
  assert.equal(texts.length, 3);
  assert.ok(texts.some((t) => /newer version of bita/.test(t)));
  assert.equal(await page.getByRole('button', { name: 'Start the assessment' }).count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with storage disabled the app works in memory, says so, and offers an export', async () => {
  const init = () => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The user denied storage', 'SecurityError'); } });
  };
  const { page, context, errors } = await open(browser, server.url, { init });
  const warning = page.locator('.notice.warn');
  await warning.waitFor();
  assert.match(await warning.textContent(), /will be lost when you reload or close it/);
  await startAssessment(page, { name: 'Ephemeral' });
  await page.locator('label[for="sd-01-4"]').click();
  await page.locator('label[for="sd-12-2"]').click();
  await page.waitForFunction(() => document.querySelector('.progress-text').textContent.startsWith('2 of'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    warning.getByRole('button', { name: 'Export this assessment' }).click(),
  ]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.format, 'bita-assessment');
  assert.equal(exported.name, 'Ephemeral');
  assert.deepEqual(exported.answers, { 'sd-01': '4', 'sd-12': '2' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('when storage is full the change stays on the page and the page says it was not saved', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await startAssessment(page, { name: 'Saved before' });
  await page.locator('label[for="sd-01-2"]').click();
  // Saving is asynchronous: let the first answer reach storage before it fills up.
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('bita.assessment.')
    && JSON.parse(localStorage.getItem(k)).answers['sd-01'] === '2'));
  await page.evaluate(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k.startsWith('bita.assessment.')) throw new DOMException('full', 'QuotaExceededError');
      return real.call(this, k, v);
    };
  });
  await page.locator('label[for="sd-12-5"]').click();
  const warning = page.locator('.notice.warn');
  await warning.waitFor();
  assert.match(await warning.textContent(), /could not be saved \(QuotaExceededError\)/);
  assert.equal(await page.locator('#sd-12-5').isChecked(), true, 'the answer stays on the page');
  const [stored] = await storedAssessments(page);
  assert.deepEqual(stored.answers, { 'sd-01': '2' }, 'what was saved before is intact');
  assert.deepEqual(errors, []);
  await context.close();
});

test('two tabs answering the same assessment keep both answers', async () => {
  const { page: first, context, errors } = await open(browser, server.url);
  await startAssessment(first, { name: 'Shared' });
  const url = first.url();
  const second = await context.newPage();
  await second.goto(url);
  await second.locator('#q-sd-01').waitFor();

  await first.locator('label[for="sd-01-2"]').click();
  await second.locator('label[for="sd-09-5"]').click();
  await first.locator('label[for="sd-10-1"]').click();
  // Saving is asynchronous (under a Web Lock): wait for it, then check what was saved.
  await first.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('bita.assessment.')
    && Object.keys(JSON.parse(localStorage.getItem(k)).answers).length === 3));

  const [stored] = await storedAssessments(first);
  assert.deepEqual(stored.answers, { 'sd-01': '2', 'sd-09': '5', 'sd-10': '1' });
  // Each tab shows the other's answers too, without a reload.
  await second.waitForFunction(() => document.querySelector('#sd-10-1').checked && document.querySelector('#sd-01-2').checked);
  await first.waitForFunction(() => document.querySelector('#sd-09-5').checked);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a saved place on a page the bank does not have resumes at the first page', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await page.evaluate(() => {
    localStorage.setItem('bita.assessment.lost1', JSON.stringify({ format: 'bita-assessment', schema: 1, id: 'lost1',
      name: 'Lost place', perspective: 'it', model: 'bita', model_version: 1, created: 1, updated: 1,
      answers: {}, place: { Dimension: { dimension: 'no-such-page' } } }));
    localStorage.setItem('bita.last', 'lost1');
  });
  await page.goto(server.url.replace(/#.*$/, ''));
  await page.reload();
  await page.locator('fieldset.question').first().waitFor();
  assert.match(await page.evaluate(() => location.hash), /^#\/a\/lost1\/d\/service-definition$/);
  assert.deepEqual(errors, []);
  await context.close();
});
