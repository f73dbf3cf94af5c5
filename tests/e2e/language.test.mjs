// A second language, as a German reader meets it: a browser whose language is German gets the
// walk, the review, the report, the comparison and the printed report in German, with no English
// interface text left (the test reads the English files the build wrote and looks for their
// sentences in the page); the switch in the header goes to English and back without losing an
// answer; a link made in English opens in German with the same figures; 360 px, the dark scheme
// and axe in German.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { ROOT, serveDist, launch, bankFromFiles, modelVersion, started, storedAssessments, axeViolations, printed, openSaved } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const bank = bankFromFiles();
const de = Object.fromEntries(['interface', 'interface-pages', 'report'].map((f) => [f, parseToml(fs.readFileSync(path.join(ROOT, 'questions', 'de', `${f}.toml`), 'utf8'))]));
const ui = de.interface;
const pages = de['interface-pages'];

/** Every string in a JSON value. */
const strings = (v, out = []) => {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
};
const dist = path.join(ROOT, 'dist');
const filesOf = (code) => fs.readdirSync(dist).filter((n) => new RegExp(`^(texts|pages|advice)-${code}-[0-9a-f]{8}\\.json$`).test(n))
  .flatMap((n) => strings(JSON.parse(fs.readFileSync(path.join(dist, n), 'utf8'))));
/**
 * The English sentences and phrases a German page must not show: each text of the English files
 * cut at its placeholders, where a piece has two words or more (ids have none), less what German
 * says the same way (names, "Service Level Agreement").
 */
const germanText = filesOf('de').join('\n');
const englishPieces = [...new Set(filesOf('en').flatMap((t) => t.split(/\{[a-z_]+\}/)).map((p) => p.trim())
  .filter((p) => /\S\s+\S/.test(p) && p.length >= 8 && !germanText.includes(p)))];
assert.ok(englishPieces.length > 500, `${englishPieces.length} English pieces to look for`);

