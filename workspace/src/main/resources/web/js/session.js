// Who uses the page: the login form, what their role lets them see, and the start once they are known.
import { api, useCsrfToken } from './api.js';
import { $, el } from './dom.js';
import { useLanguage } from './format.js';
import { guarded } from './message.js';
import { state } from './state.js';
import { roleName } from './users.js';
import { fillTexts, hasWords, t } from './words.js';

/** The login form: once logged in, the page starts (start(page)). */
export function wireLogin(page) {
  $('login').addEventListener('submit', (e) => {
    e.preventDefault();
    guarded(async () => {
      state.session = await api('POST', '/api/login', { name: $('login-name').value, password: $('login-password').value });
      useCsrfToken(state.session.csrf);
      await start(page);
      // The form is hidden now, and the focus with it: the keyboard goes on from the views.
      if ($('login').hidden) $('views').focus();
    });
  });
}

/**
 * Reads the page's words, then the session (or shows the login form) and the scenarios (page.reload); then the page
 * is ready.
 */
export async function start(page) {
  if (!hasWords()) {
    state.labels = await api('GET', '/api/labels');
    useLanguage();
    fillTexts();
  }
  try {
    state.session = await api('GET', '/api/session');
  } catch (e) {
    if (e.status !== 401) throw e;
    await showLogin();
    return;
  }
  useCsrfToken(state.session.csrf);
  $('login').hidden = true;
  showSession(state.session);
  await page.reload();
  document.body.dataset.ready = 'true';
}

/** The login form offers the ways the server has: the region's account (a link to its login), a password, or both. */
async function showLogin() {
  const ways = await api('GET', '/api/login');
  $('login-region').hidden = !ways.region;
  $('login-local').hidden = !ways.password;
  $('login-local').disabled = !ways.password; // nothing hidden is required to fill in
  $('login-local-legend').hidden = !ways.region;
  $('login').hidden = false;
}

/** What the account may do decides which buttons it sees (the server refuses the rest anyway). */
function showSession(s) {
  const planner = s.role === 'PLANNER' || s.role === 'ADMIN';
  ['solve', 'stop', 'undo', 'copy'].forEach((id) => ($(id).hidden = !planner));
  document.querySelector('header .upload').hidden = !planner;
  $('sitting-form').hidden = !planner;
  $('publish').hidden = s.role !== 'ADMIN';
  $('users-tab').hidden = !(s.accounts && s.role === 'ADMIN');
  $('who').replaceChildren(...(s.accounts ? [t('page.session.who', s.name, roleName(s.role)) + ' ',
    el('a', { href: '#', id: 'logout', text: t('page.session.log.out'), on: { click: (e) => { e.preventDefault(); guarded(async () => { await api('POST', '/api/logout'); location.reload(); }); } } })] : []));
}
