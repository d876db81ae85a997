// The year wheel (årshjul): one turn is the whole planning cycle of the dataset (its horizon, e.g. May of the year
// before to December) or a chosen year, the first month at the top. Inside out: the weekly load, a ring per process
// with a dot per activity, the months, a track per body with its sitting days, the holidays, and every activity's
// name at its date. The same items are also a list and a table under the wheel (its text alternative).
import { $, el } from './dom.js';
import { MONTHS, date, iso, isoWeek, swedishDate } from './format.js';
import { code, key, palette, processKeys, processes } from './palette.js';
import { t } from './words.js';

const SIZE = 1200, C = SIZE / 2;
/** Radii of the bands, inside out. */
const LOAD = [50, 110], RING = 25, RINGS_FROM = 110, MONTH_BAND = [235, 262], TRACKS = [264, 330], HOLIDAY = [332, 342];
const LABEL_FROM = 400, LEADER_FROM = HOLIDAY[1] + 2;
/** A label's height along the circle, in the wheel's units (its font is 18: at least 11 px however small the wheel). */
const LABEL_STEP = 18.5;
/** The gap left at the top, where the cycle starts and ends, as a share of the turn. */
const GAP = 0.03;
/** Names longer than this are cut at a word, with "…"; the whole name is in the label's tooltip and accessible name. */
const LABEL_CHARS = 21;

/** The periods the wheel can show: the whole cycle (the calendar's horizon) first, then each calendar year in it. */
function periods(view) {
  const first = date(view.start), last = date(view.end);
  const from = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1));
  const to = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1));
  const name = (d) => MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear();
  const list = [{ value: 'cycle', text: t('page.wheel.cycle', name(from), name(new Date(to - 86400000))), from, to }];
  for (let y = from.getUTCFullYear(); y <= last.getUTCFullYear(); y++) {
    list.push({ value: String(y), text: t('page.wheel.year', y), from: new Date(Date.UTC(y, 0, 1)), to: new Date(Date.UTC(y + 1, 0, 1)) });
  }
  return list;
}

/** A name cut at a word to fit a label. */
export function shortName(name, chars = LABEL_CHARS) {
  if (name.length <= chars) return name;
  const cut = name.slice(0, chars - 1);
  const space = name.charAt(chars - 1) === ' ' ? cut.length : cut.lastIndexOf(' ');
  return (space > chars / 2 ? cut.slice(0, space) : cut).replace(/[\s,.:;–-]+$/, '') + '…';
}

/**
 * Spreads labels wanted at angles (sorted) so that neighbours are at least step apart, each group of crowded labels
 * centred on where its members want to be, all within [low, high].
 */
function spread(wanted, step, low, high) {
  const groups = [];
  wanted.forEach((angle) => {
    groups.push({ sum: angle, n: 1 });
    for (;;) {
      const g = groups[groups.length - 1];
      g.at = Math.min(Math.max(g.sum / g.n - (g.n - 1) * step / 2, low), high - (g.n - 1) * step);
      const before = groups[groups.length - 2];
      if (!before || before.at + before.n * step <= g.at) break;
      before.sum += g.sum; before.n += g.n;
      groups.pop();
    }
  });
  return groups.flatMap((g) => Array.from({ length: g.n }, (_, i) => g.at + i * step));
}

