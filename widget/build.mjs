#!/usr/bin/env node
// Bundles src/main.ts (and the strings in translations/widget/) into one
// minified IIFE: the widget.js the server embeds and serves.
//   node build.mjs [--outfile PATH] [--sourcemap]
// CMake runs this with --outfile in the build folder (resources/CMakeLists.txt).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(join(here, 'node_modules', 'esbuild'))) {
  console.error('frontdesk widget: widget/node_modules is missing; run `npm ci --prefix widget` in the repository first.');
  process.exit(1);
}
const { build } = await import('esbuild');

const args = process.argv.slice(2);
const at = args.indexOf('--outfile');
const outfile = resolve(at >= 0 ? args[at + 1] : join(here, 'dist', 'widget.js'));

await build({
  entryPoints: [join(here, 'src', 'main.ts')],
  outfile,
  bundle: true,
  minify: true,
  format: 'iife',
  // Browsers with constructable stylesheets and optional chaining: Chrome/Edge 80+, Firefox 101+, Safari 16.4+.
  target: ['es2020'],
  charset: 'utf8',
  legalComments: 'none',
  sourcemap: args.includes('--sourcemap') ? 'linked' : false,
  logLevel: 'warning',
});
console.log(`frontdesk widget: wrote ${outfile}`);
