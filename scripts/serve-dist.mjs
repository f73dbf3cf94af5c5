// Serves the built dist/ on 127.0.0.1 as a plain static host would: what users get, with the
// page's own Content-Security-Policy and service worker (trunk serve would inject a script).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const port = Number(process.env.PORT ?? 8080);
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};
http.createServer((req, res) => {
  let rel;
  try {
    rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
  } catch {
    res.writeHead(400).end('bad request');
    return;
  }
  const file = path.normalize(path.join(dist, rel));
  if (!file.startsWith(dist + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404).end('not found');
    return;
  }
  const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', vary: 'accept-encoding' };
  // The build's gzip copy where the browser takes gzip, as nginx's gzip_static would send it.
  const packed = `${file}.gz`;
  if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && fs.existsSync(packed)) {
    res.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
    fs.createReadStream(packed).pipe(res);
    return;
  }
  res.writeHead(200, headers);
  fs.createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1', () => console.log(`bita is served at http://127.0.0.1:${port}/ (Ctrl-C stops it)`));