/** Draws the period chosen (at first the whole cycle) of the calendar view; select(id) when an activity is chosen. */
export function renderWheel(view, selected, select) {
  const choice = $('wheel-year');
  const options = periods(view);
  const chosen = options.find((p) => p.value === choice.value) || options[0];
  choice.replaceChildren(...options.map((p) => el('option', { value: p.value, text: p.text })));
  choice.value = chosen.value;
  const inPeriod = (d) => date(d) >= chosen.from && date(d) < chosen.to;
  const days = (chosen.to - chosen.from) / 86400000;
  const start = -Math.PI / 2 + GAP * Math.PI, turn = 2 * Math.PI * (1 - GAP);
  const angle = (d) => start + ((date(d) - chosen.from) / 86400000 + 0.5) / days * turn;
  const at = (r, a) => [C + r * Math.cos(a), C + r * Math.sin(a)];
  const colours = palette();
  const rings = Object.keys(processes());
  const activities = view.activities.filter((a) => inPeriod(a.date));
  const bodies = Object.keys(view.sittings).filter((b) => activities.some((a) => a.bodies.includes(b)));
  const track = (TRACKS[1] - TRACKS[0]) / Math.max(1, bodies.length);

  const svg = el('svg:svg', { viewBox: `0 0 ${SIZE} ${SIZE}`, role: 'group', id: 'wheel-graphic',
    'aria-label': t('page.wheel.label', chosen.text, t('count.activities', activities.length)) });
  // What only draws the year (rings, months, marks, load) is hidden from assistive technology: the list says it.
  const graphic = el('svg:g', { 'aria-hidden': 'true' });
  svg.append(graphic);
  rings.forEach((p, i) => {
    const r = RINGS_FROM + i * RING + RING / 2;
    graphic.append(el('svg:circle', { cx: C, cy: C, r, fill: 'none', stroke: colours.process(p), 'stroke-opacity': 0.13, 'stroke-width': RING - 3 }));
    graphic.append(el('svg:text', { x: C, y: C - r + 6, 'text-anchor': 'middle', 'font-weight': 'bold', text: p }));
  });
  bodies.forEach((b, i) => graphic.append(el('svg:circle', { cx: C, cy: C, r: TRACKS[0] + (i + 0.5) * track, fill: 'none',
    stroke: i % 2 ? '#f3ecd6' : '#fbf6e6', 'stroke-width': track })));
  // Months: a line where each begins and its name along the month band.
  for (let m = new Date(chosen.from); m < chosen.to; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    const next = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
    const a0 = angle(iso(m)) - 0.5 / days * turn, a1 = angle(iso(next)) - 0.5 / days * turn;
    const [x1, y1] = at(LOAD[0], a0), [x2, y2] = at(HOLIDAY[1], a0);
    graphic.append(el('svg:line', { x1, y1, x2, y2, stroke: '#888', 'stroke-width': 1 }));
    const id = 'month-arc-' + iso(m);
    // On the lower half the name runs along the arc the other way, so that it reads upright there too.
    const upright = Math.sin((a0 + a1) / 2) <= 0;
    const r = upright ? MONTH_BAND[0] + 8 : MONTH_BAND[1] - 8;
    const [sx, sy] = at(r, upright ? a0 : a1), [ex, ey] = at(r, upright ? a1 : a0);
    graphic.append(el('svg:path', { id, d: `M ${sx} ${sy} A ${r} ${r} 0 0 ${upright ? 1 : 0} ${ex} ${ey}`, fill: 'none' }));
    const name = (days > 400 ? MONTHS[m.getUTCMonth()].slice(0, 3) : MONTHS[m.getUTCMonth()])
      + (m.getUTCMonth() === 0 || +m === +chosen.from ? ' ' + m.getUTCFullYear() : '');
    graphic.append(el('svg:text', { class: 'month-name' }, el('svg:textPath', { href: '#' + id, startOffset: '50%', 'text-anchor': 'middle', text: name })));
  }
  const tick = (r0, r1, d, stroke, title) => {
    const [x1, y1] = at(r0, angle(d)), [x2, y2] = at(r1, angle(d));
    graphic.append(el('svg:line', { x1, y1, x2, y2, stroke, 'stroke-width': 3 }, el('svg:title', { text: title })));
  };
  Object.entries(view.daysOff).filter(([d]) => inPeriod(d)).forEach(([d, name]) => tick(HOLIDAY[0], HOLIDAY[1], d, '#c00', t('page.labelled', swedishDate(d), name)));
  bodies.forEach((b, i) => view.sittings[b].filter(inPeriod).forEach((d) =>
    tick(TRACKS[0] + i * track + 0.5, TRACKS[0] + (i + 1) * track - 0.5, d, '#8a6d00', t('page.wheel.sitting', b, swedishDate(d)))));
  const load = weeklyLoad(activities);
  const most = Math.max(1, ...load.map((w) => w.count));
  load.forEach((w) => {
    const a = angle(w.monday) + 3 / days * turn;
    const [x1, y1] = at(LOAD[0], a), [x2, y2] = at(LOAD[0] + (LOAD[1] - LOAD[0] - 4) * w.count / most, a);
    graphic.append(el('svg:line', { x1, y1, x2, y2, stroke: '#1f3b5c', 'stroke-width': days > 400 ? 3 : 4 },
      el('svg:title', { text: t('page.labelled', t('week', w.week), t('count.activities', w.count)) })));
  });
  graphic.append(el('svg:text', { x: C, y: C + 6, 'text-anchor': 'middle', text: t('page.wheel.load') }));

  // The activities, in date order: dots on their processes' rings, a leader out to the name, one keyboard stop.
  const items = el('svg:g', { class: 'items' });
  svg.append(items);
  const stack = {};
  const positions = spread(activities.map((a) => angle(a.date)), LABEL_STEP / LABEL_FROM, start, start + turn);
  const focusable = activities.some((a) => a.id === selected) ? selected : activities.length && activities[0].id;
  activities.forEach((a, i) => {
    const item = el('svg:g', {
      class: 'item' + (selected === a.id ? ' selected' : ''), 'data-id': a.id, role: 'button', tabindex: a.id === focusable ? 0 : -1,
      'aria-label': a.name + ', ' + swedishDate(a.date) + ', ' + code(a),
      on: { click: () => select(a.id) },
    }, el('svg:title', { text: t('page.labelled', swedishDate(a.date), a.name) }));
    (a.processes.length ? a.processes : ['U']).forEach((p) => {
      const key = p + a.date;
      const n = stack[key] = (stack[key] || 0) + 1;
      const [x, y] = at(RINGS_FROM + rings.indexOf(p) * RING + 6 + ((n - 1) % 3) * 7, angle(a.date));
      item.append(el('svg:circle', { cx: x, cy: y, r: 5, fill: a.external ? colours.external : colours.process(p) }));
    });
    const label = positions[i];
    const [lx1, ly1] = at(LEADER_FROM, angle(a.date)), [lx2, ly2] = at(LABEL_FROM - 6, label);
    item.append(el('svg:polyline', { points: `${lx1},${ly1} ${at(LEADER_FROM + 20, angle(a.date)).join(',')} ${lx2},${ly2}`,
      fill: 'none', stroke: '#999', 'stroke-width': 1 }));
    const left = Math.cos(label) < 0;
    const [tx, ty] = at(LABEL_FROM, label);
    const degrees = label * 180 / Math.PI + (left ? 180 : 0);
    item.append(el('svg:text', { class: 'label', x: tx, y: ty, 'dominant-baseline': 'middle', 'text-anchor': left ? 'end' : 'start',
      transform: `rotate(${degrees} ${tx} ${ty})`, text: a.external ? t('page.wheel.external', shortName(a.name)) : shortName(a.name) }));
    items.append(item);
  });
  items.addEventListener('keydown', (e) => moveAmongItems(e, items, select));
  $('wheel').replaceChildren(svg);
  renderLegend(rings, bodies, colours);
  renderTextAlternative(activities, load, bodies.length ? bodies : Object.keys(view.sittings), view, inPeriod, select);
}

