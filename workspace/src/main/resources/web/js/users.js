// The Användare tab (an admin's): the accounts, a new one, a new token, a removal, and the audit log.
import { api } from './api.js';
import { $, el } from './dom.js';
import { guarded, say } from './message.js';
import { state } from './state.js';
import { locale, t } from './words.js';

/** A role (VIEWER, PLANNER, ADMIN) in the page's words. */
export const roleName = (role) => t('role.' + role.toLowerCase());

/** An action of the audit log (LOGIN, USER_ADDED, …) in the page's words. */
const auditAction = (action) => t('page.audit.' + action.toLowerCase().replaceAll('_', '.'));

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
  $('user-token').replaceChildren(t('page.users.token', issued.name), ' ', el('code', { text: issued.token }));
}

export async function renderUsers() {
  const users = await api('GET', '/api/users');
  $('user-list').replaceChildren(el('table', { class: 'grid', id: 'users' },
    el('tr', {}, ['page.users.user', 'page.users.role', 'page.users.created', 'page.users.password', null, null].map((h) => el('th', { text: h && t(h) }))),
    users.map((u) => el('tr', { 'data-user': u.name }, el('td', { text: u.name }), el('td', { text: roleName(u.role) }),
      el('td', { text: new Date(u.createdAt).toLocaleDateString(locale()) }), el('td', { text: t(u.hasPassword ? 'page.yes' : 'page.no') }),
      el('td', {}, el('button', { type: 'button', class: 'token', text: t('page.users.new.token'), on: { click: () => guarded(async () => {
        showToken(await api('POST', '/api/users/' + encodeURIComponent(u.name) + '/token'));
      }) } })),
      el('td', {}, u.name === state.session.name ? null : el('button', { type: 'button', class: 'remove', text: t('page.users.remove'), on: { click: () => guarded(async () => {
        if (!confirm(t('page.users.remove.question', u.name))) return;
        await api('DELETE', '/api/users/' + encodeURIComponent(u.name));
        await renderUsers();
        say(t('page.users.removed', u.name), 'info');
        $('view-users').focus(); // the button pressed is gone with its row
      }) } }))))));
  const events = await api('GET', '/api/audit');
  $('audit-list').replaceChildren(el('table', { class: 'grid', id: 'audit' },
    el('tr', {}, ['page.audit.at', 'page.audit.by', 'page.audit.from', 'page.audit.what', 'page.audit.subject'].map((h) => el('th', { text: t(h) }))),
    events.map((e) => el('tr', {}, el('td', { text: new Date(e.at).toLocaleString(locale()) }), el('td', { text: e.by || '' }),
      el('td', { text: e.address === 'command line' ? t('page.audit.command.line') : e.address }), el('td', { text: auditAction(e.action) }),
      el('td', { text: e.subject })))));
}
