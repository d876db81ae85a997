// The page's words: every text it shows is a sentence of the server's one message bundle (GET /api/labels, `texts`),
// said here by its key, as java.text.MessageFormat says it on the server: {0}; {0,number,integer} (4 530) and
// {0,number,#} (2021); {0,choice,0#…|1#…|1<…} for a count's forms. A page in another language is another bundle.
import { state } from './state.js';

/** The page's language, as the bundle gives it (Intl's tag). */
export const locale = () => state.labels.texts['page.locale'];

/** Whether the page has its words yet. */
export const hasWords = () => 'page.locale' in state.labels.texts;

/** The sentence of key with its arguments. */
export function t(key, ...args) {
  const pattern = state.labels.texts[key];
  if (pattern === undefined) throw new Error('no text ' + key);
  return format(pattern, args);
}

/** A count's choice: the last form whose limit the number reaches ("1<" is above 1), else the first. */
function choose(choices, n) {
  let chosen = choices[0];
  choices.forEach((c) => {
    const m = /^(-?[\d.]+)([#<])([\s\S]*)$/.exec(c);
    if (m && (m[2] === '#' ? n >= Number(m[1]) : n > Number(m[1]))) chosen = c;
  });
  return chosen.replace(/^-?[\d.]+[#<]/, '');
}

function formatArgument(spec, args) {
  const [index, type, ...style] = spec.split(',');
  const value = args[Number(index)];
  const rest = style.join(',');
  if (type === 'choice') return format(choose(splitTop(rest), Number(value)), args);
  if (typeof value === 'number' || type === 'number') {
    return rest === '#' ? String(value) : new Intl.NumberFormat(locale(), { maximumFractionDigits: rest === 'integer' ? 0 : 3 }).format(value);
  }
  return value === null || value === undefined ? '…' : String(value);
}

/** A choice's forms, split at the | outside braces. */
function splitTop(text) {
  const parts = [''];
  let depth = 0;
  for (const c of text) {
    if (c === '{') depth++;
    if (c === '}') depth--;
    if (c === '|' && depth === 0) parts.push('');
    else parts[parts.length - 1] += c;
  }
  return parts;
}

function format(pattern, args) {
  let out = '', depth = 0, spec = '';
  for (const c of pattern) {
    if (c === '{') { if (depth++ > 0) spec += c; continue; }
    if (c === '}' && depth > 0) {
      if (--depth === 0) { out += formatArgument(spec, args); spec = ''; } else spec += c;
      continue;
    }
    if (depth > 0) spec += c; else out += c;
  }
  return out;
}

/**
 * Fills the page's fixed texts from the bundle: an element's data-text is the key of its text, data-label of its
 * aria-label, data-title of its title; the page's language is the bundle's.
 */
export function fillTexts(root = document) {
  document.documentElement.lang = locale();
  root.querySelectorAll('[data-text]').forEach((n) => (n.textContent = t(n.dataset.text)));
  root.querySelectorAll('[data-label]').forEach((n) => n.setAttribute('aria-label', t(n.dataset.label)));
  root.querySelectorAll('[data-title]').forEach((n) => (n.title = t(n.dataset.title)));
}
