// Backoff, links, languages, theme colours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoff, linkify, pickLocale, theme, translator } from './harness.mjs';

test('backoff grows exponentially, is capped, and is jittered within [half, full]', () => {
  assert.equal(backoff(0, () => 0), 250);
  assert.equal(backoff(0, () => 1), 500);
  assert.equal(backoff(3, () => 0), 2000);
  assert.equal(backoff(3, () => 1), 4000);
  for (let attempt = 0; attempt < 40; attempt++) {
    const d = backoff(attempt);
    const ceiling = Math.min(30000, 500 * 2 ** attempt);
    assert.ok(d >= ceiling / 2 && d <= ceiling, `attempt ${attempt}: ${d}`);
  }
  assert.equal(backoff(100, () => 1), 30000);
  const spread = new Set(Array.from({ length: 50 }, () => backoff(6)));
  assert.ok(spread.size > 10, 'delays differ between visitors');
});

test('links: http and https only, trailing punctuation left out', () => {
  assert.deepEqual(linkify('see https://shop.example/a?b=1. ok'), [
    { text: 'see ' },
    { text: 'https://shop.example/a?b=1', href: 'https://shop.example/a?b=1' },
    { text: '. ok' },
  ]);
  assert.deepEqual(linkify('javascript:alert(1) and data:text/html,x'), [{ text: 'javascript:alert(1) and data:text/html,x' }]);
  assert.deepEqual(linkify('(http://x.example/wiki/A_(b))'), [
    { text: '(' },
    { text: 'http://x.example/wiki/A_(b))', href: 'http://x.example/wiki/A_(b))' },
  ]);
  assert.deepEqual(linkify('<b>not html</b>'), [{ text: '<b>not html</b>' }]);
  assert.equal(linkify('HTTPS://EXAMPLE.COM')[0].href, 'https://example.com/');
});

test('language: site or browser preference, primary subtag, English fallback', () => {
  assert.equal(pickLocale(['de-AT', 'en']), 'de');
  assert.equal(pickLocale(['pt-BR', 'es-MX']), 'es');
  assert.equal(pickLocale(['ja']), 'en');
  assert.equal(pickLocale([]), 'en');
  assert.equal(translator('fr')('queue', { n: 2 }).includes('2'), true);
  assert.equal(translator('xx')('send'), 'Send');
});

test('theme: readable text on the site colour; anything but a hex colour is refused', () => {
  assert.equal(theme('#2563eb').on, '#fff');
  assert.equal(theme('#fde047').on, '#111827');
  assert.equal(theme('#abc').light, true);
  assert.equal(theme('red;}body{display:none'), null);
  assert.equal(theme('#12345'), null);
});
