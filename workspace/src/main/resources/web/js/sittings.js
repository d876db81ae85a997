// Sittings and forecasts: each body's sitting days, and the form that moves, cancels or adds a sitting or moves
// an SKR forecast, and re-plans.
import { $, el } from './dom.js';
import { t } from './words.js';

export function renderSittings(view) {
  const bodies = Object.keys(view.sittings);
  const select = $('sitting-body'), kept = select.value;
  select.replaceChildren(...bodies.map((b) => el('option', { value: b, text: b })));
  if (kept) select.value = kept;
  $('sitting-list').replaceChildren(el('table', { class: 'grid' },
    el('tr', {}, el('th', { text: t('page.column.body') }), el('th', { text: t('page.column.days') })),
    bodies.map((b) => el('tr', {}, el('td', { text: b }), el('td', { text: view.sittings[b].join(', ') })))));
}

/** The form's change goes to page.replan(changes, label). */
export function wireSittingForm(page) {
  $('sitting-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const action = $('sitting-action').value, body = $('sitting-body').value;
    const from = $('sitting-from').value, to = $('sitting-to').value;
    const change = {
      moveSitting: { type: action, body, from, to }, cancelSitting: { type: action, body, date: from },
      addSitting: { type: action, body, date: from }, moveForecast: { type: action, from, to },
    }[action];
    const label = {
      moveSitting: () => t('change.move.sitting', body, to, from), cancelSitting: () => t('change.cancel.sitting', body, from),
      addSitting: () => t('change.add.sitting', body, from), moveForecast: () => t('change.move.forecast', from, to),
    }[action]();
    page.replan([change], label);
  });
}
