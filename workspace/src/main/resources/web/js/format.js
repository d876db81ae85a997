// Dates and scores as the page writes them: ISO days, ISO weeks, the months' and weekdays' names in the page's language
// (Intl, the language the bundle names), and a score in words.
import { locale, t } from './words.js';

/** January to December, and Monday to Sunday, as the page's language names them (filled by useLanguage). */
export const MONTHS = [];
export const DAYS = [];

/** Names the months and days in the page's language, once its words are known. */
export function useLanguage() {
  const month = new Intl.DateTimeFormat(locale(), { month: 'long', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat(locale(), { weekday: 'short', timeZone: 'UTC' });
  MONTHS.splice(0, 12, ...Array.from({ length: 12 }, (_, m) => month.format(Date.UTC(2021, m, 1))));
  DAYS.splice(0, 7, ...Array.from({ length: 7 }, (_, d) => day.format(Date.UTC(2021, 1, 1 + d)).replace('.', '')));
}

export const date = (d) => new Date(d + 'T00:00:00Z');
export const iso = (d) => d.toISOString().slice(0, 10);

export function isoWeek(d) {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  return Math.ceil(((t - yearStart) / 86400000 + 1) / 7);
}

/** "tis 18 maj 2021". */
export function swedishDate(text) {
  const d = date(text);
  return DAYS[(d.getUTCDay() + 6) % 7] + ' ' + d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear();
}

/** A score as the server writes it (0hard/-4530soft): the hard rules' and the soft goals' penalty points. */
function points(score) {
  const hard = /(-?\d+)hard/.exec(score || ''), soft = /(-?\d+)soft/.exec(score || '');
  return hard && soft ? { hard: -Number(hard[1]) || 0, soft: -Number(soft[1]) || 0 } : null; // || 0: no "−0"
}

/** A score in words: "0 brutna regler, 4 530 straffpoäng", or how much the hard rules are broken by. */
export function scoreInWords(score) {
  const p = points(score);
  if (!p) return '–';
  return p.hard === 0 ? t('score.kept', p.soft) : t('score.broken', p.hard, p.soft);
}

/** The penalty points of one rule's score (one of hard and soft is 0), or of a difference of two (signed). */
export function penalty(score) {
  const p = points(score);
  return p ? p.hard + p.soft : 0;
}
