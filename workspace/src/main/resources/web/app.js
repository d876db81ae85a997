'use strict';
// The planners' workspace: one page over the JSON API. No build step; plain DOM and SVG.

const COLOURS = { P: '#2f6db5', B: '#c9772b', I: '#6a3d9a', IK: '#b8333a', U: '#2e8b57' };
const PROCESSES = { P: 'Planering', B: 'Budget', I: 'Investering', IK: 'Intern kontroll', U: 'Uppföljning' };
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober',
  'november', 'december'];
const DAYS = ['mån', 'tis', 'ons', 'tors', 'fre', 'lör', 'sön'];
const SVG = 'http://www.w3.org/2000/svg';
const ROLES = { VIEWER: 'läsare', PLANNER: 'planerare', ADMIN: 'administratör' };

const state = { scenarios: [], id: null, view: null, selected: null, rules: {}, moved: new Set(), poll: null, session: null };

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === null || v === undefined || v === false) return;
    if (k === 'on') Object.entries(v).forEach(([event, f]) => node.addEventListener(event, f));
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : v);
  });
  children.flat().forEach((c) => { if (c !== null && c !== undefined) node.append(c.nodeType ? c : String(c)); });
  return node;
}

async function api(method, path, body) {
  const options = { method, headers: {} };
  if (method !== 'GET' && state.session && state.session.csrf) options.headers['X-CSRF-Token'] = state.session.csrf;
  if (body instanceof FormData) options.body = body;
  else if (body !== undefined) { options.body = JSON.stringify(body); options.headers['Content-Type'] = 'application/json'; }
  const response = await fetch(path, options);
  const text = await response.text();
  const data = text && (response.headers.get('Content-Type') || '').includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    const error = new Error((data && data.error) || response.statusText);
    error.status = response.status;
    throw error;
  }
  return data;
}

function say(text, kind) {
  const box = $('message');
  box.textContent = text || '';
  box.className = text ? kind : '';
}

async function guarded(work) {
  try { say(''); await work(); } catch (e) { say(e.message, 'error'); }
}

const ruleName = (name) => state.rules[name] || name;
const colour = (a) => (a.external ? '#555' : COLOURS[a.processes[0]] || '#777');
const date = (d) => new Date(d + 'T00:00:00Z');
const iso = (d) => d.toISOString().slice(0, 10);
function isoWeek(d) {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  return Math.ceil(((t - yearStart) / 86400000 + 1) / 7);
}
function swedishDate(text) {
  const d = date(text);
  return DAYS[(d.getUTCDay() + 6) % 7] + ' ' + d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear();
}

// --- Scenarios

async function loadScenarios(select) {
  state.scenarios = await api('GET', '/api/scenarios');
  const options = state.scenarios.map((s) => el('option', { value: s.id, text: s.name + (s.published ? ' (publicerad)' : '') }));
  $('scenario').replaceChildren(...options);
  $('compare-with').replaceChildren(...state.scenarios.map((s) => el('option', { value: s.id, text: s.name })));
  const id = select || state.id || (state.scenarios[0] && state.scenarios[0].id);
  $('scenario').value = id;
  await open(Number(id));
}

async function open(id) {
  state.id = id;
  state.view = await api('GET', '/api/scenarios/' + id + '/calendar');
  ['csv', 'xlsx', 'ics', 'html', 'zip'].forEach((kind) => {
    const file = { csv: 'calendar.csv', xlsx: 'calendar.xlsx', ics: 'calendar.ics', html: 'yearview.html', zip: 'dataset.zip' }[kind];
    $('export-' + kind).href = '/api/scenarios/' + id + '/' + file;
  });
  if (!$('today').value) $('today').value = state.view.start;
  showStatus(state.view.scenario);
  render();
  if (active(state.view.scenario.status)) follow();
}

/** A solve waiting in the server's queue or running. */
function active(status) {
  return status === 'QUEUED' || status === 'SOLVING';
}

function showStatus(s, progress) {
  const solving = active(s.status);
  $('status').textContent = s.status === 'QUEUED'
    ? 'I kö: lösningen startar när en annan lösning är klar'
    : solving
    ? 'Löser… bästa poäng ' + ((progress && progress.bestScore) || '–') + ' efter ' + ((progress && progress.millis / 1000) || 0).toFixed(1) + ' s'
    : 'Version ' + s.version + ', poäng ' + s.score + (s.published ? ', publicerad' : '');
  const feed = $('feed');
  if (feed) feed.remove();
  if (!solving && s.feed) {
    $('status').after(el('a', { id: 'feed', href: s.feed, title: 'Lägg till adressen som prenumeration i Outlook eller Google Kalender',
      text: 'Prenumerera (ICS)' }));
  }
  $('solve').disabled = solving;
  $('stop').disabled = !solving;
}