async function noEnglish(page, where) {
  // What is read out as well as what is shown: names, placeholders and titles.
  const shown = await page.evaluate(() => [document.body.innerText, ...[...document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')]
    .flatMap((e) => ['aria-label', 'placeholder', 'title', 'alt'].map((a) => e.getAttribute(a)).filter(Boolean))].join('\n'));
  const left = englishPieces.filter((p) => shown.includes(p));
  // Words German never uses, around any English a view might still write outside the files.
  for (const m of shown.matchAll(/(?:^|[^\p{L}])(the|and|with|your|this|of|is|are)(?=[^\p{L}]|$)/giu)) left.push(shown.slice(Math.max(0, m.index - 30), m.index + 30));
  assert.deepEqual(left, [], `${where}: English left in the German page`);
}

function seeded(id, name, perspective = 'it') {
  const answers = {};
  let n = 0;
  for (const d of bank) for (const q of d.questions) answers[q] = ['2', '3', '4', '3', '2', 'dk'][n++ % 6];
  return { format: 'bita-assessment', schema: 1, id, name, perspective, model: 'bita',
    model_version: modelVersion(), created: 1764115200000, updated: 1764115200000, answers };
}

async function german(options = {}) {
  const context = await browser.newContext({ locale: 'de-DE', permissions: ['clipboard-read', 'clipboard-write'], ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

const numbers = (text) => text.match(/\d+[.,]\d/g) ?? [];

test('a German browser gets the walk, the review, the report and the comparison in German', async () => {
  const { context, page, errors } = await german();
  await page.goto(server.url);
  await started(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  await page.getByRole('heading', { level: 1, name: ui.home.title }).waitFor();
  await noEnglish(page, 'the start page');
  await page.getByLabel(ui.start.name.trim()).fill('Nordwind GmbH');
  await page.getByRole('radio', { name: /^IT/ }).check();
  await page.getByRole('button', { name: ui.start.button }).click();
  // Every page of the walk, answered as a respondent does, each in German.
  for (const [i, d] of bank.entries()) {
    await page.locator('fieldset.question').first().waitFor();
    for (const q of d.questions) {
      const answer = page.locator(`label[for="${q}-3"]`);
      if (await answer.count()) await answer.click();
    }
    await noEnglish(page, `the walk's page ${i + 1}`);
    const next = i + 1 < bank.length ? ui.walk.next : ui.walk.next_review;
    await page.getByRole('button', { name: next, exact: true }).or(page.getByRole('link', { name: next, exact: true })).first().click();
  }
  await page.getByRole('heading', { level: 1, name: pages.review.title }).waitFor();
  await noEnglish(page, 'the review');
  await page.getByRole('link', { name: pages.review.results }).or(page.getByRole('button', { name: pages.review.results })).first().click();
  await page.locator('.score-line').waitFor();
  assert.match(await page.locator('.score-line').innerText(), /\d,\d/, 'a decimal comma');
  await page.locator('.summary').waitFor();
  await noEnglish(page, 'the report');
  // The comparison, with a second assessment from the other side.
  await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), seeded('fb1', 'Nordwind GmbH', 'business'));
  // Opened afresh, as from a bookmark: its charts' words must not wait for the report's file.
  await page.goto(`${server.url}#/compare`);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: pages.compare.title }).waitFor();
  await noEnglish(page, 'the comparison');
  await page.goto(`${server.url}#/catalogue`);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: pages.catalogue.title }).waitFor();
  await page.getByLabel(pages.catalogue.new_name).fill('Katalog');
  await page.getByRole('button', { name: pages.catalogue.new_button }).click();
  await page.getByLabel(pages.catalogue.paste_label).fill('Druckerverwaltung\nGehaltsabrechnung\nSAP');
  await page.getByRole('button', { name: pages.catalogue.paste_button }).click();
  await page.getByRole('row', { name: /Druckerverwaltung/ }).waitFor();
  await noEnglish(page, 'the catalogue check');
  // A damaged link says why in German.
  await page.goto(`${server.url}#/s/AAAA`);
  await page.reload();
  await page.getByText(de['interface-pages'].link.damaged).or(page.getByText(de['interface-pages'].link.not_a_link)).first().waitFor();
  await noEnglish(page, 'a damaged link');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the switch goes to English and back without losing an answer, and is remembered', async () => {
  const { context, page, errors } = await german();
  await openSaved(page, server.url, seeded('sw1', 'Wechsel AG'), '#/a/sw1/results');
  await page.locator('.score-line').waitFor();
  const germanScore = numbers(await page.locator('.score-line').innerText());
  const before = (await storedAssessments(page))[0].answers;
  await page.getByLabel(ui.shell.language_label).selectOption('English');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.locator('.score-line').waitFor();
  assert.deepEqual(numbers(await page.locator('.score-line').innerText()), germanScore.map((n) => n.replace(',', '.')));
  await page.getByRole('heading', { name: 'Results' }).or(page.getByText('Overall score')).first().waitFor();
  // Remembered over the browser's own language.
  await page.reload();
  await started(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByLabel('Language').selectOption('Deutsch');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  await page.locator('.score-line').waitFor();
  assert.deepEqual(numbers(await page.locator('.score-line').innerText()), germanScore);
  assert.deepEqual((await storedAssessments(page))[0].answers, before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link made in English opens in German with the same figures', async () => {
  const en = await browser.newContext({ locale: 'en-GB', permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await en.newPage();
  await openSaved(page, server.url, seeded('ln1', 'Northwind'), '#/a/ln1/results');
  await page.locator('.score-line').waitFor();
  const english = numbers(await page.locator('.score-line').innerText());
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const status = page.locator('.share [role=status]');
  await status.locator('p, input').first().waitFor();
  const link = await status.locator('input').count() ? await status.locator('input').inputValue() : await page.evaluate(() => navigator.clipboard.readText());
  await en.close();
  const { context, page: other, errors } = await german();
  await other.goto(link);
  await other.locator('.score-line').waitFor();
  assert.deepEqual(numbers(await other.locator('.score-line').innerText()), english.map((n) => n.replace('.', ',')));
  await other.getByRole('heading', { level: 1, name: 'Northwind' }).waitFor();
  await noEnglish(other, 'a shared report');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the report and its one-page summary print in German, with no English left in the PDF', async () => {
  // The browser's print dialog is not ours to test: the page's call is recorded, then printed to PDF.
  const { context, page, errors } = await german();
  await context.addInitScript(() => { window.print = () => { window.__printed = (window.__printed ?? 0) + 1; }; });
  await openSaved(page, server.url, seeded('pr1', 'Druckerei Nord'), '#/a/pr1/results');
  await page.locator('.summary').waitFor();
  const flatOf = (t) => t.replace(/\s+/g, '');
  const germanDimensions = bank.map((d) => parseToml(fs.readFileSync(path.join(ROOT, 'questions', 'de', `${d.id}.toml`), 'utf8')).name);
  // A PDF's text comes without its spaces: an English piece that German spells the same way
  // without them ("Service definition", "Servicedefinition") is no sign of English.
  const germanFlat = flatOf(germanText);
  const englishLeft = (flat) => englishPieces.map(flatOf).filter((p) => p.length >= 12 && !germanFlat.includes(p) && flat.includes(p));
  await page.getByRole('button', { name: ui.results.print, exact: true }).click();
  await page.waitForFunction(() => window.__printed === 1);
  const whole = await printed(page, 'A4');
  assert.ok(whole.flat.includes(flatOf(await page.locator('.level-name').innerText())), 'the level, in German');
  assert.ok(whole.flat.includes(flatOf(await page.locator('.summary').innerText())), 'the summary, in German');
  for (const name of germanDimensions) assert.ok(whole.flat.includes(flatOf(name)), `the dimension ${name}`);
  assert.deepEqual(englishLeft(whole.flat), [], 'no English in the printed report');
  // The one page leadership takes to a meeting: its roadmap's words come from the other pages' file.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: ui.results.print_one, exact: true }).click();
  await page.waitForFunction(() => window.__printed === 2);
  const one = await printed(page, 'A4');
  assert.equal(one.pages, 1, 'one page');
  assert.ok(one.flat.includes(flatOf(await page.locator('.level-name').innerText())), 'the one page: the level');
  // The roadmap's first phase is there, under its German heading, with its first step.
  const phase = page.getByRole('region', { name: new RegExp(`^${pages.plan.phase_first}`) });
  const firstStep = flatOf(await phase.getByRole('checkbox').first().evaluate((c) => c.labels[0].textContent));
  assert.ok(one.flat.includes(flatOf(pages.plan.phase_first)) && one.flat.includes(firstStep), 'the one page: the first phase and its first step');
  assert.deepEqual(englishLeft(one.flat), [], 'no English on the printed one page');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`German pages fit 360 px and have no axe violation (${scheme})`, async () => {
    const { context, page, errors } = await german({ viewport: { width: 360, height: 740 }, colorScheme: scheme, bypassCSP: true });
    await page.goto(server.url);
    await started(page);
    await page.evaluate((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a)), seeded('ax1', 'Barrierefrei GmbH'));
    for (const [what, hash, ready] of [
      ['the start page', '#/', 'main h1'],
      ['a question page', `#/a/ax1/d/${bank[0].id}`, 'fieldset.question'],
      ['the report', '#/a/ax1/results', '.summary'],
    ]) {
      await page.goto(`${server.url}${hash}`);
      await page.reload();
      await page.locator(ready).first().waitFor();
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 360, `${what}: ${wide} px wide at 360`);
      const found = await axeViolations(page);
      assert.deepEqual(found, [], `${what}: ${found.join('\n')}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}
