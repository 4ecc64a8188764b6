import type { LocalizedText } from '../../protocol';
import { ar } from './ar';
import { de } from './de';
import { en, type Strings } from './en';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';
import { pl } from './pl';
import { pt } from './pt';
import { ru } from './ru';

const bundled: Record<string, Strings> = { en, de, fr, es, pt, ru, pl, ja, ar };

/** Locales whose script runs right to left. */
const RTL = /^(ar|he|fa|ur)\b/;

/** The UI strings for a locale, by language, then English. */
export const stringsFor = (locale: string): Strings => bundled[locale.split('-')[0]!.toLowerCase()] ?? en;

/** Tells whether a locale is written right to left. */
export const isRtl = (locale: string): boolean => RTL.test(locale.toLowerCase());

/** Picks the text of a localized field for a locale, by exact tag, then language, then English, then any. */
export const localize = (text: LocalizedText | undefined, locale: string): string => {
  if (text === undefined || typeof text === 'string') return text ?? '';
  return text[locale] ?? text[locale.split('-')[0]!] ?? text.en ?? Object.values(text)[0] ?? '';
};
