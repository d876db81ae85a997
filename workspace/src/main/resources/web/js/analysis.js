// The Analys tab: each rule's score and every broken rule in words.
import { api } from './api.js';
import { $, el } from './dom.js';
import { penalty, scoreInWords } from './format.js';
import { ruleName, state } from './state.js';
import { t } from './words.js';

export async function renderAnalysis() {
  const a = await api('GET', '/api/scenarios/' + state.id + '/analysis');
  $('view-analysis').replaceChildren(
    el('h2', { text: t('page.analysis.heading', scoreInWords(a.score)) }),
    el('table', { class: 'grid' }, el('tr', {}, ['page.analysis.rule', 'page.analysis.hard', 'page.analysis.matches',
      'page.analysis.points'].map((h) => el('th', { text: t(h) }))),
    a.totals.map((r) => el('tr', {}, el('td', { text: ruleName(r.constraint) }), el('td', { text: t(r.hard ? 'page.yes' : 'page.no') }),
      el('td', { class: 'num', text: r.matches }), el('td', { class: 'num', text: t('points', penalty(r.score)) })))),
    el('h3', { text: t('page.analysis.broken') }),
    el('ul', {}, a.violations.slice(0, 60).map((v) => el('li', { class: v.hard ? 'worse' : '' }, t('rule.says', ruleName(v.constraint), v.description)))));
}
