// Builds the ECharts that bita serves: only what it draws (a line on polar axes, bars on a grid,
// the canvas renderer), tree-shaken from the pinned npm package with esbuild, as one script that
// defines `window.echarts`, then minified by terser (as ECharts' own dist is: smaller than
// esbuild's minifier alone, see docs/size-and-speed.md). Written to target/vendor/echarts.min.js,
// which index.html copies into dist/vendor/.
import { build } from 'esbuild';
import { minify } from 'terser';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'target', 'vendor', 'echarts.min.js');
const entry = `
import { use, init, getInstanceByDom, getInstanceById } from 'echarts/core';
import { LineChart, BarChart } from 'echarts/charts';
import { PolarComponent, GridComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
use([LineChart, BarChart, PolarComponent, GridComponent, CanvasRenderer]);
// Only what is called: init by the page, the two lookups by the tests (tests/e2e read charts back).
export { init, getInstanceByDom, getInstanceById };
`;
const bundled = await build({
  stdin: { contents: entry, resolveDir: root, loader: 'js' },
  bundle: true,
  // esbuild's minifier first: it is what drops ECharts' development-only code.
  minify: true,
  format: 'iife',
  globalName: 'echarts',
  target: 'es2020',
  legalComments: 'none',
  write: false,
  logLevel: 'warning',
});
// terser's safe defaults only: no `unsafe` or `pure_getters` rewrites of code we did not write.
const min = await minify(bundled.outputFiles[0].text, { ecma: 2020, compress: { passes: 2 }, format: { comments: false } });
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, min.code);
console.log(`echarts: ${(fs.statSync(out).size / 1000).toFixed(0)} KB (line, bar, polar, grid, canvas) in ${path.relative(root, out)}`);
