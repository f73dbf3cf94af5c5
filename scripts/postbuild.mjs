// After trunk: (1) moves trunk's inline loader script into a file of its own, so the page's
// Content-Security-Policy needs no 'unsafe-inline' and no hash that changes with every build;
// (1b) minifies wasm-bindgen's JS glue with esbuild (trunk's minify does not touch it; about 2 KB
// gzip of the first view), renames it after its new content and updates index.html; (2) generates the service worker's precache list from what is in the output folder, with
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

if (!swOnly) {
  const indexPath = path.join(dir, 'index.html');
  let html = fs.readFileSync(indexPath, 'utf8');
  // The glue first: minified, and named after its new content, because the service worker treats
  // hashed names as never changing (the loader below then names the new file).
  for (const file of fs.readdirSync(dir).filter((f) => /^bita-[0-9a-f]+\.js$/.test(f))) {
    const full = path.join(dir, file);
    const { code } = transformSync(fs.readFileSync(full, 'utf8'), { minify: true, format: 'esm', target: 'es2020', legalComments: 'none' });
    const renamed = `bita-${crypto.createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
    fs.rmSync(full);
    fs.writeFileSync(path.join(dir, renamed), code);
    const digest = crypto.createHash('sha384').update(code).digest('base64');
    const attr = new RegExp(`(href="?\\./)${file.replace('.', '\\.')}("?[^>]*?integrity="?)sha384-[A-Za-z0-9+/=]+`);
    if (!attr.test(html)) throw new Error(`no integrity attribute for ${file} in index.html`);
    html = html.replace(attr, `$1${renamed}$2sha384-${digest}`).replaceAll(file, renamed);
  }
  // trunk's minified index.html leaves attribute values unquoted.
  const inline = /<script type="?module"?>([\s\S]*?)<\/script>/;
  const found = html.match(inline);
  if (found) {
    const code = found[1].trim() + '\n';
    const name = `init-${crypto.createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
    fs.writeFileSync(path.join(dir, name), code);
    html = html.replace(inline, `<script type="module" src="./${name}"></script>`);
  } else if (!/<script type="module" src="\.\/init-/.test(html)) {
    throw new Error('no loader script found in index.html');
  }
  fs.writeFileSync(indexPath, html);
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
