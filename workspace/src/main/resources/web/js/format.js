// Dates as the page writes them: ISO days, ISO weeks and Swedish names.

export const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober',
  'november', 'december'];
export const DAYS = ['mån', 'tis', 'ons', 'tors', 'fre', 'lör', 'sön'];

export const date = (d) => new Date(d + 'T00:00:00Z');
export const iso = (d) => d.toISOString().slice(0, 10);

export function isoWeek(d) {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  return Math.ceil(((t - yearStart) / 86400000 + 1) / 7);
}

export function swedishDate(text) {
  const d = date(text);
  return DAYS[(d.getUTCDay() + 6) % 7] + ' ' + d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear();
}
