// What the page holds between requests. The one piece of mutable state the modules share; everything else they
// are given as parameters.

export const state = {
  /** Every scenario, as the list gives them. */
  scenarios: [],
  /** The open scenario's id and its calendar as the page draws it. */
  id: null,
  view: null,
  /** The activity whose details are shown. */
  selected: null,
  /** The activities the last re-plan moved (marked in the month grid). */
  moved: new Set(),
  /** The words the pages share: each process's and each rule's name, and every text by its key (GET /api/labels). */
  labels: { processes: {}, rules: {}, texts: {} },
  /** Who is logged in, and their role. */
  session: null,
};

/** A rule's name in the page's words. */
export const ruleName = (name) => state.labels.rules[name] || name;

/** One of the open calendar's activities. */
export const activity = (id) => state.view.activities.find((a) => a.id === id);
