import type { Client, Item } from './client';
import { pickLocale, translator, type StringKey } from './i18n';
import { linkify } from './linkify';
import type { Persist } from './persist';
import { css } from './styles';

/** The site's widget settings (docs/protocol.md, site config). Every field is optional. */
export interface WidgetConfig {
  title?: string;
  welcome?: string;
  color?: string;
  position?: string;
  locale?: string;
  offlineText?: string;
  preChatFields?: { name: 'name' | 'email'; required?: boolean }[];
  ratingEnabled?: boolean;
  /** a chime when an agent replies while the tab is hidden (src/notice.ts); on unless false */
  replySound?: boolean;
}

type Kid = Node | string | null | undefined | false;
type Card = '' | 'prechat' | 'offline' | 'sent' | 'rate' | 'rated';

function h(tag: string, attrs?: Record<string, string | boolean | undefined> | null, ...kids: Kid[]): HTMLElement {
  const el = document.createElement(tag);
  for (const k in attrs) {
    const v = attrs[k];
    if (v === true) el.setAttribute(k, '');
    else if (typeof v === 'string') el.setAttribute(k, v);
  }
  for (const kid of kids) if (kid) el.append(kid);
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';
/** A 24×24 icon: stroked by default, filled when `fill` is set. */
function icon(d: string, fill = false): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  const path = document.createElementNS(SVG, 'path');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  path.setAttribute('d', d);
  if (fill) path.setAttribute('fill', 'currentColor');
  else
    for (const [k, v] of [['fill', 'none'], ['stroke', 'currentColor'], ['stroke-width', '2'], ['stroke-linecap', 'round'], ['stroke-linejoin', 'round']])
      path.setAttribute(k, v);
  svg.append(path);
  return svg;
}
const CHAT = 'M6 4h12a3 3 0 0 1 3 3v7a3 3 0 0 1-3 3h-6l-5 4v-4H6a3 3 0 0 1-3-3V7a3 3 0 0 1 3-3z';
const DOWN = 'M6 9l6 6 6-6';
const SEND = 'M12 19V5M5 12l7-7 7 7';
const STAR = 'M12 2.8l2.8 5.8 6.3.9-4.6 4.4 1.1 6.3L12 17.2l-5.6 3 1.1-6.3-4.6-4.4 6.3-.9z';

/** Text for a hex colour's best-contrasting foreground and its focus ring, or null if it is not a hex colour. */
export function theme(color: string): { on: string; ring: string; light: boolean } | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? m[1].replace(/./g, '$&$&') : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const lum = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  // White text when it contrasts better than near-black would (WCAG contrast ratios).
  const light = (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05);
  return { on: light ? '#111827' : '#fff', ring: `rgba(${r},${g},${b},.2)`, light };
}

/**
 * The widget's DOM inside an open shadow root: launcher, panel, message list,
 * forms and composer. It renders from the Client's state on every change and
 * keeps message rows keyed, so rows are added, not rebuilt, and screen readers
 * announce only what is new.
 */
export class Widget {
  readonly host = h('div', { 'data-frontdesk': '' });
  isOpen = false;
  config: WidgetConfig = {};
  siteName = '';
  locale = 'en';
  private forcedLocale = '';
  /** translates into the widget's current language */
  t = translator('en');
  private root: ShadowRoot;
  private themeSheet: CSSStyleSheet | HTMLStyleElement;
  private rows = new Map<string, HTMLElement>();
  private card: Card = '';
  private thanked = 0;
  private offlineSent = false;
  /** The closed conversation whose transcript was asked for by email. */
  private mailed = 0;
  private cardFor = '';
  private unreadSeen = -1;
  private fd = h('div', { class: 'fd' });
  private launcher = h('button', { class: 'l', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'fd-panel' });
  private badge = h('span', { class: 'bd', hidden: true });
  private panel = h('div', { class: 'p', id: 'fd-panel', role: 'dialog', 'aria-labelledby': 'fd-title' });
  private title = h('h2', { id: 'fd-title' });
  private status = h('p', { class: 'st' });
  private avatar = h('div', { class: 'av', 'aria-hidden': 'true' });
  private closer = h('button', { class: 'x', type: 'button' }, icon(DOWN));
  private note = h('div', { class: 'n', role: 'status', hidden: true });
  private body = h('div', { class: 'b' });
  private log = h('div', { class: 'lg', role: 'log', 'aria-live': 'polite' });
  private welcomeRow = h('div', { class: 'r agent' });
  private intro = h('div', { class: 'iv', 'aria-hidden': 'true' });
  private typingRow = h('div', { class: 'ty', hidden: true });
  private cards = h('div');
  private form = h('form', { class: 'k' }) as HTMLFormElement;
  private input = h('textarea', { rows: '1', maxlength: '4000' }) as HTMLTextAreaElement;
  private send = h('button', { class: 'sd', type: 'submit', disabled: true }, icon(SEND));

