// The Redigera tab: the open scenario's dataset edited in place (activities, chains, bodies and their sitting days,
// SKR's dates, office hours), "Nytt år", and what validate says of it. Each edit is one request to the API and a new
// version; a refused edit is shown at the field the server names, and nothing changes.
import { api } from './api.js';
import { $, el } from './dom.js';
import { DAYS, MONTHS, date, iso } from './format.js';
import { guarded, say } from './message.js';
import { state } from './state.js';
import { t } from './words.js';

const PROCESSES = ['P', 'B', 'I', 'IK', 'U'];
const SOURCES = ['TIDPLAN', 'PROTOCOL', 'ASSUMED', 'TO_CONFIRM', 'ADDED'];
/** A sitting day's source in words ('source.to.confirm'), as the server says it in the history. */
const sourceName = (source) => t('source.' + source.toLowerCase().replace(/_/g, '.'));
/** What kind of finding validate made, in words ('page.editor.kind.cannot.be.met'). */
const kindName = (kind) => t('page.editor.kind.' + kind.toLowerCase().replace(/_/g, '.'));

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
    el('p', { class: 'hint', text: t('page.editor.hint') }),
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
    say(t('page.editor.done', done, result.scenario.version), 'info');
  } catch (e) {
    const control = e.field && (form.querySelector(`[data-field="${e.field}"]`) || form.querySelector(`[data-field$=".${e.field}"]`));
    if (control) {
      markField(control, e.message);
      control.focus();
      say(t('page.editor.not.made', e.message), 'error');
    } else if (e.status === 409) {
      await editor.page.reload(state.id);
      await renderEditor(editor.page);
      say(t('page.editor.stale'), 'error');
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
const sourceOptions = (chosen) => SOURCES.map((k) => option(k, sourceName(k), k === chosen));

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
  const f = form('editor-activity', t('page.editor.activity'),
    el('label', {}, t('page.editor.activity') + ' ', el('select', { id: 'editor-activity-choice', on: { change: (e) => {
      editor.activity = e.target.value;
      guarded(() => renderEditor(editor.page)).then(() => $('editor-activity-choice').focus());
    } } }, option('', t('page.editor.new.activity'), !chosen.id), editor.dataset.activities.map((a) =>
      option(a.id, a.id + ' ' + a.name, a.id === chosen.id)))),
    el('div', {}, input(t('page.editor.id'), 'activity.id', { value: chosen.id || '', required: true }),
      input(t('page.editor.name'), 'activity.name', { value: chosen.name || '', size: 50, required: true }),
      input(t('page.editor.date'), 'activity.date', { type: 'date', value: chosen.date || '' }),
      input(t('page.editor.year.in.focus'), 'activity.yearInFocus', { value: chosen.yearInFocus || '', size: 9 })),
    el('fieldset', { id: 'edit-activity-processes', 'data-field': 'activity.processes', 'aria-describedby': 'edit-activity-processes-error' },
      el('legend', { text: t('page.editor.processes') }),
      PROCESSES.map((p) => el('label', {}, el('input', { type: 'checkbox', name: 'process', value: p,
        checked: (chosen.processes || []).includes(p) }), ' ' + (state.labels.processes[p] || p))),
      el('span', { class: 'field-error', id: 'edit-activity-processes-error', 'aria-live': 'polite' })),
    el('div', {}, input(t('page.editor.bodies'), 'activity.bodies', { value: (chosen.bodies || []).join(';') }),
      input(t('page.editor.unit'), 'activity.unit', { value: chosen.unit || '' })),
    el('div', {}, input(t('page.editor.political'), 'activity.political', { value: chosen.political || '' }),
      input(t('page.editor.collaboration'), 'activity.collaboration', { value: chosen.collaboration || '' }),
      input(t('page.editor.management'), 'activity.management', { value: chosen.management || '' }),
      input(t('page.editor.operations'), 'activity.operations', { value: chosen.operations || '' }),
      input(t('page.editor.finance'), 'activity.finance', { value: chosen.finance || '' })),
    el('div', {}, input(t('page.editor.meeting.start'), 'activity.start', { type: 'time', value: chosen.start || '' }),
      input(t('page.editor.meeting.minutes'), 'activity.minutes', { type: 'number', min: 1, value: chosen.minutes || '' }),
      input(t('page.editor.participants'), 'activity.participants', { value: (chosen.participants || []).join(';'), size: 40 })),
    el('div', {}, input(t('page.editor.earliest'), 'activity.earliest', { type: 'date', value: chosen.earliest || '' }),
      input(t('page.editor.latest'), 'activity.latest', { type: 'date', value: chosen.latest || '' }),
      input(t('page.editor.window.reason'), 'activity.windowReason', { value: chosen.windowReason || '', size: 40 })),
    el('div', {}, input(t('page.editor.comment'), 'activity.comment', { value: chosen.comment || '', size: 60 })),
    findingsAt('activities.csv', chosen.id),
    el('button', { type: 'submit', text: t(chosen.id ? 'page.editor.save.activity' : 'page.editor.add.activity') }),
    chosen.id ? [
      el('label', {}, el('input', { type: 'checkbox', id: 'edit-with-dependencies' }), ' ' + t('page.editor.with.dependencies')),
      el('span', { class: 'field-error', id: 'edit-id-error', 'aria-live': 'polite' }),
      el('input', { type: 'hidden', 'data-field': 'id', 'aria-describedby': 'edit-id-error' }),
      button(t('page.editor.remove.activity'), (f) => edit(f, { type: 'removeActivity', id: chosen.id,
        withDependencies: $('edit-with-dependencies').checked }, t('page.editor.removed', chosen.id))),
      editor.dataset.pinned.includes(chosen.id)
        ? button(t('page.editor.unpin'), (f) => edit(f, { type: 'unpinActivity', id: chosen.id }, t('page.editor.unpinned', chosen.id)))
        : button(t('page.editor.pin'), (f) => edit(f, { type: 'pinActivity', id: chosen.id, date: value('edit-activity-date') },
          t('page.editor.pinned', chosen.id))),
    ] : null);
  // What validate says of the activity, next to the field it names.
  editor.findings.filter((x) => x.table === 'activities.csv' && x.item === chosen.id && chosen.id && x.field).forEach((x) => {
    const note = f.querySelector(`[data-field="activity.${x.field}"]`);
    if (note) $(note.getAttribute('aria-describedby')).textContent = t('page.editor.finding', kindName(x.kind), x.message);
  });
  return onSubmit(f, (f) => {
    const fields = activityFields(f);
    editor.activity = fields.id; // shown after the edit; a refused one draws nothing new
    return chosen.id
      ? edit(f, { type: 'editActivity', id: chosen.id, activity: fields }, t('page.editor.saved', fields.id))
      : edit(f, { type: 'addActivity', activity: fields }, t('page.editor.added', fields.id));
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
  const f = form('editor-chain', t('page.editor.chain'),
    el('datalist', { id: 'edit-activity-ids' }, ids.map((id) => el('option', { value: id }))),
    el('div', {}, input(t('page.editor.before'), 'dependency.before', { list: 'edit-activity-ids', value: editor.activity || '', required: true }),
      input(t('page.editor.after'), 'dependency.after', { list: 'edit-activity-ids', required: true }),
      input(t('page.editor.min.lag'), 'dependency.minLag', { type: 'number', min: 0, value: 1 }),
      input(t('page.editor.lag.unit'), 'dependency.unit', { tag: 'select', options: [option('working', t('page.editor.working.days')),
        option('calendar', t('page.editor.calendar.days'))] }),
      input(t('page.editor.buffer.wanted'), 'dependency.buffer', { size: 8 }),
      input(t('page.editor.reason'), 'dependency.reason', { size: 40 })),
    el('button', { type: 'submit', text: t('page.editor.add.dependency') }),
    el('span', { class: 'field-error', id: 'edit-after-error', 'aria-live': 'polite' }),
    el('input', { type: 'hidden', 'data-field': 'after', 'aria-describedby': 'edit-after-error' }),
    editor.activity ? el('table', { class: 'grid', id: 'edit-steps' },
      el('caption', { text: t('page.editor.chain.around', editor.activity) }),
      el('tr', {}, ['page.editor.step.before', 'page.editor.step.after', 'page.editor.step.lag', 'page.editor.step.buffer',
        'page.editor.step.reason'].map((k) => el('th', { text: t(k) })), el('th', { text: '' })),
      steps.map((d) => el('tr', {}, el('td', { text: d.before }), el('td', { text: d.after }),
        el('td', { text: t(d.unit === 'calendar' ? 'count.calendar.days' : 'count.working.days', d.minLag ?? 1) }),
        el('td', { text: d.buffer || '' }), el('td', { text: d.reason }),
        el('td', {}, button(t('page.editor.remove'), (f) => edit(f, { type: 'removeDependency', before: d.before, after: d.after },
          t('page.editor.step.removed', d.before, d.after))))))) : null);
  return onSubmit(f, (f) => {
    const step = { before: value('edit-dependency-before'), after: value('edit-dependency-after'),
      minLag: Number(value('edit-dependency-minLag') || 1), unit: value('edit-dependency-unit'),
      buffer: orNull(value('edit-dependency-buffer')), reason: value('edit-dependency-reason') };
    return edit(f, { type: 'addDependency', dependency: step }, t('page.editor.step.added', step.before, step.after));
  });
}

// Bodies and their sitting days, each with its source: a body added (with its days), a day added, confirmed, moved,
// removed, and a year pasted from the body's sammanträdesplan.

function bodySection() {
  const added = onSubmit(form('editor-new-body', t('page.editor.new.body'),
    input(t('page.editor.code'), 'code', { required: true, size: 8 }), input(t('page.editor.name'), 'name', { size: 40 }),
    input(t('page.editor.sitting.days'), 'dates', { tag: 'textarea', rows: 4, cols: 14 }),
    input(t('page.editor.source'), 'source', { tag: 'select', options: sourceOptions('PROTOCOL') }),
    el('button', { type: 'submit', text: t('page.editor.add.body') })),
  (f) => {
    editor.body = value('edit-code');
    return edit(f, { type: 'addBody', code: value('edit-code'), name: value('edit-name'), dates: $('edit-dates').value,
      source: value('edit-source') }, t('page.editor.body.added', value('edit-code')));
  });
  const body = editor.dataset.bodies.find((b) => b.code === editor.body);
  const choice = el('label', {}, t('page.editor.body') + ' ', el('select', { id: 'editor-body-choice', on: { change: (e) => {
    editor.body = e.target.value;
    guarded(() => renderEditor(editor.page)).then(() => $('editor-body-choice').focus());
  } } }, option('', t('page.editor.choose'), !body), editor.dataset.bodies.map((b) => option(b.code, b.code + ' ' + b.name, body && b.code === body.code))));
  if (!body) return el('section', {}, added, el('form', { class: 'editor-form', id: 'editor-body' }, el('h2', { text: t('page.editor.sittings') }), choice));
  const days = onSubmit(form('editor-body', t('page.editor.sittings'), choice,
    el('div', {}, input(t('page.editor.name'), 'body.name', { value: body.name, size: 40 }), button(t('page.editor.save.name'), (f) =>
      edit(f, { type: 'editBody', code: body.code, name: value('edit-body-name') }, t('page.editor.body.saved', body.code)))),
    el('table', { class: 'grid', id: 'edit-sittings' },
      el('caption', { text: t('page.editor.sittings.caption', body.code, body.sittings.length) }),
      el('tr', {}, ['page.editor.sitting.date', 'page.editor.sitting.source', 'page.editor.sitting.note'].map((k) => el('th', { text: t(k) })), el('th', { text: '' })),
      body.sittings.map((s) => el('tr', { 'data-date': s.date }, el('td', { text: s.date }),
        el('td', {}, el('select', { 'aria-label': t('page.editor.source.of', s.date), id: 'edit-source-' + s.date },
          option('', '–', !s.source), sourceOptions(s.source))),
        el('td', {}, el('input', { 'aria-label': t('page.editor.note.of', s.date), id: 'edit-note-' + s.date, value: s.note })),
        el('td', {}, button(t('page.editor.save'), (f) => edit(f, { type: 'editSitting', body: body.code, date: s.date,
          source: orNull($('edit-source-' + s.date).value), note: $('edit-note-' + s.date).value }, t('page.editor.sitting.saved', body.code, s.date))),
        button(t('page.editor.remove'), (f) => edit(f, { type: 'removeSitting', body: body.code, date: s.date },
          t('page.editor.sitting.removed', body.code, s.date))))))),
    sittingCalendar(body),
    el('div', {}, input(t('page.editor.new.date'), 'date', { type: 'date' }), input(t('page.editor.source.lower'), 'source', { id: 'edit-sitting-source', tag: 'select',
      options: sourceOptions('PROTOCOL') }), input(t('page.editor.note'), 'note', { size: 30 }),
    el('button', { type: 'submit', text: t('page.editor.add.day') })),
    el('div', {}, input(t('page.editor.move.day'), 'from', { tag: 'select', options: body.sittings.map((s) => option(s.date, s.date)) }),
      input(t('page.editor.to'), 'to', { type: 'date' }), button(t('page.editor.move'), (f) => edit(f, { type: 'moveSitting', body: body.code,
        from: value('edit-from'), to: value('edit-to') }, t('page.editor.sitting.moved', body.code)))),
    el('div', {}, input(t('page.editor.paste.year'), 'year', { type: 'number', min: 2000,
      value: body.sittings.length ? body.sittings[body.sittings.length - 1].date.slice(0, 4) : '' }),
      input(t('page.editor.paste.dates'), 'dates', { id: 'edit-paste-dates', tag: 'textarea', rows: 4, cols: 14 }),
      input(t('page.editor.source.lower'), 'paste.source', { tag: 'select', options: sourceOptions('PROTOCOL') }),
      button(t('page.editor.replace.year'), (f) => edit(f, { type: 'pasteSittings', body: body.code, year: Number(value('edit-year')),
        dates: $('edit-paste-dates').value, source: value('edit-paste-source') }, t('page.editor.pasted', body.code))))),
  (f) => edit(f, { type: 'addSitting', body: body.code, date: value('edit-date'), source: value('edit-sitting-source'),
    note: value('edit-note') }, t('page.editor.sitting.added', body.code, value('edit-date'))));
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
        : el('button', { type: 'button', class: 'sitting-day ' + (source.get(day) || ''), title: t('page.editor.day.source', day, source.get(day) ? sourceName(source.get(day)) : t('page.editor.source.unknown')),
          text: String(date(day).getUTCDate()), on: { click: () => $('edit-source-' + day).focus() } })))))));
  }
  return el('div', { class: 'sitting-calendar', role: 'group', 'aria-label': t('page.editor.sitting.calendar', body.code) }, months);
}

