// The instance's block lists (accounts and servers, added with a reason, removed) and, for administrators, the
// moderation feeds this instance subscribes to, whose entries may propose or apply blocks.
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { MODERATOR, gated, useApi, useAction, Status, ListState, Pager, Tabs, useQueryParam, confirmed, formatDate }
  from './common.js';

const COUNT = 15;

function BlocklistsPage({ user }) {
  const [tab, setTab] = useQueryParam('tab', 'servers');
  return html`<div class="page admin-page">
    <h1>Block lists</h1>
    <${Tabs} value=${tab} onChange=${setTab} tabs=${[['servers', 'Servers'], ['accounts', 'Accounts'],
      ['feeds', 'Moderation feeds']]} />
    ${tab === 'servers' && html`<${BlockList} kind="servers" field="host" label="Host to block (e.g. bad.example)"
      entryName=${(e) => e.blockedServer.host} />`}
    ${tab === 'accounts' && html`<${BlockList} kind="accounts" field="accountName" label="Account (name or name@host)"
      entryName=${(e) => handle(e.blockedAccount)} />`}
    ${tab === 'feeds' && html`<${Feeds} admin=${user.role.id === 0} />`}
  </div>`;
}

function handle(account) {
  return account.host ? `${account.name}@${account.host}` : account.name;
}

function BlockList({ kind, field, label, entryName }) {
  const [start, setStart] = useState(0);
  const list = useApi(`/api/v1/server/blocklist/${kind}`, { start, count: COUNT });
  const [run, status] = useAction();
  const add = async (e) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const value = formEl.elements.target.value.trim();
    const reason = formEl.elements.reason.value.trim();
    const json = { [field]: value };
    if (reason) json.reason = reason;
    const ok = await run(() => api('POST', `/api/v1/server/blocklist/${kind}`, { json }).then(() => true), `${value} blocked`);
    if (ok) { formEl.reset(); list.reload(); }
  };
  const remove = (e) => {
    const name = entryName(e);
    return confirmed(`Unblock ${name}?`) && run(() => api('DELETE',
      `/api/v1/server/blocklist/${kind}/${encodeURIComponent(name)}`), `${name} unblocked`).then(list.reload);
  };
  return html`<div class="card">
    <form class="admin-toolbar" onSubmit=${add}>
      <input name="target" required placeholder=${label} aria-label=${label} />
      <input name="reason" placeholder="Reason (optional)" aria-label="Reason" />
      <button class="btn btn-primary" type="submit" disabled=${status.busy}>Block</button>
    </form>
    <${Status} status=${status} />
    <${ListState} result=${list} empty="Nothing blocked.">
      <table class="table"><thead><tr><th>Blocked</th><th>Reason</th><th>Source</th><th>Since</th><th></th></tr></thead>
        <tbody>${list.data && list.data.data.map((e) => html`<tr key=${entryName(e)}>
          <td>${entryName(e)}</td><td>${e.reason || '-'}</td><td>${source(e.source)}</td>
          <td>${formatDate(e.createdAt)}</td>
          <td class="admin-actions"><button class="btn" onClick=${() => remove(e)}>Unblock</button></td></tr>`)}</tbody></table>
      <${Pager} start=${start} count=${COUNT} total=${list.data && list.data.total} onStart=${setStart} />
    <//></div>`;
}

function source(s) {
  if (!s) return 'local';
  if (typeof s === 'string') return s;
  return s.host || s.url || s.type || 'feed';
}

function Feeds({ admin }) {
  const list = useApi('/api/v1/server/moderation-feeds');
  const [run, status] = useAction();
  const subscribe = async (e) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const target = formEl.elements.target.value.trim();
    const json = /^https?:\/\//.test(target) ? { url: target } : { host: target };
    json.trust = formEl.elements.trust.value;
    const ok = await run(() => api('POST', '/api/v1/server/moderation-feeds', { json }).then(() => true),
      `Subscribed to ${target}`);
    if (ok) { formEl.reset(); list.reload(); }
  };
  const act = (method, p, note) => run(() => api(method, p), note).then(list.reload);
  return html`<div class="card">
    ${admin && html`<form class="admin-toolbar" onSubmit=${subscribe}>
      <input name="target" required placeholder="Instance host or feed URL" aria-label="Feed" />
      <label>Trust <select name="trust"><option value="propose">propose (a moderator decides)</option>
        <option value="apply">apply automatically</option></select></label>
      <button class="btn btn-primary" type="submit" disabled=${status.busy}>Subscribe</button></form>`}
    <${Status} status=${status} />
    <${ListState} result=${list} empty="No moderation feed subscribed.">
      <table class="table"><thead><tr><th>Feed</th><th>Trust</th><th>Last sync</th><th>Last success</th><th></th></tr></thead>
        <tbody>${list.data && list.data.data.map((f) => html`<tr key=${f.id}>
          <td>${f.host}<div class="muted">${f.url}</div></td><td>${f.trust}</td>
          <td>${formatDate(f.lastSyncAt)}</td><td>${formatDate(f.lastSuccessAt)}</td>
          <td class="admin-actions">${admin && html`
            <button class="btn" onClick=${() => act('POST', `/api/v1/server/moderation-feeds/${f.id}/sync`, 'Synced')}>Sync now</button>
            <button class="btn btn-danger" onClick=${() => confirmed(`Unsubscribe from ${f.host}?`)
              && act('DELETE', `/api/v1/server/moderation-feeds/${f.id}`, 'Unsubscribed')}>Unsubscribe</button>`}</td>
        </tr>`)}</tbody></table>
    <//></div>`;
}

export default gated(MODERATOR, BlocklistsPage);
