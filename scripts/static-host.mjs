// One static file host for people and for the tests: it serves a built dist/ as a plain host would
// (nginx with gzip_static, say), under any sub-path, so the end-to-end tests exercise what users run
// with `scripts/serve`. The page brings its own Content-Security-Policy and service worker.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * A request handler serving `dir` under `basePath` ('/' or '/team/bita/').
 * gzip: true sends a browser that takes gzip the build's precompressed copy (`name.gz`) where it
 * is there and not older than the file, as nginx's gzip_static does, and else compresses with
 * gzip -9 on the fly, as its gzip does; 'fly' always compresses on the fly (the benchmark compares
 * the two); false never compresses.
 */
export function staticHandler(dir, { basePath = '/', gzip = true } = {}) {
  const root = path.resolve(dir);
  return (req, res) => {
    let rel;
    try {
      const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (!pathname.startsWith(basePath)) {
        res.writeHead(404).end('not found');
        return;
      }
      rel = pathname.slice(basePath.length) || 'index.html';
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    const file = path.normalize(path.join(root, rel));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    // Revalidated on every use (no-cache), with a validator as nginx sends one, so an unchanged
    // file costs a 304 rather than its bytes (a prefetched script the page then runs, say).
    const packs = gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const stat = fs.statSync(file);
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${packs ? '-gz' : ''}"`;
    const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', vary: 'accept-encoding', etag };
    // A list of validators, weak or strong, as browsers and proxies may send them.
    const known = (req.headers['if-none-match'] ?? '').split(',').map((v) => v.trim().replace(/^W\//, ''));
    if (known.includes(etag) || known.includes('*')) {
      res.writeHead(304, headers).end();
      return;
    }
    if (packs) {
      const packed = `${file}.gz`;
      const fresh = gzip !== 'fly' && fs.existsSync(packed) && fs.statSync(packed).mtimeMs >= stat.mtimeMs;
      const body = fresh ? fs.readFileSync(packed) : zlib.gzipSync(fs.readFileSync(file), { level: 9 });
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length });
      res.end(body);
      return;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  };
}

/** Starts a host on 127.0.0.1 (port 0: any free one); resolves to the server once it listens. */
export async function listen(dir, { port = 0, ...options } = {}) {
  const server = http.createServer(staticHandler(dir, options));
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}
