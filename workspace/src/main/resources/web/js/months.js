// The month grid with ISO weeks: an activity dragged to another day is pinned there and the calendar re-planned.
import { $, el } from './dom.js';
import { DAYS, MONTHS, date, iso, isoWeek } from './format.js';
import { code, key, palette, processKeys } from './palette.js';
import { t } from './words.js';

/**
 * Draws every month of the calendar view. marks: the activity selected and the ones the last re-plan moved;
 * page.select(id) when an activity is clicked, page.replan(changes, label) when one is dropped on another day.
 */
export function renderMonths(view, marks, page) {
  const months = $('months');
  const colours = palette();
  $('months-legend').replaceChildren(...processKeys(colours), key('var(--sitting)', 'RS', t('page.months.key.sitting'), 'var(--sitting-text)'),
    key('var(--holiday)', '', t('page.months.key.holiday')), key('var(--weekend)', '', t('page.months.key.weekend')));
  months.replaceChildren();
  const byId = new Map(view.activities.map((a) => [a.id, a]));
  const byDate = {};
  view.activities.forEach((a) => (byDate[a.date] = byDate[a.date] || []).push(a));
  const sittings = {};
  Object.entries(view.sittings).forEach(([body, list]) => list.forEach((d) => (sittings[d] = sittings[d] || []).push(body)));
  const first = date(view.start), last = date(view.end);
  for (let m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)); m <= last; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    const title = t('page.month', MONTHS[m.getUTCMonth()], m.getUTCFullYear());
    const table = el('table', {}, el('caption', { class: 'visually-hidden', text: title }),
      // The days' names as the table's head: printed again at the top of each page a long month takes.
      el('thead', {}, el('tr', {}, el('th', { class: 'wk', scope: 'col', text: t('week.short') }),
        DAYS.map((d, i) => el('th', { scope: 'col', class: i >= 5 ? 'weekend' : null, text: d })))));
    const end = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
    let day = new Date(m); day.setUTCDate(day.getUTCDate() - (day.getUTCDay() + 6) % 7);
    while (day < end) {
      const row = el('tr', {}, el('td', { class: 'wk', text: isoWeek(day) }));
      for (let i = 0; i < 7; i++, day = new Date(day.getTime() + 86400000)) {
        if (day.getUTCMonth() !== m.getUTCMonth()) { row.append(el('td', { class: 'out' })); continue; }
        const d = iso(day);
        const off = view.daysOff[d] ? 'holiday' : i >= 5 ? 'weekend' : '';
        const cell = el('td', { class: off, 'data-date': d },
          el('div', {}, el('span', { class: 'day', text: day.getUTCDate() }), (sittings[d] || []).map((b) => el('span', { class: 'sit', text: b })),
            view.daysOff[d] ? el('span', { class: 'holiday-name', text: view.daysOff[d] }) : null),
          (byDate[d] || []).map((a) => chip(a, colours.activity(a), marks, page)));
        cell.addEventListener('dragover', (e) => { e.preventDefault(); cell.classList.add('over'); });
        cell.addEventListener('dragleave', () => cell.classList.remove('over'));
        cell.addEventListener('drop', (e) => {
          e.preventDefault();
          cell.classList.remove('over');
          const dropped = byId.get(e.dataTransfer.getData('text/plain'));
          if (dropped && dropped.date !== d) page.replan([{ type: 'pin', id: dropped.id, date: d }], t('page.move.label', dropped.name, d));
        });
        row.append(cell);
      }
      table.append(row);
    }
    months.append(el('section', { class: 'month' }, el('h3', { text: title }), table));
  }
}

/**
 * An activity as a button: Enter (or a click) shows it, and its details move it; it can also be dragged. Its
 * process's code is written on it, so its colour is never the only cue.
 */
function chip(a, colour, marks, page) {
  const movable = !a.external;
  const node = el('button', {
    type: 'button', class: 'chip' + (movable ? '' : ' fixed') + (marks.selected === a.id ? ' selected' : '') + (marks.moved.has(a.id) ? ' moved' : ''),
    draggable: movable ? 'true' : null, 'data-id': a.id, style: 'background:' + colour, title: a.name,
    on: { click: (e) => page.select(a.id, e.detail === 0) },
  }, el('span', { class: 'code', text: code(a) }), (a.start ? a.start.slice(0, 5) + ' ' : '') + a.name);
  if (movable) {
    // While dragging, the days it could go to without breaking a hard rule (the rest staying put) are lit.
    node.addEventListener('dragstart', (e) => {
      e.dataTransfer.setData('text/plain', a.id);
      a.possibleDates.forEach((d) => document.querySelectorAll(`#months td[data-date="${d}"]`).forEach((c) => c.classList.add('possible')));
    });
    node.addEventListener('dragend', () => document.querySelectorAll('#months td.possible').forEach((c) => c.classList.remove('possible')));
  }
  return node;
}