  constructor(
    private client: Client,
    private emit: (name: string, data?: unknown) => void,
    private persist: Persist,
  ) {
    this.root = this.host.attachShadow({ mode: 'open' });
    const sheets = 'adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype;
    if (sheets) {
      const base = new CSSStyleSheet();
      base.replaceSync(css);
      this.themeSheet = new CSSStyleSheet();
      this.root.adoptedStyleSheets = [base, this.themeSheet];
    } else {
      // Older browsers: <style> elements (these need style-src to allow them under a CSP).
      this.root.append(h('style', null, css));
      this.themeSheet = h('style') as HTMLStyleElement;
      this.root.append(this.themeSheet);
    }
    const closed = icon(CHAT, true);
    const opened = icon(DOWN);
    closed.classList.add('i1');
    opened.classList.add('i2');
    this.launcher.append(closed, opened, this.badge);
    this.typingRow.append(h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')), h('span'));
    this.form.append(this.input, this.send);
    this.body.append(this.intro, h('div', { class: 'lg' }, this.welcomeRow), this.log, this.typingRow, this.cards);
    this.panel.append(
      h('div', { class: 'h' }, this.avatar, h('div', { class: 'ht' }, this.title, this.status), this.closer),
      this.note,
      this.body,
      this.form,
    );
    this.fd.append(this.panel, this.launcher);
    this.root.append(this.fd);

    this.launcher.onclick = () => this.toggle();
    this.closer.onclick = () => this.close();
    this.panel.onkeydown = (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close();
      }
    };
    this.input.onkeydown = (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.submit();
      }
    };
    this.input.oninput = () => {
      this.grow();
      this.send.toggleAttribute('disabled', !this.input.value.trim());
      this.client.typing(!!this.input.value.trim());
    };
    this.form.onsubmit = (e) => {
      e.preventDefault();
      this.submit();
    };
    this.configure({});
  }

  // ---- configuration ---------------------------------------------------------

  configure(config: WidgetConfig, siteName?: string): void {
    this.config = { ...this.config, ...config };
    if (siteName) this.siteName = siteName;
    const look = theme(this.config.color || '') || theme('#2563eb')!;
    const color = theme(this.config.color || '') ? this.config.color!.trim() : '#2563eb';
    const rule = `.fd{--a:${color};--on:${look.on};--ring:${look.ring}}`;
    if ('replaceSync' in this.themeSheet) this.themeSheet.replaceSync(rule);
    else this.themeSheet.textContent = rule;
    this.fd.classList.toggle('la', look.light);
    this.fd.classList.toggle('left', this.config.position === 'left');
    this.setLocale(this.forcedLocale);
  }

  /** Picks the language: an explicit tag, else the site's, else the browser's. */
  setLocale(tag: string): void {
    this.forcedLocale = tag || '';
    const site = this.config.locale && this.config.locale !== 'auto' ? [this.config.locale] : [];
    this.locale = pickLocale([this.forcedLocale, ...site, ...(navigator.languages || [navigator.language])].filter(Boolean));
    this.t = translator(this.locale);
    this.fd.setAttribute('lang', this.locale);
    this.cardFor = '';
    for (const row of this.rows.values()) row.dataset.sig = '';
    this.render();
  }

  // ---- open / close ----------------------------------------------------------

  open(): void {
    if (this.isOpen) return;
    this.isOpen = true;
    this.render();
    const target = this.panel.querySelector<HTMLElement>('.cd input, .cd textarea, .cd button') || (this.form.hidden ? this.closer : this.input);
    target.focus();
    this.scroll(true);
    this.emit('open');
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.render();
    this.launcher.focus();
    this.emit('close');
  }

  toggle(): void {
    if (this.isOpen) this.close();
    else this.open();
  }

  private submit(): void {
    const text = this.input.value;
    if (!text.trim()) return;
    this.client.sendMessage(text);
    this.input.value = '';
    this.grow();
    this.send.setAttribute('disabled', '');
    this.scroll(true);
  }

  private grow(): void {
    // CSSOM writes are not inline style attributes, so a strict style-src allows them.
    this.input.style.height = 'auto';
    this.input.style.height = Math.min(this.input.scrollHeight, 130) + 'px';
  }

  private scroll(force = false): void {
    const b = this.body;
    if (force || b.scrollHeight - b.scrollTop - b.clientHeight < 120) b.scrollTop = b.scrollHeight;
  }

  // ---- rendering -------------------------------------------------------------

  render(): void {
    const { client, t } = this;
    const conv = client.conversation;
    const online = client.agentsOnline !== 0;
    const title = this.config.title || this.siteName || t('someone');
    const agent = conv && conv.status !== 'closed' ? conv.agentName : null;
    const near = this.body.scrollHeight - this.body.scrollTop - this.body.clientHeight < 120;

    this.fd.classList.toggle('o', this.isOpen);
    this.fd.classList.toggle('on', online);
    this.launcher.setAttribute('aria-expanded', String(this.isOpen));
    this.launcher.setAttribute('aria-label', t(this.isOpen ? 'close' : 'open'));
    this.closer.setAttribute('aria-label', t('close'));
    this.title.textContent = title;
    this.avatar.textContent = (agent || title).trim().charAt(0).toUpperCase();
    this.status.textContent = agent ? `${agent} · ${t(online ? 'online' : 'offline')}` : online ? t('replies') : t('offline');
    this.log.setAttribute('aria-label', t('messages'));
    this.input.setAttribute('placeholder', t('placeholder'));
    this.input.setAttribute('aria-label', t('messageLabel'));
    this.send.setAttribute('aria-label', t('send'));

    const notice =
      client.session && !client.connected
        ? t('reconnecting')
        : conv?.status === 'waiting' && client.queuePosition
          ? t('queue', { n: client.queuePosition })
          : '';
    this.note.textContent = notice;
    this.note.hidden = !notice;

    const team = this.siteName || title;
    this.intro.replaceChildren(h('div', { class: 'av' }, team.trim().charAt(0).toUpperCase()), h('b', null, team), online ? t('replies') : t('offline'));
    const welcome = this.config.welcome || '';
    this.welcomeRow.hidden = !welcome;
    this.welcomeRow.replaceChildren(h('div', { class: 'bu' }, welcome));

    this.renderRows(client.list());

    const typing = client.agentTyping;
    this.typingRow.hidden = typing == null;
    (this.typingRow.lastChild as HTMLElement).textContent = t('typing', { name: typing || agent || t('someone') });

    this.renderCard();
    this.form.hidden = this.card === 'prechat' || this.card === 'offline';

    const unread = this.isOpen ? 0 : client.unread();
    this.badge.hidden = !unread;
    this.badge.textContent = unread > 9 ? '9+' : String(unread);
    this.badge.setAttribute('aria-label', t('unread', { n: unread }));
    if (unread !== this.unreadSeen) {
      this.unreadSeen = unread;
      this.emit('unread', unread);
    }
    if (this.isOpen && document.visibilityState !== 'hidden') client.markRead();
    this.scroll(near);
  }

  private renderRows(items: Item[]): void {
    const t = this.t;
    const conv = this.client.conversation;
    let lastVisitor = '';
    for (const it of items) if (it.author === 'visitor') lastVisitor = it.key;
    let prev: Item | null = null;
    let prevRow: HTMLElement | null = null;
    items.forEach((it, i) => {
      const next = items[i + 1];
      const same = (a: Item | null | undefined, b: Item | null | undefined) =>
        !!a && !!b && a.author === b.author && a.authorName === b.authorName && a.author !== 'system' && Math.abs(a.at - b.at) < 300000;
      const first = !same(prev, it);
      const last = !same(it, next);
      const state =
        it.author !== 'visitor'
          ? ''
          : it.state !== 'sent'
            ? t(it.state)
            : it.key === lastVisitor
              ? t(conv && it.id <= conv.agentReadUpTo && it.conv === conv.id ? 'read' : 'sent')
              : '';
      const time = this.time(it.at);
      const sig = [it.id, it.state, first, last, state, time, this.locale].join('|');
      let row = this.rows.get(it.key);
      if (!row) {
        row = h('div');
        this.rows.set(it.key, row);
      }
      if (row.dataset.sig !== sig) {
        row.dataset.sig = sig;
        row.className = `r ${it.author} ${it.state}${first ? '' : ' c'}`;
        const bubble = h('div', { class: 'bu' });
        for (const seg of linkify(it.body))
          bubble.append(seg.href ? h('a', { href: seg.href, target: '_blank', rel: 'noopener noreferrer' }, seg.text) : seg.text);
        row.replaceChildren(
          first && it.author === 'agent' ? h('div', { class: 'who' }, it.authorName || t('someone')) : '',
          bubble,
          last || state ? h('div', { class: 'm' }, [time, state].filter(Boolean).join(' · ')) : '',
        );
      }
      const want = prevRow ? prevRow.nextSibling : this.log.firstChild;
      if (want !== row) this.log.insertBefore(row, want);
      prev = it;
      prevRow = row;
    });
    // Rows of items that are gone (a reset, another visitor).
    const keys = new Set(items.map((it) => it.key));
    for (const [key, row] of this.rows)
      if (!keys.has(key)) {
        row.remove();
        this.rows.delete(key);
      }
  }

  private time(at: number): string {
    const d = new Date(at);
    const today = d.toDateString() === new Date().toDateString();
    try {
      return new Intl.DateTimeFormat(this.locale, today ? { hour: 'numeric', minute: '2-digit' } : { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(d);
    } catch {
      return '';
    }
  }

  /** Which card (form or prompt) shows below the messages now. */
  private wantedCard(): Card {
    const { client, config, persist } = this;
    const conv = client.conversation;
    if (conv?.status === 'closed' && config.ratingEnabled) {
      if (this.thanked === conv.id) return 'rated';
      if (!persist.get<number[]>('rated', []).includes(conv.id)) return 'rate';
    }
    if (this.offlineSent && conv?.status !== 'active') return 'sent';
    const open = conv && conv.status !== 'closed';
    if (!client.connected && !client.session) return '';
    if (client.agentsOnline === 0 && !open && !client.items.size) return 'offline';
    if (!conv && !client.items.size && (config.preChatFields || []).length && !persist.get('profile', null)) return 'prechat';
    return '';
  }

  private renderCard(): void {
    const kind = this.wantedCard();
    const key = kind + (this.client.conversation?.id ?? '') + this.client.conversation?.status + this.mailed + this.locale + JSON.stringify(this.config);
    if (key === this.cardFor) return;
    const hadFocus = this.cards.contains(this.root.activeElement);
    this.card = kind;
    this.cardFor = key;
    const conv = this.client.conversation;
    this.cards.replaceChildren(kind ? this.buildCard(kind) : '', conv?.status === 'closed' && this.client.site?.mail ? this.mailCard(conv.id) : '');
    if (hadFocus || (this.isOpen && kind && this.root.activeElement === this.input))
      this.cards.querySelector<HTMLElement>('input, textarea, button')?.focus();
  }

  private buildCard(kind: Card): HTMLElement {
    const { t, client, config } = this;
    const card = h('form', { class: 'cd', novalidate: true }) as HTMLFormElement;
    const fields: Record<string, HTMLInputElement | HTMLTextAreaElement> = {};
    const errors: Record<string, HTMLElement> = {};
    const field = (name: 'name' | 'email' | 'message', required: boolean) => {
      const input = (name === 'message' ? h('textarea', { rows: '3', maxlength: '4000' }) : h('input', { type: name === 'email' ? 'email' : 'text', autocomplete: name, maxlength: '200' })) as HTMLInputElement;
      const id = 'fd-f-' + name;
      const err = h('span', { class: 'er', id: id + '-e', hidden: true });
      input.id = id;
      if (required) input.setAttribute('aria-required', 'true');
      input.setAttribute('aria-describedby', err.id);
      fields[name] = input;
      errors[name] = err;
      card.append(h('label', { for: id }, t(name === 'message' ? 'messageLabel' : name), !required && h('small', null, ` (${t('optional')})`), input, err));
    };
    const check = () => {
      let ok = true;
      for (const name in fields) {
        const input = fields[name];
        const value = input.value.trim();
        const problem =
          input.getAttribute('aria-required') && !value ? t('required') : name === 'email' && value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? t('badEmail') : '';
        errors[name].textContent = problem;
        errors[name].hidden = !problem;
        input.setAttribute('aria-invalid', String(!!problem));
        if (problem && ok) {
          input.focus();
          ok = false;
        }
      }
      return ok;
    };
    const profile = () => {
      const p: Record<string, string> = {};
      if (fields.name?.value.trim()) p.name = fields.name.value.trim();
      if (fields.email?.value.trim()) p.email = fields.email.value.trim();
      this.persist.set('profile', p);
      if (Object.keys(p).length) client.command('profile', { type: 'profile', ...p });
    };
    const button = (label: string) => card.append(h('button', { class: 'bt', type: 'submit' }, label));

    if (kind === 'prechat') {
      card.append(h('p', null, t('prechat')));
      for (const f of config.preChatFields || []) if (f.name === 'name' || f.name === 'email') field(f.name, !!f.required);
      button(t('start'));
      card.onsubmit = (e) => {
        e.preventDefault();
        if (!check()) return;
        profile();
        this.render();
        this.input.focus();
      };
    } else if (kind === 'offline') {
      card.append(h('h3', null, t('leave')), h('p', null, config.offlineText || t('away')));
      field('name', false);
      field('email', true);
      field('message', true);
      button(t('sendOffline'));
      card.onsubmit = (e) => {
        e.preventDefault();
        if (!check()) return;
        profile();
        this.offlineSent = true;
        client.sendMessage(fields.message.value);
        this.render();
      };
    } else if (kind === 'sent' || kind === 'rated') {
      card.setAttribute('role', 'status');
      card.append(h('p', null, t(kind === 'sent' ? 'thanksOffline' : 'thanksRating')));
    } else {
      const convId = client.conversation!.id;
      let rating = 0;
      const stars = h('div', { class: 'sr', role: 'group', 'aria-label': t('rate') });
      const buttons = [1, 2, 3, 4, 5].map((n) => {
        const b = h('button', { type: 'button', 'aria-label': t('stars', { n }), 'aria-pressed': 'false' }, icon(STAR, true));
        b.onclick = () => {
          rating = n;
          buttons.forEach((x, i) => {
            x.classList.toggle('lit', i < n);
            x.setAttribute('aria-pressed', String(i === n - 1));
          });
          submit.toggleAttribute('disabled', false);
        };
        stars.append(b);
        return b;
      });
      const comment = h('textarea', { rows: '2', maxlength: '1000', 'aria-label': t('comment'), placeholder: t('comment') }) as HTMLTextAreaElement;
      const submit = h('button', { class: 'bt', type: 'submit', disabled: true }, t('sendRating'));
      card.append(h('p', null, t('ended')), h('h3', null, t('rate')), stars, comment, submit);
      card.onsubmit = (e) => {
        e.preventDefault();
        if (!rating) return;
        const frame: Record<string, unknown> = { type: 'rate', rating };
        if (comment.value.trim()) frame.comment = comment.value.trim();
        client.command('rate', frame);
        this.persist.set('rated', [...this.persist.get<number[]>('rated', []), convId].slice(-20));
        this.thanked = convId;
        this.render();
      };
    }
    return card;
  }

  /** Under a closed chat: its transcript by email (the server says whether it sends email). */
  private mailCard(convId: number): HTMLElement {
    const { t, client } = this;
    const card = h('form', { class: 'cd', novalidate: true }) as HTMLFormElement;
    if (this.mailed === convId) return card.appendChild(h('p', { role: 'status' }, t('mailed'))), card;
    const input = h('input', { type: 'email', autocomplete: 'email', maxlength: '200', 'aria-label': t('email') }) as HTMLInputElement;
    input.value = this.persist.get<{ email?: string }>('profile', {})?.email || '';
    card.append(input, h('button', { class: 'bt', type: 'submit' }, t('mailMe')));
    card.onsubmit = (e) => {
      e.preventDefault();
      const email = input.value.trim();
      if (!email || !input.checkValidity()) return input.setAttribute('aria-invalid', 'true'), input.focus();
      client.command('transcript', { type: 'email_transcript', conversationId: convId, email });
      this.mailed = convId;
      this.render();
    };
    return card;
  }
}

export type { StringKey };