function render() {
  renderWheel();
  renderMonths();
  renderFilters();
  renderTable();
  renderSittings();
  if (state.selected) showActivity(state.selected);
}

function activity(id) {
  return state.view.activities.find((a) => a.id === id);
}

// --- The year wheel: one turn a year, a ring per process, sittings and holidays on the rim, the load inside.

function renderWheel() {
  const years = [...new Set(state.view.activities.map((a) => a.date.slice(0, 4)))].sort();
  const select = $('wheel-year');
  const busiest = years.reduce((best, y) => (count(y) > count(best) ? y : best), years[0]);
  function count(y) { return state.view.activities.filter((a) => a.date.startsWith(y)).length; }
  const chosen = years.includes(select.value) ? select.value : busiest;
  select.replaceChildren(...years.map((y) => el('option', { value: y, text: y })));
  select.value = chosen;
  const year = Number(chosen);
  const size = 820, c = size / 2;
  const svg = el('svg:svg', { viewBox: `0 0 ${size} ${size}`, role: 'img', 'aria-label': 'Årshjul ' + year });
  const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86400000;
  const angle = (d) => ((date(d) - Date.UTC(year, 0, 1)) / 86400000 + 0.5) / days * 2 * Math.PI - Math.PI / 2;
  const at = (r, a) => [c + r * Math.cos(a), c + r * Math.sin(a)];
  const rings = Object.keys(COLOURS);
  const inner = 150, width = 42;
  rings.forEach((p, i) => {
    const r = inner + i * width + width / 2;
    svg.append(el('svg:circle', { cx: c, cy: c, r, fill: 'none', stroke: COLOURS[p], 'stroke-opacity': 0.15, 'stroke-width': width - 4 }));
    const [x, y] = at(r, -Math.PI / 2 - 0.04);
    svg.append(el('svg:text', { x, y: y + 4, 'text-anchor': 'end', text: p }));
  });
  const rim = inner + rings.length * width + 6;
  for (let m = 0; m < 12; m++) {
    const a = angle(iso(new Date(Date.UTC(year, m, 1)))) - 0.5 / days * 2 * Math.PI;
    const [x1, y1] = at(inner - 40, a), [x2, y2] = at(rim + 26, a);
    svg.append(el('svg:line', { x1, y1, x2, y2, stroke: '#999', 'stroke-width': 1 }));
    const mid = angle(iso(new Date(Date.UTC(year, m, 15))));
    const [tx, ty] = at(rim + 30, mid);
    svg.append(el('svg:text', { x: tx, y: ty + 4, 'text-anchor': 'middle', text: MONTHS[m] }));
  }
  Object.entries(state.view.daysOff).filter(([d]) => d.startsWith(chosen)).forEach(([d, name]) => {
    const [x1, y1] = at(rim, angle(d)), [x2, y2] = at(rim + 8, angle(d));
    svg.append(el('svg:line', { x1, y1, x2, y2, stroke: '#d33', 'stroke-width': 2 }, el('svg:title', { text: d + ' ' + name })));
  });
  Object.entries(state.view.sittings).forEach(([body, list]) => list.filter((d) => d.startsWith(chosen)).forEach((d) => {
    const [x1, y1] = at(rim + 9, angle(d)), [x2, y2] = at(rim + 17, angle(d));
    svg.append(el('svg:line', { x1, y1, x2, y2, stroke: '#e0b000', 'stroke-width': 2 }, el('svg:title', { text: body + ' sammanträder ' + d })));
  }));
  // The weekly load, one bar per week inside the rings.
  const load = {};
  state.view.activities.filter((a) => a.date.startsWith(chosen) && !a.external).forEach((a) => {
    const d = date(a.date); d.setUTCDate(d.getUTCDate() - (d.getUTCDay() + 6) % 7);
    load[iso(d)] = (load[iso(d)] || 0) + 1;
  });
  const most = Math.max(1, ...Object.values(load));
  Object.entries(load).forEach(([week, n]) => {
    const a = angle(week) + 3 / days * 2 * Math.PI;
    const [x1, y1] = at(inner - 40, a), [x2, y2] = at(inner - 40 + 34 * n / most, a);
    svg.append(el('svg:line', { x1, y1, x2, y2, stroke: '#1f3b5c', 'stroke-width': 4 },
      el('svg:title', { text: 'v. ' + isoWeek(date(week)) + ': ' + n + (n === 1 ? ' aktivitet' : ' aktiviteter') })));
  });
  svg.append(el('svg:text', { x: c, y: c - 6, 'text-anchor': 'middle', 'font-size': 22, text: String(year) }));
  svg.append(el('svg:text', { x: c, y: c + 14, 'text-anchor': 'middle', text: 'belastning per vecka' }));
  // The activities: a dot on the ring of each of its processes.
  const stack = {};
  state.view.activities.filter((a) => a.date.startsWith(chosen)).forEach((a) => {
    (a.processes.length ? a.processes : ['U']).forEach((p) => {
      const key = p + a.date;
      const n = stack[key] = (stack[key] || 0) + 1;
      const r = inner + rings.indexOf(p) * width + 8 + ((n - 1) % 4) * 9;
      const [x, y] = at(r, angle(a.date));
      svg.append(el('svg:circle', {
        cx: x, cy: y, r: 4.5, fill: a.external ? '#555' : COLOURS[p], class: 'dot' + (state.selected === a.id ? ' selected' : ''),
        'data-id': a.id, on: { click: () => showActivity(a.id) },
      }, el('svg:title', { text: a.date + ' ' + a.name })));
    });
  });
  $('wheel').replaceChildren(svg);
}

