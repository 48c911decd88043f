import en from '../../translations/widget/en.json';
import de from '../../translations/widget/de.json';
import fr from '../../translations/widget/fr.json';
import es from '../../translations/widget/es.json';

export type Strings = typeof en;
export type StringKey = keyof Strings;
const catalogs: Record<string, Strings> = { en, de, fr, es };

/**
 * The first supported language among `wanted` (BCP 47 tags, best first),
 * matched on the primary subtag; English when none matches.
 */
export function pickLocale(wanted: readonly string[]): string {
  for (const tag of wanted) {
    const lang = String(tag || '').toLowerCase().split(/[-_]/)[0];
    if (catalogs[lang]) return lang;
  }
  return 'en';
}

/** A translation function for one language; `{name}` placeholders are filled from `vars`. */
export function translator(locale: string): (key: StringKey, vars?: Record<string, string | number>) => string {
  const strings = catalogs[locale] || en;
  return (key, vars) => (strings[key] || en[key]).replace(/\{(\w+)\}/g, (_, v) => String(vars?.[v] ?? ''));
}
