// Users: list with search (username or email, by the API), sort and paging, create, edit role and quota, block /
// unblock, delete. Moderators may manage plain users; the API says no to the rest.
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { MODERATOR, gated, useApi, useAction, Status, ListState, Pager, confirmed, formatBytes, formatDate }
  from './common.js';

const ROLES = [[0, 'Administrator'], [1, 'Moderator'], [2, 'User']];
const COUNT = 15;

function UsersPage({ user: me }) {
  const [start, setStart] = useState(0);
  const [sort, setSort] = useState('-createdAt');
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState(null);
  const list = useApi('/api/v1/users', search.trim() ? { start, count: COUNT, sort, search: search.trim() }
    : { start, count: COUNT, sort });
  const [run, status] = useAction();
  const act = (fn, note) => run(fn, note).then(list.reload);

  const rows = list.data ? list.data.data : [];
  const block = (u) => {
    const reason = window.prompt(`Block ${u.username}? Reason (optional):`, '');
    if (reason !== null) act(() => api('POST', `/api/v1/users/${u.id}/block`, { json: reason ? { reason } : {} }),
      `${u.username} blocked`);
  };
  const remove = (u) => confirmed(`Delete ${u.username} with all their videos, channels and comments?`)
    && act(() => api('DELETE', `/api/v1/users/${u.id}`), `${u.username} deleted`);

  return html`<div class="page admin-page">
    <h1>Users</h1>
    <${CreateUser} me=${me} onDone=${list.reload} />
    <${Status} status=${status} />
    <div class="card">
      <div class="admin-toolbar">
        <input type="search" placeholder="Filter by name or email" value=${search}
          onInput=${(e) => { setSearch(e.currentTarget.value); setStart(0); }} aria-label="Filter users" />
        <label>Sort <select value=${sort} onChange=${(e) => { setSort(e.currentTarget.value); setStart(0); }}>
          <option value="-createdAt">newest first</option><option value="createdAt">oldest first</option>
          <option value="username">username</option><option value="-lastLoginDate">last login</option>
        </select></label>
      </div>
      <${ListState} result=${list} empty="No users.">
        <table class="table admin-users">
          <thead><tr><th>User</th><th>Role</th><th>Quota (used / total)</th><th>Created</th><th>State</th><th></th></tr></thead>
          <tbody>${rows.map((u) => html`<tr key=${u.id} data-user=${u.username}>
            <td><strong>${u.username}</strong><div class="muted">${u.email}</div></td>
            <td>${u.role.label}</td>
            <td>${formatBytes(u.videoQuotaUsed)} / ${formatBytes(u.videoQuota)}</td>
            <td>${formatDate(u.createdAt)}</td>
            <td>${u.blocked ? html`<span class="admin-badge admin-state-blocked" title=${u.blockedReason || ''}>blocked</span>`
              : html`<span class="admin-badge admin-state-active">active</span>`}</td>
            <td class="admin-actions">
              <button class="btn" onClick=${() => setEditing(editing === u.id ? null : u.id)}>Edit</button>
              ${u.id !== me.id && (u.blocked
                ? html`<button class="btn" onClick=${() => act(() => api('POST', `/api/v1/users/${u.id}/unblock`),
                    `${u.username} unblocked`)}>Unblock</button>`
                : html`<button class="btn" onClick=${() => block(u)}>Block</button>`)}
              ${u.id !== me.id && html`<button class="btn btn-danger" onClick=${() => remove(u)}>Delete</button>`}
            </td></tr>
            ${editing === u.id && html`<tr><td colspan="6"><${EditUser} u=${u} me=${me}
              onDone=${() => { setEditing(null); list.reload(); }} /></td></tr>`}`)}
          </tbody>
        </table>
        <${Pager} start=${start} count=${COUNT} total=${list.data && list.data.total} onStart=${setStart} />
      <//>
    </div>
  </div>`;
}

function roleOptions(me) {
  return ROLES.filter(([id]) => me.role.id === 0 || id === 2);
}

/** Quota fields in MiB (blank: instance default on create, unchanged on edit; -1 unlimited). */
function quotaBytes(text) {
  const t = String(text).trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 1024 * 1024) : n;
}

