// The Redigera tab: the open scenario's dataset edited in place (activities, chains, bodies and their sitting days,
// SKR's dates, office hours), "Nytt år", and what validate says of it. Each edit is one request to the API and a new
// version; a refused edit is shown at the field the server names, and nothing changes.
import { api } from './api.js';
import { $, el } from './dom.js';
import { DAYS, MONTHS, date, iso } from './format.js';
import { guarded, say } from './message.js';
import { state } from './state.js';

const PROCESSES = ['P', 'B', 'I', 'IK', 'U'];
const SOURCES = { TIDPLAN: 'Tidplanen', PROTOCOL: 'protokoll', ASSUMED: 'antagen', TO_CONFIRM: 'att bekräfta', ADDED: 'tillagd' };
const KINDS = { CANNOT_BE_MET: 'Kan inte uppfyllas', WARNING: 'Varning', REVIEW: 'Att granska', UNBOUND: 'Binds inte',
  TO_CONFIRM: 'Att bekräfta' };

/** What the tab shows between requests: the dataset, its findings, the chosen activity and body, the last "Nytt år" (its scenario and what to confirm there). */
const editor = { dataset: null, findings: [], activity: '', body: '', rolled: null, page: null };

/** The tab follows the scenario chosen in the header while it is open. */
export function wireEditor(page) {
  $('scenario').addEventListener('change', () => {
    if (!$('view-editor').hidden) guarded(() => renderEditor(page));
  });
}

/** Reads the open scenario's dataset and what validate says of it, and draws the tab. */
export async function renderEditor(page) {
  editor.page = page;
  [editor.dataset, editor.findings] = await Promise.all([
    api('GET', `/api/scenarios/${state.id}/dataset`), api('GET', `/api/scenarios/${state.id}/validation`)]);
  const imported = await api('GET', `/api/scenarios/${state.id}/imported-rows`);
  if (!editor.dataset.bodies.some((b) => b.code === editor.body)) editor.body = '';
  $('view-editor').replaceChildren(...[
    el('p', { class: 'hint', text: 'Varje ändring sparas som en ny version av scenariots dataset (Ångra tar tillbaka den) '
      + 'och kontrolleras som validate gör: det som inte kan uppfyllas visas vid fältet.' }),
    editor.rolled && editor.rolled.id === state.id ? toConfirm(editor.rolled.items) : null,
    imported.length ? importedRows(imported) : null,
    activitySection(), chainSection(), bodySection(), forecastSection(), officeHoursSection(), nextYearSection(),
    findingsSection()].filter((part) => part));
  // What is drawn, for whoever waits for it (a test): the version and the chosen activity.
  $('view-editor').dataset.version = editor.dataset.version;
  $('view-editor').dataset.activity = editor.activity;
}

/** Makes an edit of the open scenario; on success the scenario is read again, the tab drawn anew and {@code done} told. */
async function edit(form, change, done) {
  clearErrors(form);
  try {
    const result = await api('POST', `/api/scenarios/${state.id}/edits`, { version: state.view.scenario.version, edit: change });
    await editor.page.reload(state.id);
    await renderEditor(editor.page);
    const again = form.id && $(form.id);
    const first = again && again.querySelector('input, select, textarea, button');
    if (first) first.focus();
    say(done + ' Version ' + result.scenario.version + '.', 'info');
  } catch (e) {
    const control = e.field && (form.querySelector(`[data-field="${e.field}"]`) || form.querySelector(`[data-field$=".${e.field}"]`));
    if (control) {
      markField(control, e.message);
      control.focus();
      say('Ändringen gjordes inte: ' + e.message, 'error');
    } else if (e.status === 409) {
      await editor.page.reload(state.id);
      await renderEditor(editor.page);
      say('Scenariot har ändrats sedan du öppnade det; det är nu läst på nytt. Gör ändringen igen.', 'error');
    } else {
      throw e;
    }
  }
}

function markField(input, message) {
  const note = $(input.getAttribute('aria-describedby'));
  input.setAttribute('aria-invalid', 'true');
  if (note) note.textContent = message;
}

function clearErrors(form) {
  form.querySelectorAll('[aria-invalid]').forEach((input) => {
    input.removeAttribute('aria-invalid');
    const note = $(input.getAttribute('aria-describedby'));
    if (note) note.textContent = '';
  });
}

