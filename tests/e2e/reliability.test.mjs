// Nothing lost when the page goes away, every failure said in the page, links and records of a
// newer bita recognised as such.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, open, started, bankFromFiles, startAssessment, secondTab, holdNextCommit, ROOT } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const bank = bankFromFiles();
const first = bank[0].questions;

/** The stored answers of the one assessment, and whether pending entries are left. */
const storage = (page) => page.evaluate(() => {
  const keys = Object.keys(localStorage);
  const record = keys.find((k) => k.startsWith('bita.assessment.'));
  return {
    answers: record ? JSON.parse(localStorage.getItem(record)).answers : null,
    pending: keys.filter((k) => k.startsWith('bita.pending.')).length,
  };
});

/** Waits until storage holds `want` (answers by question) in its record, with no pending entry. */
async function settled(page, want, what) {
  for (let i = 0; i < 100; i++) {
    const s = await storage(page);
    if (s.pending === 0 && Object.entries(want).every(([q, a]) => s.answers?.[q] === a)) return;
    await page.waitForTimeout(50);
  }
  assert.deepEqual(await storage(page), { answers: want, pending: 0 }, what);
}

/**
 * Clicks the statements `picks` ([question, code]) each in a task of its own, and reloads in the
 * task of the last. With `hold`, the page's commits never get past reading storage (as when the
 * lock is not had before the page goes), so only the save on the way out can keep the answers.
 */
async function answerAndReload(page, picks, { hold = false } = {}) {
  const reloaded = page.waitForEvent('load');
  // Not awaited inside the page: the reload ends the script's context.
  await page.evaluate(([list, hold]) => {
    if (hold) window.__bitaBeforeWrite = () => new Promise(() => {});
    (async () => {
      for (const [i, [q, code]] of list.entries()) {
        if (i > 0) await new Promise((next) => setTimeout(next));
        document.querySelector(`label[for="${q}-${code}"]`).click();
      }
      location.reload();
    })();
  }, [picks, hold]);
  await reloaded;
}

test('an answer clicked and the page reloaded in the same task is kept, twenty times over', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await startAssessment(page, { name: 'Reload at once' });
  const want = {};
  for (let i = 0; i < 20; i++) {
    const q = first[i % first.length];
    const code = String(((i * 2) % 5) + 1);
    want[q] = code;
    // Every other time the page's own commit is held, so that the save on the way out alone counts.
    await answerAndReload(page, [[q, code]], { hold: i % 2 === 0 });
    await started(page);
    await page.locator(`#q-${q}`).waitFor();
    assert.equal(await page.locator(`#${q}-${code}`).isChecked(), true, `try ${i + 1}: ${q} = ${code} after the reload`);
  }
  await settled(page, want, 'storage holds every answer, with no pending entry left');
  assert.deepEqual(errors, []);
  await context.close();
});

test('six quick answers followed at once by a reload are all kept, twenty times over', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await startAssessment(page, { name: 'Six and reload' });
  const want = {};
  for (let i = 0; i < 20; i++) {
    const picks = Array.from({ length: 6 }, (_, k) => [first[(i + k) % first.length], String(((i + k) % 5) + 1)]);
    for (const [q, code] of picks) want[q] = code;
    await answerAndReload(page, picks, { hold: i % 2 === 0 });
    await started(page);
    await page.locator(`#q-${first[0]}`).waitFor();
    for (const [q, code] of Object.entries(want)) {
      assert.equal(await page.locator(`#${q}-${code}`).isChecked(), true, `try ${i + 1}: ${q} = ${code}`);
    }
  }
  await settled(page, want, 'storage holds every answer');
  assert.deepEqual(errors, []);
  await context.close();
});

test('one tab reloading right after an answer while the other commits: both answers kept', async () => {
  const { page: a, context, errors } = await open(browser, server.url);
  await startAssessment(a, { name: 'Two tabs, one going' });
  const b = await secondTab(context, a, errors);
  // b reads storage for its commit and is held there (with the lock) until released.
  const held = await holdNextCommit(b, () => b.locator(`label[for="${first[1]}-4"]`).click());
  // a answers and reloads in the same task, while b holds its read.
  await answerAndReload(a, [[first[0], '2']]);
  await started(a);
  await held.release();
  await settled(a, { [first[0]]: '2', [first[1]]: '4' }, 'both answers in storage');
  await a.locator(`#${first[1]}-4`).waitFor();
  await a.waitForFunction((ids) => ids.every((i) => document.getElementById(i)?.checked), [`${first[0]}-2`, `${first[1]}-4`]);
  await b.waitForFunction((ids) => ids.every((i) => document.getElementById(i)?.checked), [`${first[0]}-2`, `${first[1]}-4`]);
  assert.deepEqual(errors, []);
  await context.close();
});

/** The golden link of tests/share.rs: version 1, with flag 32 and a field of a later version. */
const NEWER_FLAG_LINK = 'ASFPwgU5dwU5dwU5dwU5dwU5QAZHb2xkZW4DGvtVVA';

test('a link with a flag of a later version says it comes from a newer bita, offers a reload and changes nothing', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await startAssessment(page, { name: 'Already here' });
  await page.locator(`label[for="${first[0]}-3"]`).click();
  await settled(page, { [first[0]]: '3' }, 'saved');
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  await page.goto(`${server.url}#/s/${NEWER_FLAG_LINK}`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.innerText();
  assert.match(text, /made by a newer version of bita/);
  assert.match(text, /Nothing saved in this browser was changed/);
  assert.doesNotMatch(text, /damaged|incomplete|been changed/);
  await page.getByRole('button', { name: 'Reload to update' }).waitFor();
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), before, 'storage untouched');
  assert.deepEqual(errors, []);
  await context.close();
});

