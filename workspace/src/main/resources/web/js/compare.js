// The Jämför tab: the open scenario (A) against another (B), rule by rule, what moved, and the weekly load.
import { api } from './api.js';
import { $, el } from './dom.js';
import { date, isoWeek, penalty, scoreInWords } from './format.js';
import { palette } from './palette.js';
import { ruleName, state } from './state.js';
import { t } from './words.js';

export async function renderComparison() {
  const other = Number($('compare-with').value);
  const c = await api('GET', '/api/compare?a=' + state.id + '&b=' + other);
  const name = (id) => (state.scenarios.find((s) => s.id === id) || {}).name;
  const heads = (keys) => el('tr', {}, keys.map((h) => el('th', { text: t(h) })));
  $('comparison').replaceChildren(
    el('p', {}, t('comparison.side', 'A', name(state.id), scoreInWords(c.scoreA)), el('br'),
      t('comparison.side', 'B', name(other), scoreInWords(c.scoreB)), el('br'),
      el('a', { id: 'compare-page', href: '/api/compare.html?a=' + state.id + '&b=' + other, target: '_blank', text: t('page.compare.as.page') })),
    el('h3', { text: t('comparison.by.rule') }),
    el('table', { class: 'grid' }, heads(['comparison.rule', 'comparison.a', 'comparison.b', 'comparison.difference']),
      c.rules.map((r) => el('tr', {}, el('td', { text: ruleName(r.constraint) }), el('td', { class: 'num', text: t('points', penalty(r.scoreA)) }),
        el('td', { class: 'num', text: t('points', penalty(r.scoreB)) }),
        el('td', { class: 'num ' + (r.worse ? 'worse' : ''), text: t('points.signed', penalty(r.difference)) })))),
    el('h3', { text: t('count.moved.activities', c.moves.length) }),
    el('table', { class: 'grid', id: 'compare-moves' }, heads(['comparison.id', 'comparison.activity', 'comparison.a', 'comparison.b',
      'comparison.days']),
      c.moves.map((m) => el('tr', {}, el('td', { text: m.id }), el('td', { text: m.name }), el('td', { text: m.dateA }),
        el('td', { text: m.dateB }), el('td', { class: 'num', text: m.days })))),
    el('h3', { text: t('comparison.workload') }),
    loadChart(c.workload),
    el('h3', { text: t('page.compare.weeks.differ') }),
    el('table', { class: 'grid' }, heads(['comparison.unit', 'comparison.week', 'comparison.a', 'comparison.b']),
      c.workload.filter((w) => w.activitiesA !== w.activitiesB).map((w) => el('tr', {}, el('td', { text: w.unit }),
        el('td', { text: t('page.week.of', isoWeek(date(w.week)), w.week) }), el('td', { class: 'num', text: w.activitiesA }),
        el('td', { class: 'num', text: w.activitiesB })))));
}

/**
 * Each unit's weekly load in A (solid, left) and B (striped, right), the units where they differ first. The table
 * after it has the same numbers for the weeks that differ.
 */
function loadChart(workload) {
  const { compareA, compareB } = palette();
  const units = [...new Set(workload.map((w) => w.unit))];
  const differs = (u) => workload.some((w) => w.unit === u && w.activitiesA !== w.activitiesB);
  units.sort((x, y) => differs(y) - differs(x));
  const weeks = [...new Set(workload.map((w) => w.week))].sort();
  const most = Math.max(1, ...workload.map((w) => Math.max(w.activitiesA, w.activitiesB)));
  const left = 110, step = 6, rowHeight = 46, width = left + weeks.length * step + 10;
  const svg = el('svg:svg', { class: 'load-chart', viewBox: `0 0 ${width} ${units.length * rowHeight + 40}`, width: '100%', role: 'img',
    'aria-label': t('page.compare.chart') },
    el('svg:defs', {}, el('svg:pattern', { id: 'striped-b', width: 3, height: 4, patternUnits: 'userSpaceOnUse' },
      el('svg:rect', { width: 3, height: 4, fill: '#fff' }), el('svg:rect', { width: 3, height: 2, fill: compareB }))));
  units.forEach((unit, i) => {
    const base = 14 + (i + 1) * rowHeight - 8;
    svg.append(el('svg:text', { x: left - 6, y: base - 10, 'text-anchor': 'end', 'font-size': 12, text: unit }));
    svg.append(el('svg:line', { x1: left, y1: base, x2: width - 10, y2: base, stroke: '#888' }));
    workload.filter((w) => w.unit === unit).forEach((w) => {
      const x = left + weeks.indexOf(w.week) * step;
      [[w.activitiesA, compareA, 0], [w.activitiesB, 'url(#striped-b)', 3]].forEach(([n, fill, dx]) => {
        if (!n) return;
        const h = (rowHeight - 14) * n / most;
        svg.append(el('svg:rect', { x: x + dx, y: base - h, width: 3, height: h, fill, stroke: dx ? compareB : 'none', 'stroke-width': 0.5 },
          el('svg:title', { text: t('page.compare.bar', unit, isoWeek(date(w.week)), w.activitiesA, w.activitiesB) })));
      });
    });
  });
  weeks.forEach((week, i) => {
    const number = isoWeek(date(week));
    if (number % 8 === 1) svg.append(el('svg:text', { x: left + i * step, y: units.length * rowHeight + 30, 'font-size': 12, text: t('week', number) }));
  });
  return el('div', {}, el('p', { class: 'hint' }, el('span', { class: 'key', style: 'background-color:' + compareA }), t('page.compare.key.a'), ' ',
    el('span', { class: 'key b', style: 'background-color:' + compareB }), t('page.compare.legend', most)), el('div', { class: 'scrolls' }, svg));
}