/** Arrow keys go from one activity to the next in date order (Home, End to the first and last); Enter shows it. */
function moveAmongItems(e, items, select) {
  const all = [...items.querySelectorAll('.item')];
  const at = all.indexOf(e.target.closest('.item'));
  if (at < 0) return;
  if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(all[at].dataset.id, true); return; }
  const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[e.key];
  if (to === undefined) return;
  e.preventDefault();
  const next = all[Math.min(Math.max(to, 0), all.length - 1)];
  all.forEach((n) => (n.tabIndex = n === next ? 0 : -1));
  next.focus();
}

/** Activities per ISO week (SKR's dates are not the region's work). */
function weeklyLoad(activities) {
  const byMonday = new Map();
  activities.filter((a) => !a.external).forEach((a) => {
    const d = date(a.date); d.setUTCDate(d.getUTCDate() - (d.getUTCDay() + 6) % 7);
    byMonday.set(iso(d), (byMonday.get(iso(d)) || 0) + 1);
  });
  return [...byMonday.entries()].sort().map(([monday, count]) => ({ monday, week: isoWeek(date(monday)), count }));
}

/** What the wheel's marks mean: each process's colour with its code (so colour is never the only cue), and the rest. */
function renderLegend(rings, bodies, colours) {
  $('wheel-legend').replaceChildren(...processKeys(colours, (p) => ' ' + t('page.wheel.ring', rings.indexOf(p) + 1)),
    key('#8a6d00', '|', t('page.wheel.key.sittings', bodies.join(', ') || t('page.wheel.no.bodies'))),
    key('#c00', '|', t('page.wheel.key.holidays')),
    key('#1f3b5c', '▮', t('page.wheel.key.load')));
}

/** The wheel as tables: every activity (each a button that shows it), the weekly load, the sittings and the holidays. */
function renderTextAlternative(activities, load, bodies, view, inPeriod, select) {
  const table = (caption, heads, rows) => el('table', { class: 'grid' }, el('caption', { text: t(caption) }),
    el('tr', {}, heads.map((h) => el('th', { scope: 'col', text: t(h) }))), rows);
  $('wheel-list').replaceChildren(
    table('page.wheel.list.activities', ['page.column.date', 'page.column.activity', 'page.column.process', 'page.column.body'],
      activities.map((a) => el('tr', {},
      el('td', { text: a.date }),
      el('td', {}, el('button', { type: 'button', class: 'link', 'data-id': a.id, text: a.name, on: { click: (e) => select(a.id, e.detail === 0) } })),
      el('td', { text: a.external ? 'SKR' : a.processes.map((p) => p + ' ' + processes()[p]).join(', ') }),
      el('td', { text: a.bodies.join(', ') }))).concat(activities.length ? [] : [el('tr', {}, el('td', { colspan: 4, text: t('page.wheel.no.activities') }))])),
    table('page.wheel.list.load', ['page.column.week', 'page.column.monday', 'page.column.activities'], load.map((w) => el('tr', {},
      el('td', { text: t('week', w.week) }), el('td', { text: w.monday }), el('td', { class: 'num', text: w.count })))),
    table('page.wheel.list.sittings', ['page.column.body', 'page.column.days'], bodies.map((b) => el('tr', {}, el('td', { text: b }),
      el('td', { text: view.sittings[b].filter(inPeriod).join(', ') })))),
    table('page.wheel.list.holidays', ['page.column.date', 'page.column.holiday'], Object.entries(view.daysOff).filter(([d]) => inPeriod(d)).map(([d, name]) =>
      el('tr', {}, el('td', { text: d }), el('td', { text: name })))));
}
