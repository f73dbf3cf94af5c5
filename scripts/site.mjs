// Assembles the deployable site in one folder (dist/ by default) from index.html, public/, the wasm
// scripts/wasm built into target/split/ and the ECharts scripts/echarts.mjs built into
// target/vendor/: (0) the page: the stylesheet minified (lightningcss) and, like the icon, named
// after its content; the rest of public/ copied as it is (the manifest names the icons); ECharts
// into vendor/; the advice texts (bita-data); (1) puts the wasm into the folder: (1a) gives the main
// module's imports short names, in the wasm and in the glue alike (wasm-bindgen names each after
// its binding plus a 16-digit hash; the saving is in docs/size-and-speed.md) and drops every module's
// custom sections; (1b) minifies wasm-bindgen's JS glue and wasm-split's chunk loader with esbuild
// (likewise); (1c) names every file after its content and writes the page's loader into a file of
// its own, so the Content-Security-Policy needs no 'unsafe-inline' and no hash that changes with
// every build; then minifies index.html (minify-html); (2) generates the service worker's precache
// list from what is in the folder, with workbox-build, so the app works offline after one visit.
// Never a hand-kept list; (3) writes a gzip copy (`name.gz`, made with zopfli: about 5% smaller than
// gzip -9) beside every text and wasm file, for hosts that serve precompressed files.
//   node scripts/site.mjs [dir]          all steps, into an emptied dir (defaults to dist/)
//   node scripts/site.mjs --sw-only dir  steps 2 and 3 only: after a file in dir changed (a new
//                                        deployment in the tests, or a hand edit)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';
import { transformSync } from 'esbuild';
import { gzip } from '@gfx/zopfli';
import { transform as transformCss } from 'lightningcss';
import minifyHtmlPkg from '@minify-html/node';
import { execFileSync } from 'node:child_process';
// A CommonJS package: its function comes through the default export.
const minifyHtml = minifyHtmlPkg.minify;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const swOnly = args.includes('--sw-only');
const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, 'dist'));

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
function leb(buf, at) {
  let value = 0, shift = 0, byte;
  do { byte = buf[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return [value, at];
}
const uleb = (n) => { const out = []; do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n); return Buffer.from(out); };
const encodeName = (s) => Buffer.concat([uleb(Buffer.byteLength(s)), Buffer.from(s)]);

/**
 * Renames the wasm's imports from wasm-bindgen's glue module to short names, and the same keys in
 * the glue. Fails the build if a name is not found exactly once in the glue, so a change in
 * wasm-bindgen's output can never ship a page whose imports do not resolve.
 */
function shortenImports(wasm, glue) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = leb(wasm, at + 1);
    if (id !== 2) { at = body + size; continue; }
    let p = body;
    const [count, first] = leb(wasm, p);
    p = first;
    const entries = [];
    let n = 0;
    for (let i = 0; i < count; i++) {
      let [len, q] = leb(wasm, p);
      const module = wasm.toString('utf8', q, q + len);
      [len, q] = leb(wasm, q + len);
      const field = wasm.toString('utf8', q, q + len);
      const start = q + len;
      const kind = wasm[start];
      let end = start + 1;
      const limits = () => { const flags = wasm[end++]; end = leb(wasm, end)[1]; if (flags & 1) end = leb(wasm, end)[1]; };
      if (kind === 0) end = leb(wasm, end)[1];
      else if (kind === 1) { end++; limits(); }
      else if (kind === 2) limits();
      else if (kind === 3) end += 2;
      else if (kind === 4) end = leb(wasm, end + 1)[1];
      else throw new Error(`unknown import kind ${kind}`);
      let newName = field;
      if (/^\.\/bita(-[0-9a-f]+)?_bg\.js$/.test(module) && /^__wb(g|indgen)_/.test(field)) {
        newName = `w${(n++).toString(36)}`;
        const key = new RegExp(`([\\s{,])${field.replace(/[$]/g, '\\$&')}(\\s*:)`, 'g');
        const keys = glue.match(key)?.length ?? 0;
        const mentions = glue.split(field).length - 1;
        if (keys !== 1 || mentions !== 1) throw new Error(`import ${field} is named ${mentions} times in the glue, ${keys} as a key`);
        glue = glue.replace(key, `$1${newName}$2`);
      }
      entries.push(Buffer.concat([encodeName(module), encodeName(newName), wasm.subarray(start, end)]));
      p = end;
    }
    const section = Buffer.concat([uleb(count), ...entries]);
    wasm = Buffer.concat([wasm.subarray(0, at), Buffer.from([2]), uleb(section.length), section, wasm.subarray(body + size)]);
    return { wasm, glue, count: n };
  }
  throw new Error('the wasm has no import section');
}

