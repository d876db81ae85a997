// The Analys tab: each rule's score and every broken rule in words.
import { api } from './api.js';
import { $, el } from './dom.js';
import { ruleName, state } from './state.js';

export async function renderAnalysis() {
  const a = await api('GET', '/api/scenarios/' + state.id + '/analysis');
  $('view-analysis').replaceChildren(
    el('h2', { text: 'Poäng ' + a.score + (a.feasible ? ': inga hårda regler brutna' : ': bryter hårda regler') }),
    el('table', { class: 'grid' }, el('tr', {}, ['Regel', 'Hård', 'Träffar', 'Poäng'].map((h) => el('th', { text: h }))),
      a.totals.map((t) => el('tr', {}, el('td', { text: ruleName(t.constraint) }), el('td', { text: t.hard ? 'ja' : 'nej' }),
        el('td', { class: 'num', text: t.matches }), el('td', { class: 'num', text: t.score })))),
    el('h3', { text: 'Brutna regler och kostnader' }),
    el('ul', {}, a.violations.slice(0, 60).map((v) => el('li', { class: v.hard ? 'worse' : '' }, ruleName(v.constraint) + ': ' + v.description))));
}
