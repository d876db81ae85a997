// The year wheel (årshjul): one turn a year, January at the top, a ring per process, the sittings and holidays
// on the rim, the weekly load inside.
import { $, el } from './dom.js';
import { MONTHS, date, iso, isoWeek } from './format.js';
import { palette, processes } from './palette.js';

/** Draws the year chosen (at first the busiest) of the calendar view; select(id) when an activity is clicked. */
export function renderWheel(view, selected, select) {
  const years = [...new Set(view.activities.map((a) => a.date.slice(0, 4)))].sort();
  const choice = $('wheel-year');
  const count = (y) => view.activities.filter((a) => a.date.startsWith(y)).length;
  const busiest = years.reduce((best, y) => (count(y) > count(best) ? y : best), years[0]);
  const chosen = years.includes(choice.value) ? choice.value : busiest;
  choice.replaceChildren(...years.map((y) => el('option', { value: y, text: y })));
  choice.value = chosen;
  const year = Number(chosen);
  const colours = palette();
  const size = 820, c = size / 2;
  const svg = el('svg:svg', { viewBox: `0 0 ${size} ${size}`, role: 'img', 'aria-label': 'Årshjul ' + year });
  const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86400000;
  const angle = (d) => ((date(d) - Date.UTC(year, 0, 1)) / 86400000 + 0.5) / days * 2 * Math.PI - Math.PI / 2;
  const at = (r, a) => [c + r * Math.cos(a), c + r * Math.sin(a)];
  const rings = Object.keys(processes());
  const inner = 150, width = 42;
  rings.forEach((p, i) => {
    const r = inner + i * width + width / 2;
    svg.append(el('svg:circle', { cx: c, cy: c, r, fill: 'none', stroke: colours.process(p), 'stroke-opacity': 0.15, 'stroke-width': width - 4 }));
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
  Object.entries(view.daysOff).filter(([d]) => d.startsWith(chosen)).forEach(([d, name]) => {
    const [x1, y1] = at(rim, angle(d)), [x2, y2] = at(rim + 8, angle(d));
    svg.append(el('svg:line', { x1, y1, x2, y2, stroke: '#d33', 'stroke-width': 2 }, el('svg:title', { text: d + ' ' + name })));
  });
  Object.entries(view.sittings).forEach(([body, list]) => list.filter((d) => d.startsWith(chosen)).forEach((d) => {
    const [x1, y1] = at(rim + 9, angle(d)), [x2, y2] = at(rim + 17, angle(d));
    svg.append(el('svg:line', { x1, y1, x2, y2, stroke: '#e0b000', 'stroke-width': 2 }, el('svg:title', { text: body + ' sammanträder ' + d })));
  }));
  // The weekly load, one bar per week inside the rings.
  const load = {};
  view.activities.filter((a) => a.date.startsWith(chosen) && !a.external).forEach((a) => {
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
  view.activities.filter((a) => a.date.startsWith(chosen)).forEach((a) => {
    (a.processes.length ? a.processes : ['U']).forEach((p) => {
      const key = p + a.date;
      const n = stack[key] = (stack[key] || 0) + 1;
      const r = inner + rings.indexOf(p) * width + 8 + ((n - 1) % 4) * 9;
      const [x, y] = at(r, angle(a.date));
      svg.append(el('svg:circle', {
        cx: x, cy: y, r: 4.5, fill: a.external ? colours.external : colours.process(p), class: 'dot' + (selected === a.id ? ' selected' : ''),
        'data-id': a.id, on: { click: () => select(a.id) },
      }, el('svg:title', { text: a.date + ' ' + a.name })));
    });
  });
  $('wheel').replaceChildren(svg);
}
