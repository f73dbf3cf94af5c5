// The app shell: what a first-time visitor sees, hosted under a sub-path, with nothing fetched
// from another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, open, bankFromFiles } from './harness.mjs';
import { PROFILES } from '../perf/interact.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('the start page names the product and lists the dimensions defined in questions/', async () => {
  const { page, errors, context } = await open(browser, server.url);
  await assert.doesNotReject(page.getByRole('link', { name: /bita/ }).waitFor());
  const shown = await page.locator('.dimension-name').allTextContents();
  assert.deepEqual(shown, bankFromFiles().map((d) => d.name));
  assert.equal(await page.getByRole('button', { name: 'Start the assessment' }).count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the first view loads only from its own origin and does not load ECharts', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(server.url);
  await page.locator('.dimension-name').first().waitFor();
  const foreign = requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.ok(!requests.some((u) => u.includes('echarts')), 'ECharts is not part of the first view');
  // ECharts is shipped in dist/ from the npm package, ready for the report.
  const res = await page.request.get(new URL('vendor/echarts.min.js', server.url).href);
  assert.equal(res.status(), 200);
  assert.match(await res.text(), /echarts/);
  await context.close();
});

test('unknown addresses get a clear page with a way back, not a blank page', async () => {
  const { page, context, errors } = await open(browser, `${server.url}#/a/nosuchthing/review`);
  await page.getByRole('heading', { name: 'Assessment not found' }).waitFor();
  assert.match(await page.locator('main').textContent(), /saved only in the browser where they were answered/);
  await page.goto(`${server.url}#/somewhere/else`);
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  await page.getByRole('link', { name: 'Go to the start page' }).click();
  await page.getByRole('button', { name: 'Start the assessment' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('while the wasm loads the page names the product, and if it cannot start the loading line says so', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await context.route(/_bg\.wasm$/, (route) => route.abort('internetdisconnected'));
  await page.goto(server.url);
  await page.getByText('bita', { exact: true }).first().waitFor();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /^bita could not start \(.+\)\. Reload the page; your answers are safe in this browser\.$/);
  await context.close();
});

test('the interface texts are asked for beside the wasm, and without them the loading line says why it cannot start', async () => {
  // Asked for as the loader starts (which language, only the loader knows), while the wasm the
  // page preloads is still coming: on a phone's network (as tests/perf measures), not on a
  // loopback where the wasm is in before any script runs.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PROFILES.phone.network);
  const order = [];
  page.on('request', (r) => { if (/texts-en-|_bg\.wasm$/.test(r.url())) order.push(r.url().includes('texts-') ? 'texts' : 'wasm'); });
  const ends = {};
  page.on('requestfinished', (r) => { if (/_bg\.wasm$/.test(r.url())) ends.wasm = Date.now(); });
  page.on('request', (r) => { if (/texts-en-/.test(r.url())) ends.textsAsked = Date.now(); });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Start the assessment' }).waitFor();
  assert.deepEqual(order.sort(), ['texts', 'wasm']);
  assert.ok(ends.textsAsked <= ends.wasm, 'the texts are asked for before the wasm has arrived');
  await context.close();
  // A texts file that cannot be fetched: the start is refused in words, not a blank page.
  const broken = await browser.newContext({ serviceWorkers: 'block' });
  const other = await broken.newPage();
  await broken.route(/texts-en-[0-9a-f]+\.json$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await other.goto(server.url);
  const alert = other.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /^bita could not start \(.*its texts: the server answered 404.*\)\. Reload the page; your answers are safe in this browser\.$/);
  await broken.close();
});

test('if the wasm stops on an error once the page is up, the page says so at its top', async () => {
  const { context, page, errors } = await open(browser, server.url);
  await page.getByRole('button', { name: 'Start the assessment' }).waitFor();
  const thrown = (error) => page.evaluate((e) => new Promise((done) => setTimeout(() => {
    setTimeout(done, 50);
    throw e === 'trap' ? new WebAssembly.RuntimeError('unreachable') : new Error(e);
  })), error);
  // An error that is not the wasm's (a script of the host, say) says nothing.
  await thrown('a script of the host');
  assert.equal(await page.getByRole('alert').count(), 0);
  // A panic traps the wasm: what reaches the page is a WebAssembly.RuntimeError from a callback
  // (simulated here: the release build has no way to make it panic on purpose).
  await thrown('trap');
  const alert = page.getByRole('main').getByRole('alert');
  await alert.waitFor();
  assert.equal(await alert.innerText(), 'bita stopped on an error (RuntimeError: unreachable). Reload the page; answers saved before it are safe in this browser.');
  await thrown('trap');
  assert.equal(await page.getByRole('alert').count(), 1, 'said once');
  assert.equal(errors.length, 3);
  await context.close();
});