/** A labelled input (or {@code tag}: select, textarea) for the field {@code field} of an edit, with the place its error is told. */
function input(label, field, attrs = {}) {
  const { tag = 'input', options = [], id = 'edit-' + field.replace(/\W/g, '-'), ...rest } = attrs;
  const control = el(tag, { id, 'data-field': field, 'aria-describedby': id + '-error', ...rest }, ...options);
  return el('label', {}, label + ' ', control, el('span', { class: 'field-error', id: id + '-error', 'aria-live': 'polite' }));
}

const value = (id) => $(id).value.trim();
const orNull = (text) => (text === '' ? null : text);
const list = (text) => text.split(';').map((s) => s.trim()).filter((s) => s);
const option = (v, text, selected) => el('option', { value: v, text, selected });
const sourceOptions = (chosen) => Object.entries(SOURCES).map(([k, text]) => option(k, text, k === chosen));

function form(id, title, ...children) {
  return el('form', { id, class: 'editor-form' }, el('h2', { text: title }), ...children);
}

function onSubmit(f, work) {
  f.addEventListener('submit', (e) => { e.preventDefault(); guarded(() => work(f)); });
  return f;
}

function button(text, work) {
  return el('button', { type: 'button', text, on: { click: (e) => guarded(() => work(e.target.closest('form'))) } });
}

// Activities: every field of a row, added or edited; removed (with what depends on it if asked), pinned, let go.

function activitySection() {
  const chosen = editor.dataset.activities.find((a) => a.id === editor.activity) || {};
  const f = form('editor-activity', 'Aktivitet',
    el('label', {}, 'Aktivitet ', el('select', { id: 'editor-activity-choice', on: { change: (e) => {
      editor.activity = e.target.value;
      guarded(() => renderEditor(editor.page)).then(() => $('editor-activity-choice').focus());
    } } }, option('', '– ny aktivitet –', !chosen.id), editor.dataset.activities.map((a) =>
      option(a.id, a.id + ' ' + a.name, a.id === chosen.id)))),
    el('div', {}, input('Id', 'activity.id', { value: chosen.id || '', required: true }),
      input('Namn', 'activity.name', { value: chosen.name || '', size: 50, required: true }),
      input('Datum', 'activity.date', { type: 'date', value: chosen.date || '' }),
      input('År i fokus', 'activity.yearInFocus', { value: chosen.yearInFocus || '', size: 9 })),
    el('fieldset', { id: 'edit-activity-processes', 'data-field': 'activity.processes', 'aria-describedby': 'edit-activity-processes-error' },
      el('legend', { text: 'Processer' }),
      PROCESSES.map((p) => el('label', {}, el('input', { type: 'checkbox', name: 'process', value: p,
        checked: (chosen.processes || []).includes(p) }), ' ' + (state.labels.processes[p] || p))),
      el('span', { class: 'field-error', id: 'edit-activity-processes-error', 'aria-live': 'polite' })),
    el('div', {}, input('Organ (med semikolon: RS;RF)', 'activity.bodies', { value: (chosen.bodies || []).join(';') }),
      input('Ansvarig enhet', 'activity.unit', { value: chosen.unit || '' })),
    el('div', {}, input('Politiska styrelser och nämnder', 'activity.political', { value: chosen.political || '' }),
      input('Samverkan (CSG, FSG, VSG)', 'activity.collaboration', { value: chosen.collaboration || '' }),
      input('Central ledning (CLG, RSBG)', 'activity.management', { value: chosen.management || '' }),
      input('Verksamhet med stöd från stab', 'activity.operations', { value: chosen.operations || '' }),
      input('Ekonomi staben/PoU', 'activity.finance', { value: chosen.finance || '' })),
    el('div', {}, input('Möte: starttid', 'activity.start', { type: 'time', value: chosen.start || '' }),
      input('längd i minuter', 'activity.minutes', { type: 'number', min: 1, value: chosen.minutes || '' }),
      input('deltagare (med semikolon)', 'activity.participants', { value: (chosen.participants || []).join(';'), size: 40 })),
    el('div', {}, input('Tidigast', 'activity.earliest', { type: 'date', value: chosen.earliest || '' }),
      input('Senast', 'activity.latest', { type: 'date', value: chosen.latest || '' }),
      input('Skäl för fönstret', 'activity.windowReason', { value: chosen.windowReason || '', size: 40 })),
    el('div', {}, input('Kommentar', 'activity.comment', { value: chosen.comment || '', size: 60 })),
    findingsAt('activities.csv', chosen.id),
    el('button', { type: 'submit', text: chosen.id ? 'Spara aktiviteten' : 'Lägg till aktiviteten' }),
    chosen.id ? [
      el('label', {}, el('input', { type: 'checkbox', id: 'edit-with-dependencies' }), ' även beroendena som rör den'),
      el('span', { class: 'field-error', id: 'edit-id-error', 'aria-live': 'polite' }),
      el('input', { type: 'hidden', 'data-field': 'id', 'aria-describedby': 'edit-id-error' }),
      button('Ta bort aktiviteten', (f) => edit(f, { type: 'removeActivity', id: chosen.id,
        withDependencies: $('edit-with-dependencies').checked }, chosen.id + ' borttagen.')),
      editor.dataset.pinned.includes(chosen.id)
        ? button('Lås upp', (f) => edit(f, { type: 'unpinActivity', id: chosen.id }, chosen.id + ' är upplåst.'))
        : button('Lås till datumet', (f) => edit(f, { type: 'pinActivity', id: chosen.id, date: value('edit-activity-date') },
          chosen.id + ' är låst.')),
    ] : null);
  // What validate says of the activity, next to the field it names.
  editor.findings.filter((x) => x.table === 'activities.csv' && x.item === chosen.id && chosen.id && x.field).forEach((x) => {
    const note = f.querySelector(`[data-field="activity.${x.field}"]`);
    if (note) $(note.getAttribute('aria-describedby')).textContent = KINDS[x.kind] + ': ' + x.message;
  });
  return onSubmit(f, (f) => {
    const fields = activityFields(f);
    editor.activity = fields.id; // shown after the edit; a refused one draws nothing new
    return chosen.id
      ? edit(f, { type: 'editActivity', id: chosen.id, activity: fields }, fields.id + ' sparad.')
      : edit(f, { type: 'addActivity', activity: fields }, fields.id + ' tillagd.');
  });
}