// --- The month grid, with drag and drop

function renderMonths() {
  const months = $('months');
  months.replaceChildren();
  const byDate = {};
  state.view.activities.forEach((a) => (byDate[a.date] = byDate[a.date] || []).push(a));
  const sittings = {};
  Object.entries(state.view.sittings).forEach(([body, list]) => list.forEach((d) => (sittings[d] = sittings[d] || []).push(body)));
  const first = date(state.view.start), last = date(state.view.end);
  for (let m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)); m <= last; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    const table = el('table', {}, el('tr', {}, el('th', { text: 'v.' }), DAYS.map((d) => el('th', { text: d }))));
    const end = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
    let day = new Date(m); day.setUTCDate(day.getUTCDate() - (day.getUTCDay() + 6) % 7);
    while (day < end) {
      const row = el('tr', {}, el('td', { class: 'wk', text: isoWeek(day) }));
      for (let i = 0; i < 7; i++, day = new Date(day.getTime() + 86400000)) {
        if (day.getUTCMonth() !== m.getUTCMonth()) { row.append(el('td', { class: 'out' })); continue; }
        const d = iso(day);
        const off = state.view.daysOff[d] ? 'holiday' : i >= 5 ? 'weekend' : '';
        const cell = el('td', { class: off, 'data-date': d, title: state.view.daysOff[d] || null },
          el('div', {}, String(day.getUTCDate()), ' ', (sittings[d] || []).map((b) => el('span', { class: 'sit', text: b }))),
          (byDate[d] || []).map(chip));
        cell.addEventListener('dragover', (e) => { e.preventDefault(); cell.classList.add('over'); });
        cell.addEventListener('dragleave', () => cell.classList.remove('over'));
        cell.addEventListener('drop', (e) => {
          e.preventDefault();
          cell.classList.remove('over');
          const id = e.dataTransfer.getData('text/plain');
          if (id && activity(id).date !== d) replan({ pin: [id + '=' + d] }, activity(id).name + ' till ' + d);
        });
        row.append(cell);
      }
      table.append(row);
    }
    months.append(el('section', { class: 'month' }, el('h3', { text: MONTHS[m.getUTCMonth()] + ' ' + m.getUTCFullYear() }), table));
  }
}

