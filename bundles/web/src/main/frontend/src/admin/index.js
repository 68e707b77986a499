// Administration pages. A placeholder: the admin interface replaces this file and adds its pages in src/admin/.
import { html } from 'htm/preact';

function AdminHome() {
  return html`<main class="page"><h1>Administration</h1><p class="muted">Nothing to administer here yet.</p></main>`;
}

/** Each `{ path, component, title }`; the router shows them to administrators and moderators only. */
export const adminRoutes = [
  { path: '/admin', component: AdminHome, title: 'Administration' },
];
