/** A run of message text: plain text, or a URL that may become a link. */
export type Segment = { text: string; href?: string };

const URL_RE = /\bhttps?:\/\/[^\s<>"]+/gi;

/**
 * Splits text into plain runs and http(s) links. Trailing punctuation is not
 * part of a link ("see https://x.example/a." links to ".../a"), and only URLs
 * that parse with an http or https scheme become links.
 */
export function linkify(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    let url = match[0];
    const trail = /[.,;:!?)\]'}]+$/.exec(url);
    if (trail && !(trail[0].startsWith(')') && url.includes('('))) url = url.slice(0, -trail[0].length);
    let href: string | undefined;
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') href = parsed.href;
    } catch {
      /* not a URL: stays text */
    }
    if (!href) continue;
    const start = match.index!;
    if (start > last) out.push({ text: text.slice(last, start) });
    out.push({ text: url, href });
    last = start + url.length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
