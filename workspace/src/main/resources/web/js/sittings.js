// Sittings and forecasts: each body's sitting days, and the form that moves, cancels or adds a sitting or moves
// an SKR forecast, and re-plans.
import { $, el } from './dom.js';

export function renderSittings(view) {
  const bodies = Object.keys(view.sittings);
  const select = $('sitting-body'), kept = select.value;
  select.replaceChildren(...bodies.map((b) => el('option', { value: b, text: b })));
  if (kept) select.value = kept;
  $('sitting-list').replaceChildren(el('table', { class: 'grid' },
    el('tr', {}, el('th', { text: 'Organ' }), el('th', { text: 'Sammanträdesdagar' })),
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
      moveSitting: `${body} sammanträder ${to} i stället för ${from}`, cancelSitting: `${body} sammanträder inte ${from}`,
      addSitting: `${body} sammanträder också ${from}`, moveForecast: `SKR:s prognos ${from} kommer ${to}`,
    }[action];
    page.replan([change], label);
  });
}
