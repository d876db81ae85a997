// The planners' workspace: one page over the JSON API, in native ES modules (no build step), plain DOM and SVG.
// This module wires the others together. What one part asks of another goes through `page`, passed to each, so
// that no module imports one that imports it back.
import { renderAnalysis } from './analysis.js';
import { renderComparison } from './compare.js';
import { showActivity } from './details.js';
import { $ } from './dom.js';
import { renderEditor, wireEditor } from './editor.js';
import { renderHistory } from './history.js';
import { guarded } from './message.js';
import { renderMonths } from './months.js';
import { replan } from './replan.js';
import { loadScenarios } from './scenarios.js';
import { start, wireLogin } from './session.js';
import { renderSittings, wireSittingForm } from './sittings.js';
import { state } from './state.js';
import { renderFilters, renderTable } from './table.js';
import { wireToolbar } from './toolbar.js';
import { renderUsers, wireUserForm } from './users.js';
import { renderWheel } from './wheel.js';

const page = {
  /** Draws the open scenario in every view. */
  render: () => render(),
  /** Shows an activity's details and marks it. */
  select: (id) => showActivity(id, page),
  /** Makes changes to the open scenario and re-plans it. */
  replan: (changes, label) => replan(changes, label, page),
  /** Reads the scenarios again and opens id (or the one open). */
  reload: (id) => loadScenarios(id, page),
};

function render() {
  renderWheel(state.view, state.selected, page.select);
  renderMonths(state.view, { selected: state.selected, moved: state.moved }, page);
  renderFilters(state.view);
  renderTable(state.view, page.select);
  renderSittings(state.view);
  if (state.selected) showActivity(state.selected, page);
}

function wireViews() {
  $('wheel-year').addEventListener('change', () => renderWheel(state.view, state.selected, page.select));
  ['filter-text', 'filter-body', 'filter-unit', 'filter-process'].forEach((id) =>
    $(id).addEventListener('input', () => renderTable(state.view, page.select)));
  document.querySelectorAll('#tabs button').forEach((tab) => tab.addEventListener('click', () => guarded(async () => {
    document.querySelectorAll('#tabs button').forEach((t) => t.classList.toggle('active', t === tab));
    document.querySelectorAll('.view').forEach((v) => (v.hidden = v.id !== 'view-' + tab.dataset.view));
    if (tab.dataset.view === 'analysis') await renderAnalysis();
    if (tab.dataset.view === 'history') await renderHistory(page);
    if (tab.dataset.view === 'users') await renderUsers();
    if (tab.dataset.view === 'editor') await renderEditor(page);
  })));
  $('compare').addEventListener('click', () => guarded(renderComparison));
}

wireLogin(page);
guarded(async () => {
  wireViews();
  wireToolbar(page);
  wireSittingForm(page);
  wireUserForm();
  wireEditor(page);
  await start(page);
});