function activityFields(f) {
  const text = (field) => value('edit-activity-' + field);
  return {
    id: text('id'), name: text('name'), date: orNull(text('date')),
    processes: [...f.querySelectorAll('input[name=process]:checked')].map((c) => c.value),
    yearInFocus: text('yearInFocus'), bodies: list(text('bodies')), unit: text('unit'), political: text('political'),
    collaboration: text('collaboration'), management: text('management'), operations: text('operations'),
    finance: text('finance'), participants: list(text('participants')), start: orNull(text('start')),
    minutes: text('minutes') === '' ? null : Number(text('minutes')), earliest: orNull(text('earliest')),
    latest: orNull(text('latest')), windowReason: text('windowReason'), comment: text('comment'),
  };
}

// Chains: a step added; the steps of the chosen activity, each removable.

function chainSection() {
  const ids = editor.dataset.activities.map((a) => a.id).concat(editor.dataset.forecasts.map((f) => f.id));
  const steps = editor.dataset.dependencies.filter((d) => editor.activity && (d.before === editor.activity || d.after === editor.activity));
  const f = form('editor-chain', 'Beroenden (kedjan)',
    el('datalist', { id: 'edit-activity-ids' }, ids.map((id) => el('option', { value: id }))),
    el('div', {}, input('Före', 'dependency.before', { list: 'edit-activity-ids', value: editor.activity || '', required: true }),
      input('Efter', 'dependency.after', { list: 'edit-activity-ids', required: true }),
      input('Minsta avstånd', 'dependency.minLag', { type: 'number', min: 0, value: 1 }),
      input('i', 'dependency.unit', { tag: 'select', options: [option('working', 'arbetsdagar'), option('calendar', 'kalenderdagar')] }),
      input('Önskad buffert', 'dependency.buffer', { size: 8 }),
      input('Skäl', 'dependency.reason', { size: 40 })),
    el('button', { type: 'submit', text: 'Lägg till beroendet' }),
    el('span', { class: 'field-error', id: 'edit-after-error', 'aria-live': 'polite' }),
    el('input', { type: 'hidden', 'data-field': 'after', 'aria-describedby': 'edit-after-error' }),
    editor.activity ? el('table', { class: 'grid', id: 'edit-steps' },
      el('caption', { text: 'Kedjan kring ' + editor.activity }),
      el('tr', {}, ['Före', 'Efter', 'Avstånd', 'Buffert', 'Skäl', ''].map((h) => el('th', { text: h }))),
      steps.map((d) => el('tr', {}, el('td', { text: d.before }), el('td', { text: d.after }),
        el('td', { text: (d.minLag ?? 1) + (d.unit === 'calendar' ? ' kalenderdagar' : ' arbetsdagar') }),
        el('td', { text: d.buffer || '' }), el('td', { text: d.reason }),
        el('td', {}, button('Ta bort', (f) => edit(f, { type: 'removeDependency', before: d.before, after: d.after },
          `${d.before} → ${d.after} borttaget.`)))))) : null);
  return onSubmit(f, (f) => {
    const step = { before: value('edit-dependency-before'), after: value('edit-dependency-after'),
      minLag: Number(value('edit-dependency-minLag') || 1), unit: value('edit-dependency-unit'),
      buffer: orNull(value('edit-dependency-buffer')), reason: value('edit-dependency-reason') };
    return edit(f, { type: 'addDependency', dependency: step }, `${step.before} → ${step.after} tillagt.`);
  });
}

