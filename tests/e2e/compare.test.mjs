// Comparing assessments, the way people do it: pick saved ones or paste links, and read the alignment
// gap, a team's medians and flags, and the trend. Every expected figure is worked out here from the
// question files and the documented rules, not taken from the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serveDist, launch, open, started, bankFromFiles, modelFromFiles, modelVersion, axeViolations, idle, printed, waitStored, storedAssessments } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const bank = bankFromFiles();
const model = modelFromFiles();
const DAY = 86_400_000;

/** A stored assessment; `answer(dimensionIndex, detail)` gives each answer code (or undefined). */
function seeded(id, name, perspective, answer, updated = 1764115200000) {
  const answers = {};
  bank.forEach((d, i) => d.details.forEach((q) => {
    if (q.audience && q.audience !== perspective) return;
    const a = answer(i, q);
    if (a !== undefined) answers[q.id] = String(a);
  }));
  return { format: 'bita-assessment', schema: 1, id, name, perspective, model: 'bita',
    model_version: modelVersion(), created: 1700000000000, updated, answers };
}

async function store(page, list) {
  await page.evaluate((list) => list.forEach((a) => localStorage.setItem(`bita.assessment.${a.id}`, JSON.stringify(a))), list);
}

/** The documented rule: weighted mean to the nearest tenth (halves up), once half the applicable are answered. */
function tenths(details, answers) {
  let sum = 0, weights = 0, scored = 0, na = 0;
  for (const d of details) {
    const a = answers[d.id];
    if (/^[1-5]$/.test(a ?? '')) { scored++; sum += d.weight * Number(a); weights += d.weight; }
    if (a === 'na') na++;
  }
  return scored > 0 && scored * 2 >= details.length - na ? Math.floor((20 * sum + weights) / (2 * weights)) : null;
}
const text = (t) => `${Math.floor(t / 10)}.${t % 10}`;
const signed = (d) => (d > 0 ? '+' : d < 0 ? '-' : '') + text(Math.abs(d));
const overall = (dims) => Math.floor((20 * dims.reduce((s, t) => s + t, 0) + 10 * dims.length) / (20 * dims.length));

/** The cells of each body row of a table named `name`, as "a|b|c". */
const rows = (page, name) => page.getByRole('table', { name, exact: true }).locator('tbody tr')
  .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim()).join('|')));

async function pick(page, name) {
  await page.getByRole('checkbox', { name }).check();
}