// SKR's forecasts: added, moved, removed.

function forecastSection() {
  const f = form('editor-forecasts', t('page.editor.forecasts'),
    el('table', { class: 'grid' }, el('tr', {}, ['page.editor.id', 'page.editor.name', 'page.editor.date'].map((k) => el('th', { text: t(k) })), el('th', { text: '' })),
      editor.dataset.forecasts.map((p) => el('tr', {}, el('td', { text: p.id }), el('td', { text: p.name }),
        el('td', {}, el('input', { type: 'date', value: p.date || '', id: 'edit-forecast-' + p.id, 'aria-label': t('page.editor.date.of', p.id) })),
        el('td', {}, button(t('page.editor.move'), (f) => edit(f, { type: 'moveForecast', id: p.id, date: $('edit-forecast-' + p.id).value },
          t('page.editor.moved', p.id))), button(t('page.editor.remove'), (f) => edit(f, { type: 'removeForecast', id: p.id },
          t('page.editor.removed', p.id))))))),
    el('div', {}, input(t('page.editor.new.id'), 'id', { id: 'edit-forecast-id', size: 10 }), input(t('page.editor.name.lower'), 'forecast.name',
      { size: 40, value: t('page.editor.forecast.name') }), input(t('page.editor.date.lower'), 'forecast.date', { type: 'date' }),
    input(t('page.editor.year.in.focus.lower'), 'forecast.yearInFocus', { size: 6 }), el('button', { type: 'submit', text: t('page.editor.add') })));
  return onSubmit(f, (f) => edit(f, { type: 'addForecast', id: value('edit-forecast-id'), name: value('edit-forecast-name'),
    date: orNull(value('edit-forecast-date')), yearInFocus: value('edit-forecast-yearInFocus') },
    t('page.editor.added', value('edit-forecast-id'))));
}