function chip(a) {
  const movable = !a.external;
  const node = el('div', {
    class: 'chip' + (movable ? '' : ' fixed') + (state.selected === a.id ? ' selected' : '') + (state.moved.has(a.id) ? ' moved' : ''),
    draggable: movable ? 'true' : null, 'data-id': a.id, style: 'background:' + colour(a), title: a.name,
    on: { click: () => showActivity(a.id) },
  }, (a.start ? a.start.slice(0, 5) + ' ' : '') + a.name);
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

// --- The table, with filters

function renderFilters() {
  const fill = (id, values) => {
    const select = $(id), kept = select.value;
    select.replaceChildren(el('option', { value: '', text: 'alla' }), ...[...new Set(values)].sort().map((v) => el('option', { value: v, text: v })));
    select.value = kept;
  };
  fill('filter-body', state.view.activities.flatMap((a) => a.bodies));
  fill('filter-unit', state.view.activities.map((a) => a.unit).filter(Boolean));
  fill('filter-process', state.view.activities.flatMap((a) => a.processes));
}

function renderTable() {
  const text = $('filter-text').value.toLowerCase(), body = $('filter-body').value;
  const unit = $('filter-unit').value, process = $('filter-process').value;
  const rows = state.view.activities.filter((a) => (!text || (a.name + ' ' + a.id + ' ' + a.comment).toLowerCase().includes(text))
    && (!body || a.bodies.includes(body)) && (!unit || a.unit === unit) && (!process || a.processes.includes(process)));
  $('table').replaceChildren(
    el('tr', {}, ['Id', 'Datum', 'Tid', 'Aktivitet', 'Organ', 'Enhet', 'Process', 'År i fokus'].map((h) => el('th', { text: h }))),
    ...rows.map((a) => el('tr', { class: 'clickable', 'data-id': a.id, on: { click: () => showActivity(a.id) } },
      el('td', { text: a.id }), el('td', { text: a.date }), el('td', { text: a.start ? a.start.slice(0, 5) + '–' + a.end.slice(0, 5) : '' }),
      el('td', { text: a.name }), el('td', { text: a.bodies.join(', ') }), el('td', { text: a.unit }),
      el('td', { text: a.processes.join(', ') }), el('td', { text: a.yearInFocus }))));
  $('table').dataset.rows = rows.length;
}

// --- Sittings and forecasts

function renderSittings() {
  const bodies = Object.keys(state.view.sittings);
  const select = $('sitting-body'), kept = select.value;
  select.replaceChildren(...bodies.map((b) => el('option', { value: b, text: b })));
  if (kept) select.value = kept;
  $('sitting-list').replaceChildren(el('table', { class: 'grid' },
    el('tr', {}, el('th', { text: 'Organ' }), el('th', { text: 'Sammanträdesdagar' })),
    bodies.map((b) => el('tr', {}, el('td', { text: b }), el('td', { text: state.view.sittings[b].join(', ') })))));
}

// --- One activity: details, chain, rules, where it could go

function showActivity(id) {
  const a = activity(id);
  if (!a) return;
  state.selected = id;
  document.querySelectorAll('.selected').forEach((n) => n.classList.remove('selected'));
  document.querySelectorAll(`[data-id="${CSS.escape(id)}"]`).forEach((n) => n.classList.add('selected'));
  const link = (l) => el('li', {}, el('a', { text: l.id, on: { click: () => showActivity(l.id) } }),
    ' ' + (activity(l.id) ? activity(l.id).name + ' (' + activity(l.id).date + ')' : ''),
    el('br'), el('small', { text: 'minst ' + l.minLag + (l.unit === 'CALENDAR_DAYS' ? ' kalenderdagar' : ' arbetsdagar')
      + (l.buffer ? ', gärna ' + l.buffer : '') + (l.reason ? ': ' + l.reason : '') }));
  const rules = [];
  if (a.bodies.length) rules.push('Beslutas på ett sammanträde med ' + a.bodies.join(' och ') + '.');
  if (a.earliest || a.latest) rules.push('Tidsfönster ' + (a.earliest || '…') + ' – ' + (a.latest || '…') + (a.note ? ': ' + a.note : '') + '.');
  if (a.external) rules.push('Extern händelse (SKR): ligger fast.');
  if (a.pinned) rules.push('Låst till sitt datum.');
  if (a.participants.length) rules.push('Deltagarna kan inte vara på två möten samtidigt.');
  rules.push('Ligger på en arbetsdag.');
  const mover = el('form', { on: { submit: (e) => { e.preventDefault(); const d = $('move-to').value; if (d) replan({ pin: [a.id + '=' + d] }, a.name + ' till ' + d); } } },
    el('label', {}, 'Flytta till ', el('input', { id: 'move-to', type: 'date', value: a.date })), el('button', { type: 'submit', text: 'Flytta och planera om' }));
  $('activity').replaceChildren(
    el('h2', { text: a.name }),
    el('dl', {},
      el('dt', { text: 'Id' }), el('dd', { text: a.id }),
      el('dt', { text: 'Datum' }), el('dd', { text: swedishDate(a.date) + (a.start ? ' ' + a.start.slice(0, 5) + '–' + a.end.slice(0, 5) : '') }),
      el('dt', { text: 'Handgjort datum' }), el('dd', { text: a.baseline || '' }),
      el('dt', { text: 'Organ' }), el('dd', { text: a.bodies.join(', ') || '–' }),
      el('dt', { text: 'Ansvarig' }), el('dd', { text: a.unit || '–' }),
      el('dt', { text: 'Deltagare' }), el('dd', { text: a.participants.join(', ') || '–' }),
      el('dt', { text: 'Process' }), el('dd', { text: a.processes.map((p) => PROCESSES[p]).join(', ') || '–' }),
      el('dt', { text: 'År i fokus' }), el('dd', { text: a.yearInFocus || '–' }),
      a.comment ? [el('dt', { text: 'Kommentar' }), el('dd', { text: a.comment })] : null),
    el('h3', { text: 'Regler' }), el('ul', {}, rules.map((r) => el('li', { text: r }))),
    a.external ? null : el('h3', { text: 'Kan flyttas till' }),
    a.external ? null : (a.possibleDates.length
      ? el('p', { class: 'possible-dates' }, a.possibleDates.length + (a.possibleDates.length === 1 ? ' dag' : ' dagar')
        + ' utan att bryta en hård regel när allt annat ligger kvar: ',
        a.possibleDates.map((d) => el('a', { 'data-date': d, text: d.slice(5), title: swedishDate(d),
          on: { click: () => replan({ pin: [a.id + '=' + d] }, a.name + ' till ' + d) } })).flatMap((link) => [link, ' ']))
      : el('p', { text: 'Ingen annan dag håller alla hårda regler medan resten ligger kvar; en omplanering kan flytta fler.' })),
    el('h3', { text: 'Kedjan före' }), a.before.length ? el('ul', {}, a.before.map(link)) : el('p', { text: 'Inget steg före.' }),
    el('h3', { text: 'Kedjan efter' }), a.after.length ? el('ul', {}, a.after.map(link)) : el('p', { text: 'Inget steg efter.' }),
    a.external ? null : mover);
}

// --- Changing: re-plan, solve, undo, copy, publish, import

async function replan(changes, label) {
  await guarded(async () => {
    say('Planerar om: ' + label + '…', 'info');
    const before = state.view.scenario.version;
    const today = $('today').value || null;
    const result = await api('POST', '/api/scenarios/' + state.id + '/replan', Object.assign({ version: before, today }, changes));
    state.moved = new Set(result.moves.map((m) => m.id));
    const damaged = result.moves.length > 0 || result.blockers.length > 0;
    const adviceButton = damaged && Object.keys(changes).length
      ? el('button', { type: 'button', id: 'advise', text: 'Föreslå åtgärder', on: { click: () => advise(changes, before, today, label) } })
      : null;
    $('changes').replaceChildren(el('h3', { text: result.moves.length + (result.moves.length === 1 ? ' aktivitet flyttad' : ' aktiviteter flyttade') }),
      el('ul', {}, result.moves.map((m) => el('li', { 'data-id': m.id }, el('a', { text: m.id, on: { click: () => showActivity(m.id) } }),
        ' ' + m.oldDate + ' → ' + m.newDate + ': ' + m.reason)),
      result.blockers.map((b) => el('li', { class: 'worse', text: b }))), adviceButton, el('div', { id: 'advice' }));
    await loadScenarios(state.id);
    say('Omplanerat: ' + label + '. Ny poäng ' + result.scenario.score + '.', 'info');
  });
}

/** What would do better than the change just made: each fix, and a button that makes the change again with it. */
async function advise(changes, version, today, label) {
  await guarded(async () => {
    say('Söker åtgärder som gör mindre skada…', 'info');
    const advice = await api('POST', '/api/scenarios/' + state.id + '/advise', Object.assign({ version, today }, changes));
    $('advice').replaceChildren(el('h3', { text: advice.length ? 'Råd' : 'Ingen åtgärd nära skadan gör det bättre' }),
      el('ul', {}, advice.map((a) => el('li', { class: 'advice' }, a.options + ' (' + a.moved + ' flyttas i stället för ' + a.movedWithout
        + ', poäng ' + a.score + ') ', el('button', { type: 'button', text: 'Använd', on: { click: () => useAdvice(changes, a, label) } })))));
    say(advice.length ? 'Råd: ' + advice.length + ' åtgärder, bästa först.' : '', 'info');
  });
}

async function useAdvice(changes, advice, label) {
  const fixed = {};
  Object.entries(changes).forEach(([k, v]) => (fixed[k] = v.filter((c) => !advice.without.includes(c))));
  Object.entries(advice.add).forEach(([k, v]) => (fixed[k] = (fixed[k] || []).concat(v)));
  await guarded(() => api('POST', '/api/scenarios/' + state.id + '/undo', { version: state.view.scenario.version }));
  await loadScenarios(state.id);
  await replan(fixed, label + ' med ' + advice.options);
}

function follow() {
  clearInterval(state.poll);
  state.poll = setInterval(async () => {
    const progress = await api('GET', '/api/scenarios/' + state.id + '/progress');
    showStatus({ status: progress.status }, progress);
    if (!active(progress.status)) {
      clearInterval(state.poll);
      if (progress.error) say(progress.error, 'error');
      await loadScenarios(state.id);
    }
  }, 400);
}

async function renderAnalysis() {
  const a = await api('GET', '/api/scenarios/' + state.id + '/analysis');
  $('view-analysis').replaceChildren(
    el('h2', { text: 'Poäng ' + a.score + (a.feasible ? ': inga hårda regler brutna' : ': bryter hårda regler') }),
    el('table', { class: 'grid' }, el('tr', {}, ['Regel', 'Hård', 'Träffar', 'Poäng'].map((h) => el('th', { text: h }))),
      a.totals.map((t) => el('tr', {}, el('td', { text: ruleName(t.constraint) }), el('td', { text: t.hard ? 'ja' : 'nej' }),
        el('td', { class: 'num', text: t.matches }), el('td', { class: 'num', text: t.score })))),
    el('h3', { text: 'Brutna regler och kostnader' }),
    el('ul', {}, a.violations.slice(0, 60).map((v) => el('li', { class: v.hard ? 'worse' : '' }, ruleName(v.constraint) + ': ' + v.description))));
}

async function renderHistory() {
  const versions = await api('GET', '/api/scenarios/' + state.id + '/history');
  const current = state.view.scenario.version;
  const planner = state.session.role !== 'VIEWER';
  $('view-history').replaceChildren(el('table', { class: 'grid', id: 'history' },
    el('tr', {}, ['Version', 'Sparad', 'Av', 'Vad', 'Poäng', 'Kalender', ''].map((h) => el('th', { text: h }))),
    versions.map((v) => el('tr', {}, el('td', { class: 'num', text: v.version }), el('td', { text: new Date(v.savedAt).toLocaleString('sv-SE') }),
      el('td', { text: v.by || '' }), el('td', { text: v.what }), el('td', { text: v.score }),
      el('td', {}, el('a', { href: '/api/scenarios/' + state.id + '/versions/' + v.version + '/calendar.csv', text: 'CSV, version ' + v.version })),
      el('td', {}, planner && v.version !== current ? el('button', { type: 'button', text: 'Återställ', on: { click: () => guarded(async () => {
        await api('POST', '/api/scenarios/' + state.id + '/restore', { version: v.version, basedOn: current });
        await loadScenarios(state.id);
        await renderHistory();
        say('Version ' + v.version + ' återställd som en ny version.', 'info');
      }) } }) : null)))));
}

async function renderComparison() {
  const other = Number($('compare-with').value);
  const c = await api('GET', '/api/compare?a=' + state.id + '&b=' + other);
  const name = (id) => (state.scenarios.find((s) => s.id === id) || {}).name;
  $('comparison').replaceChildren(
    el('p', {}, 'A: ' + name(state.id) + ', poäng ' + c.scoreA, el('br'), 'B: ' + name(other) + ', poäng ' + c.scoreB, el('br'),
      el('a', { id: 'compare-page', href: '/api/compare.html?a=' + state.id + '&b=' + other, target: '_blank', text: 'Jämförelsen som sida (för utskrift)' })),
    el('h3', { text: 'Poäng per regel' }),
    el('table', { class: 'grid' }, el('tr', {}, ['Regel', 'A', 'B', 'B − A'].map((h) => el('th', { text: h }))),
      c.rules.map((r) => el('tr', {}, el('td', { text: ruleName(r.constraint) }), el('td', { class: 'num', text: r.scoreA }),
        el('td', { class: 'num', text: r.scoreB }), el('td', { class: 'num ' + (r.worse ? 'worse' : ''), text: r.difference })))),
    el('h3', { text: c.moves.length + (c.moves.length === 1 ? ' aktivitet flyttad' : ' aktiviteter flyttade') }),
    el('table', { class: 'grid', id: 'compare-moves' }, el('tr', {}, ['Id', 'Aktivitet', 'A', 'B', 'Dagar'].map((h) => el('th', { text: h }))),
      c.moves.map((m) => el('tr', {}, el('td', { text: m.id }), el('td', { text: m.name }), el('td', { text: m.dateA }),
        el('td', { text: m.dateB }), el('td', { class: 'num', text: m.days })))),
    el('h3', { text: 'Arbetsbelastning per enhet och vecka' }),
    loadChart(c.workload),
    el('h3', { text: 'Veckor där A och B skiljer sig' }),
    el('table', { class: 'grid' }, el('tr', {}, ['Enhet', 'Vecka', 'A', 'B'].map((h) => el('th', { text: h }))),
      c.workload.filter((w) => w.activitiesA !== w.activitiesB).map((w) => el('tr', {}, el('td', { text: w.unit }),
        el('td', { text: 'v. ' + isoWeek(date(w.week)) + ' (' + w.week + ')' }), el('td', { class: 'num', text: w.activitiesA }),
        el('td', { class: 'num', text: w.activitiesB })))));
}

/** Each unit's weekly load in A (blue, left) and B (orange, right), the units where they differ first. */
function loadChart(workload) {
  const units = [...new Set(workload.map((w) => w.unit))];
  const differs = (u) => workload.some((w) => w.unit === u && w.activitiesA !== w.activitiesB);
  units.sort((x, y) => differs(y) - differs(x));
  const weeks = [...new Set(workload.map((w) => w.week))].sort();
  const most = Math.max(1, ...workload.map((w) => Math.max(w.activitiesA, w.activitiesB)));
  const left = 110, step = 6, rowHeight = 46, width = left + weeks.length * step + 10;
  const svg = el('svg:svg', { class: 'load-chart', viewBox: `0 0 ${width} ${units.length * rowHeight + 40}`, width: '100%', role: 'img',
    'aria-label': 'Arbetsbelastning per enhet och vecka, A och B' });
  units.forEach((unit, i) => {
    const base = 14 + (i + 1) * rowHeight - 8;
    svg.append(el('svg:text', { x: left - 6, y: base - 10, 'text-anchor': 'end', 'font-size': 11, text: unit }));
    svg.append(el('svg:line', { x1: left, y1: base, x2: width - 10, y2: base, stroke: '#888' }));
    workload.filter((w) => w.unit === unit).forEach((w) => {
      const x = left + weeks.indexOf(w.week) * step;
      [[w.activitiesA, '#2f6db5', 0], [w.activitiesB, '#c9772b', 3]].forEach(([n, fill, dx]) => {
        if (!n) return;
        const h = (rowHeight - 14) * n / most;
        svg.append(el('svg:rect', { x: x + dx, y: base - h, width: 3, height: h, fill },
          el('svg:title', { text: unit + ', v. ' + isoWeek(date(w.week)) + ': A ' + w.activitiesA + ', B ' + w.activitiesB })));
      });
    });
  });
  weeks.forEach((week, i) => {
    const number = isoWeek(date(week));
    if (number % 8 === 1) svg.append(el('svg:text', { x: left + i * step, y: units.length * rowHeight + 30, 'font-size': 10, text: 'v. ' + number }));
  });
  return el('div', {}, el('p', { class: 'hint' }, el('span', { class: 'key', style: 'background:#2f6db5' }), 'A ',
    el('span', { class: 'key', style: 'background:#c9772b' }), 'B: aktiviteter per vecka (högst ' + most + ')'), svg);
}

function wire() {
  $('scenario').addEventListener('change', () => guarded(() => open(Number($('scenario').value))));
  $('wheel-year').addEventListener('change', renderWheel);
  ['filter-text', 'filter-body', 'filter-unit', 'filter-process'].forEach((id) => $(id).addEventListener('input', renderTable));
  document.querySelectorAll('#tabs button').forEach((tab) => tab.addEventListener('click', () => guarded(async () => {
    document.querySelectorAll('#tabs button').forEach((t) => t.classList.toggle('active', t === tab));
    document.querySelectorAll('.view').forEach((v) => (v.hidden = v.id !== 'view-' + tab.dataset.view));
    if (tab.dataset.view === 'analysis') await renderAnalysis();
    if (tab.dataset.view === 'history') await renderHistory();
    if (tab.dataset.view === 'users') await renderUsers();
  })));
  $('solve').addEventListener('click', () => guarded(async () => {
    const s = await api('POST', '/api/scenarios/' + state.id + '/solve');
    showStatus(s);
    follow();
  }));
  $('stop').addEventListener('click', () => guarded(() => api('POST', '/api/scenarios/' + state.id + '/stop')));
  $('undo').addEventListener('click', () => guarded(async () => {
    await api('POST', '/api/scenarios/' + state.id + '/undo', { version: state.view.scenario.version });
    state.moved = new Set();
    await loadScenarios(state.id);
    say('Ångrat: tillbaka till förra versionen.', 'info');
  }));
  $('copy').addEventListener('click', () => guarded(async () => {
    const name = prompt('Namn på kopian', state.view.scenario.name + ' (kopia)');
    if (name === null) return;
    const copy = await api('POST', '/api/scenarios/' + state.id + '/copy', { name });
    await loadScenarios(copy.id);
    say('Kopierat till ' + copy.name + '.', 'info');
  }));
  $('publish').addEventListener('click', () => guarded(async () => {
    await api('POST', '/api/scenarios/' + state.id + '/publish');
    await loadScenarios(state.id);
    say('Publicerad: detta är nu den gemensamma kalendern.', 'info');
  }));
  $('import').addEventListener('change', () => guarded(async () => {
    const file = $('import').files[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    const created = await api('POST', '/api/scenarios', form);
    $('import').value = '';
    await loadScenarios(created.id);
    say('Importerad: ' + created.name + '.', 'info');
  }));
  $('sitting-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const action = $('sitting-action').value, body = $('sitting-body').value;
    const from = $('sitting-from').value, to = $('sitting-to').value;
    const change = {
      moveSitting: body + ':' + from + '=' + to, cancelSitting: body + ':' + from, addSitting: body + ':' + from, moveForecast: from + '=' + to,
    }[action];
    replan({ [action]: [change] }, { moveSitting: 'flytta ', cancelSitting: 'ställ in ', addSitting: 'lägg till ', moveForecast: 'flytta prognos ' }[action] + change);
  });
  $('compare').addEventListener('click', () => guarded(renderComparison));
  $('user-form').addEventListener('submit', (e) => {
    e.preventDefault();
    guarded(async () => {
      const issued = await api('POST', '/api/users', { name: $('user-name').value, role: $('user-role').value, password: $('user-password').value });
      $('user-form').reset();
      showToken(issued);
      await renderUsers();
    });
  });
}

/** An API token is shown once, when it is issued; the server keeps only its hash. */
function showToken(issued) {
  $('user-token').hidden = false;
  $('user-token').replaceChildren('API-token för ' + issued.name + ' (visas bara nu): ', el('code', { text: issued.token }));
}

async function renderUsers() {
  const users = await api('GET', '/api/users');
  $('user-list').replaceChildren(el('table', { class: 'grid', id: 'users' },
    el('tr', {}, ['Användare', 'Roll', 'Skapad', 'Lösenord', '', ''].map((h) => el('th', { text: h }))),
    users.map((u) => el('tr', { 'data-user': u.name }, el('td', { text: u.name }), el('td', { text: ROLES[u.role] }),
      el('td', { text: new Date(u.createdAt).toLocaleDateString('sv-SE') }), el('td', { text: u.hasPassword ? 'ja' : 'nej' }),
      el('td', {}, el('button', { type: 'button', class: 'token', text: 'Nytt token', on: { click: () => guarded(async () => {
        showToken(await api('POST', '/api/users/' + encodeURIComponent(u.name) + '/token'));
      }) } })),
      el('td', {}, u.name === state.session.name ? null : el('button', { type: 'button', class: 'remove', text: 'Ta bort', on: { click: () => guarded(async () => {
        if (!confirm('Ta bort ' + u.name + '? Kontot kan inte längre logga in, och dess token slutar gälla.')) return;
        await api('DELETE', '/api/users/' + encodeURIComponent(u.name));
        await renderUsers();
        say(u.name + ' är borttagen.', 'info');
      }) } }))))));
  const events = await api('GET', '/api/audit');
  $('audit-list').replaceChildren(el('table', { class: 'grid', id: 'audit' },
    el('tr', {}, ['Tid', 'Vem', 'Varifrån', 'Vad', 'Gäller'].map((h) => el('th', { text: h }))),
    events.map((e) => el('tr', {}, el('td', { text: new Date(e.at).toLocaleString('sv-SE') }), el('td', { text: e.by || '' }),
      el('td', { text: e.address === 'command line' ? 'kommandoraden' : e.address }), el('td', { text: AUDIT_ACTIONS[e.action] || e.action }),
      el('td', { text: e.subject })))));
}

/** The audit log's actions in the page's words. */
const AUDIT_ACTIONS = {
  LOGIN: 'Inloggning', LOGIN_FAILED: 'Misslyckad inloggning', LOGIN_LOCKED: 'Inloggning spärrad', LOGOUT: 'Utloggning',
  USER_ADDED: 'Användare tillagd', USER_REMOVED: 'Användare borttagen', TOKEN_RENEWED: 'Nytt token',
  PUBLISHED: 'Publicerad', FEED_ROTATED: 'Ny adress för prenumerationen', SCENARIO_DELETED: 'Scenario borttaget',
};

/** What the account may do decides which buttons it sees (the server refuses the rest anyway). */
function showSession() {
  const s = state.session;
  const planner = s.role === 'PLANNER' || s.role === 'ADMIN';
  ['solve', 'stop', 'undo', 'copy'].forEach((id) => ($(id).hidden = !planner));
  document.querySelector('header .upload').hidden = !planner;
  $('sitting-form').hidden = !planner;
  $('publish').hidden = s.role !== 'ADMIN';
  $('users-tab').hidden = !(s.accounts && s.role === 'ADMIN');
  $('who').replaceChildren(...(s.accounts ? [s.name + ' (' + ROLES[s.role] + ') ',
    el('a', { href: '#', id: 'logout', text: 'Logga ut', on: { click: (e) => { e.preventDefault(); guarded(async () => { await api('POST', '/api/logout'); location.reload(); }); } } })] : []));
}

async function start() {
  try {
    state.session = await api('GET', '/api/session');
  } catch (e) {
    if (e.status !== 401) throw e;
    $('login').hidden = false;
    return;
  }
  $('login').hidden = true;
  showSession();
  state.rules = await api('GET', '/api/rules');
  await loadScenarios();
  document.body.dataset.ready = 'true';
}

$('login').addEventListener('submit', (e) => {
  e.preventDefault();
  guarded(async () => {
    state.session = await api('POST', '/api/login', { name: $('login-name').value, password: $('login-password').value });
    await start();
  });
});

guarded(async () => {
  wire();
  await start();
});
