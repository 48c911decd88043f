// widget.js must stay at or below 15 KB gzipped (issue 3). FRONTDESK_WIDGET_JS
// names the bundle the server embeds (ctest passes it); without it the test
// builds one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const LIMIT = 15 * 1024;

test('widget.js is at most 15 KB gzipped', () => {
  let file = process.env.FRONTDESK_WIDGET_JS;
  let dir;
  if (!file) {
    dir = mkdtempSync(join(tmpdir(), 'frontdesk-widget-size-'));
    file = join(dir, 'widget.js');
    execFileSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), '..', 'build.mjs'), '--outfile', file]);
  }
  const bundle = readFileSync(file);
  // Level 9 is what zlib-based servers and CDNs use for static files; the server's own gzip is within a few bytes.
  const gzipped = gzipSync(bundle, { level: 9 }).length;
  if (dir) rmSync(dir, { recursive: true, force: true });
  console.log(`widget.js: ${bundle.length} bytes, ${gzipped} bytes gzipped (limit ${LIMIT})`);
  assert.ok(gzipped <= LIMIT, `widget.js is ${gzipped} bytes gzipped; the limit is ${LIMIT}`);
});
