// The processes, and their colours as palette.css defines them (--process-P and so on).

/** The processes in the order of the wheel's rings, with their Swedish names. */
export const PROCESSES = { P: 'Planering', B: 'Budget', I: 'Investering', IK: 'Intern kontroll', U: 'Uppföljning' };

/**
 * The colours as the style sheet has them now. Read once per drawing, before it changes the page: reading a
 * computed style after each change would restyle the page each time.
 */
export function palette() {
  const style = getComputedStyle(document.documentElement);
  const read = (name) => style.getPropertyValue(name).trim();
  const colours = Object.fromEntries(Object.keys(PROCESSES).map((p) => [p, read('--process-' + p)]));
  const none = read('--process-none');
  const external = read('--process-external');
  return {
    external,
    process: (p) => colours[p] || none,
    /** An activity's colour: its first process's, grey for an SKR date. */
    activity: (a) => (a.external ? external : colours[a.processes[0]] || none),
  };
}
