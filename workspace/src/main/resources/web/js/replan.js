// Re-planning after a change (a drag, a move, a sitting): the list of what moved and why, and advice on what
// would do less damage.
import { api } from './api.js';
import { $, el, fill } from './dom.js';
import { guarded, say } from './message.js';
import { scoreInWords } from './format.js';
import { state } from './state.js';
import { t } from './words.js';

// By default a re-plan moves only what the change forces; ticked, it also moves what the soft goals gain from.
const improve = el('input', { type: 'checkbox', id: 'improve' });
$('today').closest('label').after(el('label', { class: 'today' }, improve, ' ', el('span', { 'data-text': 'page.replan.improve' })));

/** "3 aktiviteter flyttade, alla tvingade av ändringen", or how many were chosen to improve the rest. */
function movedHeading(moves) {
  const chosen = moves.filter((m) => !m.forced).length;
  const heading = t('count.moved.activities', moves.length);
  if (!moves.length) return heading;
  if (!chosen) return t('page.replan.all.forced', heading, moves.length);
  return t('page.replan.some.chosen', heading, moves.length - chosen, chosen);
}

/**
 * Makes the changes (a list of tagged changes, e.g. {type: 'pin', id, date}) to the open scenario and re-plans it;
 * page.reload and page.select to show the result.
 */
export async function replan(changes, label, page) {
  await guarded(async () => {
    say(t('page.replan.working', label), 'info');
    const before = state.view.scenario.version;
    const today = state.view.scenario.today;
    const improving = improve.checked;
    const result = await api('POST', '/api/scenarios/' + state.id + '/replan', { version: before, today, changes, improve: improving });
    state.moved = new Set(result.moves.map((m) => m.id));
    const damaged = result.moves.length > 0 || result.blockers.length > 0;
    const adviceButton = damaged && changes.length
      ? el('button', { type: 'button', id: 'advise', text: t('page.replan.advise'), on: { click: () => advise(changes, before, today, improving, label, page) } })
      : null;
    fill($('changes'), el('h3', { id: 'changes-heading', tabindex: -1, text: movedHeading(result.moves) }),
      el('ul', {}, result.moves.map((m) => el('li', { 'data-id': m.id }, el('button', { type: 'button', class: 'link', text: m.id,
        on: { click: (e) => page.select(m.id, e.detail === 0) } }),
        ' ' + t(m.forced ? 'page.replan.move' : 'page.replan.move.chosen', m.oldDate, m.newDate, m.said))),
      result.blockers.map((b) => el('li', { class: 'worse', text: b }))), adviceButton, el('div', { id: 'advice' }));
    await page.reload(state.id);
    say(t('page.replan.done', label, scoreInWords(result.scenario.score)), 'info');
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
    say(t('page.advice.working'), 'info');
    const advice = await api('POST', '/api/scenarios/' + state.id + '/advise', { version, today, changes, improve: improving });
    $('advice').replaceChildren(el('h3', { id: 'advice-heading', tabindex: -1, text: t(advice.length ? 'page.advice' : 'page.advice.none') }),
      el('ul', {}, advice.map((a) => el('li', { class: 'advice' }, t('page.advice.fix', a.said, a.moved, a.movedWithout, scoreInWords(a.score)) + ' ',
        el('button', { type: 'button', text: t('page.advice.use'), on: { click: () => useAdvice(changes, a, label, page) } })))));
    say(advice.length ? t('page.advice.found', advice.length) : '', 'info');
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
  await replan(fixed, t('page.advice.label', label, advice.said), page);
}
