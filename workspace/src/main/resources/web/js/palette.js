// The processes' colours as palette.css defines them (--process-P and so on), the palette every page shares.
import { el } from './dom.js';
import { state } from './state.js';
import { t } from './words.js';

/** The processes in the order of the wheel's rings, by code, with their names in the page's words (GET /api/labels). */
export const processes = () => state.labels.processes;

/**
 * The colours as the style sheet has them now. Read once per drawing, before it changes the page: reading a
 * computed style after each change would restyle the page each time.
 */
export function palette() {
  const style = getComputedStyle(document.documentElement);
  const read = (name) => style.getPropertyValue(name).trim();
  const colours = Object.fromEntries(Object.keys(processes()).map((p) => [p, read('--process-' + p)]));
  const none = read('--no-process');
  const external = read('--external');
  return {
    external,
    /** A comparison's calendars A and B. */
    compareA: read('--compare-a'),
    compareB: read('--compare-b'),
    process: (p) => colours[p] || none,
    /** An activity's colour: its first process's, grey for an SKR date. */
    activity: (a) => (a.external ? external : colours[a.processes[0]] || none),
  };
}

/** The code written on an activity's mark beside its colour, so the colour is never the only cue. */
export const code = (a) => (a.external ? 'SKR' : a.processes.join(' ') || '–');

/** A legend's key: a swatch of colour with the code written on it (white, or ink on a light colour), then what it means. */
export const key = (colour, text, meaning, ink = '#fff') =>
  el('span', {}, el('span', { class: 'swatch', style: 'background:' + colour + ';color:' + ink }, text), ' ' + meaning);

/** The legend's keys of the processes (where says where each is drawn), SKR's forecasts and no process. */
export function processKeys(colours, where = () => '') {
  return [...Object.entries(processes()).map(([p, name]) => key(colours.process(p), p, name + where(p))),
    key(colours.external, 'SKR', t('page.key.external')), key(colours.process(null), '–', t('page.key.no.process'))];
}
