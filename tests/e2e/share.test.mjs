// Share links and files: a copied link opens the same report in an empty browser without saving
// anything; bad links and hostile files change nothing; export then import restores assessments.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { serveDist, launch, open, bankFromFiles, modelVersion, idle, openSaved } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const bank = bankFromFiles();
const CODES = ['1', '2', '3', '4', '5', 'dk', 'na'];

function seeded(id, name, shift = 0) {
  const answers = {};
  let n = shift;
  for (const d of bank) for (const q of d.questions) answers[q] = CODES[(n++ * 5) % 7];
  return { format: 'bita-assessment', schema: 1, id, name, perspective: 'business', model: 'bita',
    model_version: modelVersion(), created: 1700000000000, updated: 1764115200000, answers,
    notes: { [bank[0].questions[0]]: 'Private evidence' } };
}

const storageSnapshot = (page) => page.evaluate(() => JSON.stringify(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
const figures = async (page) => ({
  score: await page.locator('.score-line').textContent(),
  rows: await page.getByRole('table', { name: 'Score per dimension (1 to 5)' }).locator('tbody tr').allTextContents(),
  roles: await page.getByRole('table', { name: 'IT roles (1 to 5)' }).locator('tbody tr').allTextContents(),
  summary: await page.locator('.summary').textContent(),
});

async function copyLink(page, { notes = false } = {}) {
  if (notes) await page.getByLabel('Include the evidence notes in the link').check();
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const status = page.locator('.share [role=status]');
  await status.locator('p, input').first().waitFor();
  if (await status.locator('input').count()) return status.locator('input').inputValue();
  return page.evaluate(() => navigator.clipboard.readText());
}

test('a copied link opens the same report in an empty browser, read-only, and can be saved', async () => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await openSaved(page, server.url, seeded('orig1', 'Northwind Logistics'), '#/a/orig1/results');
  await page.locator('.score-line').waitFor();
  assert.match(await page.locator('.share').textContent(), /The link itself holds the answers: whoever has it can read them/);
  const original = await figures(page);
  const link = await copyLink(page);
  assert.ok(link.startsWith(`${server.url}#/s/`), link);
  const payload = link.split('#/s/')[1];
  assert.ok(payload.length <= 40 + 60, `${payload.length} characters`);

  // A fresh browser with empty storage.
  const { page: other, context: fresh, errors: otherErrors } = await open(browser, link);
  await other.locator('.score-line').waitFor();
  assert.deepEqual(await figures(other), original);
  // Titled by the assessment, saying whose view it is.
  await other.getByRole('heading', { level: 1, name: 'Northwind Logistics' }).waitFor();
  assert.match(await other.locator('.report-meta').textContent(), /^The business's view · answers as of 2025-11-26/);
  assert.match(await other.getByRole('note').textContent(), /Nothing from it is saved in this browser unless you save a copy/);
  assert.equal(await other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('bita.')).length), 0, 'nothing stored');
  await other.getByRole('button', { name: 'Save a copy' }).click();
  await other.getByRole('heading', { level: 1, name: 'Results' }).waitFor();
  await other.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('bita.assessment.')));
  assert.deepEqual(await figures(other), original);
  const savedNotes = () => other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('bita.assessment.'))
    .flatMap((k) => Object.values(JSON.parse(localStorage.getItem(k)).notes ?? {})));
  // Notes stay out of a link unless asked for.
  assert.deepEqual(await savedNotes(), []);

  // With notes ticked, the link carries them, and a saved copy holds them.
  const withNotes = await copyLink(page, { notes: true });
  assert.ok(withNotes.length > link.length);
  await other.goto(withNotes);
  await other.getByRole('button', { name: 'Save a copy' }).click();
  await other.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('bita.assessment.')).length === 2);
  assert.deepEqual(await savedNotes(), ['Private evidence']);
  assert.deepEqual(otherErrors, []);
  await fresh.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tampered, a truncated and a 5,000-character link give a message, and nothing saved changes', async () => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), seeded('keep1', 'Keep me'));
  await page.reload();
  await page.getByRole('heading', { name: 'Saved assessments' }).waitFor();
  await page.goto(`${server.url}#/a/keep1/results`);
  await page.locator('.score-line').waitFor();
  const link = await copyLink(page);
  const before = await storageSnapshot(page);
  const payload = link.split('#/s/')[1];
  const flip = payload[10] === 'A' ? 'B' : 'A';
  const bad = {
    tampered: payload.slice(0, 10) + flip + payload.slice(11),
    truncated: payload.slice(0, payload.length - 5),
    long: 'A'.repeat(5000),
  };
  for (const [kind, p] of Object.entries(bad)) {
    await page.goto(`${server.url}#/s/${p}`);
    await page.reload();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /cannot be opened|far longer/, kind);
    assert.match(await alert.textContent(), /Nothing saved in this browser was changed/);
    // The normal app is there under the message.
    await page.getByRole('button', { name: 'Start the assessment' }).waitFor();
    assert.equal(await storageSnapshot(page), before, `${kind}: storage untouched`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('export all then import into an empty browser restores the assessments; a hostile file changes nothing', async () => {
  const { page, context, errors } = await open(browser, server.url);
  for (const a of [seeded('exp1', 'Alpha'), seeded('exp2', 'Beta', 3)]) {
    await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), a);
  }
  await page.reload();
  await page.getByRole('heading', { name: 'Saved assessments' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all (JSON)' }).click(),
  ]);
  const file = await download.path();
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(exported.format, 'bita-export');
  assert.deepEqual(exported.assessments.map((a) => a.name).sort(), ['Alpha', 'Beta']);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all (CSV, for spreadsheets)' }).click(),
  ]);
  assert.match(fs.readFileSync(await csv.path(), 'utf8'), /^\ufeffassessment,name,perspective,role,date/);

  const { page: fresh, context: freshContext, errors: freshErrors } = await open(browser, server.url);
  await fresh.getByLabel('Import assessments from an exported file (.json)').setInputFiles(file);
  await fresh.getByText('Imported 2 assessments.').waitFor();
  await fresh.waitForFunction(() => document.querySelectorAll('.saved-name').length === 2);
  await fresh.waitForFunction(() => Object.keys(localStorage).filter((k) => k.startsWith('bita.assessment.')).length === 2);
  const restored = await fresh.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('bita.assessment.'))
    .map((k) => JSON.parse(localStorage.getItem(k))).sort((a, b) => a.id.localeCompare(b.id)));
  const want = exported.assessments.sort((a, b) => a.id.localeCompare(b.id));
  assert.deepEqual(restored.map((a) => [a.id, a.name, a.answers, a.notes]), want.map((a) => [a.id, a.name, a.answers, a.notes]));
  // Importing the same file again merges, never duplicates.
  await fresh.getByLabel('Import assessments from an exported file (.json)').setInputFiles(file);
  await fresh.getByText(/2 merged answer by answer/).waitFor();
  assert.equal(await fresh.locator('.saved-name').count(), 2);

  // Hostile files: storage stays byte for byte the same.
  const before = await storageSnapshot(fresh);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bita-hostile-'));
  const hostile = {
    'garbage.json': '{"format":"bita-export","assessments":[{"format":"bita-assessment","schema":1,"id":"zz","model":"bita","perspective":"it","model_version":1,"created":1,"updated":1,"answers":{"xx-99":"3"}}]}',
    'deep.json': '['.repeat(200000) + ']'.repeat(200000),
    'huge.json': ' '.repeat(6 * 1024 * 1024),
    'notjson.json': 'hello',
  };
  for (const [name, text] of Object.entries(hostile)) {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    await fresh.getByLabel('Import assessments from an exported file (.json)').setInputFiles(p);
    await fresh.locator('.import .notice.error').waitFor();
    assert.match(await fresh.locator('.import [role=status]').textContent(), /Nothing was imported|far smaller/, name);
    assert.equal(await storageSnapshot(fresh), before, `${name}: storage unchanged`);
  }
  assert.deepEqual(freshErrors, []);
  assert.deepEqual(errors, []);
  await freshContext.close();
  await context.close();
});

test('the browser is asked to keep the data after a save, the page says when it refuses, and a shared report never asks', async () => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  // A browser that refuses, and counts how often it is asked.
  await context.addInitScript(() => {
    window.__persistCalls = 0;
    navigator.storage.persist = () => { window.__persistCalls += 1; return Promise.resolve(false); };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await openSaved(page, server.url, seeded('keep2', 'Kept'), `#/a/keep2/d/${bank[0].id}`);
  await page.locator(`label[for="${bank[0].questions[0]}-5"]`).click();
  await page.getByText('This browser has not promised to keep them').waitFor();
  assert.equal(await page.evaluate(() => window.__persistCalls), 1);
  await page.goto(`${server.url}#/a/keep2/results`);
  await page.locator('.score-line').waitFor();
  const link = await copyLink(page);

  const reader = await context.newPage();
  await reader.goto(link);
  await reader.locator('.score-line').waitFor();
  await idle(reader);
  assert.equal(await reader.evaluate(() => window.__persistCalls), 0, 'the read-only view asks nothing of storage');
  assert.deepEqual(errors, []);
  await context.close();
});