function CreateUser({ me, onDone }) {
  const [open, setOpen] = useState(false);
  const [run, status] = useAction();
  const submit = async (e) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const f = formEl.elements;
    const json = { username: f.username.value.trim(), email: f.email.value.trim(), password: f.password.value,
      role: Number(f.role.value) };
    const quota = quotaBytes(f.quota.value);
    if (quota !== undefined) json.videoQuota = quota;
    const created = await run(() => api('POST', '/api/v1/users', { json }), `User ${json.username} created`);
    if (created) {
      formEl.reset();
      formEl.elements.role.value = '2';   // reset() would pick the first option, administrator
      onDone();
    }
  };
  if (!open) return html`<p><button class="btn btn-primary" onClick=${() => setOpen(true)}>Create a user</button>
    ${status.note && html` <span class="admin-note">${status.note}</span>`}</p>`;
  return html`<form class="card admin-create-user" onSubmit=${submit}>
    <h2>Create a user</h2>
    <div class="grid">
      <div class="form-row"><label for="nu-username">Username</label><input id="nu-username" name="username" required /></div>
      <div class="form-row"><label for="nu-email">Email</label><input id="nu-email" name="email" type="email" required /></div>
      <div class="form-row"><label for="nu-password">Password</label>
        <input id="nu-password" name="password" type="password" required autocomplete="new-password" /></div>
      <div class="form-row"><label for="nu-role">Role</label><select id="nu-role" name="role">
        ${roleOptions(me).map(([id, label]) => html`<option value=${id} selected=${id === 2}>${label}</option>`)}</select></div>
      <div class="form-row"><label for="nu-quota">Video quota in MiB (-1 unlimited, blank default)</label>
        <input id="nu-quota" name="quota" /></div>
    </div>
    <${Status} status=${status} />
    <button class="btn btn-primary" type="submit" disabled=${status.busy}>Create</button>
    <button class="btn" type="button" onClick=${() => setOpen(false)}>Close</button>
  </form>`;
}

/** Uncontrolled fields (defaultValue): a re-render while the list reloads must not undo what was typed. */
function EditUser({ u, me, onDone }) {
  const [run, status] = useAction();
  const mib = (b) => (b === -1 ? '-1' : b === null || b === undefined ? '' : String(Math.round(b / 1048576)));
  const submit = async (e) => {
    e.preventDefault();
    const f = e.currentTarget.elements;
    const json = { role: Number(f.role.value) };
    const quota = quotaBytes(f.quota.value);
    const daily = quotaBytes(f.daily.value);
    if (quota !== undefined) json.videoQuota = quota;
    if (daily !== undefined) json.videoQuotaDaily = daily;
    if (f.email.value.trim() && f.email.value.trim() !== u.email) json.email = f.email.value.trim();
    if (f.password.value) json.password = f.password.value;
    const ok = await run(() => api('PUT', `/api/v1/users/${u.id}`, { json }).then(() => true));
    if (ok) onDone();
  };
  return html`<form class="admin-edit-user" onSubmit=${submit}>
    <div class="grid">
      <div class="form-row"><label>Role <select name="role">${roleOptions(me).map(([id, label]) =>
        html`<option value=${id} selected=${id === u.role.id}>${label}</option>`)}</select></label></div>
      <div class="form-row"><label>Video quota, MiB (-1 unlimited) <input name="quota" defaultValue=${mib(u.videoQuota)} /></label></div>
      <div class="form-row"><label>Daily quota, MiB (-1 unlimited) <input name="daily" defaultValue=${mib(u.videoQuotaDaily)} /></label></div>
      <div class="form-row"><label>Email <input name="email" type="email" defaultValue=${u.email} /></label></div>
      <div class="form-row"><label>New password <input name="password" type="password" autocomplete="new-password" /></label></div>
    </div>
    <${Status} status=${status} />
    <button class="btn btn-primary" type="submit" disabled=${status.busy}>Save</button>
  </form>`;
}

export default gated(MODERATOR, UsersPage);
