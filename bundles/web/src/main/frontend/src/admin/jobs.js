// Jobs: the persisted job queue by state, with progress and errors, refreshed every few seconds. Administrators.
import { html } from 'htm/preact';
import { useState, useEffect } from 'preact/hooks';
import { ADMIN, gated, useApi, ListState, Pager, Tabs, useQueryParam, formatDate } from './common.js';

const COUNT = 20;
const STATES = [['active', 'Active'], ['waiting', 'Waiting'], ['delayed', 'Delayed'], ['failed', 'Failed'],
  ['completed', 'Completed']];
const REFRESH_MS = 3000;

function JobsPage() {
  const [state, setState] = useQueryParam('state', 'active');
  const [start, setStart] = useState(0);
  const [auto, setAuto] = useState(true);
  const list = useApi(`/api/v1/jobs/${state}`, { start, count: COUNT, sort: '-createdAt' });
  useEffect(() => {
    if (!auto) return undefined;
    const timer = setInterval(list.reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [auto, list.reload]);
  return html`<div class="page admin-page">
    <h1>Jobs</h1>
    <${Tabs} value=${state} onChange=${(s) => { setState(s); setStart(0); }} tabs=${STATES} />
    <label class="admin-inline"><input type="checkbox" checked=${auto}
      onChange=${(e) => setAuto(e.currentTarget.checked)} /> refresh every ${REFRESH_MS / 1000} s</label>
    <div class="card"><${ListState} result=${list} empty=${`No ${state} jobs.`}>
      <table class="table admin-jobs"><thead><tr><th>#</th><th>Type</th><th>Progress</th><th>Attempts</th>
        <th>Created</th><th>Started / finished</th><th>Data / error</th></tr></thead>
        <tbody>${list.data && list.data.data.map((j) => html`<tr key=${j.id}>
          <td>${j.id}</td><td>${j.type}</td>
          <td>${j.progress !== null && j.progress !== undefined
            ? html`<progress max="100" value=${j.progress}></progress> ${Math.round(j.progress)}%` : '-'}</td>
          <td>${j.attempts} / ${j.maxAttempts}</td><td>${formatDate(j.createdAt)}${j.runAfter
            ? html`<div class="muted">runs after ${formatDate(j.runAfter)}</div>` : ''}</td>
          <td>${formatDate(j.processedOn)}<div class="muted">${formatDate(j.finishedOn)}</div></td>
          <td><code class="admin-json">${JSON.stringify(j.data)}</code>
            ${j.error && html`<div class="error admin-text">${j.error}</div>`}</td></tr>`)}</tbody></table>
      <${Pager} start=${start} count=${COUNT} total=${list.data && list.data.total} onStart=${setStart} />
    <//></div>
  </div>`;
}

export default gated(ADMIN, JobsPage);
