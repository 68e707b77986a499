// Abuse reports: list filtered by state, accept / reject with a note for the reporter, the conversation with
// the reporter, delete. Moderators and administrators.
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { MODERATOR, gated, useApi, useAction, Status, ListState, Pager, confirmed, formatDate } from './common.js';

const COUNT = 15;
const STATES = [['', 'all'], ['1', 'pending'], ['2', 'rejected'], ['3', 'accepted']];

function AbusesPage() {
  const [start, setStart] = useState(0);
  const [state, setState] = useState('1');
  const [open, setOpen] = useState(null);
  const list = useApi('/api/v1/abuses', { start, count: COUNT, state, sort: '-createdAt' });
  const [run, status] = useAction();
  const decide = (a, newState) => {
    const note = window.prompt(`${newState === 3 ? 'Accept' : 'Reject'} report #${a.id}. Note for the reporter `
      + '(optional, 2 characters at least):', '');
    if (note === null) return;
    const json = { state: newState };
    if (note.trim()) json.moderationComment = note.trim();
    run(() => api('PUT', `/api/v1/abuses/${a.id}`, { json }), `Report #${a.id} ${newState === 3 ? 'accepted' : 'rejected'}`)
      .then(list.reload);
  };
  const remove = (a) => confirmed(`Delete report #${a.id}?`)
    && run(() => api('DELETE', `/api/v1/abuses/${a.id}`), `Report #${a.id} deleted`).then(list.reload);

  return html`<div class="page admin-page">
    <h1>Abuse reports</h1>
    <div class="admin-toolbar"><label>State <select value=${state}
      onChange=${(e) => { setState(e.currentTarget.value); setStart(0); setOpen(null); }}>
      ${STATES.map(([id, label]) => html`<option value=${id}>${label}</option>`)}</select></label></div>
    <${Status} status=${status} />
    <div class="card"><${ListState} result=${list} empty="No reports in this state.">
      <table class="table admin-abuses"><thead><tr><th>#</th><th>Reported</th><th>Reason</th><th>Reporter</th>
        <th>State</th><th>At</th><th></th></tr></thead>
        <tbody>${list.data && list.data.data.map((a) => html`<tr key=${a.id}>
          <td>${a.id}</td><td><${Target} a=${a} /></td>
          <td class="admin-text">${a.reason}${a.predefinedReasons && a.predefinedReasons.length
            ? html`<div class="muted">${a.predefinedReasons.join(', ')}</div>` : ''}
            ${a.moderationComment && html`<div class="muted">note: ${a.moderationComment}</div>`}</td>
          <td>${a.reporterAccount ? handle(a.reporterAccount) : '-'}</td>
          <td><span class=${'admin-badge admin-abuse-' + a.state.id}>${a.state.label}</span></td>
          <td>${formatDate(a.createdAt)}</td>
          <td class="admin-actions">
            ${a.state.id !== 3 && html`<button class="btn btn-primary" onClick=${() => decide(a, 3)}>Accept</button>`}
            ${a.state.id !== 2 && html`<button class="btn" onClick=${() => decide(a, 2)}>Reject</button>`}
            <button class="btn" onClick=${() => setOpen(open === a.id ? null : a.id)}>Messages (${a.countMessages || 0})</button>
            <button class="btn btn-danger" onClick=${() => remove(a)}>Delete</button></td></tr>
          ${open === a.id && html`<tr><td colspan="7"><${Messages} id=${a.id} onChange=${list.reload} /></td></tr>`}`)}
        </tbody></table>
      <${Pager} start=${start} count=${COUNT} total=${list.data && list.data.total} onStart=${setStart} />
    <//></div>
  </div>`;
}

function handle(account) {
  return account.host ? `${account.name}@${account.host}` : account.name;
}

function Target({ a }) {
  if (a.video) return html`video <a href=${'/w/' + a.video.uuid}>${a.video.name}</a>${a.video.deleted ? ' (deleted)' : ''}`;
  if (a.comment) return html`comment on ${a.comment.video ? html`<a href=${'/w/' + a.comment.video.uuid}>${a.comment.video.name}</a>`
    : 'a video'}<div class="muted admin-text">${a.comment.text}</div>`;
  if (a.flaggedAccount) return html`account ${handle(a.flaggedAccount)}`;
  return '-';
}

function Messages({ id, onChange }) {
  const list = useApi(`/api/v1/abuses/${id}/messages`);
  const [run, status] = useAction();
  const send = async (e) => {
    e.preventDefault();
    const formEl = e.currentTarget;
    const message = formEl.elements.message.value.trim();
    if (!message) return;
    const sent = await run(() => api('POST', `/api/v1/abuses/${id}/messages`, { json: { message } }));
    if (sent) { formEl.reset(); list.reload(); onChange(); }
  };
  return html`<div class="admin-messages">
    <${ListState} result=${list} empty="No messages yet.">
      <ul>${list.data && list.data.data.map((m) => html`<li key=${m.id}>
        <strong>${m.account ? m.account.displayName || m.account.name : '?'}</strong>
        ${m.byModerator ? html`<span class="muted"> (moderator)</span>` : ''}
        <span class="muted"> ${formatDate(m.createdAt)}</span><div class="admin-text">${m.message}</div></li>`)}</ul>
    <//>
    <form onSubmit=${send} class="admin-toolbar">
      <input name="message" placeholder="Write to the reporter" aria-label="Message to the reporter" />
      <button class="btn" type="submit" disabled=${status.busy}>Send</button></form>
    <${Status} status=${status} />
  </div>`;
}

export default gated(MODERATOR, AbusesPage);