// Bodies and their sitting days, each with its source: a body added (with its days), a day added, confirmed, moved,
// removed, and a year pasted from the body's sammanträdesplan.

function bodySection() {
  const added = onSubmit(form('editor-new-body', 'Nytt organ',
    input('Kod', 'code', { required: true, size: 8 }), input('Namn', 'name', { size: 40 }),
    input('Sammanträdesdagar (ett datum per rad)', 'dates', { tag: 'textarea', rows: 4, cols: 14 }),
    input('Källa', 'source', { tag: 'select', options: sourceOptions('PROTOCOL') }),
    el('button', { type: 'submit', text: 'Lägg till organet' })),
  (f) => {
    editor.body = value('edit-code');
    return edit(f, { type: 'addBody', code: value('edit-code'), name: value('edit-name'), dates: $('edit-dates').value,
      source: value('edit-source') }, value('edit-code') + ' tillagt.');
  });
  const body = editor.dataset.bodies.find((b) => b.code === editor.body);
  const choice = el('label', {}, 'Organ ', el('select', { id: 'editor-body-choice', on: { change: (e) => {
    editor.body = e.target.value;
    guarded(() => renderEditor(editor.page)).then(() => $('editor-body-choice').focus());
  } } }, option('', '– välj –', !body), editor.dataset.bodies.map((b) => option(b.code, b.code + ' ' + b.name, body && b.code === body.code))));
  if (!body) return el('section', {}, added, el('form', { class: 'editor-form', id: 'editor-body' }, el('h2', { text: 'Sammanträden' }), choice));
  const days = onSubmit(form('editor-body', 'Sammanträden', choice,
    el('div', {}, input('Namn', 'body.name', { value: body.name, size: 40 }), button('Spara namnet', (f) =>
      edit(f, { type: 'editBody', code: body.code, name: value('edit-body-name') }, body.code + ' sparat.'))),
    el('table', { class: 'grid', id: 'edit-sittings' },
      el('caption', { text: body.code + ': ' + body.sittings.length + ' sammanträdesdagar' }),
      el('tr', {}, ['Datum', 'Källa', 'Anteckning', ''].map((h) => el('th', { text: h }))),
      body.sittings.map((s) => el('tr', { 'data-date': s.date }, el('td', { text: s.date }),
        el('td', {}, el('select', { 'aria-label': 'Källa för ' + s.date, id: 'edit-source-' + s.date },
          option('', '–', !s.source), sourceOptions(s.source))),
        el('td', {}, el('input', { 'aria-label': 'Anteckning för ' + s.date, id: 'edit-note-' + s.date, value: s.note })),
        el('td', {}, button('Spara', (f) => edit(f, { type: 'editSitting', body: body.code, date: s.date,
          source: orNull($('edit-source-' + s.date).value), note: $('edit-note-' + s.date).value }, `${body.code} ${s.date} sparat.`)),
        button('Ta bort', (f) => edit(f, { type: 'removeSitting', body: body.code, date: s.date }, `${body.code} ${s.date} borttaget.`)))))),
    sittingCalendar(body),
    el('div', {}, input('Nytt datum', 'date', { type: 'date' }), input('källa', 'source', { id: 'edit-sitting-source', tag: 'select',
      options: sourceOptions('PROTOCOL') }), input('anteckning', 'note', { size: 30 }),
    el('button', { type: 'submit', text: 'Lägg till dagen' })),
    el('div', {}, input('Flytta dagen', 'from', { tag: 'select', options: body.sittings.map((s) => option(s.date, s.date)) }),
      input('till', 'to', { type: 'date' }), button('Flytta', (f) => edit(f, { type: 'moveSitting', body: body.code,
        from: value('edit-from'), to: value('edit-to') }, `${body.code} flyttat.`))),
    el('div', {}, input('Klistra in ett års dagar: år', 'year', { type: 'number', min: 2000,
      value: body.sittings.length ? body.sittings[body.sittings.length - 1].date.slice(0, 4) : '' }),
      input('datum, ett per rad', 'dates', { id: 'edit-paste-dates', tag: 'textarea', rows: 4, cols: 14 }),
      input('källa', 'paste.source', { tag: 'select', options: sourceOptions('PROTOCOL') }),
      button('Ersätt årets dagar', (f) => edit(f, { type: 'pasteSittings', body: body.code, year: Number(value('edit-year')),
        dates: $('edit-paste-dates').value, source: value('edit-paste-source') }, `${body.code}: dagarna inklistrade.`)))),
  (f) => edit(f, { type: 'addSitting', body: body.code, date: value('edit-date'), source: value('edit-sitting-source'),
    note: value('edit-note') }, `${body.code} sammanträder ${value('edit-date')}.`));
  return el('section', {}, added, days);
}

