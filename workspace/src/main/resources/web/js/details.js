// One activity in the side panel: its details, its chain before and after, the rules that bind it, the days it
// could move to, and a form that moves it.
import { $, el } from './dom.js';
import { swedishDate } from './format.js';
import { processes } from './palette.js';
import { activity, state } from './state.js';

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
  const moveTo = (d) => page.replan([{ type: 'pin', id: a.id, date: d }], a.name + ' till ' + d);
  const link = (l) => el('li', {}, el('button', { type: 'button', class: 'link', text: l.id, on: { click: (e) => page.select(l.id, e.detail === 0) } }),
    ' ' + (activity(l.id) ? activity(l.id).name + ' (' + activity(l.id).date + ')' : ''),
    el('br'), el('small', { text: 'minst ' + l.minLag + (l.unit === 'CALENDAR_DAYS' ? ' kalenderdagar' : ' arbetsdagar')
      + (l.buffer ? ', gärna ' + l.buffer : '') + (l.reason ? ': ' + l.reason : '') }));
  const mover = el('form', { on: { submit: (e) => { e.preventDefault(); const d = $('move-to').value; if (d) moveTo(d); } } },
    el('label', {}, 'Flytta till ', el('input', { id: 'move-to', type: 'date', value: a.date })), el('button', { type: 'submit', id: 'move', text: 'Flytta och planera om' }));
  // The actions first, so the keyboard reaches them before the long lists.
  $('activity').replaceChildren(
    el('h2', { id: 'activity-name', tabindex: -1, text: a.name }),
    a.external ? null : mover,
    a.pinned && !a.external ? el('button', { type: 'button', id: 'unpin', text: 'Lås upp och planera om',
      on: { click: () => page.replan([{ type: 'unpin', id: a.id }], a.name + ' upplåst') } }) : null,
    el('dl', {},
      el('dt', { text: 'Id' }), el('dd', { text: a.id }),
      el('dt', { text: 'Datum' }), el('dd', { text: swedishDate(a.date) + (a.start ? ' ' + a.start.slice(0, 5) + '–' + a.end.slice(0, 5) : '') }),
      el('dt', { text: 'Handgjort datum' }), el('dd', { text: a.baseline || '' }),
      el('dt', { text: 'Organ' }), el('dd', { text: a.bodies.join(', ') || '–' }),
      el('dt', { text: 'Ansvarig' }), el('dd', { text: a.unit || '–' }),
      el('dt', { text: 'Deltagare' }), el('dd', { text: a.participants.join(', ') || '–' }),
      el('dt', { text: 'Process' }), el('dd', { text: a.processes.map((p) => processes()[p]).join(', ') || '–' }),
      el('dt', { text: 'År i fokus' }), el('dd', { text: a.yearInFocus || '–' }),
      a.comment ? [el('dt', { text: 'Kommentar' }), el('dd', { text: a.comment })] : null),
    el('h3', { text: 'Regler' }), el('ul', {}, rules(a).map((r) => el('li', { text: r }))),
    a.external ? null : el('h3', { text: 'Kan flyttas till' }),
    a.external ? null : (a.possibleDates.length
      ? el('p', { class: 'possible-dates' }, a.possibleDates.length + (a.possibleDates.length === 1 ? ' dag' : ' dagar')
        + ' utan att bryta en hård regel när allt annat ligger kvar: ',
        a.possibleDates.map((d) => el('button', { type: 'button', class: 'link', 'data-date': d, text: d.slice(5),
          title: swedishDate(d), on: { click: () => moveTo(d) } })))
      : el('p', { text: 'Ingen annan dag håller alla hårda regler medan resten ligger kvar; en omplanering kan flytta fler.' })),
    el('h3', { text: 'Kedjan före' }), a.before.length ? el('ul', {}, a.before.map(link)) : el('p', { text: 'Inget steg före.' }),
    el('h3', { text: 'Kedjan efter' }), a.after.length ? el('ul', {}, a.after.map(link)) : el('p', { text: 'Inget steg efter.' }));
  if (focus) $('activity-name').focus();
}

/** The rules that bind an activity, in words. */
function rules(a) {
  const rules = [];
  if (a.bodies.length) rules.push('Beslutas på ett sammanträde med ' + a.bodies.join(' och ') + '.');
  if (a.earliest || a.latest) rules.push('Tidsfönster ' + (a.earliest || '…') + ' – ' + (a.latest || '…') + (a.note ? ': ' + a.note : '') + '.');
  if (a.external) rules.push('Extern händelse (SKR): ligger fast.');
  if (a.pinned) rules.push('Låst till sitt datum.');
  if (a.participants.length) rules.push('Deltagarna kan inte vara på två möten samtidigt.');
  rules.push('Ligger på en arbetsdag.');
  return rules;
}
