// The header's controls: the scenario chosen, Lös and Stoppa, the scenario's today, Ångra, Kopiera, Publicera and
// Importera.
import { api } from './api.js';
import { $ } from './dom.js';
import { guarded, say } from './message.js';
import { followSolve, open, showStatus } from './scenarios.js';
import { state } from './state.js';

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
    say(today ? 'Allt före ' + today + ' är fruset: ingen lösning eller omplanering flyttar det.' : 'Inget är fruset.', 'info');
  }));
  $('undo').addEventListener('click', () => guarded(async () => {
    await api('POST', '/api/scenarios/' + state.id + '/undo', { version: state.view.scenario.version });
    state.moved = new Set();
    await page.reload(state.id);
    say('Ångrat: tillbaka till förra versionen.', 'info');
  }));
  $('copy').addEventListener('click', () => guarded(async () => {
    const name = prompt('Namn på kopian', state.view.scenario.name + ' (kopia)');
    if (name === null) return;
    const copy = await api('POST', '/api/scenarios/' + state.id + '/copy', { name });
    await page.reload(copy.id);
    say('Kopierat till ' + copy.name + '.', 'info');
  }));
  // Publishing is explicit: the admin is told what would move for whom, and confirms; the notice follows.
  $('publish').addEventListener('click', () => guarded(async () => {
    const preview = await api('GET', '/api/scenarios/' + state.id + '/publication');
    const moved = preview.moves.length;
    const question = 'Publicera ' + preview.scenario + ' version ' + preview.version + ' som den gemensamma kalendern?\n'
      + (preview.replaces ? 'Den ersätter ' + preview.replaces + ': ' + moved + (moved === 1 ? ' aktivitet flyttas' : ' aktiviteter flyttas')
        + (moved ? ' (' + preview.moves.slice(0, 10).map((m) => m.id).join(', ') + (moved > 10 ? ' …' : '') + ')' : '') + '.'
        : 'Inget är publicerat än.');
    if (!confirm(question)) return;
    await api('POST', '/api/scenarios/' + state.id + '/publish', { version: preview.version });
    await page.reload(state.id);
    say('Publicerad: version ' + preview.version + ' är nu den gemensamma kalendern. Ändringsmeddelande: '
      + '/api/publications/latest/notice.html (CSV: /api/publications/latest/notice.csv).', 'info');
  }));
  $('import').addEventListener('change', () => guarded(async () => {
    const file = $('import').files[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    const created = await api('POST', '/api/scenarios', form);
    $('import').value = '';
    await page.reload(created.id);
    say('Importerad: ' + created.name + '.', 'info');
  }));
}