/** The body's sitting days on a calendar, a month a table from its first day to its last; a day goes to its row. */
function sittingCalendar(body) {
  if (!body.sittings.length) return null;
  const source = new Map(body.sittings.map((s) => [s.date, s.source]));
  const first = date(body.sittings[0].date), last = date(body.sittings[body.sittings.length - 1].date);
  const months = [];
  for (let m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)); m <= last;
    m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    const cells = Array((m.getUTCDay() + 6) % 7).fill(null);
    for (let d = new Date(m); d.getUTCMonth() === m.getUTCMonth(); d = new Date(d.getTime() + 86400000)) cells.push(iso(d));
    const weeks = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    months.push(el('table', { class: 'sitting-month' }, el('caption', { text: MONTHS[m.getUTCMonth()] + ' ' + m.getUTCFullYear() }),
      el('tr', {}, DAYS.map((d) => el('th', { text: d }))),
      weeks.map((week) => el('tr', {}, week.map((day) => el('td', {}, !day ? '' : !source.has(day) ? String(date(day).getUTCDate())
        : el('button', { type: 'button', class: 'sitting-day ' + (source.get(day) || ''), title: day + ': ' + (SOURCES[source.get(day)] || 'källa okänd'),
          text: String(date(day).getUTCDate()), on: { click: () => $('edit-source-' + day).focus() } })))))));
  }
  return el('div', { class: 'sitting-calendar', role: 'group', 'aria-label': body.code + ': sammanträdesdagarna på en kalender' }, months);
}

// SKR's forecasts: added, moved, removed.

function forecastSection() {
  const f = form('editor-forecasts', 'SKR-prognoser och andra externa datum',
    el('table', { class: 'grid' }, el('tr', {}, ['Id', 'Namn', 'Datum', ''].map((h) => el('th', { text: h }))),
      editor.dataset.forecasts.map((p) => el('tr', {}, el('td', { text: p.id }), el('td', { text: p.name }),
        el('td', {}, el('input', { type: 'date', value: p.date || '', id: 'edit-forecast-' + p.id, 'aria-label': 'Datum för ' + p.id })),
        el('td', {}, button('Flytta', (f) => edit(f, { type: 'moveForecast', id: p.id, date: $('edit-forecast-' + p.id).value },
          p.id + ' flyttad.')), button('Ta bort', (f) => edit(f, { type: 'removeForecast', id: p.id }, p.id + ' borttagen.')))))),
    el('div', {}, input('Ny: Id', 'id', { id: 'edit-forecast-id', size: 10 }), input('namn', 'forecast.name', { size: 40,
      value: 'SKR presenterar Skatteunderlagsprognos' }), input('datum', 'forecast.date', { type: 'date' }),
    input('år i fokus', 'forecast.yearInFocus', { size: 6 }), el('button', { type: 'submit', text: 'Lägg till' })));
  return onSubmit(f, (f) => edit(f, { type: 'addForecast', id: value('edit-forecast-id'), name: value('edit-forecast-name'),
    date: orNull(value('edit-forecast-date')), yearInFocus: value('edit-forecast-yearInFocus') }, value('edit-forecast-id') + ' tillagd.'));
}

function officeHoursSection() {
  const f = form('editor-office-hours', 'Kontorstid',
    input('Från', 'start', { type: 'time', value: editor.dataset.officeStart.slice(0, 5) }),
    input('till', 'end', { type: 'time', value: editor.dataset.officeEnd.slice(0, 5) }),
    el('button', { type: 'submit', text: 'Spara kontorstiden' }));
  return onSubmit(f, (f) => edit(f, { type: 'setOfficeHours', start: value('edit-start'), end: value('edit-end') }, 'Kontorstiden sparad.'));
}

