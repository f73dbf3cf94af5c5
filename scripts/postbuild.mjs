// After trunk: (1) moves trunk's inline loader script into a file of its own, so the page's
// Content-Security-Policy needs no 'unsafe-inline' and no hash that changes with every build;
// (1a) gives the wasm's imports short names, in the wasm and in the glue alike (wasm-bindgen names
// each after its binding plus a 16-digit hash: about 5 KB gzip of the first view), drops its custom
// sections, and renames the wasm after its new content; (1b) minifies wasm-bindgen's JS glue with esbuild (trunk's minify does
// not touch it; about 2 KB gzip of the first view), renames it after its new content and updates
// index.html; (2) generates the service worker's precache list from what is in the output folder, with
// workbox-build, so the app works offline after one visit. Never a hand-kept list.
//   node scripts/postbuild.mjs [dir]          both steps (dir defaults to dist/)
//   node scripts/postbuild.mjs --sw-only dir  only the precache step (tests of a new deployment)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';
import { transformSync } from 'esbuild';

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
 */
function dropCustomSections(wasm) {
  const kept = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const [size, body] = leb(wasm, at + 1);
    if (wasm[at] !== 0) kept.push(wasm.subarray(at, body + size));
    at = body + size;
  }
  if (at !== wasm.length) throw new Error('the wasm ends inside a section');
  return Buffer.concat(kept);
}

/**
 * The name `pattern` gives `content`, and `html` with `file` replaced by it, integrity included.
 * Touches no file: every check runs before anything in `dir` changes.
 */
function renamed(html, file, content, pattern) {
  const name = pattern(crypto.createHash('sha256').update(content).digest('hex').slice(0, 16));
  const digest = crypto.createHash('sha384').update(content).digest('base64');
  const attr = new RegExp(`(href="?\\./)${file.replace('.', '\\.')}("?[^>]*?integrity="?)sha384-[A-Za-z0-9+/=]+`);
  if (!attr.test(html)) throw new Error(`no integrity attribute for ${file} in index.html`);
  return { name, html: html.replace(attr, `$1${name}$2sha384-${digest}`).replaceAll(file, name) };
}

if (!swOnly) {
  const indexPath = path.join(dir, 'index.html');
  let html = fs.readFileSync(indexPath, 'utf8');
  const files = fs.readdirSync(dir);
  const wasmFile = files.find((f) => /^bita-[0-9a-f]+_bg\.wasm$/.test(f));
  const glueFile = files.find((f) => /^bita-[0-9a-f]+\.js$/.test(f));
  if (!wasmFile || !glueFile) throw new Error(`no bita wasm and JS glue in ${dir}`);
  // Everything in memory first, so a failure leaves dir as trunk wrote it.
  const short = shortenImports(fs.readFileSync(path.join(dir, wasmFile)), fs.readFileSync(path.join(dir, glueFile), 'utf8'));
  short.wasm = dropCustomSections(short.wasm);
  if (/[\s{,](?:__wbg_|__wbindgen_)\w*\s*:/.test(short.glue)) throw new Error('the glue still names an import the wasm no longer has');
  // index.html has wasm-opt drop the stream classes server_fn exports; the glue must never make one.
  if (/IntoUnderlying\w*\.__wrap\b/.test(short.glue)) throw new Error('the glue makes stream objects whose code wasm-opt removed (see index.html)');
  // The glue minified, then both named after their new content, because the service worker
  // treats hashed names as never changing (the loader below then names the new files).
  const { code: glue } = transformSync(short.glue, { minify: true, format: 'esm', target: 'es2020', legalComments: 'none' });
  const wasm = renamed(html, wasmFile, short.wasm, (h) => `bita-${h}_bg.wasm`);
  const js = renamed(wasm.html, glueFile, glue, (h) => `bita-${h}.js`);
  html = js.html;
  const writes = [[wasm.name, short.wasm], [js.name, glue]];
  // trunk's minified index.html leaves attribute values unquoted.
  const inline = /<script type="?module"?>([\s\S]*?)<\/script>/;
  const found = html.match(inline);
  if (found) {
    const code = found[1].trim() + '\n';
    const name = `init-${crypto.createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
    writes.push([name, code]);
    html = html.replace(inline, `<script type="module" src="./${name}"></script>`);
  } else if (!/<script type="module" src="\.\/init-/.test(html)) {
    throw new Error('no loader script found in index.html');
  }
  for (const [name, content] of writes) fs.writeFileSync(path.join(dir, name), content);
  fs.writeFileSync(indexPath, html);
  for (const old of [wasmFile, glueFile]) if (!writes.some(([name]) => name === old)) fs.rmSync(path.join(dir, old));
  console.log(`wasm: ${short.count} imports renamed`);
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
