// The Användare tab (an admin's): the accounts, a new one, a new token, a removal, and the audit log.
import { api } from './api.js';
import { $, el } from './dom.js';
import { guarded, say } from './message.js';
import { state } from './state.js';

/** The roles in the page's words. */
export const ROLES = { VIEWER: 'läsare', PLANNER: 'planerare', ADMIN: 'administratör' };

/** The audit log's actions in the page's words. */
const AUDIT_ACTIONS = {
  LOGIN: 'Inloggning', LOGIN_FAILED: 'Misslyckad inloggning', LOGIN_LOCKED: 'Inloggning spärrad', LOGOUT: 'Utloggning',
  USER_ADDED: 'Användare tillagd', USER_REMOVED: 'Användare borttagen', TOKEN_RENEWED: 'Nytt token',
  PUBLISHED: 'Publicerad', FEED_ROTATED: 'Ny adress för prenumerationen', SCENARIO_DELETED: 'Scenario borttaget',
};

export function wireUserForm() {
  $('user-form').addEventListener('submit', (e) => {
    e.preventDefault();
    guarded(async () => {
      const issued = await api('POST', '/api/users', { name: $('user-name').value, role: $('user-role').value, password: $('user-password').value });
      $('user-form').reset();
      showToken(issued);
      await renderUsers();
    });
  });
}

/** An API token is shown once, when it is issued; the server keeps only its hash. */
function showToken(issued) {
  $('user-token').hidden = false;
  $('user-token').replaceChildren('API-token för ' + issued.name + ' (visas bara nu): ', el('code', { text: issued.token }));
}

export async function renderUsers() {
  const users = await api('GET', '/api/users');
  $('user-list').replaceChildren(el('table', { class: 'grid', id: 'users' },
    el('tr', {}, ['Användare', 'Roll', 'Skapad', 'Lösenord', '', ''].map((h) => el('th', { text: h }))),
    users.map((u) => el('tr', { 'data-user': u.name }, el('td', { text: u.name }), el('td', { text: ROLES[u.role] }),
      el('td', { text: new Date(u.createdAt).toLocaleDateString('sv-SE') }), el('td', { text: u.hasPassword ? 'ja' : 'nej' }),
      el('td', {}, el('button', { type: 'button', class: 'token', text: 'Nytt token', on: { click: () => guarded(async () => {
        showToken(await api('POST', '/api/users/' + encodeURIComponent(u.name) + '/token'));
      }) } })),
      el('td', {}, u.name === state.session.name ? null : el('button', { type: 'button', class: 'remove', text: 'Ta bort', on: { click: () => guarded(async () => {
        if (!confirm('Ta bort ' + u.name + '? Kontot kan inte längre logga in, och dess token slutar gälla.')) return;
        await api('DELETE', '/api/users/' + encodeURIComponent(u.name));
        await renderUsers();
        say(u.name + ' är borttagen.', 'info');
        $('view-users').focus(); // the button pressed is gone with its row
      }) } }))))));
  const events = await api('GET', '/api/audit');
  $('audit-list').replaceChildren(el('table', { class: 'grid', id: 'audit' },
    el('tr', {}, ['Tid', 'Vem', 'Varifrån', 'Vad', 'Gäller'].map((h) => el('th', { text: h }))),
    events.map((e) => el('tr', {}, el('td', { text: new Date(e.at).toLocaleString('sv-SE') }), el('td', { text: e.by || '' }),
      el('td', { text: e.address === 'command line' ? 'kommandoraden' : e.address }), el('td', { text: AUDIT_ACTIONS[e.action] || e.action }),
      el('td', { text: e.subject })))));
}