/**
 * Drops the wasm's custom sections (the producers, target features and a wasm-split marker that
 * rustc and Leptos leave): the browser ignores them, and they are about 300 bytes of the first view.
 * With BITA_NAMES=1 (see scripts/wasm) the functions' names stay, for a profile that reads.
 */
const keepNames = process.env.BITA_NAMES === '1';
const customName = (wasm, body) => { const [len, q] = leb(wasm, body); return wasm.toString('utf8', q, q + len); };
function dropCustomSections(wasm) {
  const kept = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const [size, body] = leb(wasm, at + 1);
    if (wasm[at] !== 0 || (keepNames && customName(wasm, body) === 'name')) kept.push(wasm.subarray(at, body + size));
    at = body + size;
  }
  if (at !== wasm.length) throw new Error('the wasm ends inside a section');
  return Buffer.concat(kept);
}

const hash = (content) => crypto.createHash('sha256').update(content).digest('hex').slice(0, 16);

/** `text` with `from` replaced by `to`, failing the build unless `from` is there exactly once. */
function swapOnce(text, from, to, what) {
  const found = text.split(from).length - 1;
  if (found !== 1) throw new Error(`${what}: ${JSON.stringify(from)} found ${found} times`);
  return text.replace(from, () => to);
}

const minify = (code) => transformSync(code, { minify: true, format: 'esm', target: 'es2020', legalComments: 'none' }).code;

