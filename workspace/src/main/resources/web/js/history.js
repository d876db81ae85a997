// The Historik tab: every version of the open scenario, each one's calendar, and a way back to it.
import { api } from './api.js';
import { $, el } from './dom.js';
import { scoreInWords } from './format.js';
import { guarded, say } from './message.js';
import { state } from './state.js';
import { locale, t } from './words.js';

/** Lists the versions; a planner restores one as a new version (then page.reload). */
export async function renderHistory(page) {
  const versions = await api('GET', '/api/scenarios/' + state.id + '/history');
  const current = state.view.scenario.version;
  const planner = state.session.role !== 'VIEWER';
  $('view-history').replaceChildren(el('table', { class: 'grid', id: 'history' },
    el('tr', {}, ['page.history.version', 'page.history.saved', 'page.history.by', 'page.history.what', 'page.history.score',
      'page.history.calendar', null].map((h) => el('th', { text: h && t(h) }))),
    versions.map((v) => el('tr', {}, el('td', { class: 'num', text: v.version }), el('td', { text: new Date(v.savedAt).toLocaleString(locale()) }),
      el('td', { text: v.by || '' }), el('td', { text: v.what }), el('td', { text: scoreInWords(v.score) }),
      el('td', {}, el('a', { href: '/api/scenarios/' + state.id + '/versions/' + v.version + '/calendar.csv', text: t('page.history.csv', v.version) })),
      el('td', {}, planner && v.version !== current ? el('button', { type: 'button', text: t('page.history.restore'), on: { click: () => guarded(async () => {
        await api('POST', '/api/scenarios/' + state.id + '/restore', { version: v.version, basedOn: current });
        await page.reload(state.id);
        await renderHistory(page);
        say(t('page.history.restored', v.version), 'info');
        $('view-history').focus(); // the button pressed is drawn anew: the keyboard goes on from the list's start
      }) } }) : null)))));
}
