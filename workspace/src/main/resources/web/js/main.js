// The planners' workspace: one page over the JSON API, in native ES modules (no build step), plain DOM and SVG.
// This module wires the others together. What one part asks of another goes through `page`, passed to each, so
// that no module imports one that imports it back.
import { renderAnalysis } from './analysis.js';
import { renderComparison } from './compare.js';
import { showActivity } from './details.js';
import { $, keepingFocus } from './dom.js';
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
  /** Shows an activity's details and marks it; focus: the keyboard chose it, and goes to its details. */
  select: (id, focus) => showActivity(id, page, focus),
  /** Makes changes to the open scenario and re-plans it. */
  replan: (changes, label) => replan(changes, label, page),
  /** Reads the scenarios again and opens id (or the one open). */
  reload: (id) => loadScenarios(id, page),
};

function render() {
  keepingFocus(() => {
    renderWheel(state.view, state.selected, page.select);
    renderMonths(state.view, { selected: state.selected, moved: state.moved }, page);
    renderFilters(state.view);
    renderTable(state.view, page.select);
    renderSittings(state.view);
    if (state.selected) showActivity(state.selected, page);
  });
}

/** Shows a view: the ARIA tabs pattern, one tab in the tab order, its panel shown and the rest hidden. */
async function showView(tab) {
  document.querySelectorAll('#tabs [role="tab"]').forEach((t) => {
    t.setAttribute('aria-selected', String(t === tab));
    t.tabIndex = t === tab ? 0 : -1;
  });
  document.querySelectorAll('.view').forEach((v) => (v.hidden = v.id !== tab.getAttribute('aria-controls')));
  if (tab.dataset.view === 'analysis') await renderAnalysis();
  if (tab.dataset.view === 'history') await renderHistory(page);
  if (tab.dataset.view === 'users') await renderUsers();
  if (tab.dataset.view === 'editor') await renderEditor(page);
}

/** Arrow keys move along the tabs (and show each one's view), Home and End to the first and the last. */
function onTabKey(e) {
  const tabs = [...document.querySelectorAll('#tabs [role="tab"]')].filter((t) => !t.hidden);
  const at = tabs.indexOf(document.activeElement);
  const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
  if (at < 0 || to === undefined) return;
  e.preventDefault();
  const tab = tabs[(to + tabs.length) % tabs.length];
  tab.focus();
  guarded(() => showView(tab));
}

function wireViews() {
  $('wheel-year').addEventListener('change', () => renderWheel(state.view, state.selected, page.select));
  ['filter-text', 'filter-body', 'filter-unit', 'filter-process'].forEach((id) =>
    $(id).addEventListener('input', () => renderTable(state.view, page.select)));
  document.querySelectorAll('#tabs [role="tab"]').forEach((tab) => tab.addEventListener('click', () => guarded(() => showView(tab))));
  $('tabs').addEventListener('keydown', onTabKey);
  $('compare').addEventListener('click', () => guarded(renderComparison));
  $('wheel-text-toggle').addEventListener('click', () => {
    const open = $('wheel-list').hidden;
    $('wheel-list').hidden = !open;
    $('wheel-text-toggle').setAttribute('aria-expanded', String(open));
  });
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
