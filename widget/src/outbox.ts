import type { Persist } from './persist';

/** A visitor message that the server has not acknowledged yet. */
export interface Pending {
  clientId: string;
  body: string;
  /** local time it was written, for display until the server's createdAt is known */
  at: number;
}

/**
 * Unacknowledged messages, kept in localStorage so that a reload, a crash or
 * another tab resends them with the same client ids (the server stores a
 * client id once). Every operation re-reads storage because other tabs of the
 * same site write to it too. An entry leaves only when the server confirms it
 * is stored (an `ack`, or a `message` event carrying its client id) or when the
 * server refuses it for good.
 */
export class Outbox {
  constructor(private persist: Persist) {}

  list(): Pending[] {
    const value = this.persist.get<Pending[]>('outbox', []);
    return Array.isArray(value) ? value.filter((e) => e && typeof e.clientId === 'string' && typeof e.body === 'string') : [];
  }
  add(entry: Pending): void {
    const entries = this.list();
    if (!entries.some((e) => e.clientId === entry.clientId)) {
      entries.push(entry);
      this.persist.set('outbox', entries);
    }
  }
  remove(clientId: string): boolean {
    const entries = this.list();
    const kept = entries.filter((e) => e.clientId !== clientId);
    if (kept.length === entries.length) return false;
    if (kept.length) this.persist.set('outbox', kept);
    else this.persist.del('outbox');
    return true;
  }
  clear(): void {
    this.persist.del('outbox');
  }
}
