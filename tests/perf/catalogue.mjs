// The catalogue check with a catalogue as large as it may be (2,000 entries): how long pasting
// them, correcting one, naming a service and reloading take, printed (not asserted: times are
// noisy; docs/catalogue-check.md quotes them).
import { serveDist, launch } from '../e2e/harness.mjs';
const server = await serveDist(); const browser = await launch();
const ctx = await browser.newContext();
const page = await ctx.newPage();
page.on('pageerror', (e) => { console.error(`catalogue benchmark: ${e}`); process.exitCode = 1; });
await page.goto(server.url + '#/catalogue');
await page.locator('main:not([aria-busy])').waitFor();
await page.getByLabel('Name of a new catalogue').fill('Big');
await page.getByRole('button', { name: 'Start a new catalogue' }).click();
await page.getByRole('heading', { level: 2, name: 'Big' }).waitFor();
const names = Array.from({length: 2000}, (_, i) => ['SAP module', 'Server farm', 'Payroll run', 'Email relay', 'Database administration'][i%5] + ' ' + i);
await page.getByLabel('Entry names, one per line').fill(names.join('\n'));
let t = Date.now();
await page.getByRole('button', { name: 'Add these entries' }).click();
await page.getByRole('status').filter({ hasText: 'Added 2000 entries.' }).waitFor({ timeout: 120000 });
await page.waitForFunction(() => document.querySelectorAll('table.entries tbody tr').length === 2000, null, { timeout: 120000 });
console.log(`catalogue of 2,000: paste ${Date.now() - t} ms`);
t = Date.now();
await page.getByRole('combobox', { name: 'What “Payroll run 2” is named after' }).selectOption({ label: 'A technology or component' });
await page.waitForFunction(() => [...document.querySelectorAll('table.entries tbody tr')].find(r => r.textContent.includes('Payroll run 2'))?.textContent.includes('corrected by you'), null, { timeout: 120000 });
console.log(`catalogue of 2,000: correct one entry ${Date.now() - t} ms`);
t = Date.now();
await page.getByLabel('Name of a business service').fill('Finance');
await page.getByRole('button', { name: 'Add the service' }).click();
await page.waitForFunction(() => document.querySelectorAll('option').length > 2000*6, null, { timeout: 120000 });
console.log(`catalogue of 2,000: name a service ${Date.now() - t} ms`);
t = Date.now();
await page.reload();
await page.waitForFunction(() => document.querySelectorAll('table.entries tbody tr').length === 2000, null, { timeout: 120000 });
console.log(`catalogue of 2,000: reload until every row is in ${Date.now() - t} ms`);
const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('bita.catalogue.')).map((k) => localStorage.getItem(k).length));
console.log(`catalogue of 2,000: ${(stored[0] / 1000).toFixed(0)} KB stored`);
await browser.close(); server.close();
