// The respondent's way through, on a laptop and on a phone: every page opens at its top with its
// heading focused (no frame around the page for a mouse user), back returns to where the reader
// was, the start page leads with starting, a shared report offers the other side's view and ends
// on the comparison, tables fit a phone, and the scores export holds the report's figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, started, bankFromFiles, startAssessment, modelVersion } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const bank = bankFromFiles();
const SCREENS = { laptop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

async function fresh(viewport, options = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

/** The page's h1: its text, whether it is wholly in view, focused, and the focus ring drawn around what has focus. */
const headingState = (page) => page.evaluate(() => {
  const h = document.querySelector('main h1');
  const r = h.getBoundingClientRect();
  const focused = document.activeElement;
  return {
    text: h.textContent,
    inView: r.top >= 0 && r.bottom <= innerHeight,
    focused: focused === h,
    ring: getComputedStyle(focused).outlineStyle !== 'none',
    mainRing: getComputedStyle(document.getElementById('main')).outlineStyle !== 'none',
  };
});

async function expectTop(page, title, what) {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  // Focus and scroll are set in the frame after the page is built.
  await page.waitForFunction(() => document.activeElement === document.querySelector('main h1'));
  const s = await headingState(page);
  assert.ok(s.inView, `${what}: heading in view`);
  assert.ok(s.focused, `${what}: heading focused`);
  assert.ok(!s.ring && !s.mainRing, `${what}: no focus frame for a mouse user`);
}

for (const [screen, viewport] of Object.entries(SCREENS)) {
  test(`${screen}: Start, every Next and Back open the new page at its heading; back returns to where the reader was`, async () => {
    const { context, page, errors } = await fresh(viewport);
    await page.goto(server.url);
    await started(page);
    if (screen === 'laptop') {
      const box = await page.getByRole('button', { name: 'Start the assessment' }).boundingBox();
      assert.ok(box.y + box.height <= viewport.height, `the start button is within the first screen (${box.y + box.height})`);
    }
    await startAssessment(page, { name: `Walk on a ${screen}` });
    const title = (i) => new RegExp(`^${bank[i].name} \\(${i + 1} of ${bank.length}\\)`);
    await expectTop(page, title(0), 'after Start');
    if (screen === 'phone') {
      // The dimension menu is one line, so the first question comes first.
      const menu = await page.locator('.dimnav').boundingBox();
      assert.ok(menu.height < 80, `the menu is folded (${menu.height} px)`);
    }
    for (let i = 1; i < bank.length; i++) {
      await page.getByRole('button', { name: /^Next/ }).click();
      await expectTop(page, title(i), `after Next to page ${i + 1}`);
    }
    for (let i = bank.length - 2; i >= 0; i--) {
      await page.getByRole('button', { name: 'Back', exact: true }).click();
      await expectTop(page, title(i), `after Back to page ${i + 1}`);
    }
    // Down to the first page's Next, on to the next page, then the browser's back: where the
    // reader was (at the bottom, where the button is).
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const y = await page.evaluate(() => window.scrollY);
    assert.ok(y > 300, `the page scrolls (${y})`);
    await page.getByRole('button', { name: /^Next/ }).click();
    await expectTop(page, title(1), 'after Next');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: title(0) }).waitFor();
    await page.waitForFunction((want) => Math.abs(window.scrollY - want) < 2, y);
    await page.goForward();
    await expectTop(page, title(1), 'forward again (it was left at its top)');
    // Keyboard users see where focus went.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(ring, 'none', 'after Tab the focus ring shows');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the start form wants a point of view: without one it says so and starts nothing', async () => {
  const { context, page, errors } = await fresh(SCREENS.laptop);
  await page.goto(server.url);
  await started(page);
  await page.getByLabel(/Organisation or team/).fill('No side chosen');
  for (const r of await page.getByRole('radio').all()) assert.equal(await r.isChecked(), false, 'no default');
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Choose whether you answer for IT or for the business/);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('bita.assessment.')).length), 0);
  assert.doesNotMatch(new URL(page.url()).hash, /#\/a\//, 'still on the start page');
  const sides = page.getByRole('radiogroup', { name: 'You answer from the point of view of' });
  assert.equal(await sides.getAttribute('aria-invalid'), 'true');
  // Typing a role answers nothing: the alert stays until a side is chosen.
  await page.getByLabel(/Your role/).fill('CFO');
  await page.getByLabel(/Organisation or team/).focus();
  assert.equal(await sides.getAttribute('aria-invalid'), 'true');
  assert.match(await alert.innerText(), /Choose whether/);
  await page.getByRole('radio', { name: /^The business/ }).check();
  assert.equal(await sides.getAttribute('aria-invalid'), null, 'a side chosen answers the alert');
  assert.equal(await page.getByRole('alert').count(), 0, 'the alert is gone');
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await page.locator('fieldset.question').first().waitFor();
  await page.getByText('The business view').waitFor();
  // The header leads back to the list and to the comparison from every page.
  const header = page.getByRole('navigation', { name: 'Main' });
  await header.getByRole('link', { name: 'Your assessments' }).click();
  await page.getByRole('heading', { name: 'Saved assessments' }).waitFor();
  await header.getByRole('link', { name: 'Compare' }).click();
  await page.getByRole('heading', { level: 1, name: 'Compare assessments' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

/** A stored IT assessment, every question asked of IT answered with level 4. */
function itRecord(id, name) {
  const answers = {};
  for (const d of bank) for (const q of d.details) if (q.audience !== 'business') answers[q.id] = '4';
  return { format: 'bita-assessment', schema: 1, id, name, perspective: 'it', model: 'bita',
    model_version: modelVersion(), created: 1764115200000, updated: 1764115200000, answers };
}

async function linkOf(page, record) {
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), record);
  await page.goto(`${server.url}#/a/${record.id}/results`);
  await page.reload();
  await page.locator('.score-line').waitFor();
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await page.locator('.share [role=status] p, .share [role=status] input').first().waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

for (const [screen, viewport] of Object.entries(SCREENS)) {
  test(`${screen}: a shared IT report offers the business's view, which ends on the comparison with the gap first`, async () => {
    const sender = await fresh(viewport, { permissions: ['clipboard-read', 'clipboard-write'] });
    await sender.page.goto(server.url);
    await started(sender.page);
    const link = await linkOf(sender.page, itRecord('cio1', 'Northwind'));
    await sender.context.close();

    const { context, page, errors } = await fresh(viewport);
    await page.goto(link);
    await started(page);
    await page.getByRole('heading', { level: 1, name: 'Northwind' }).waitFor();
    assert.match(await page.locator('.shared-head .report-meta').textContent(), /^IT's view · answers as of 2025-11-26/);
    await page.locator('.score-line').waitFor();
    // The privacy note stays, below the report.
    assert.match(await page.getByRole('note').textContent(), /the link itself holds the answers/);
    await page.getByRole('button', { name: 'Give the business\'s view' }).click();
    await page.locator('fieldset.question').first().waitFor();
    await page.locator('.bar-name', { hasText: 'Northwind' }).waitFor();
    await page.getByText('The business view').waitFor();
    // The business answers every question it is asked, level 2, page by page.
    for (let i = 0; i < bank.length; i++) {
      await page.getByRole('heading', { level: 1, name: new RegExp(`^${bank[i].name} \\(`) }).waitFor();
      await page.evaluate(() => {
        for (const f of document.querySelectorAll('fieldset.question')) f.querySelector('label[for$="-2"]').click();
      });
      if (i < bank.length - 1) await page.getByRole('button', { name: 'Next', exact: true }).click();
    }
    // Once every question is answered, the review goes on to the comparison by itself.
    await page.getByRole('button', { name: 'Next: review' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare assessments' }).waitFor();
    // The result first: the setup is folded away, the gap is the first section.
    assert.equal(await page.locator('details.compare-setup').getAttribute('open'), null);
    const first = await page.locator('section.compare h2').first().textContent();
    assert.match(first, /The alignment gap/);
    const gap = page.getByRole('table', { name: /^Alignment gap per dimension, over the \d+ questions both sides are asked/ });
    const rows = await gap.locator('tbody tr').allTextContents();
    assert.equal(rows.length, bank.length + 1);
    for (const r of rows.slice(0, -1)) assert.match(r, /4\.0.*2\.0.*-2\.0/, r);
    // The gap's chart, drawn as it comes near.
    await page.locator('#compare-gap').scrollIntoViewIfNeeded();
    await page.locator('#compare-gap canvas').waitFor();
    // The setup opens again on request.
    await page.getByText(/^Choose the assessments \(2 picked\)/).click();
    await page.getByRole('group', { name: 'Saved in this browser' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
}

/** Scrolls the page down as a reader would, a frame a step: sections lay out as they come near. */
const scrollThrough = (page) => page.evaluate(async () => {
  for (let y = 0; y < document.body.scrollHeight; y += 400) {
    scrollTo(0, y);
    await new Promise((r) => requestAnimationFrame(r));
  }
});

/** Whether any table cell's text runs past its box or past the screen, as "caption: cell" lines. */
const cutCells = (page) => page.evaluate(() => [...document.querySelectorAll('table td, table th')]
  .filter((c) => c.getClientRects().length && (c.scrollWidth > c.clientWidth + 1 || c.getBoundingClientRect().right > document.documentElement.clientWidth + 1))
  .map((c) => `${c.closest('table').querySelector('caption')?.textContent}: ${c.textContent}`));

for (const width of [390, 360]) {
  test(`at ${width} px every table cell of the report and the comparison fits its box`, async () => {
    const { context, page, errors } = await fresh({ width, height: 800 });
    await page.goto(server.url);
    await started(page);
    const biz = { ...itRecord('biz1', 'Northwind'), perspective: 'business' };
    for (const q of bank.flatMap((d) => d.details)) if (q.audience !== 'it') biz.answers[q.id] = '2';
    await page.evaluate((list) => list.forEach((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a))), [itRecord('it1', 'Northwind'), biz]);
    await page.goto(`${server.url}#/a/it1/results`);
    await page.reload();
    await page.locator('.score-line').waitFor();
    await scrollThrough(page);
    assert.deepEqual(await cutCells(page), [], 'report');
    // A report's section folds by its heading.
    const fold = page.getByRole('button', { name: 'Next steps' });
    await fold.click();
    assert.equal(await fold.getAttribute('aria-expanded'), 'false');
    await fold.click();
    assert.equal(await fold.getAttribute('aria-expanded'), 'true');
    await page.goto(`${server.url}#/compare`);
    await page.getByRole('checkbox', { name: /IT view/ }).check();
    await page.getByRole('checkbox', { name: /The business view/ }).check();
    await page.getByRole('heading', { name: 'The alignment gap' }).waitFor();
    await scrollThrough(page);
    assert.deepEqual(await cutCells(page), [], 'comparison');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the scores CSV holds the report\'s figures; the answers CSV has the role and a byte-order mark', async () => {
  const { context, page, errors } = await fresh(SCREENS.laptop);
  await page.goto(server.url);
  await started(page);
  const rec = { ...itRecord('sc1', 'Scored'), role: 'CIO' };
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), rec);
  await page.goto(`${server.url}#/a/sc1/results`);
  await page.reload();
  await page.locator('.score-line').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export scores (CSV)' }).click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff'), 'a byte-order mark');
  const lines = csv.slice(1).trim().split('\r\n');
  assert.equal(lines[0], 'assessment,name,perspective,role,date,scope,scope id,scope name,score,level,level name,confidence,answered,applicable,don\'t know');
  // Every dimension row of the report's table, with the same score and level.
  const table = await page.getByRole('table', { name: 'Score per dimension (1 to 5)' }).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  const dims = lines.filter((l) => l.includes(',dimension,'));
  assert.equal(dims.length, table.length);
  for (const [name, score, level] of table) {
    const row = dims.find((l) => l.split(',')[7] === name);
    assert.ok(row, `a row for ${name}`);
    const cells = row.split(',');
    assert.equal(cells[8], score, name);
    assert.equal(`${cells[9]} ${cells[10]}`, level, name);
    assert.equal(cells[3], 'CIO');
  }
  const overall = lines.find((l) => l.includes(',overall,'));
  assert.match(await page.locator('.score-line').textContent(), new RegExp(`Overall score ${overall.split(',')[8].replace('.', '\\.')} of 5`));
  await page.goto(`${server.url}#/`);
  const [answers] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all (CSV, for spreadsheets)' }).click()]);
  const acsv = fs.readFileSync(await answers.path(), 'utf8');
  assert.ok(acsv.startsWith('\ufeffassessment,name,perspective,role,'));
  assert.match(acsv.split('\r\n')[1], /^sc1,Scored,it,CIO,/);
  assert.deepEqual(errors, []);
  await context.close();
});
