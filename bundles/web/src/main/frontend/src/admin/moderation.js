// Moderation: what the policy chain held for review (videos, comments), the decisions log of that chain, and the
// videos blocked on this instance. Moderators and administrators.
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { MODERATOR, gated, useApi, useAction, Status, ListState, Pager, Tabs, useQueryParam, confirmed, formatDate }
  from './common.js';

const COUNT = 15;

function ModerationPage() {
  const [tab, setTab] = useQueryParam('tab', 'videos');
  return html`<div class="page admin-page">
    <h1>Moderation</h1>
    <${Tabs} value=${tab} onChange=${setTab} tabs=${[['videos', 'Held videos'], ['comments', 'Held comments'],
      ['decisions', 'Decisions log'], ['blocked', 'Blocked videos']]} />
    ${tab === 'videos' && html`<${HeldVideos} />`}
    ${tab === 'comments' && html`<${HeldComments} />`}
    ${tab === 'decisions' && html`<${Decisions} />`}
    ${tab === 'blocked' && html`<${BlockedVideos} />`}
  </div>`;
}

function HeldVideos() {
  const [start, setStart] = useState(0);
  const list = useApi('/api/v1/moderation/queue/videos', { start, count: COUNT });
  const [run, status] = useAction();
  const approve = (e) => run(() => api('POST', `/api/v1/moderation/queue/videos/${e.video.id}/approve`),
    `${e.video.name} approved`).then(list.reload);
  const reject = (e) => {
    const reason = window.prompt(`Reject ${e.video.name}? Reason shown to the uploader:`, '');
    if (reason !== null) run(() => api('POST', `/api/v1/moderation/queue/videos/${e.video.id}/reject`,
      { json: reason ? { reason } : {} }), `${e.video.name} rejected`).then(list.reload);
  };
  return html`<div class="card"><${Status} status=${status} />
    <${ListState} result=${list} empty="No video waits for review.">
      <table class="table"><thead><tr><th>Video</th><th>Why held</th><th>Since</th><th></th></tr></thead>
        <tbody>${list.data && list.data.data.map((e) => html`<tr key=${e.id}>
          <td><a href=${'/w/' + e.video.uuid}>${e.video.name}</a></td><td>${e.reason}</td>
          <td>${formatDate(e.createdAt)}</td>
          <td class="admin-actions"><button class="btn btn-primary" onClick=${() => approve(e)}>Approve</button>
            <button class="btn btn-danger" onClick=${() => reject(e)}>Reject</button></td></tr>`)}</tbody></table>
      <${Pager} start=${start} count=${COUNT} total=${list.data && list.data.total} onStart=${setStart} />
    <//></div>`;
}

function HeldComments() {
  const [start, setStart] = useState(0);
  const list = useApi('/api/v1/moderation/queue/comments', { start, count: COUNT });
  const [run, status] = useAction();
  const decide = (c, verdict) => (verdict === 'approve' || confirmed('Reject (delete) this comment?'))
    && run(() => api('POST', `/api/v1/moderation/queue/comments/${c.id}/${verdict}`), `Comment ${verdict}d`)
      .then(list.reload);
  return html`<div class="card"><${Status} status=${status} />
    <${ListState} result=${list} empty="No comment waits for review.">
      <table class="table"><thead><tr><th>Comment</th><th>By</th><th>On</th><th>At</th><th></th></tr></thead>
        <tbody>${list.data && list.data.data.map((c) => html`<tr key=${c.id}>
          <td class="admin-text">${c.text}</td><td>${c.account ? c.account.displayName || c.account.name : '-'}</td>
          <td>${c.video ? html`<a href=${'/w/' + c.video.uuid}>${c.video.name}</a>` : '-'}</td>
          <td>${formatDate(c.createdAt)}</td>
          <td class="admin-actions"><button class="btn btn-primary" onClick=${() => decide(c, 'approve')}>Approve</button>
            <button class="btn btn-danger" onClick=${() => decide(c, 'reject')}>Reject</button></td></tr>`)}</tbody></table>
      <${Pager} start=${start} count=${COUNT} total=${list.data && list.data.total} onStart=${setStart} />
    <//></div>`;
}

