// One activity in the side panel: its details, its chain before and after, the rules that bind it, the days it
// could move to, and a form that moves it.
import { $, el, fill } from './dom.js';
import { swedishDate } from './format.js';
import { processes } from './palette.js';
import { activity, state } from './state.js';
import { t } from './words.js';

/**
 * Shows activity id and marks it selected in every view; page.select and page.replan for its links and moves.
 * focus: the keyboard chose it, and goes on to its name, the moves just after.
 */
export function showActivity(id, page, focus) {
  const a = activity(id);
  if (!a) return;
  state.selected = id;
  document.querySelectorAll('.selected').forEach((n) => n.classList.remove('selected'));
  document.querySelectorAll(`[data-id="${CSS.escape(id)}"]`).forEach((n) => n.classList.add('selected'));
  const moveTo = (d) => page.replan([{ type: 'pin', id: a.id, date: d }], t('page.move.label', a.name, d));
  const link = (l) => el('li', {}, el('button', { type: 'button', class: 'link', text: l.id, on: { click: (e) => page.select(l.id, e.detail === 0) } }),
    ' ' + (activity(l.id) ? t('page.details.step', activity(l.id).name, activity(l.id).date) : ''),
    el('br'), el('small', { text: lag(l) }));
  const mover = el('form', { on: { submit: (e) => { e.preventDefault(); const d = $('move-to').value; if (d) moveTo(d); } } },
    el('label', {}, t('page.details.move.to'), ' ', el('input', { id: 'move-to', type: 'date', value: a.date })),
    el('button', { type: 'submit', id: 'move', text: t('page.details.move') }));
  const fact = (key, value) => [el('dt', { text: t(key) }), el('dd', { text: value })];
  // The actions first, so the keyboard reaches them before the long lists.
  fill($('activity'),
    el('h2', { id: 'activity-name', tabindex: -1, text: a.name }),
    a.external ? null : mover,
    a.pinned && !a.external ? el('button', { type: 'button', id: 'unpin', text: t('page.details.unpin'),
      on: { click: () => page.replan([{ type: 'unpin', id: a.id }], t('page.details.unpinned', a.name)) } }) : null,
    el('dl', {},
      fact('page.column.id', a.id),
      fact('page.column.date', swedishDate(a.date) + (a.start ? ' ' + a.start.slice(0, 5) + '–' + a.end.slice(0, 5) : '')),
      fact('page.details.baseline', a.baseline || ''),
      fact('page.column.body', a.bodies.join(', ') || '–'),
      fact('page.details.unit', a.unit || '–'),
      fact('page.details.participants', a.participants.join(', ') || '–'),
      fact('page.column.process', a.processes.map((p) => processes()[p]).join(', ') || '–'),
      fact('page.column.year.in.focus', a.yearInFocus || '–'),
      a.comment ? fact('page.details.comment', a.comment) : null),
    el('h3', { text: t('page.details.rules') }), el('ul', {}, rules(a).map((r) => el('li', { text: r }))),
    a.external ? null : el('h3', { text: t('page.details.possible') }),
    a.external ? null : (a.possibleDates.length
      ? el('p', { class: 'possible-dates' }, t('page.details.possible.days', a.possibleDates.length) + ' ',
        a.possibleDates.map((d) => el('button', { type: 'button', class: 'link', 'data-date': d, text: d.slice(5),
          title: swedishDate(d), on: { click: () => moveTo(d) } })))
      : el('p', { text: t('page.details.no.other.day') })),
    el('h3', { text: t('page.details.before') }), a.before.length ? el('ul', {}, a.before.map(link)) : el('p', { text: t('page.details.none.before') }),
    el('h3', { text: t('page.details.after') }), a.after.length ? el('ul', {}, a.after.map(link)) : el('p', { text: t('page.details.none.after') }));
  if (focus) $('activity-name').focus();
}

/** A step of the chain's lag in words: "minst 1 arbetsdag, gärna 3 arbetsdagar: why". */
function lag(l) {
  const days = (n) => t(l.unit === 'CALENDAR_DAYS' ? 'count.calendar.days' : 'count.working.days', n);
  const least = l.buffer ? t('page.details.lag.buffer', days(l.minLag), days(l.buffer)) : t('page.details.lag', days(l.minLag));
  return l.reason ? t('page.labelled', least, l.reason) : least;
}

/** The rules that bind an activity, in words. */
function rules(a) {
  const rules = [];
  if (a.bodies.length) rules.push(t('page.details.rule.sitting', a.bodies.join(' ' + t('page.and') + ' ')));
  if (a.earliest || a.latest) {
    rules.push(t(a.note ? 'page.details.rule.window.note' : 'page.details.rule.window', a.earliest || '…', a.latest || '…', a.note));
  }
  if (a.external) rules.push(t('page.details.rule.external'));
  if (a.pinned) rules.push(t('page.details.rule.pinned'));
  if (a.participants.length) rules.push(t('page.details.rule.participants'));
  rules.push(t('page.details.rule.working.day'));
  return rules;
}
