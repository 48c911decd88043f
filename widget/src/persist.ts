/** The slice of the Web Storage API the widget needs (so tests can pass a Map-backed fake). */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * JSON values in localStorage under one prefix per site key, so two Frontdesk
 * sites embedded on one origin never share a visitor. Storage that throws
 * (disabled, full, Safari private mode) degrades to memory for this page.
 */
export class Persist {
  private memory = new Map<string, string>();
  constructor(private kv: KeyValue | null, readonly prefix: string) {}

  key(name: string): string {
    return this.prefix + name;
  }
  get<T>(name: string, fallback: T): T {
    let raw: string | null | undefined;
    try {
      raw = this.kv ? this.kv.getItem(this.key(name)) : null;
    } catch {
      /* storage unavailable */
    }
    if (raw == null) raw = this.memory.get(name);
    if (raw == null) return fallback;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return fallback;
    }
  }
  set(name: string, value: unknown): void {
    const raw = JSON.stringify(value);
    this.memory.set(name, raw);
    try {
      this.kv?.setItem(this.key(name), raw);
    } catch {
      /* memory copy kept */
    }
  }
  del(name: string): void {
    this.memory.delete(name);
    try {
      this.kv?.removeItem(this.key(name));
    } catch {
      /* ignore */
    }
  }
}
