// Serves the built dist/ on 127.0.0.1 as a plain static host would, with the host the tests use
// (scripts/static-host.mjs): what users get, with the page's own Content-Security-Policy and
// service worker (trunk serve would inject a script).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listen } from './static-host.mjs';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const port = Number(process.env.PORT ?? 8080);
await listen(dist, { port });
console.log(`bita is served at http://127.0.0.1:${port}/ (Ctrl-C stops it)`);