function Decisions() {
  const [start, setStart] = useState(0);
  const [kind, setKind] = useState('');
  const [decision, setDecision] = useState('');
  const list = useApi('/api/v1/moderation/decisions', { start, count: COUNT, kind, decision });
  const select = (value, set, options, label) => html`<label>${label} <select value=${value}
    onChange=${(e) => { set(e.currentTarget.value); setStart(0); }}>
    <option value="">all</option>${options.map((o) => html`<option value=${o}>${o}</option>`)}</select></label>`;
  return html`<div class="card">
    <div class="admin-toolbar">
      ${select(kind, setKind, ['local_upload', 'local_edit', 'local_comment', 'remote_video', 'remote_comment', 'remote_actor', 'follow'], 'Kind')}
      ${select(decision, setDecision, ['accept', 'reject', 'hold', 'tag'], 'Decision')}
    </div>
    <${ListState} result=${list} empty="No decisions recorded.">
      <table class="table"><thead><tr><th>At</th><th>Kind</th><th>Subject</th><th>Actor</th><th>Decision</th>
        <th>Policy</th><th>Reason</th></tr></thead>
        <tbody>${list.data && list.data.data.map((d) => html`<tr key=${d.id}>
          <td>${formatDate(d.createdAt)}</td><td>${d.kind}</td><td class="admin-text">${d.subject}</td>
          <td>${d.actor || '-'}${d.originHost ? html`<div class="muted">${d.originHost}</div>` : ''}</td>
          <td><span class=${'admin-badge admin-decision-' + d.decision}>${d.decision}</span></td>
          <td>${d.policy || '-'}</td><td>${d.reason || ''}${d.tags && d.tags.length ? html`<div class="muted">tags:
            ${d.tags.join(', ')}</div>` : ''}</td></tr>`)}</tbody></table>
      <${Pager} start=${start} count=${COUNT} total=${list.data && list.data.total} onStart=${setStart} />
    <//></div>`;
}

function BlockedVideos() {
  const [start, setStart] = useState(0);
  const [search, setSearch] = useState('');
  const list = useApi('/api/v1/videos/blacklist', { start, count: COUNT, search, sort: '-createdAt' });
  const [run, status] = useAction();
  const unblock = (e) => confirmed(`Unblock ${e.video.name}?`) && run(() =>
    api('DELETE', `/api/v1/videos/${e.video.id}/blacklist`), `${e.video.name} unblocked`).then(list.reload);
  return html`<div class="card"><${Status} status=${status} />
    <div class="admin-toolbar"><input type="search" placeholder="Search videos" value=${search}
      onInput=${(e) => { setSearch(e.currentTarget.value); setStart(0); }} aria-label="Search blocked videos" /></div>
    <${ListState} result=${list} empty="No video is blocked.">
      <table class="table"><thead><tr><th>Video</th><th>Reason</th><th>Type</th><th>Since</th><th></th></tr></thead>
        <tbody>${list.data && list.data.data.map((e) => html`<tr key=${e.id}>
          <td><a href=${'/w/' + e.video.uuid}>${e.video.name}</a>${e.unfederated ? html`<div class="muted">unfederated</div>` : ''}</td>
          <td>${e.reason || '-'}</td><td>${e.type === 2 ? 'automatic' : 'manual'}</td>
          <td>${formatDate(e.createdAt)}</td>
          <td class="admin-actions"><button class="btn" onClick=${() => unblock(e)}>Unblock</button></td></tr>`)}</tbody></table>
      <${Pager} start=${start} count=${COUNT} total=${list.data && list.data.total} onStart=${setStart} />
    <//></div>`;
}

export default gated(MODERATOR, ModerationPage);
