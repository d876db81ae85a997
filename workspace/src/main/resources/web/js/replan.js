// Re-planning after a change (a drag, a move, a sitting): the list of what moved and why, and advice on what
// would do less damage.
import { api } from './api.js';
import { $, el } from './dom.js';
import { guarded, say } from './message.js';
import { state } from './state.js';

// By default a re-plan moves only what the change forces; ticked, it also moves what the soft goals gain from.
const improve = el('input', { type: 'checkbox', id: 'improve' });
$('today').closest('label').after(el('label', { class: 'today' }, improve, ' Förbättra även resten'));

/** "3 aktiviteter flyttade, alla tvingade av ändringen", or how many were chosen to improve the rest. */
function movedHeading(moves) {
  const chosen = moves.filter((m) => !m.forced).length;
  const heading = moves.length + (moves.length === 1 ? ' aktivitet flyttad' : ' aktiviteter flyttade');
  if (!moves.length) return heading;
  if (!chosen) return heading + (moves.length === 1 ? ', tvingad av ändringen' : ', alla tvingade av ändringen');
  return heading + ': ' + (moves.length - chosen) + ' tvingade av ändringen, ' + chosen + ' valda för att förbättra resten';
}

/**
 * Makes the changes (a list of tagged changes, e.g. {type: 'pin', id, date}) to the open scenario and re-plans it;
 * page.reload and page.select to show the result.
 */
export async function replan(changes, label, page) {
  await guarded(async () => {
    say('Planerar om: ' + label + '…', 'info');
    const before = state.view.scenario.version;
    const today = state.view.scenario.today;
    const improving = improve.checked;
    const result = await api('POST', '/api/scenarios/' + state.id + '/replan', { version: before, today, changes, improve: improving });
    state.moved = new Set(result.moves.map((m) => m.id));
    const damaged = result.moves.length > 0 || result.blockers.length > 0;
    const adviceButton = damaged && changes.length
      ? el('button', { type: 'button', id: 'advise', text: 'Föreslå åtgärder', on: { click: () => advise(changes, before, today, improving, label, page) } })
      : null;
    $('changes').replaceChildren(el('h3', { id: 'changes-heading', tabindex: -1, text: movedHeading(result.moves) }),
      el('ul', {}, result.moves.map((m) => el('li', { 'data-id': m.id }, el('button', { type: 'button', class: 'link', text: m.id,
        on: { click: (e) => page.select(m.id, e.detail === 0) } }),
        ' ' + m.oldDate + ' → ' + m.newDate + ': ' + (m.forced ? '' : 'vald: ') + m.reasonInSwedish)),
      result.blockers.map((b) => el('li', { class: 'worse', text: b }))), adviceButton, el('div', { id: 'advice' }));
    await page.reload(state.id);
    say('Omplanerat: ' + label + '. Ny poäng ' + result.scenario.score + '.', 'info');
    // The keyboard goes on from what moved: the button pressed may have been drawn anew, or be gone.
    $('changes-heading').focus();
  });
}

/**
 * What would do better than the change just made, each fix re-planned as it was (improving the rest or not): each
 * fix, and a button that makes the change again with it.
 */
async function advise(changes, version, today, improving, label, page) {
  await guarded(async () => {
    say('Söker åtgärder som gör mindre skada…', 'info');
    const advice = await api('POST', '/api/scenarios/' + state.id + '/advise', { version, today, changes, improve: improving });
    $('advice').replaceChildren(el('h3', { id: 'advice-heading', tabindex: -1, text: advice.length ? 'Råd' : 'Ingen åtgärd nära skadan gör det bättre' }),
      el('ul', {}, advice.map((a) => el('li', { class: 'advice' }, a.inSwedish + ' (' + a.moved + ' flyttas i stället för ' + a.movedWithout
        + ', poäng ' + a.score + ') ', el('button', { type: 'button', text: 'Använd', on: { click: () => useAdvice(changes, a, label, page) } })))));
    say(advice.length ? 'Råd: ' + advice.length + ' åtgärder, bästa först.' : '', 'info');
    $('advice-heading').focus();
  });
}

/** The same change, as JSON compares: a change the advice takes back is found among the request's by its content. */
const same = (a, b) => JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());

/** Undoes the change and makes it again with the advice's fix: the changes less those it takes back, plus its own. */
async function useAdvice(changes, advice, label, page) {
  const fixed = changes.filter((c) => !advice.without.some((w) => same(c, w))).concat(advice.add);
  await guarded(() => api('POST', '/api/scenarios/' + state.id + '/undo', { version: state.view.scenario.version }));
  await page.reload(state.id);
  await replan(fixed, label + ' med ' + advice.inSwedish, page);
}
