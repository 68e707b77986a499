// Federation: the instances this one follows (follow by host or handle, unfollow) and the ones following it
// (accept or reject pending requests, remove). Administrators.
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { ADMIN, gated, useApi, useAction, Status, ListState, Pager, Tabs, useQueryParam, confirmed, formatDate }
  from './common.js';

const COUNT = 15;

function handle(actor) {
  return actor.host ? `${actor.name}@${actor.host}` : actor.name;
}

function FollowsPage() {
  const [tab, setTab] = useQueryParam('tab', 'following');
  return html`<div class="page admin-page">
    <h1>Federation</h1>
    <${Tabs} value=${tab} onChange=${setTab} tabs=${[['following', 'Following'], ['followers', 'Followers']]} />
    ${tab === 'following' ? html`<${Following} />` : html`<${Followers} />`}
  </div>`;
}

function State({ state }) {
  return html`<span class=${'admin-badge admin-follow-' + state}>${state}</span>`;
}

function Following() {
  const [start, setStart] = useState(0);
  const list = useApi('/api/v1/server/following', { start, count: COUNT });
  const [run, status] = useAction();
  const follow = async (e) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const targets = formEl.elements.targets.value.split(/[\s,]+/).map((t) => t.trim()).filter(Boolean);
    const json = { hosts: targets.filter((t) => !t.includes('@')), handles: targets.filter((t) => t.includes('@')) };
    const ok = await run(() => api('POST', '/api/v1/server/following', { json }).then(() => true),
      `Follow request sent to ${targets.join(', ')}`);
    if (ok) { formEl.reset(); list.reload(); }
  };
  const unfollow = (f) => confirmed(`Unfollow ${f.following.host || handle(f.following)}?`)
    && run(() => api('DELETE', `/api/v1/server/following/${encodeURIComponent(handle(f.following))}`),
      'Unfollowed').then(list.reload);
  return html`<div class="card">
    <form class="admin-toolbar" onSubmit=${follow}>
      <input name="targets" required placeholder="Hosts or handles, e.g. videos.example channel@videos.example"
        aria-label="Instances to follow" />
      <button class="btn btn-primary" type="submit" disabled=${status.busy}>Follow</button></form>
    <${Status} status=${status} />
    <${ListState} result=${list} empty="This instance follows nobody.">
      <table class="table"><thead><tr><th>Following</th><th>State</th><th>Since</th><th></th></tr></thead>
        <tbody>${list.data && list.data.data.map((f) => html`<tr key=${f.id}>
          <td>${handle(f.following)}</td><td><${State} state=${f.state} /></td><td>${formatDate(f.createdAt)}</td>
          <td class="admin-actions"><button class="btn btn-danger" onClick=${() => unfollow(f)}>Unfollow</button></td>
        </tr>`)}</tbody></table>
      <${Pager} start=${start} count=${COUNT} total=${list.data && list.data.total} onStart=${setStart} />
    <//></div>`;
}

function Followers() {
  const [start, setStart] = useState(0);
  const [state, setState] = useState('');
  const list = useApi('/api/v1/server/followers', { start, count: COUNT, state });
  const [run, status] = useAction();
  const act = (f, verb) => {
    const h = handle(f.follower);
    const path = verb === 'remove' ? `/api/v1/server/followers/${encodeURIComponent(h)}`
      : `/api/v1/server/followers/${encodeURIComponent(h)}/${verb}`;
    if (verb !== 'accept' && !confirmed(`${verb === 'reject' ? 'Reject' : 'Remove'} the follower ${h}?`)) return;
    run(() => api(verb === 'remove' ? 'DELETE' : 'POST', path), `${h}: ${verb} done`).then(list.reload);
  };
  return html`<div class="card">
    <div class="admin-toolbar"><label>State <select value=${state}
      onChange=${(e) => { setState(e.currentTarget.value); setStart(0); }}>
      <option value="">all</option><option value="pending">pending</option><option value="accepted">accepted</option>
      <option value="rejected">rejected</option></select></label></div>
    <${Status} status=${status} />
    <${ListState} result=${list} empty="No followers.">
      <table class="table"><thead><tr><th>Follower</th><th>State</th><th>Since</th><th></th></tr></thead>
        <tbody>${list.data && list.data.data.map((f) => html`<tr key=${f.id}>
          <td>${handle(f.follower)}</td><td><${State} state=${f.state} /></td><td>${formatDate(f.createdAt)}</td>
          <td class="admin-actions">
            ${f.state === 'pending' && html`<button class="btn btn-primary" onClick=${() => act(f, 'accept')}>Accept</button>
              <button class="btn" onClick=${() => act(f, 'reject')}>Reject</button>`}
            ${f.state !== 'pending' && html`<button class="btn btn-danger" onClick=${() => act(f, 'remove')}>Remove</button>`}
          </td></tr>`)}</tbody></table>
      <${Pager} start=${start} count=${COUNT} total=${list.data && list.data.total} onStart=${setStart} />
    <//></div>`;
}

export default gated(ADMIN, FollowsPage);
