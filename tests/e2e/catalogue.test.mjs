// The service-catalogue check (issue 28), as a reader uses it: open it from the start page, paste
// a list, see each entry's class with its reason, correct one, regroup four applications under one
// business service, download the draft catalogue and read it back into a new catalogue, reload and
// find everything; a hostile CSV says what is wrong and changes nothing; 360 px, dark mode and axe;
// offline after one visit. Found by role, label and visible text only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, open, axeViolations, startAssessment, bankFromFiles, modelVersion } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const LIST = ['SAP', 'Exchange Online', 'Servers', 'VPN', 'Database administration', 'Onboarding new staff', 'Printing', 'Moodle', 'Workday'];

/** The catalogues local storage holds, parsed. */
const stored = (page) => page.evaluate(() => Object.keys(localStorage)
  .filter((k) => k.startsWith('bita.catalogue.'))
  .map((k) => JSON.parse(localStorage.getItem(k))));

async function waitStored(page, ok) {
  await page.waitForFunction(() => true);
  for (let i = 0; i < 50; i++) {
    if (ok(await stored(page))) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`storage never got there: ${JSON.stringify(await stored(page)).slice(0, 400)}`);
}

async function newCatalogue(page, name) {
  await page.getByRole('link', { name: 'Service catalogue', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your service catalogue' }).waitFor();
  await page.getByLabel('Name of a new catalogue').fill(name);
  await page.getByRole('button', { name: 'Start a new catalogue' }).click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
  // The new catalogue is where the page opens, its heading in view with the focus.
  await page.waitForFunction((n) => document.activeElement?.id === 'one-title' && document.activeElement.textContent === n, name);
  const box = await page.getByRole('heading', { level: 2, name }).boundingBox();
  assert.ok(box && box.y > -1 && box.y < (page.viewportSize()?.height ?? 720), `heading in view: ${JSON.stringify(box)}`);
}

async function paste(page, names) {
  await page.getByLabel('Entry names, one per line').fill(names.join('\n'));
  await page.getByRole('button', { name: 'Add these entries' }).click();
}

const row = (page, name) => page.getByRole('row', { name: new RegExp(`^${name}\\b`) });
const classOf = (page, name) => page.getByRole('combobox', { name: `What “${name}” is named after` });
const serviceOf = (page, name) => page.getByRole('combobox', { name: `Business service of “${name}”` });

test('paste, see the classes and reasons, correct one, regroup four, export the draft and read it back, reload', async () => {
  const { context, page, errors } = await open(browser, server.url);
  await newCatalogue(page, 'Our IT services');
  await paste(page, LIST);
  await page.getByRole('status').filter({ hasText: `Added ${LIST.length} entries.` }).waitFor();
  // Each class, with the term that decided it.
  const expect = [
    ['SAP', 'An application or product', 'named after the product or system “SAP”'],
    ['Servers', 'A technology or component', 'named after the technology “Servers”'],
    ['Database administration', 'An IT activity or team', 'named after the IT activity'],
    ['Onboarding new staff', 'A business outcome or process', 'named after the business process'],
    ['Printing', 'Unclear from the name', ''],
  ];
  for (const [name, label, reason] of expect) {
    const chosen = await classOf(page, name).evaluate((s) => s.selectedOptions[0].textContent);
    assert.equal(chosen, label, name);
    assert.ok((await row(page, name).getByRole('cell').nth(1).textContent()).includes(reason), `${name}: ${await row(page, name).textContent()}`);
  }
  // The summary ties the counts to service definition and names the commonest pattern first.
  const summary = page.getByRole('region', { name: 'What the entries are named after' });
  assert.match(await summary.textContent(), /1 of 9 entries are named after a business outcome or process, as the service-definition dimension asks/);
  assert.match(await summary.getByRole('listitem').first().textContent(), /^4 entries are named after an application or product: group them by the business process they support\./);
  // Pasting again adds only what is new.
  await paste(page, ['sap', 'Payroll']);
  await page.getByRole('status').filter({ hasText: 'Added 1 entry. 1 was already in the catalogue.' }).waitFor();

  // A correction wins, says so, and is kept.
  await classOf(page, 'Printing').focus();
  await classOf(page, 'Printing').selectOption({ label: 'A technology or component' });
  await row(page, 'Printing').getByText('corrected by you').waitFor();
  // The row is rebuilt with its new reason, and the keyboard's place is kept.
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'What “Printing” is named after');
  await waitStored(page, (l) => l[0]?.entries.find((e) => e.name === 'Printing')?.class.value === 'technology');

  // Four applications regrouped under one business service, with the keyboard.
  await page.getByLabel('Name of a business service').fill('Manufacturing support');
  await page.getByLabel('Name of a business service').press('Enter');
  await page.getByRole('status').filter({ hasText: 'Added the service “Manufacturing support”' }).waitFor();
  for (const name of ['SAP', 'Exchange Online', 'Moodle', 'Workday']) {
    await serviceOf(page, name).focus();
    await serviceOf(page, name).selectOption({ label: 'Manufacturing support' });
  }
  const draft = page.getByRole('region', { name: 'Draft service catalogue' });
  const service = draft.getByRole('article').filter({ has: page.getByRole('heading', { level: 3, name: 'Manufacturing support' }) });
  await service.getByRole('listitem').filter({ hasText: 'Workday' }).waitFor();
  assert.deepEqual(
    (await service.getByRole('list').first().getByRole('listitem').allTextContents()).map((t) => t.split(' (')[0]),
    ['SAP', 'Exchange Online', 'Moodle', 'Workday']);
  // What else a complete service needs, as the seeds list it.
  await draft.getByRole('heading', { level: 3, name: 'What each service still needs' }).waitFor();
  await draft.getByRole('listitem').filter({ hasText: 'Continuity and security' }).waitFor();
  assert.match(await draft.textContent(), /6 entries are not part of a business service yet\./);
  await waitStored(page, (l) => l[0]?.entries.filter((e) => e.service.value).length === 4);

  // The draft as CSV, read back into a new catalogue: the same services and correction.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the draft catalogue (CSV)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'bita-our-it-services-draft.csv');
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert.match(csv, /^\uFEFFBusiness service,Entry,Description,Named after,Reason\r\n/);
  assert.match(csv, /Manufacturing support,SAP,,An application or product,/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bita-')), 'draft.csv');
  fs.writeFileSync(file, csv);
  await newCatalogue(page, 'Read back');
  await page.getByLabel('Or read a CSV file (.csv or .txt)').setInputFiles(file);
  await page.getByRole('group', { name: 'Columns of “draft.csv”' }).waitFor();
  assert.equal(await page.getByLabel('Column with the entry names').evaluate((s) => s.selectedOptions[0].textContent), 'Entry');
  await page.getByRole('button', { name: 'Add the entries from the file' }).click();
  await page.getByRole('status').filter({ hasText: 'Added 10 entries.' }).waitFor();
  assert.equal(await serviceOf(page, 'Workday').evaluate((s) => s.selectedOptions[0].textContent), 'Manufacturing support');
  assert.equal(await classOf(page, 'Printing').evaluate((s) => s.selectedOptions[0].textContent), 'A technology or component');

  // After a reload, both catalogues are there as they were left.
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'Read back' }).waitFor();
  await page.getByRole('link', { name: 'Our IT services' }).click();
  await page.getByRole('heading', { level: 2, name: 'Our IT services' }).waitFor();
  assert.equal(await serviceOf(page, 'Moodle').evaluate((s) => s.selectedOptions[0].textContent), 'Manufacturing support');
  assert.equal(await classOf(page, 'Printing').evaluate((s) => s.selectedOptions[0].textContent), 'A technology or component');
  assert.equal(await page.getByRole('row').count(), 1 + LIST.length + 1);
  // A service named, then one removed: every row's list follows, and the removed one's entries
  // are no longer part of a service.
  await page.getByLabel('Name of a business service').fill('Teaching');
  await page.getByRole('button', { name: 'Add the service' }).click();
  await page.getByRole('button', { name: 'Remove the service “Manufacturing support”' }).click();
  await page.getByRole('status').filter({ hasText: 'Removed the service “Manufacturing support”' }).waitFor();
  for (const name of ['SAP', 'Servers']) {
    const options = await serviceOf(page, name).evaluate((s) => [...s.options].map((o) => o.textContent));
    assert.deepEqual(options, ['Not part of a service yet', 'Teaching'], name);
  }
  assert.equal(await serviceOf(page, 'Moodle').evaluate((s) => s.selectedOptions[0].textContent), 'Not part of a service yet');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a hostile CSV gets a message naming what is wrong, and nothing saved changes', async () => {
  const { context, page, errors } = await open(browser, server.url);
  await newCatalogue(page, 'Careful');
  await paste(page, ['SAP']);
  await waitStored(page, (l) => l[0]?.entries.length === 1);
  const before = JSON.stringify(await stored(page));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bita-'));
  const cases = [
    ['binary.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00, 0x01]), /not text|binary/i],
    ['huge.csv', Buffer.alloc(3 * 1024 * 1024, 'a'), /at most 2048 KB/],
    ['long.csv', Buffer.from('Name\n' + 'x'.repeat(30000) + '\n'), /line|long/i],
    ['empty.csv', Buffer.from('\n\n'), /no (rows|entries)|empty/i],
  ];
  for (const [name, bytes, message] of cases) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    await page.getByLabel('Or read a CSV file (.csv or .txt)').setInputFiles(file);
    const alert = page.getByRole('alert').filter({ hasText: `“${name}” cannot be read` });
    await alert.waitFor();
    const text = await alert.textContent();
    assert.match(text, message, text);
    assert.match(text, /Nothing was added\./);
  }
  assert.equal(JSON.stringify(await stored(page)), before);
  assert.equal(await page.getByRole('row').count(), 2);
  // Cells a spreadsheet would read as formulas come in as text.
  const formula = path.join(dir, 'formula.csv');
  fs.writeFileSync(formula, 'Service name;Description\n=cmd|calc;"a; b"\n');
  await page.getByLabel('Or read a CSV file (.csv or .txt)').setInputFiles(formula);
  await page.getByRole('button', { name: 'Add the entries from the file' }).click();
  await row(page, '=cmd\\|calc').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`the catalogue check at 360 px in the ${scheme} scheme: no sideways scroll, no axe violation`, async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme: scheme, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('main:not([aria-busy])').waitFor();
    await newCatalogue(page, 'Narrow');
    await paste(page, LIST);
    await page.getByLabel('Name of a business service').fill('Student enrolment and administration');
    await page.getByRole('button', { name: 'Add the service' }).click();
    await serviceOf(page, 'SAP').selectOption({ label: 'Student enrolment and administration' });
    await page.getByRole('heading', { level: 3, name: 'Student enrolment and administration' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scroll (${overflow} px)`);
    await context.close();
  });
}

test('after one visit the catalogue check works offline, its word lists included', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('main:not([aria-busy])').waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // Everything the build holds is precached by now, though the check was never opened.
  await page.waitForFunction(async () => {
    const keys = await caches.keys();
    for (const k of keys) if ((await (await caches.open(k)).keys()).some((r) => /catalogue-[0-9a-f]{8}\.json$/.test(r.url))) return true;
    return false;
  });
  await context.setOffline(true);
  await page.reload();
  await page.locator('main:not([aria-busy])').waitFor();
  await newCatalogue(page, 'On a train');
  await paste(page, ['SAP', 'Payroll']);
  assert.equal(await classOf(page, 'Payroll').evaluate((s) => s.selectedOptions[0].textContent), 'A business outcome or process');
  await context.close();
});

const LINK = 'Check your own service catalogue: which entries are named after applications or technology';

test('the check is one click from the service-definition questions and from that dimension in the report', async () => {
  const { context, page, errors } = await open(browser, server.url);
  await startAssessment(page);
  const sd = bankFromFiles().find((d) => d.id === 'service-definition');
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${sd.name} \\(`) }).waitFor();
  await page.getByRole('link', { name: LINK }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your service catalogue' }).waitFor();
  // Other dimensions do not carry the link.
  await page.goBack();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { level: 1, name: /\(2 of/ }).waitFor();
  assert.equal(await page.getByRole('link', { name: LINK }).count(), 0);

  // The report's findings for service definition lead there too.
  const answers = {};
  for (const d of bankFromFiles()) for (const q of d.details) if (q.audience !== 'business' && !q.retired) answers[q.id] = '2';
  const a = { format: 'bita-assessment', schema: 2, id: 'cat1', name: 'Catalogue Ltd', perspective: 'it', model: 'bita',
    model_version: modelVersion(), created: 1764115200000, updated: 1764115200000, answers };
  await page.evaluate((x) => localStorage.setItem(`bita.assessment.${x.id}`, JSON.stringify(x)), a);
  await page.goto(`${server.url}#/a/cat1/results`);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: 'By dimension' }).waitFor();
  const link = page.getByRole('link', { name: LINK });
  // Under the dimension's own heading, with its findings.
  assert.equal(await link.evaluate((a) => a.closest('section').querySelector('h3').textContent), sd.name);
  await link.click();
  await page.getByRole('heading', { level: 1, name: 'Check your service catalogue' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the start page\'s "Export all" carries the catalogues, its import brings them back, and an export of catalogues only imports too', async () => {
  const { context, page, errors } = await open(browser, server.url);
  await startAssessment(page, { name: 'Exporter' });
  await newCatalogue(page, 'Travelling catalogue');
  await paste(page, ['SAP', 'Payroll']);
  await waitStored(page, (l) => l[0]?.entries.length === 2);
  const [catOnly] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all catalogues (JSON)' }).click(),
  ]);
  await page.getByRole('link', { name: 'Your assessments' }).click();
  const [all] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export all (JSON)' }).click(),
  ]);
  // Saved before the context closes, which takes its downloads with it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bita-'));
  const allPath = path.join(dir, 'all.json'), onlyPath = path.join(dir, 'catalogues.json');
  await all.saveAs(allPath);
  await catOnly.saveAs(onlyPath);
  const file = JSON.parse(fs.readFileSync(allPath, 'utf8'));
  assert.equal(file.assessments.length, 1);
  assert.equal(file.catalogues.length, 1);
  await context.close();

  for (const [download, said, assessments] of [[allPath, 'Imported 1 assessment and 1 service catalogue.', 1], [onlyPath, 'Imported 1 service catalogue.', 0]]) {
    const fresh = await open(browser, server.url);
    await fresh.page.getByLabel('Import assessments from an exported file (.json)').setInputFiles(download);
    await fresh.page.getByRole('status').filter({ hasText: said }).waitFor();
    assert.equal(await fresh.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('bita.assessment.')).length), assessments);
    await fresh.page.getByRole('link', { name: 'Service catalogue', exact: true }).click();
    await fresh.page.getByRole('link', { name: 'Travelling catalogue' }).click();
    await row(fresh.page, 'Payroll').waitFor();
    // A damaged catalogue in a file: nothing of the file is saved.
    const broken = structuredClone(file);
    broken.catalogues[0].entries = 'not a list';
    broken.assessments[0].id = 'other1';
    const brokenPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bita-')), 'broken.json');
    fs.writeFileSync(brokenPath, JSON.stringify(broken));
    await fresh.page.getByRole('link', { name: 'Your assessments' }).click();
    await fresh.page.getByLabel('Import assessments from an exported file (.json)').setInputFiles(brokenPath);
    await fresh.page.getByText(/Catalogue 1 in the file cannot be read: .* Nothing was imported\./).waitFor();
    assert.equal(await fresh.page.evaluate(() => localStorage.getItem('bita.assessment.other1')), null);
    assert.deepEqual(fresh.errors, []);
    await fresh.context.close();
  }
  assert.deepEqual(errors, []);
});
