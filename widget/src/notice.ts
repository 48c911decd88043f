import type { Item } from './client';
import type { Persist } from './persist';
import type { Widget } from './ui';

/**
 * Makes an agent's reply noticeable while the visitor's tab is hidden: the
 * tab title blinks "(N) New message", a short chime plays (the site's
 * `replySound`, on unless `false`) and, if the visitor allowed it, a browser
 * notification shows. All of it stops when the tab is visible again.
 *
 * "Hidden" is the Page Visibility API's, not "without focus": a visible page
 * already shows the reply in the open widget or its badge, and a page loses
 * focus whenever the visitor types into one of its iframes (a payment form,
 * an embedded video), where a chime would go off under their fingers.
 *
 * Browsers allow audio and the permission prompt only in a user gesture:
 * `sent()` runs inside the visitor's send (Enter or the send button). It
 * creates or resumes the AudioContext and, once per browser and site, asks
 * for notification permission: after the visitor's first message, when a
 * reply is something they wait for, never on page load.
 */
export function notice(ui: Widget, persist: Persist, siteKey: string): (type: string, item?: any) => void {
  const doc = document;
  const N = window.Notification;
  const sound = () => ui.config.replySound !== false;
  let unread = 0;
  let page = '';
  let mine = '';
  let blink: ReturnType<typeof setInterval>;
  let audio: AudioContext | undefined;
  let shown: Notification | undefined;
  // Our title and the page's by turns; a title the page set meanwhile is the one to come back to.
  const flip = () => {
    if (doc.title === mine) doc.title = page;
    else {
      page = doc.title;
      doc.title = mine = ui.t(unread > 1 ? 'newMessages' : 'newMessage', { n: unread });
    }
  };
  doc.addEventListener('visibilitychange', () => {
    if (doc.hidden) return;
    unread = 0;
    clearInterval(blink);
    if (doc.title === mine) doc.title = page;
    shown?.close();
  });

  return (type, item: Item) => {
    try {
      if (type === 'sent') {
        if (sound()) (audio ||= new AudioContext()).resume();
        if (N?.permission === 'default' && navigator.userActivation?.isActive !== false && !persist.get('asked', 0)) {
          persist.set('asked', 1);
          N.requestPermission();
        }
      }
      if (type !== 'message' || item.author !== 'agent' || !doc.hidden) return;
      if (!unread++) {
        flip();
        blink = setInterval(flip, 1000);
      }
      if (N?.permission === 'granted') {
        shown = new N(item.authorName || ui.t('someone'), { body: item.body.slice(0, 160), tag: siteKey + item.conv, renotify: true } as NotificationOptions);
        // Focusing the tab makes it visible, which closes the notification.
        shown.onclick = () => {
          focus();
          ui.open();
        };
      }
      if (audio && sound()) {
        // 880 Hz, then 1320 Hz from 0.15 s, fading out from there.
        const at = audio.currentTime;
        const o = audio.createOscillator();
        const g = audio.createGain();
        o.frequency.value = 880;
        o.frequency.setValueAtTime(1320, at + 0.15);
        g.gain.value = 0.2;
        g.gain.setTargetAtTime(0, at + 0.15, 0.1);
        o.connect(g).connect(audio.destination);
        o.start();
        o.stop(at + 1);
      }
    } catch {
      /* no audio or notifications here (Chrome on Android allows notifications only from a service worker) */
    }
  };
}