test('an IT and a business assessment compared show the alignment gap worked out by hand', async () => {
  const { page, context, errors } = await open(browser, server.url);
  // IT answers every question at level 4; the business answers the i-th dimension at level i mod 5 + 1.
  const it = seeded('cmpit', 'Acme', 'it', () => 4);
  const biz = seeded('cmpbiz', 'Acme', 'business', (i) => (i % 5) + 1, 1764115200000 + DAY);
  await store(page, [it, biz]);
  await page.goto(`${server.url}#/`);
  await page.reload();
  await page.getByRole('link', { name: 'Compare assessments' }).click();
  await page.getByRole('heading', { level: 1, name: 'Compare assessments' }).waitFor();
  assert.match(await page.locator('main').textContent(), /Pick at least two assessments/);
  await pick(page, /^Acme · The business view/);
  await pick(page, /^Acme · IT view/);
  await page.getByRole('heading', { name: 'The alignment gap' }).waitFor();

  // Only the questions both sides are asked count.
  const both = bank.map((d) => d.details.filter((q) => !q.audience));
  const itDims = both.map((qs) => tenths(qs, it.answers));
  const bizDims = both.map((qs) => tenths(qs, biz.answers));
  const want = bank.map((d, i) => `${d.name}|${text(itDims[i])}|${text(bizDims[i])}|${signed(bizDims[i] - itDims[i])}`);
  const [itAll, bizAll] = [overall(itDims), overall(bizDims)];
  want.push(`Overall|${text(itAll)}|${text(bizAll)}|${signed(bizAll - itAll)}`);
  assert.deepEqual(await rows(page, /^Alignment gap per dimension, over the \d+ questions both sides are asked$/), want);
  const allBoth = both.flat();
  const roleRows = model.roles.map((r) => {
    const qs = allBoth.filter((q) => q.role === r.id);
    const [a, b] = [tenths(qs, it.answers), tenths(qs, biz.answers)];
    return `${r.name}|${text(a)}|${text(b)}|${signed(b - a)}`;
  });
  assert.deepEqual(await rows(page, /^Alignment gap per IT role, over the \d+ questions both sides are asked$/), roleRows);
  assert.ok(bizAll < itAll);
  assert.match(await page.locator('main').textContent(), /IT is more optimistic overall\./);

  // The three biggest differences as short items: the question, then each side's answer in words.
  const differences = page.getByRole('heading', { name: 'The biggest differences' }).locator('xpath=following-sibling::ol[1]/li');
  assert.equal(await differences.count(), 3);
  for (const s of await differences.allTextContents()) {
    assert.match(s, /^.+\? IT: level 4, “.+” The business: level 1, “.+”/);
  }
  // Questions asked of one side only are named apart.
  const oneSided = bank.flatMap((d) => d.details).filter((q) => q.audience);
  for (const q of oneSided) assert.ok((await page.locator('main').textContent()).includes(q.text), q.text);

  // Side by side: IT first, each side's scores alone (the gap above is the difference), with a note
  // saying what they count; the chart holds both.
  const side = await rows(page, 'Score per dimension (1 to 5), each over every question its side is asked');
  assert.deepEqual(side, want.map((r) => r.split('|').slice(0, 3).join('|')));
  await page.getByText('These scores count every question each side is asked').waitFor();
  await page.locator('#compare-dimensions').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.echarts?.getInstanceByDom(document.getElementById('compare-dimensions'))?.getOption().series.length === 2);
  const legend = await page.getByRole('figure', { name: 'Score per dimension, 0 to 5' }).getByRole('list', { name: 'Chart legend' }).getByRole('listitem').allTextContents();
  assert.deepEqual(legend, ['Acme (IT)', 'Acme (business)']);
  // Each swatch has its line's colour (set through the style object: the policy refuses style attributes).
  const colours = await page.evaluate(() => {
    const chart = window.echarts.getInstanceByDom(document.getElementById('compare-dimensions'));
    const lines = chart.getOption().series.map((s) => s.lineStyle?.color ?? s.itemStyle?.color);
    const figure = document.getElementById('compare-dimensions').closest('figure');
    const swatches = [...figure.querySelectorAll('.legend .swatch')].map((s) => s.style.backgroundColor);
    const rgb = (c) => { const d = document.createElement('i'); d.style.color = c; return d.style.color; };
    return { lines: lines.map(rgb), swatches };
  });
  assert.deepEqual(colours.swatches, colours.lines);
  assert.ok(colours.swatches.every((c) => c.startsWith('rgb')), JSON.stringify(colours));
  // Beyond the gap's three, the other disagreements are listed once, not the same three again.
  assert.equal(await page.getByRole('heading', { name: 'Where they disagree most' }).count(), 0);
  assert.equal(await page.getByRole('heading', { name: 'More questions where they disagree' }).count(), 1);

  // Pooled as one team, the median's report says it holds both sides' answers, not IT's view.
  await page.getByRole('radio', { name: 'As one team' }).check();
  await page.getByRole('heading', { name: 'The team\'s report' }).waitFor();
  const meta = page.locator('.report-meta');
  await meta.filter({ hasText: 'Team of 2, IT and the business · IT\'s and the business\'s answers pooled ·' }).waitFor();
  assert.doesNotMatch(await meta.textContent(), /IT's view/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a team of IT and the business prints on one page with its roadmap and the three largest gaps, and is saved with the targets tried', async () => {
  const { page, context, errors } = await open(browser, server.url, { init: () => { window.print = () => {}; } });
  // Per dimension, IT's level and the business's: gaps of -3, -2, -1, 0 and +1 (the business's
  // minus IT's), so the three largest are the first three dimensions (a tie keeps the model's order).
  const itLevels = [4, 4, 4, 3, 3], bizLevels = [1, 2, 3, 3, 4];
  assert.equal(bank.length, 5);
  await store(page, [seeded('oneit', 'Board Co', 'it', (i) => itLevels[i]), seeded('onebiz', 'Board Co', 'business', (i) => bizLevels[i])]);
  await page.goto(`${server.url}#/compare`);
  await page.reload();
  await pick(page, /^Board Co · IT view/);
  await pick(page, /^Board Co · The business view/);
  await page.getByRole('radio', { name: 'As one team' }).check();
  const team = page.getByRole('region', { name: 'The team\'s report' });
  await team.locator('.score-line').waitFor();
  const gaps = (await page.getByRole('region', { name: 'The three largest gaps' }).getByRole('listitem').allTextContents()).map((t) => t.trim());
  const want = [3, 2, 1].map((d, i) => `${bank[i].name}: IT's median sees it ${d}.0 higher than the business's median`);
  assert.deepEqual(gaps, want);

  // The roadmap's code comes with the first press; the phases then show.
  await team.getByRole('button', { name: 'Print one page' }).click();
  const phase = team.getByRole('region', { name: /^Phase 1/ });
  await phase.waitFor();
  const flat = (t) => t.replace(/\s+/g, '');
  const summary = flat(await team.locator('p.summary').textContent());
  const level = flat(await team.locator('.level-number').textContent());
  // Each step's words and who acts (the question it comes from is left off the page).
  const steps = await phase.getByRole('listitem').evaluateAll((items) => items.map((li) => [...li.querySelectorAll(':scope > span:not(.meta)')].map((s) => s.textContent).join('').replace(/\s+/g, '')));
  assert.ok(steps.length >= 1, 'phase 1 has steps');
  for (const format of ['A4', 'Letter']) {
    await page.emulateMedia({ media: 'screen' });
    await team.getByRole('button', { name: 'Print one page' }).click();
    await page.waitForFunction(() => document.documentElement.classList.contains('one-page'));
    const got = await printed(page, format);
    assert.equal(got.pages, 1, `${format}: one page`);
    for (const [what, text] of [['level', level], ['summary', summary], ['first step', steps[0]], ['last step of phase 1', steps.at(-1)], ...want.map((g) => ['a largest gap', flat(g)])]) {
      assert.ok(got.flat.includes(text), `${format}: the ${what} (${text})`);
    }
    assert.ok(got.images >= 1, `${format}: the chart`);
    for (const left of ['Phase2', 'Theteam\'sanswers', 'Alignmentgapperdimension', 'Compareassessments']) {
      assert.ok(!got.flat.includes(left), `${format}: no "${left}"`);
    }
    await page.waitForFunction(() => !document.documentElement.classList.contains('one-page'));
  }

  // The team's joint targets, tried and then saved with its median.
  await page.emulateMedia({ media: 'screen' });
  const valueName = bank.find((d) => d.id === 'value').name;
  await team.getByRole('combobox', { name: new RegExp(`^Target for ${valueName}`) }).selectOption('5');
  await team.getByRole('status').filter({ hasText: 'tried here only' }).waitFor();
  await idle(page);
  assert.equal((await storedAssessments(page)).length, 2, 'nothing saved while trying');
  await team.getByRole('button', { name: 'Save the team\'s median as an assessment' }).click();
  const saved = await waitStored(page, (l) => l.length === 3);
  assert.equal(saved.find((a) => !['oneit', 'onebiz'].includes(a.id)).targets.value, 5, 'the saved median keeps the team\'s target');
  await page.getByRole('heading', { level: 2, name: 'Targets and roadmap' }).waitFor();
  assert.equal(await page.getByRole('combobox', { name: new RegExp(`^Target for ${valueName}`) }).inputValue(), '5');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the comparison prints with the gap and the tables, without the controls', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await store(page, [seeded('prit', 'Print Co', 'it', () => 4), seeded('prbiz', 'Print Co', 'business', () => 2)]);
  await page.goto(`${server.url}#/compare`);
  await page.reload();
  await pick(page, /^Print Co · IT view/);
  await pick(page, /^Print Co · The business view/);
  await page.locator('#compare-dimensions').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.echarts?.getInstanceByDom(document.getElementById('compare-dimensions')));
  const { flat } = await printed(page);
  for (const want of ['Compareassessments', 'Thealignmentgap', 'Alignmentgapperdimension', 'Sidebyside', ...bank.map((d) => d.name.replace(/\s+/g, ''))]) {
    assert.ok(flat.includes(want), `"${want}" in the PDF`);
  }
  for (const control of ['Addtheselinks', 'Savedinthisbrowser', 'PrintorsaveasPDF', 'Downloadchart', 'Sidebysideasoneteam']) {
    assert.ok(!flat.includes(control), `no "${control}" in the PDF`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

/** Answer codes of five respondents for the n-th question, by pattern. */
const TEAM = [
  ['1', '2', '3', '4', '5'], // median 3, four levels apart: flagged
  ['dk', 'dk', '2', '2', '3'], // median 2 of three levels
  ['na', 'na', 'na', 'na', 'na'], // nobody gave a level: not applicable
  ['1', '2', '4', '5', 'dk'], // an even count: the lower middle, 2; flagged
];
const MEDIAN = ['Level 3', 'Level 2', 'Not applicable', 'Level 2'];
const SPREAD = ['4 levels', '1 level', '0 levels', '4 levels'];
const COUNTS = ['5 gave a level, 0 don\'t know, 0 not applicable', '3 gave a level, 2 don\'t know, 0 not applicable',
  '0 gave a level, 0 don\'t know, 5 not applicable', '4 gave a level, 1 don\'t know, 0 not applicable'];

/** Saves the assessments in a browser of their own and copies each one's link, as respondents do. */
async function copyLinks(people) {
  const sender = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await sender.newPage();
  await page.goto(server.url);
  await started(page);
  await store(page, people);
  const links = [];
  for (const p of people) {
    await page.goto(`${server.url}#/a/${p.id}/results`);
    await page.reload();
    await page.locator('.score-line').waitFor();
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    const status = page.locator('.share [role=status]');
    await status.locator('p, input').first().waitFor();
    links.push(await status.locator('input').count() ? await status.locator('input').inputValue() : await page.evaluate(() => navigator.clipboard.readText()));
  }
  await sender.close();
  return links;
}

test('leadership opens an IT link and a business link, adds both to a comparison and reads the gap', async () => {
  const links = await copyLinks([seeded('lit', 'Acme', 'it', () => 4), seeded('lbiz', 'Acme', 'business', () => 2)]);
  const { page, context, errors } = await open(browser, server.url);
  for (const link of links) {
    await page.goto(link);
    await page.getByRole('button', { name: 'Add to a comparison' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare assessments' }).waitFor();
  }
  await page.getByRole('heading', { name: 'The alignment gap' }).waitFor();
  assert.match(await page.locator('main').textContent(), /IT is more optimistic overall\./);
  // Adding the same link again adds no one.
  await page.goto(links[0]);
  await page.getByRole('button', { name: 'Add to a comparison' }).click();
  await page.getByText('1 of them is in the lists above already and was not added again.').waitFor();
  await page.getByText(/^Choose the assessments \(2 picked\)/).click();
  assert.equal(await page.getByRole('group', { name: 'From links and files (not saved)' }).getByRole('checkbox').count(), 2);
  // Nothing of it was stored.
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('bita.assessment.')).length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a team of five links shows each question\'s median, spread and flags, and the team\'s report', async () => {
  // Five respondents answer in one browser and copy their links.
  const asked = bank.flatMap((d) => d.details).filter((q) => q.audience !== 'business');
  const people = [0, 1, 2, 3, 4].map((r) => {
    const codes = {};
    asked.forEach((q, n) => { codes[q.id] = TEAM[n % 4][r]; });
    return seeded(`team${r}`, '', 'it', (_, q) => codes[q.id]);
  });
  const links = await copyLinks(people);

  // Whoever pools them has none of them saved.
  const { page: lead, context, errors } = await open(browser, `${server.url}#/compare`);
  const field = lead.getByLabel('Share links, one per line');
  // A damaged line is named, and nothing is added from it.
  await field.fill(`${links[0].slice(0, -4)}`);
  await lead.getByRole('button', { name: 'Add these links' }).click();
  await lead.getByText(/^Line 1: /).waitFor();
  assert.equal(await lead.getByRole('group', { name: 'From links and files (not saved)' }).count(), 0);
  await field.fill(links.join('\n'));
  await lead.getByRole('button', { name: 'Add these links' }).click();
  await lead.getByText('Added 5 assessments.').waitFor();
  const added = lead.getByRole('group', { name: 'From links and files (not saved)' }).getByRole('checkbox');
  assert.equal(await added.count(), 5);
  // Anonymous respondents are numbered, the same in the list as in the tables.
  for (let r = 1; r <= 5; r++) await lead.getByRole('checkbox', { name: new RegExp(`^Respondent ${r} · IT view`) }).waitFor();
  // The same links again add no one twice.
  await field.fill(links[2]);
  await lead.getByRole('button', { name: 'Add these links' }).click();
  await lead.getByText('Line 1: this assessment is in the lists above already.').waitFor();
  assert.equal(await added.count(), 5);
  // Ticking one leaves the keyboard focus on it (the list is not rebuilt).
  const third = lead.getByRole('checkbox', { name: /^Respondent 3 · / });
  await third.focus();
  await lead.keyboard.press('Space');
  assert.equal(await third.isChecked(), false);
  assert.ok(await third.evaluate((el) => el === document.activeElement), 'focus stays on the checkbox');
  await lead.keyboard.press('Space');
  assert.equal(await third.isChecked(), true);
  await lead.getByRole('radio', { name: 'As one team' }).check();
  await lead.getByRole('heading', { name: 'The team\'s answers (5 respondents)' }).waitFor();

  const table = lead.getByRole('table', { name: 'The team\'s answer per question' });
  for (const [n, q] of asked.entries()) {
    const row = table.locator('tr').filter({ has: lead.getByRole('rowheader', { name: q.text, exact: true }) });
    const cells = await row.locator('td').allTextContents();
    const p = n % 4;
    assert.deepEqual(cells, [MEDIAN[p], SPREAD[p], COUNTS[p], p === 0 || p === 3 ? 'Far apart' : ''], q.id);
  }
  const flagged = asked.filter((_, n) => n % 4 === 0 || n % 4 === 3).length;
  await lead.getByText(`${flagged} questions are far apart.`).waitFor();
  assert.match(await lead.locator('main').textContent(), /the lower of the two middle ones/);
  // The report of the median assessment, its headings under the page's, and nothing stored until
  // it is saved.
  await lead.getByRole('heading', { name: 'The team\'s report' }).waitFor();
  await lead.locator('.score-line').waitFor();
  assert.equal(await lead.getByRole('heading', { level: 1 }).count(), 1, 'one h1: the page\'s');
  await lead.getByRole('heading', { level: 3, name: 'Summary' }).waitFor();
  // Its steps say who acts, as the report's do, so leadership can hand them out from here.
  const team = lead.getByRole('region', { name: 'The team\'s report' });
  const steps = team.getByRole('listitem').filter({ hasText: /Who acts: (IT|the business|IT and the business together)\s*$/ });
  assert.ok(await steps.count() >= 3, 'the team\'s steps each say who acts');
  assert.equal(await lead.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('bita.assessment.')).length), 0);
  await lead.getByRole('button', { name: 'Save the team\'s median as an assessment' }).click();
  await lead.waitForURL(/#\/a\/[^/]+\/results$/);
  await lead.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('bita.assessment.')));
  // Back on the comparison, everything picked is as it was.
  await lead.goBack();
  await lead.getByRole('heading', { name: 'The team\'s answers (5 respondents)' }).waitFor();
  // The result comes first; the setup, folded, opens again on request.
  await lead.getByText('Choose the assessments (5 picked)').click();
  assert.equal(await added.count(), 5);
  assert.equal(await lead.getByRole('radio', { name: 'As one team' }).isChecked(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two dated assessments show the trend in date order with the change per dimension', async () => {
  const { page, context, errors } = await open(browser, server.url);
  const spring = seeded('trend1', 'Acme spring', 'it', () => 2, Date.UTC(2025, 2, 1));
  const autumn = seeded('trend2', 'Acme autumn', 'it', (i) => (i === 0 ? 2 : 3), Date.UTC(2025, 8, 1));
  await store(page, [spring, autumn]);
  await page.goto(`${server.url}#/compare`);
  await page.reload();
  // Picked latest first: the trend still reads in date order.
  await pick(page, /^Acme autumn/);
  await pick(page, /^Acme spring/);
  await page.getByRole('radio', { name: 'Over time' }).check();
  await page.getByRole('heading', { name: 'Trend' }).waitFor();
  const got = await rows(page, 'Score per dimension over time (1 to 5)');
  const before = bank.map((d) => text(tenths(d.details.filter((q) => q.audience !== 'business'), spring.answers)));
  const after = bank.map((d) => text(tenths(d.details.filter((q) => q.audience !== 'business'), autumn.answers)));
  assert.deepEqual(got, [
    ['Acme spring (IT), 2025-03-01', ...before].join('|'),
    ['Acme autumn (IT), 2025-09-01', ...after.map((a, i) => `${a} (${signed(Number(a.replace('.', '')) - Number(before[i].replace('.', '')))} since the one before)`)].join('|'),
  ]);
  assert.ok(got[1].includes('(+1.0 since the one before)') && got[1].includes('(0.0 since the one before)'));
  assert.deepEqual(errors, []);
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`the comparison at 360 px in the ${scheme} scheme: no horizontal overflow, no axe violation`, async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: scheme, bypassCSP: true });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await started(page);
    await store(page, [seeded('axit', 'Narrow', 'it', () => 4), seeded('axbiz', 'Narrow', 'business', (i) => i + 1)]);
    await page.goto(`${server.url}#/compare`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Compare assessments' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'nothing picked');
    await pick(page, /^Narrow · IT view/);
    await pick(page, /^Narrow · The business view/);
    for (const view of ['Side by side', 'As one team', 'Over time']) {
      await page.getByRole('radio', { name: view }).check();
      if (view === 'As one team') await page.locator('.score-line').waitFor();
      await idle(page);
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scroll <= inner, `${view}: page is ${scroll} px wide in a ${inner} px window`);
      // No figure is broken across lines ("3." on one, "0" on the next).
      const broken = await page.evaluate(() => {
        const out = [];
        for (const td of document.querySelectorAll('table td')) {
          const walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
          for (let t = walk.nextNode(); t; t = walk.nextNode()) {
            for (const m of t.textContent.matchAll(/[+−-]?\d+(\.\d+)?/g)) {
              const r = document.createRange();
              r.setStart(t, m.index);
              r.setEnd(t, m.index + m[0].length);
              const lines = new Set([...r.getClientRects()].map((b) => Math.round(b.top)));
              if (lines.size > 1) out.push(`${m[0]} in “${td.textContent}”`);
            }
          }
        }
        return out;
      });
      assert.deepEqual(broken, [], `${view}: figures broken across lines`);
      assert.deepEqual(await axeViolations(page), [], view);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the comparison\'s code is fetched when the page is first opened; when it cannot be, the page says so and a later try works', async () => {
  const { context, page, errors } = await open(browser, server.url, { serviceWorkers: 'block' });
  // No service worker: it would answer from its precache, which routes cannot reach.
  const fetched = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) fetched.push(path.basename(new URL(r.url()).pathname)); });
  await page.getByRole('heading', { level: 1, name: 'How well are IT and the business aligned?' }).waitFor();
  assert.deepEqual(fetched, [], 'no page chunk on the start page');
  // The connection drops before the comparison is first opened.
  await context.route(/\/(compare|chunk)[^/]*\.wasm$/, (route) => route.abort('internetdisconnected'));
  await page.getByRole('link', { name: 'Compare assessments' }).click();
  await page.getByRole('heading', { level: 1, name: 'This page could not be loaded' }).waitFor();
  assert.match(await page.getByRole('alert').innerText(), /its code could not be fetched, most likely because the connection is down\. Reload the page once you are back online; your answers are safe in this browser\./);
  // Back online: going there again fetches it.
  await context.unroute(/\/(compare|chunk)[^/]*\.wasm$/);
  await page.getByRole('link', { name: 'Go to the start page' }).click();
  await page.getByRole('link', { name: 'Compare assessments' }).click();
  await page.getByRole('heading', { level: 1, name: 'Compare assessments' }).waitFor();
  assert.ok(fetched.some((f) => /^compare-[0-9a-f]{16}\.wasm$/.test(f)), `the comparison's chunk was fetched: ${fetched}`);
  assert.deepEqual(errors, []);
  await context.close();
});
