// The header's controls: the scenario chosen, Lös and Stoppa, the scenario's today, Ångra, Kopiera, Publicera and
// Importera.
import { api } from './api.js';
import { $ } from './dom.js';
import { guarded, say } from './message.js';
import { followSolve, open, showStatus } from './scenarios.js';
import { state } from './state.js';
import { t } from './words.js';

/** Each control acts on the open scenario; page.reload shows the scenarios after a change. */
export function wireToolbar(page) {
  $('scenario').addEventListener('change', () => guarded(() => open(Number($('scenario').value), page)));
  $('solve').addEventListener('click', () => guarded(async () => {
    const s = await api('POST', '/api/scenarios/' + state.id + '/solve');
    showStatus(s);
    followSolve(s.id, page);
  }));
  // The solve's end arrives as it does for any solve followed: the scenario is then read again.
  $('stop').addEventListener('click', () => guarded(() => api('POST', '/api/scenarios/' + state.id + '/stop')));
  // The scenario's own today: saved with it, and what every solve, re-plan and advice leaves alone before it.
  $('today').addEventListener('change', () => guarded(async () => {
    const today = $('today').value || null;
    const s = await api('PUT', '/api/scenarios/' + state.id + '/today', { today });
    state.view.scenario = s;
    say(today ? t('page.today.frozen', today) : t('page.today.none'), 'info');
  }));
  $('undo').addEventListener('click', () => guarded(async () => {
    await api('POST', '/api/scenarios/' + state.id + '/undo', { version: state.view.scenario.version });
    state.moved = new Set();
    await page.reload(state.id);
    say(t('page.undone'), 'info');
  }));
  $('copy').addEventListener('click', () => guarded(async () => {
    const name = prompt(t('page.copy.name'), t('page.copy.default', state.view.scenario.name));
    if (name === null) return;
    const copy = await api('POST', '/api/scenarios/' + state.id + '/copy', { name });
    await page.reload(copy.id);
    say(t('page.copied', copy.name), 'info');
  }));
  // Publishing is explicit: the admin is told what would move for whom, and confirms; the notice follows.
  $('publish').addEventListener('click', () => guarded(async () => {
    const preview = await api('GET', '/api/scenarios/' + state.id + '/publication');
    const moved = preview.moves.length;
    const ids = preview.moves.slice(0, 10).map((m) => m.id).join(', ') + (moved > 10 ? ' …' : '');
    const question = t('page.publish.question', preview.scenario, preview.version) + '\n'
      + (preview.replaces ? t(moved ? 'page.publish.replaces.moving' : 'page.publish.replaces', preview.replaces, moved, ids)
        : t('error.nothing.published'));
    if (!confirm(question)) return;
    await api('POST', '/api/scenarios/' + state.id + '/publish', { version: preview.version });
    await page.reload(state.id);
    say(t('page.published', preview.version, '/api/publications/latest/notice.html', '/api/publications/latest/notice.csv'), 'info');
  }));
  $('import').addEventListener('change', () => guarded(async () => {
    const file = $('import').files[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    const created = await api('POST', '/api/scenarios', form);
    $('import').value = '';
    await page.reload(created.id);
    say(t('page.imported', created.name), 'info');
  }));
}
