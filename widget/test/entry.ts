// What the unit tests import: the DOM-free parts of the widget.
export { Client } from '../src/client';
export { Outbox } from '../src/outbox';
export { Persist } from '../src/persist';
export { backoff } from '../src/backoff';
export { linkify } from '../src/linkify';
export { pickLocale, translator } from '../src/i18n';
export { theme } from '../src/ui';
