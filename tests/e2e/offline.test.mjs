// Offline after one visit, installable, private by construction: a strict Content-Security-Policy
// with no violation on any page, no request to another origin, and new deployments that switch
// only on request without losing an answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serveDist, launch, bankFromFiles, startAssessment, ROOT, showChart } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const bank = bankFromFiles();
const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Every page of the context records policy violations in window.__violations. */
async function watchedContext(options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return context;
}

const violations = (page) => page.evaluate(() => window.__violations);

async function untilControlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The first visit installs the worker; from the next load on it serves the page.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('the policy is exact, any inline script is reported, and a full session makes no violation and no foreign request', async () => {
  const context = await watchedContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await page.locator('main').waitFor();
  assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), POLICY);

  // Positive control: an inline script is blocked and reported exactly once.
  const other = await context.newPage();
  await other.goto(server.url);
  await other.locator('main').waitFor();
  await other.evaluate(() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.append(s); });
  await other.waitForFunction(() => window.__violations.length > 0);
  assert.equal((await violations(other)).length, 1);
  assert.equal(await other.evaluate(() => window.__ran === undefined), true, 'the inline script did not run');
  await other.close();

  // A whole session: start, every question, review, report with charts, share, export.
  await startAssessment(page, { name: 'Private Ltd' });
  for (const [di, d] of bank.entries()) {
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${d.name} \\(${di + 1} of`) }).waitFor();
    for (const [qi, q] of d.questions.entries()) await page.locator(`label[for="${q}-${1 + ((qi + di) % 5)}"]`).click();
    await page.getByRole('button', { name: /^Next/ }).click();
  }
  await page.getByRole('link', { name: 'See the results' }).click();
  await showChart(page, 'radar-dimensions');
  await showChart(page, 'bars-roles');
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await page.locator('.share [role=status] p, .share [role=status] input').first().waitFor();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download chart' }).first().click()]);
  await page.getByRole('link', { name: /bita/ }).first().click();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all (JSON)' }).click()]);
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all (CSV, for spreadsheets)' }).click()]);

  assert.deepEqual(await violations(page), []);
  const foreign = requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'every request goes to our own origin');
  assert.deepEqual(errors, []);
  await context.close();
});

test('after one visit the whole app works offline, charts included, under the sub-path', async () => {
  const context = await watchedContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await page.locator('main').waitFor();
  await untilControlled(page);
  await context.setOffline(true);
  await page.reload();
  await page.locator('main').waitFor();
  assert.ok(new URL(page.url()).pathname.startsWith('/team/bita/'));
  await startAssessment(page, { name: 'On a train' });
  for (const [di, d] of bank.entries()) {
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${d.name} \\(${di + 1} of`) }).waitFor();
    for (const q of d.questions) await page.locator(`label[for="${q}-3"]`).click();
    await page.getByRole('button', { name: /^Next/ }).click();
  }
  await page.getByRole('link', { name: 'See the results' }).click();
  await showChart(page, 'radar-dimensions');
  await showChart(page, 'bars-roles');
  assert.match(await page.locator('.level-number').textContent(), /Level 3 of 5/);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the manifest installs from the sub-path and its icons load', async () => {
  const res = await fetch(new URL('manifest.webmanifest', server.url));
  assert.equal(res.status, 200);
  const manifest = JSON.parse(await res.text());
  assert.equal(manifest.short_name, 'bita');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.ok(manifest.theme_color && manifest.background_color);
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
  for (const size of ['192x192', '512x512']) assert.ok(manifest.icons.some((i) => i.sizes === size), size);
  for (const icon of manifest.icons) {
    const r = await fetch(new URL(icon.src, new URL('manifest.webmanifest', server.url)));
    assert.equal(r.status, 200, icon.src);
    const bytes = Buffer.from(await r.arrayBuffer());
    assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], `${icon.src} is a PNG`);
    const [w, h] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    assert.equal(`${w}x${h}`, icon.sizes);
  }
});

test('a new deployment is offered, held back while changes are unsaved, and switching keeps every answer', async () => {
  // A copy of dist/ that we can "deploy" again: one file changed, the precache step rerun.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'bita-deploy-'));
  fs.cpSync(path.join(ROOT, 'dist'), copy, { recursive: true });
  const site = await serveDist(copy);
  const context = await watchedContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(site.url);
    await page.locator('main').waitFor();
    await untilControlled(page);
    await startAssessment(page, { name: 'Before the update' });
    await page.locator(`label[for="${bank[0].questions[0]}-4"]`).click();
    await page.locator(`label[for="${bank[0].questions[1]}-2"]`).click();
    await page.waitForFunction((q) => Object.keys(localStorage).some((k) => k.startsWith('bita.assessment.')
      && JSON.parse(localStorage.getItem(k)).answers[q] === '2'), bank[0].questions[1]);

    // index.html has no hash in its name, so the precache list gives it a new revision.
    fs.appendFileSync(path.join(copy, 'index.html'), '\n<!-- a new deployment -->\n');
    execFileSync('node', [path.join(ROOT, 'scripts/site.mjs'), '--sw-only', copy]);
    // The browser checks for a new worker from time to time; here, now.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const notice = page.locator('.notice', { hasText: 'A new version of bita is ready.' });
    await notice.waitFor();

    // With writes failing, the switch is held back and the page says why.
    await page.evaluate(() => {
      window.__realSetItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    });
    await page.locator(`label[for="${bank[0].questions[2]}-5"]`).click();
    await page.getByRole('alert').filter({ hasText: 'could not be saved' }).waitFor();
    await notice.getByRole('button', { name: 'Switch to the new version' }).click();
    await notice.getByText('Some changes are not saved yet').waitFor();
    assert.equal(await page.locator(`#${bank[0].questions[2]}-5`).isChecked(), true, 'nothing reloaded');

    // Once storage works again, the change is saved and the switch goes ahead.
    await page.evaluate(() => { Storage.prototype.setItem = window.__realSetItem; });
    await page.locator(`label[for="${bank[0].questions[3]}-1"]`).click();
    await page.waitForFunction((q) => Object.keys(localStorage).some((k) => k.startsWith('bita.assessment.')
      && JSON.parse(localStorage.getItem(k)).answers[q] === '5'), bank[0].questions[2]);
    const reloaded = page.waitForEvent('load');
    await notice.getByRole('button', { name: 'Switch to the new version' }).click();
    await reloaded;
    await page.locator('fieldset.question').first().waitFor();
    for (const [q, code] of [[0, '4'], [1, '2'], [2, '5'], [3, '1']]) {
      assert.equal(await page.locator(`#${bank[0].questions[q]}-${code}`).isChecked(), true, `answer ${q} kept`);
    }
    const served = await page.evaluate(async () => (await (await fetch('index.html')).text()).includes('a new deployment'));
    assert.ok(served, 'the new version is the one in use');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    site.close();
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
