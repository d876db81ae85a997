// The table of every activity, with its filters by text, body, unit and process.
import { $, el } from './dom.js';
import { t } from './words.js';

/** Fills the filters' choices from the calendar view, keeping what each had chosen. */
export function renderFilters(view) {
  const fill = (id, values) => {
    const select = $(id), kept = select.value;
    select.replaceChildren(el('option', { value: '', text: t('page.table.all') }), ...[...new Set(values)].sort().map((v) => el('option', { value: v, text: v })));
    select.value = kept;
  };
  fill('filter-body', view.activities.flatMap((a) => a.bodies));
  fill('filter-unit', view.activities.map((a) => a.unit).filter(Boolean));
  fill('filter-process', view.activities.flatMap((a) => a.processes));
}

/** The activities the filters let through, one row each; select(id) when a row is clicked or its name's button pressed. */
export function renderTable(view, select) {
  const text = $('filter-text').value.toLowerCase(), body = $('filter-body').value;
  const unit = $('filter-unit').value, process = $('filter-process').value;
  const rows = view.activities.filter((a) => (!text || (a.name + ' ' + a.id + ' ' + a.comment).toLowerCase().includes(text))
    && (!body || a.bodies.includes(body)) && (!unit || a.unit === unit) && (!process || a.processes.includes(process)));
  $('table').replaceChildren(
    el('caption', { class: 'visually-hidden', text: t('page.table.caption', rows.length, view.activities.length) }),
    el('tr', {}, ['page.column.id', 'page.column.date', 'page.column.time', 'page.column.activity', 'page.column.body', 'page.column.unit',
      'page.column.process', 'page.column.year.in.focus'].map((h) => el('th', { scope: 'col', text: t(h) }))),
    ...rows.map((a) => el('tr', { class: 'clickable', on: { click: (e) => { if (e.target.tagName !== 'BUTTON') select(a.id); } } },
      el('td', { text: a.id }), el('td', { text: a.date }), el('td', { text: a.start ? a.start.slice(0, 5) + '–' + a.end.slice(0, 5) : '' }),
      el('td', {}, el('button', { type: 'button', class: 'link', 'data-id': a.id, text: a.name, on: { click: (e) => select(a.id, e.detail === 0) } })),
      el('td', { text: a.bodies.join(', ') }), el('td', { text: a.unit }),
      el('td', { text: a.processes.join(', ') }), el('td', { text: a.yearInFocus }))));
  $('table').dataset.rows = rows.length;
}