function officeHoursSection() {
  const f = form('editor-office-hours', t('page.editor.office.hours'),
    input(t('page.editor.from'), 'start', { type: 'time', value: editor.dataset.officeStart.slice(0, 5) }),
    input(t('page.editor.to'), 'end', { type: 'time', value: editor.dataset.officeEnd.slice(0, 5) }),
    el('button', { type: 'submit', text: t('page.editor.save.office.hours') }));
  return onSubmit(f, (f) => edit(f, { type: 'setOfficeHours', start: value('edit-start'), end: value('edit-end') }, t('page.editor.office.hours.saved')));
}

// Nytt år: the scenario rolled into next year's as a new scenario, and the list of what to confirm there.

function nextYearSection() {
  const year = Math.max(...editor.dataset.activities.map((a) => Number((a.date || '0').slice(0, 4)))) + 1;
  const f = form('editor-next-year', t('page.editor.next.year'),
    el('p', { class: 'hint', text: t('page.editor.next.year.hint') }),
    input(t('page.editor.year'), 'year', { type: 'number', value: year, min: 2000, id: 'edit-next-year' }),
    el('button', { type: 'submit', text: t('page.editor.create.next.year') }));
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
    say(t('page.editor.next.year.created', rolled.scenario.name, rolled.toConfirm.length), 'info');
    $('editor-to-confirm').focus();
  });
}

