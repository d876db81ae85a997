// The scenarios: the list in the header, the one open, its status line and export links, and following its solve.
import { api } from './api.js';
import { $, el } from './dom.js';
import { say } from './message.js';
import { active, follow, unfollow } from './progress.js';
import { scoreInWords } from './format.js';
import { state } from './state.js';
import { t } from './words.js';

const EXPORTS = { csv: 'calendar.csv', xlsx: 'calendar.xlsx', ics: 'calendar.ics', html: 'yearview.html', zip: 'dataset.zip' };

/** Lists the scenarios and opens select (or the one open, or the first). */
export async function loadScenarios(select, page) {
  state.scenarios = await api('GET', '/api/scenarios');
  const options = state.scenarios.map((s) => el('option', { value: s.id, text: s.published ? t('page.scenario.published', s.name) : s.name }));
  $('scenario').replaceChildren(...options);
  $('compare-with').replaceChildren(...state.scenarios.map((s) => el('option', { value: s.id, text: s.name })));
  const id = select || state.id || (state.scenarios[0] && state.scenarios[0].id);
  $('scenario').value = id;
  await open(Number(id), page);
}

/** Opens scenario id: its calendar drawn (page.render) and, while it is being solved, its solve followed. */
export async function open(id, page) {
  state.id = id;
  state.view = await api('GET', '/api/scenarios/' + id + '/calendar');
  Object.entries(EXPORTS).forEach(([kind, file]) => ($('export-' + kind).href = '/api/scenarios/' + id + '/' + file));
  $('today').value = state.view.scenario.today || '';
  showStatus(state.view.scenario);
  page.render();
  if (active(state.view.scenario.status)) followSolve(id, page);
  else unfollow();
}

/** How often at most the live region says a running solve's best score: often enough to follow, not a stream. */
const SAY_PROGRESS_EVERY_MS = 10000;

/** Says a solve's progress or result in the live region (a screen reader reads it out; the status line is silent). */
function announce(text) {
  $('progress').textContent = text;
}

/**
 * Follows the solve of scenario id, just started or found running; when it ends, the scenario is read again. Its
 * start, its progress now and then, and its result are said in the live region.
 */
export function followSolve(id, page) {
  let said = 0;
  announce(t('page.solve.started'));
  follow(id, (progress) => {
    showStatus({ status: progress.status }, progress);
    if (progress.status === 'SOLVING' && Date.now() - said >= SAY_PROGRESS_EVERY_MS) {
      said = Date.now();
      announce($('status').textContent);
    }
  }, async (progress) => {
    if (progress.error) say(progress.error, 'error');
    if (state.id !== id) return;
    try {
      await page.reload(id);
      const s = state.view.scenario;
      announce(progress.error ? t('page.solve.failed', progress.error) : t('page.solve.done', s.version, scoreInWords(s.score)));
    } catch (e) {
      say(e.message, 'error');
    }
  });
}

/** The status line: queued, solving with the best score so far, or the version; Lös and Stoppa as it allows. */
export function showStatus(s, progress) {
  const solving = active(s.status);
  $('status').textContent = s.status === 'QUEUED'
    ? t('page.status.queued')
    : solving
    ? t('page.status.solving', scoreInWords(progress && progress.bestScore), Math.round(((progress && progress.millis) || 0) / 100) / 10)
    : t(s.published ? 'page.status.published' : 'page.status.version', s.version, scoreInWords(s.score));
  const feed = $('feed');
  if (feed) feed.remove();
  if (!solving && s.feed) {
    $('status').after(el('a', { id: 'feed', href: s.feed, title: t('page.feed.title'), text: t('page.feed') }));
  }
  // The button pressed is disabled now: the keyboard moves to the one that takes over (Lös and Stoppa).
  const focused = document.activeElement;
  $('solve').disabled = solving;
  $('stop').disabled = !solving;
  if (solving && focused === $('solve')) $('stop').focus();
  if (!solving && focused === $('stop')) $('solve').focus();
}