// Nytt år: the scenario rolled into next year's as a new scenario, and the list of what to confirm there.

function nextYearSection() {
  const year = Math.max(...editor.dataset.activities.map((a) => Number((a.date || '0').slice(0, 4)))) + 1;
  const f = form('editor-next-year', 'Nytt år',
    el('p', { class: 'hint', text: 'Rullar scenariot till nästa år som ett nytt scenario (som rollforward): det som redan är '
      + 'känt behålls, resten flyttas ett år och listas för att bekräftas.' }),
    input('År', 'year', { type: 'number', value: year, min: 2000, id: 'edit-next-year' }),
    el('button', { type: 'submit', text: 'Skapa nästa års scenario' }));
  return onSubmit(f, async (f) => {
    clearErrors(f);
    let rolled;
    try {
      rolled = await api('POST', `/api/scenarios/${state.id}/rollforward`, { year: Number($('edit-next-year').value) });
    } catch (e) {
      if (e.field !== 'year') throw e;
      markField(f.querySelector('input'), e.message);
      say(e.message, 'error');
      return;
    }
    editor.rolled = { id: rolled.scenario.id, items: rolled.toConfirm };
    editor.activity = '';
    editor.body = '';
    await editor.page.reload(rolled.scenario.id);
    await renderEditor(editor.page);
    say(rolled.scenario.name + ' skapat: ' + rolled.toConfirm.length + ' saker att bekräfta.', 'info');
    $('editor-to-confirm').focus();
  });
}

/** The list of what to confirm after "Nytt år", each a button to where it is confirmed. */
function toConfirm(items) {
  return el('section', { id: 'editor-to-confirm', tabindex: -1 }, el('h2', { text: 'Att bekräfta i det nya året' }),
    el('ul', {}, items.map((item) => el('li', {}, item.kind === 'NOTE' ? item.text
      : el('button', { type: 'button', class: 'link', text: item.text, on: { click: () => goTo(item) } })))));
}

function importedRows(rows) {
  return el('section', { id: 'editor-imported' }, el('h2', { text: 'Importerade rader att komplettera' }),
    el('ul', {}, rows.map((row) => el('li', {}, el('button', { type: 'button', class: 'link',
      text: `${row.id} ${row.name}: ` + [row.noChain ? 'ingen kedja' : null, row.unitGuessed ? 'enheten ' + row.unit + ' är gissad' : null]
        .filter((x) => x).join(', '), on: { click: () => goTo({ kind: 'ACTIVITY', activity: row.id }) } })))));
}

/** Opens the activity or the body's sitting an item names, and puts the focus there. */
function goTo(item) {
  guarded(async () => {
    if (item.kind === 'SITTING') editor.body = item.body;
    else editor.activity = item.activity;
    await renderEditor(editor.page);
    const target = item.kind === 'SITTING' ? $('edit-source-' + item.date) : $('edit-activity-name');
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus();
    }
  });
}

// What validate says: next to the activity's fields, and as one list.

function findingsAt(table, item) {
  const here = editor.findings.filter((f) => f.table === table && f.item === item && item);
  return here.length ? el('ul', { class: 'findings', 'aria-label': 'Validering' }, here.map((f) =>
    el('li', { class: f.kind, text: KINDS[f.kind] + (f.field ? ' (' + f.field + ')' : '') + ': ' + f.message }))) : null;
}

function findingsSection() {
  const shown = editor.findings;
  return el('section', { id: 'editor-findings' }, el('h2', { text: 'Validering (' + shown.length + ')' }),
    shown.length ? el('ul', { class: 'findings' }, shown.map((f) => el('li', { class: f.kind },
      KINDS[f.kind] + ': ', f.item && (f.table === 'activities.csv' || f.table === 'sittings.csv')
        ? el('button', { type: 'button', class: 'link', text: f.item, on: { click: () => goTo(f.table === 'sittings.csv'
          ? { kind: 'SITTING', body: f.item.replace(/ \d{4}-\d{2}-\d{2}$/, ''), date: f.item.slice(-10) }
          : { kind: 'ACTIVITY', activity: f.item }) } }) : (f.item || ''),
      ' ' + f.message))) : el('p', { text: 'Inget att anmärka: datasetet kan lösas.' }));
}
