// The admin home: one card per admin page, those of the user's role only.
import { html } from 'htm/preact';
import { MODERATOR, gated } from './common.js';

export const SECTIONS = [
  { path: '/admin/dashboard', title: 'Dashboard', role: 0, text: 'Counters and plots: views, uploads, P2P, storage, deliveries' },
  { path: '/admin/users', title: 'Users', role: 1, text: 'Create, edit roles and quotas, block, delete' },
  { path: '/admin/plugins', title: 'Plugins', role: 0, text: 'Install from a jar or coordinates, settings, uninstall' },
  { path: '/admin/moderation', title: 'Moderation', role: 1, text: 'Held videos and comments, decisions, blocked videos' },
  { path: '/admin/abuses', title: 'Abuse reports', role: 1, text: 'Accept or reject reports, talk to reporters' },
  { path: '/admin/blocklists', title: 'Block lists', role: 1, text: 'Blocked servers and accounts, moderation feeds' },
  { path: '/admin/follows', title: 'Federation', role: 0, text: 'Instances followed and following' },
  { path: '/admin/jobs', title: 'Jobs', role: 0, text: 'Transcoding and federation jobs, progress and failures' },
];

function AdminHome({ user }) {
  return html`<div class="page admin-page">
    <h1>Administration</h1>
    <div class="grid admin-home">${SECTIONS.filter((s) => user.role.id <= s.role).map((s) => html`
      <a class="card admin-home-card" href=${s.path}><h2>${s.title}</h2><p class="muted">${s.text}</p></a>`)}</div>
  </div>`;
}

export default gated(MODERATOR, AdminHome);
