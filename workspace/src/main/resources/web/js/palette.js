// The processes' colours as palette.css defines them (--process-P and so on), the palette every page shares.
import { state } from './state.js';

/** The processes in the order of the wheel's rings, by code, with their Swedish names (GET /api/labels). */
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