if (!swOnly) {
  const built = path.join(root, 'target', 'split');
  const read = (name) => fs.readFileSync(path.join(built, name));
  const indexPath = path.join(dir, 'index.html');
  let html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  // Everything in memory first, so a failure leaves no half-built folder behind.
  const writes = [];
  // (0) What index.html links from public/ is named after its content; a stylesheet is minified.
  const linked = new Set();
  html = html.replace(/ href="public\/([^"]+)"/g, (_, file) => {
    let body = fs.readFileSync(path.join(root, 'public', file));
    if (file.endsWith('.css')) body = Buffer.from(transformCss({ filename: file, code: body, minify: true }).code);
    const dot = file.lastIndexOf('.');
    const name = `${file.slice(0, dot)}-${hash(body)}${file.slice(dot)}`;
    writes.push([name, body]);
    linked.add(file);
    return ` href="./${name}"`;
  });
  for (const file of fs.readdirSync(path.join(root, 'public')).filter((f) => !linked.has(f))) {
    writes.push([file, fs.readFileSync(path.join(root, 'public', file))]);
  }
  writes.push(['vendor/echarts.min.js', fs.readFileSync(path.join(root, 'target', 'vendor', 'echarts.min.js'))]);
  // The chunks, named after their content; the loader wasm-split wrote fetches them by name.
  let loader = read('__wasm_split.js').toString();
  // A page's chunk and the chunks it shares with other pages (sixteen for the report, more for the
  // comparison) are asked for one per task, its own first: issued in one task, the report's
  // fetches blocked a phone for 150–250 ms under Lighthouse (docs/size-and-speed.md). A chunk
  // already asked for (by another page) costs no task. The next task comes through the
  // scheduler, or a message: never a nested timer, which browsers clamp and throttle.
  loader = swapOnce(loader, 'import { initSync } from "./bita.js";\n', `import { initSync } from "./bita.js";
const nextTask = () => new Promise((go) => {
    if (globalThis.scheduler?.postTask) return scheduler.postTask(go, { priority: 'user-blocking' });
    const channel = new MessageChannel();
    channel.port1.onmessage = () => go();
    channel.port2.postMessage(null);
});
`, '__wasm_split.js');
  loader = swapOnce(loader, `        const parallelStuff = deps.map(d => d());
        const instantiate = fetcher();
`, `        const instantiate = fetcher();
        const parallelStuff = [];
        for (const d of deps) {
            if (!d.asked()) await nextTask();
            parallelStuff.push(d());
        }
`, '__wasm_split.js');
  loader = swapOnce(loader, `    let loadingModule = undefined;
    return () => {`, `    let loadingModule = undefined;
    const load = () => {`, '__wasm_split.js');
  loader = swapOnce(loader, `        return loadingModule;
    }
}`, `        return loadingModule;
    };
    load.asked = () => loadingModule !== undefined;
    return load;
}`, '__wasm_split.js');
  for (const file of fs.readdirSync(built).filter((f) => f.endsWith('.wasm') && f !== 'bita_bg.wasm')) {
    const wasm = dropCustomSections(read(file));
    const name = `${file.replace(/^split_/, '').replace(/\.wasm$/, '')}-${hash(wasm)}.wasm`;
    // A fetch whose chunk is not awaited because another failed first must not surface as an
    // unhandled rejection; the one awaited still fails the load, which the page reports.
    loader = swapOnce(loader, `fetch(new URL("./${file}", import.meta.url));`,
      `fetch(new URL("./${name}", import.meta.url)); src.catch(() => {});`, '__wasm_split.js');
    writes.push([name, wasm]);
  }
  const short = shortenImports(read('bita_bg.wasm'), read('bita.js').toString());
  short.wasm = dropCustomSections(short.wasm);
  if (/[\s{,](?:__wbg_|__wbindgen_)\w*\s*:/.test(short.glue)) throw new Error('the glue still names an import the wasm no longer has');
  // scripts/wasm has wasm-opt drop the stream classes server_fn exports; the glue must never make one.
  if (/IntoUnderlying\w*\.__wrap\b/.test(short.glue)) throw new Error('the glue makes stream objects whose code wasm-opt removed (see scripts/wasm)');
  const wasmName = `bita-${hash(short.wasm)}_bg.wasm`;
  writes.push([wasmName, short.wasm]);
  // The glue and the chunk loader import each other, so one name cannot hold the other's hash:
  // both are minified with a stand-in for the other's name, then named after the hash of the two
  // together (of what is served, so a new minifier can never keep a name for new content).
  const [GLUE, LOADER] = ['./GLUE-NAME-STAND-IN.js', './LOADER-NAME-STAND-IN.js'];
  // The glue imports the loader by file name; the wasm's imports keep naming it "./__wasm_split.js".
  const imports = / from "\.\/__wasm_split\.js"/g;
  if (!imports.test(short.glue)) throw new Error('the glue does not import the chunk loader');
  const glueMin = minify(short.glue.replace(imports, ` from "${LOADER}"`));
  if (/from\s*["']\.\/__wasm_split\.js/.test(glueMin)) throw new Error('the glue imports the chunk loader in a way this script does not know');
  const loaderMin = minify(swapOnce(loader, '"./bita.js"', `"${GLUE}"`, '__wasm_split.js'));
  const pair = hash(glueMin + '\0' + loaderMin);
  const glueName = `bita-${pair}.js`;
  const loaderName = `chunks-${pair}.js`;
  writes.push([glueName, glueMin.replaceAll(LOADER, `./${loaderName}`)], [loaderName, swapOnce(loaderMin, GLUE, `./${glueName}`, 'the minified chunk loader')]);
  // The data files (the advice texts, the catalogue check's lexicon, the interface texts), named by
  // their content (the build writes the names into the wasm), into a folder of their own first:
  // nothing is removed before everything is built.
  const staged = fs.mkdtempSync(path.join(root, 'target', 'advice-'));
  execFileSync('cargo', ['run', '--quiet', '--bin', 'bita-data', '--', staged], { cwd: root, stdio: 'inherit' });
  const data = fs.readdirSync(staged);
  for (const name of data) writes.push([name, fs.readFileSync(path.join(staged, name))]);
  fs.rmSync(staged, { recursive: true });
  // Each language's first view: its words and questions, fetched beside the wasm.
  const firstFiles = Object.fromEntries(data.map((n) => n.match(/^texts-([a-z]{2})-[0-9a-f]{8}\.json$/)).filter(Boolean).map((m) => [m[1], m[0]]));
  if (!firstFiles.en) throw new Error('bita-data wrote no English interface texts');
  // The loader's own lines, before any file has come: in index.html's words, and in each other
  // language's (questions/<code>/loader.json, checked to have the same keys).
  const loaderLines = { en: JSON.parse(fs.readFileSync(path.join(root, 'questions', 'loader.json'), 'utf8')) };
  for (const code of Object.keys(firstFiles).filter((c) => c !== 'en')) {
    const lines = JSON.parse(fs.readFileSync(path.join(root, 'questions', code, 'loader.json'), 'utf8'));
    const want = Object.keys(loaderLines.en).sort().join(), got = Object.keys(lines).sort().join();
    if (want !== got) throw new Error(`questions/${code}/loader.json: keys ${got} where questions/loader.json has ${want}`);
    loaderLines[code] = lines;
  }
  for (const key of ['title', 'loading']) if (!html.includes(loaderLines.en[key])) throw new Error(`index.html does not show questions/loader.json's ${key} line`);
  // The page's own start: a file, not an inline script (the CSP). It mounts the app and announces
  // the started module (tests/perf reads its memory). If the wasm cannot start or mount, the loading
  // line says so; if it stops on an error later (a panic traps the wasm, a stack overflow throws a
  // RangeError: nothing it drew answers any more), or its start has not finished 10 seconds after
  // the wasm arrived, a line at the top of the main content does.
  // The language's texts are asked for by the start script as it begins, beside the wasm the page
  // preloads (which language is known only there: the reader's choice or the browser's).
  const start = `// The language: the reader's choice (the key of model::storage::LANGUAGE_KEY), else the first of
// the browser's that bita has, else English. Its words and questions are asked for at once, beside
// the wasm (which the page preloads).
const files = ${JSON.stringify(firstFiles)};
const lines = ${JSON.stringify(loaderLines)};
let lang = null;
try { lang = localStorage.getItem('bita.language'); } catch {}
const has = (code) => typeof code === 'string' && Object.hasOwn(files, code);
if (!has(lang)) lang = [...(navigator.languages ?? [navigator.language])].map((l) => String(l).slice(0, 2).toLowerCase()).find(has) ?? 'en';
const line = lines[lang];
document.documentElement.lang = lang;
// The skeleton in the language (again once the page is parsed: this module may run before it).
const localise = () => { if (lang === 'en') return; document.title = line.title; const l = document.querySelector('.skeleton-line:not(#stopped)'); if (l) l.textContent = line.loading; };
localise();
const fill = (text, name, value) => text.replace('{' + name + '}', () => String(value));
const get = (code) => fetch('./' + files[code]).then((r) => { if (!r.ok) throw new Error(fill(line.texts_status, 'status', r.status)); return r.text(); });
// Another language's file that cannot be had falls back to English, so a choice remembered in
// this browser never keeps bita from starting.
const texts = get(lang).then((t) => [t, lang], (e) => lang === 'en' ? Promise.reject(e) : get('en').then((t) => [t, 'en'], () => Promise.reject(e)));
texts.catch(() => {});
// A crash's line stays; the line about a slow start gives way to a crash's, and goes once the start ends.
const say = (what, crash = true) => {
  const shown = document.getElementById('stopped');
  if (shown && (shown.dataset.crash || !crash)) return;
  let line = document.querySelector('.skeleton-line');
  if (!line) {
    line = document.createElement('p');
    line.className = 'notice error';
    (document.querySelector('main') ?? document.body ?? document.documentElement).prepend(line);
  }
  line.id = 'stopped';
  if (crash) line.dataset.crash = '1';
  line.setAttribute('role', 'alert');
  line.textContent = what;
};
// A trap (a panic) or a stack overflow (the engine throws a RangeError) leaves the wasm unusable.
const trapped = (e) => {
  if (e instanceof WebAssembly.RuntimeError || (e instanceof RangeError && /call stack/i.test(e.message))) say(fill(line.stopped, 'error', e));
};
addEventListener('error', (e) => trapped(e.error));
// Focus the page moves (to a new page's heading) shows its ring to keyboard users only.
addEventListener('keydown', (e) => { if (e.key === 'Tab') document.documentElement.dataset.keys = ''; }, true);
addEventListener('pointerdown', () => delete document.documentElement.dataset.keys, true);
addEventListener('unhandledrejection', (e) => trapped(e.reason));
try {
  const { default: init, mount } = await import('./${glueName}');
  const wasm = await init({ module_or_path: './${wasmName}' });
  // The start ends when the first page is in (main is busy until then): a start that hangs is said.
  const up = () => document.querySelector('main:not([aria-busy])');
  setTimeout(() => {
    if (up()) return;
    say(line.slow, false);
    const late = setInterval(() => {
      const shown = document.getElementById('stopped');
      if (!shown || shown.dataset.crash) clearInterval(late);
      else if (up()) { shown.remove(); clearInterval(late); }
    }, 500);
  }, 10000);
  // The app mounts in a task of its own: compiling and starting the wasm is one already. This
  // module is async, so that compiling starts as the wasm streams in, not after the stylesheet
  // and the first paint: the page it mounts in may still be parsing.
  await new Promise((next) => setTimeout(next));
  if (document.readyState === 'loading') await new Promise((next) => addEventListener('DOMContentLoaded', next, { once: true }));
  localise();
  const [text, code] = await texts;
  if (code !== lang) document.documentElement.lang = code;
  mount(text, code);
  dispatchEvent(new CustomEvent('bita-started', { detail: { wasm } }));
} catch (e) {
  say(fill(line.failed, 'error', e));
  throw e;
}
`;
  // Minified as the glue is (its top-level await needs es2022), its comments left here.
  const startMin = transformSync(start, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' }).code;
  const startName = `init-${hash(startMin)}.js`;
  writes.push([startName, startMin]);
  const tags = `<script type="module" async src="./${startName}"></script><link rel="modulepreload" href="./${glueName}"><link rel="modulepreload" href="./${loaderName}"><link rel="preload" href="./${wasmName}" as="fetch" type="application/wasm" crossorigin>`;
  html = swapOnce(html, '</head>', `${tags}</head>`, 'index.html');
  // As trunk did: spec-compliant (minify-html's default since 0.16), closing tags kept.
  html = minifyHtml(Buffer.from(html), { keep_closing_tags: true });
  // Only a folder this script made (or an empty or missing one) is emptied.
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0 && !fs.existsSync(path.join(dir, 'sw.js'))) {
    throw new Error(`${dir} is not a site this script built (no sw.js): not emptying it`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'vendor'), { recursive: true });
  for (const [name, content] of writes) fs.writeFileSync(path.join(dir, name), content);
  fs.writeFileSync(indexPath, html);
  console.log(`wasm: ${short.count} imports renamed, ${fs.readdirSync(built).filter((f) => f.endsWith('.wasm') && f !== 'bita_bg.wasm').length} chunks`);
}

const { count, size, warnings } = await generateSW({
  globDirectory: dir,
  globPatterns: ['**/*.{html,js,wasm,css,svg,json,png,webmanifest}'],
  globIgnores: ['sw.js'],
  swDest: path.join(dir, 'sw.js'),
  // One file: no workbox runtime fetched from anywhere, and nothing outside our folder.
  inlineWorkboxRuntime: true,
  mode: 'production',
  sourcemap: false,
  // A new version waits until the page asks it to take over (after checking nothing is unsaved).
  skipWaiting: false,
  clientsClaim: false,
  cleanupOutdatedCaches: true,
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  // Hashed names never change content; the others (index.html, vendor/echarts.min.js, the
  // manifest and icons) get a revision from their content.
  dontCacheBustURLsMatching: /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css|svg|json)$/,
});
for (const w of warnings) console.warn(`precache: ${w}`);
console.log(`precache: ${count} files, ${(size / 1000).toFixed(0)} KB (fetched after the first view, not part of it)`);

// (3) Precompressed copies, for hosts that serve `name.gz` to browsers that accept gzip (nginx's
// gzip_static, Caddy's precompressed, scripts/serve-dist.mjs): the same bytes any gzip reader
// reads, packed harder than a host does on the fly. Only where missing or older than the file, so
// `--sw-only` refreshes what it rewrote; a copy whose file is gone is removed.
const packable = /\.(html|js|wasm|css|svg|json|webmanifest)$/;
const listed = fs.readdirSync(dir, { recursive: true }).map(String);
for (const gz of listed.filter((f) => f.endsWith('.gz') && !fs.existsSync(path.join(dir, f.slice(0, -3))))) fs.rmSync(path.join(dir, gz));
const files = listed.filter((f) => packable.test(f));
let packed = 0, plain = 0;
for (const f of files) {
  const file = path.join(dir, f);
  const gz = `${file}.gz`;
  if (fs.existsSync(gz) && fs.statSync(gz).mtimeMs >= fs.statSync(file).mtimeMs) continue;
  const body = fs.readFileSync(file);
  const out = await new Promise((resolve, reject) => gzip(body, { numiterations: 15 }, (e, z) => (e ? reject(e) : resolve(Buffer.from(z)))));
  fs.writeFileSync(gz, out);
  packed += out.length;
  plain += body.length;
}
console.log(`gzip copies: ${(plain / 1000).toFixed(0)} KB packed into ${(packed / 1000).toFixed(0)} KB`);