/** A record of this schema with a field a later bita writes (the golden record of tests/storage.rs). */
const NEWER_FIELD_RECORD = '{"format":"bita-assessment","schema":3,"id":"k3x9","name":"Acme Q3","perspective":"it","role":"","model":"bita","model_version":2,"created":1764115200000,"updated":1764115200000,"answers":{"sd-01":"3"},"notes":{},"place":"Review","weights":{"sd":4},"clock":{"answers":{"sd-01":[1764115200000,1]},"notes":{},"name":[1764115200000,1],"role":[0,0],"perspective":[0,0],"place":[0,0],"deleted":[0,0]}}';

test('a stored record with a field of a later version is named in the page and kept untouched', async () => {
  const context = await browser.newContext();
  await context.addInitScript((raw) => {
    if (!localStorage.getItem('bita.assessment.k3x9')) localStorage.setItem('bita.assessment.k3x9', raw);
  }, NEWER_FIELD_RECORD);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await started(page);
  const alert = page.getByRole('alert').filter({ hasText: 'Acme Q3' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /“Acme Q3” could not be opened: it was saved by a newer version of bita \(it holds “weights”/);
  await alert.getByRole('button', { name: 'Reload to update' }).waitFor();
  // Working alongside it leaves it as it was.
  await startAssessment(page, { name: 'New one' });
  await page.locator(`label[for="${first[0]}-2"]`).click();
  await page.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('bita.assessment.')).length === 2);
  assert.equal(await page.evaluate(() => localStorage.getItem('bita.assessment.k3x9')), NEWER_FIELD_RECORD);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a stack overflow in the wasm is said at the top of the page, like a trap', async () => {
  const { context, page, errors } = await open(browser, server.url);
  // What reaches the page when the wasm overflows its stack: a RangeError from a callback
  // (simulated, as the trap in shell.test.mjs: the release build cannot overflow on purpose).
  await page.evaluate(() => new Promise((done) => setTimeout(() => {
    setTimeout(done, 50);
    throw new RangeError('Maximum call stack size exceeded');
  })));
  const alert = page.getByRole('main').getByRole('alert');
  await alert.waitFor();
  assert.equal(await alert.innerText(), 'bita stopped on an error (RangeError: Maximum call stack size exceeded). Reload the page; answers saved before it are safe in this browser.');
  assert.equal(errors.length, 1);
  await context.close();
});

test('a start that has not finished 10 seconds after the wasm arrived is said in the page', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  // Holds the start: the tasks it is cut into never run.
  await context.addInitScript(() => {
    Object.defineProperty(window, 'scheduler', { value: { postTask: () => new Promise(() => {}) } });
  });
  const page = await context.newPage();
  await page.goto(server.url);
  const alert = page.getByRole('alert');
  await page.waitForTimeout(8000);
  assert.equal(await alert.count(), 0, 'nothing said before 10 seconds');
  await alert.waitFor({ timeout: 6000 });
  assert.equal(await alert.innerText(), 'bita has not finished starting after 10 seconds. Reload the page; answers saved before are safe in this browser.');
  await context.close();
});

test('a page whose code was replaced by a new deployment says so and reloads into the new one', async () => {
  // A copy of dist/ to deploy anew while a page of the old one is open.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bita-redeploy-'));
  fs.cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
  const site = await serveDist(dir);
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(site.url);
    await started(page);
    // The connection drops: the page says that, not that bita was updated.
    await context.route(/compare-[0-9a-f]+\.wasm|\?fresh=/, (route) => route.abort('internetdisconnected'));
    await page.getByRole('link', { name: 'Compare assessments' }).click();
    let alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /could not be loaded: its code could not be fetched, most likely because the connection is down/);
    await page.getByRole('button', { name: 'Reload', exact: true }).waitFor();
    await context.unroute(/compare-[0-9a-f]+\.wasm|\?fresh=/);

    // A new deployment: the chunks of the old one are gone, and the start page names other files.
    const old = await context.newPage();
    old.on('pageerror', (e) => errors.push(String(e)));
    await old.goto(site.url);
    await started(old);
    // The old deployment's chunk is gone (404) for the page that still runs it.
    const gone = /compare-[0-9a-f]+\.wasm/;
    await old.route(gone, (route) => route.fulfill({ status: 404, body: 'not found' }));
    const index = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    const start = index.match(/init-[0-9a-f]+\.js/)[0];
    fs.copyFileSync(path.join(dir, start), path.join(dir, 'init-redeployed.js'));
    fs.rmSync(path.join(dir, start));
    fs.writeFileSync(path.join(dir, 'index.html'), index.replace(start, 'init-redeployed.js'));
    fs.rmSync(path.join(dir, 'index.html.gz'), { force: true });

    await old.getByRole('link', { name: 'Compare assessments' }).click();
    alert = old.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /bita has been updated on this site since this page was opened/);
    await old.unroute(gone);
    const loaded = old.waitForRequest(/init-redeployed\.js/);
    await old.getByRole('button', { name: 'Reload to update' }).click();
    await loaded;
    await started(old);
    await old.getByRole('heading', { level: 1, name: 'Compare assessments' }).waitFor();
    assert.equal(await old.getByRole('alert').count(), 0, 'the new version starts, on the page asked for');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    site.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