/** The list of what to confirm after "Nytt år", each a button to where it is confirmed. */
function toConfirm(items) {
  return el('section', { id: 'editor-to-confirm', tabindex: -1 }, el('h2', { text: t('page.editor.to.confirm') }),
    el('ul', {}, items.map((item) => el('li', {}, item.kind === 'NOTE' ? item.text
      : el('button', { type: 'button', class: 'link', text: item.text, on: { click: () => goTo(item) } })))));
}

function importedRows(rows) {
  return el('section', { id: 'editor-imported' }, el('h2', { text: t('page.editor.imported') }),
    el('ul', {}, rows.map((row) => el('li', {}, el('button', { type: 'button', class: 'link',
      text: t('page.editor.imported.row', row.id, row.name, [row.noChain ? t('page.editor.no.chain') : null,
        row.unitGuessed ? t('page.editor.unit.guessed', row.unit) : null].filter((x) => x).join(', ')), on: { click: () => goTo({ kind: 'ACTIVITY', activity: row.id }) } })))));
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
  return here.length ? el('ul', { class: 'findings', 'aria-label': t('page.editor.validation') }, here.map((f) =>
    el('li', { class: f.kind, text: t('page.editor.finding', f.field ? t('page.editor.finding.at', kindName(f.kind), f.field) : kindName(f.kind),
      f.message) }))) : null;
}

function findingsSection() {
  const shown = editor.findings;
  return el('section', { id: 'editor-findings' }, el('h2', { text: t('page.editor.validation.count', shown.length) }),
    shown.length ? el('ul', { class: 'findings' }, shown.map((f) => el('li', { class: f.kind },
      kindName(f.kind) + ': ', f.item && (f.table === 'activities.csv' || f.table === 'sittings.csv')
        ? el('button', { type: 'button', class: 'link', text: f.item, on: { click: () => goTo(f.table === 'sittings.csv'
          ? { kind: 'SITTING', body: f.item.replace(/ \d{4}-\d{2}-\d{2}$/, ''), date: f.item.slice(-10) }
          : { kind: 'ACTIVITY', activity: f.item }) } }) : (f.item || ''),
      ' ' + f.message))) : el('p', { text: t('page.editor.nothing.found') }));
}
