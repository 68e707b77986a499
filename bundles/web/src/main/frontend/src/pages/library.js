import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { api, reloadUser, useCurrentUser } from '../api.js';
import { ErrorBox, Loading, RequireLogin, VideoGrid, formatDate, formatDuration, useLoad, watchUrl, channelHandle } from './common.js';

function EditVideo({ video, privacies, onDone, onCancel }) {
  const [form, setForm] = useState({ name: video.name, description: '', privacy: String(video.privacy?.id || 1),
    tags: (video.tags || []).join(', ') });
  // the full description: the list may carry it, else the video's details do
  const description = useLoad(() => (typeof video.description === 'string' ? Promise.resolve(video)
    : api('GET', `/api/v1/videos/${video.uuid}`))
    .then((d) => { setForm((f) => ({ ...f, description: d.description || '' })); return d; }), [video.uuid]);
  const [error, setError] = useState(null);
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.value });
  const save = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      await api('PUT', `/api/v1/videos/${video.uuid}`, { json: {
        name: form.name.trim(), description: form.description, privacy: Number(form.privacy),
        tags: form.tags.split(',').map((t) => t.trim()).filter(Boolean).slice(0, 5),
      } });
      onDone();
    } catch (err) { setError(err); }
  };
  const id = `edit-${video.id}`;
  return html`<form onSubmit=${save} class="card" aria-label=${`Edit ${video.name}`}>
    <${ErrorBox} error=${error || description.error} />
    <div class="form-row"><label for=${id + '-name'}>Title</label>
      <input id=${id + '-name'} required minlength="3" maxlength="120" value=${form.name} onInput=${set('name')} /></div>
    <div class="form-row"><label for=${id + '-description'}>Description</label>
      <textarea id=${id + '-description'} value=${form.description} onInput=${set('description')}></textarea></div>
    <div class="form-row"><label for=${id + '-privacy'}>Privacy</label>
      <select id=${id + '-privacy'} value=${form.privacy} onChange=${set('privacy')}>
        ${Object.entries(privacies || { 1: 'Public', 2: 'Unlisted', 3: 'Private' }).map(([k, label]) => html`<option value=${k}>${label}</option>`)}
      </select></div>
    <div class="form-row"><label for=${id + '-tags'}>Tags (comma separated)</label>
      <input id=${id + '-tags'} value=${form.tags} onInput=${set('tags')} /></div>
    <div class="row"><button class="btn btn-primary" type="submit">Save</button>
      <button class="btn" type="button" onClick=${onCancel}>Cancel</button></div>
  </form>`;
}

function MyVideos() {
  const [start, setStart] = useState(0);
  const list = useLoad(() => api('GET', '/api/v1/users/me/videos', { query: { start, count: 25, sort: '-createdAt' } }), [start]);
  const privacies = useLoad(() => api('GET', '/api/v1/videos/privacies'), []);
  const [editing, setEditing] = useState(null);
  const [error, setError] = useState(null);
  const remove = async (v) => {
    if (!confirm(`Delete “${v.name}”? This cannot be undone.`)) return;
    setError(null);
    try {
      await api('DELETE', `/api/v1/videos/${v.uuid}`);
      list.reload();
    } catch (err) { setError(err); }
  };
  if (list.error) return html`<${ErrorBox} error=${list.error} />`;
  if (!list.data) return html`<${Loading} />`;
  const videos = list.data.data;
  return html`<${ErrorBox} error=${error} />
    ${videos.length === 0 ? html`<p class="muted">You have no videos yet. <a href="/videos/upload">Upload one</a>.</p>` : html`
    <table class="table" data-testid="my-videos">
      <thead><tr><th scope="col">Video</th><th scope="col">Privacy</th><th scope="col">State</th>
        <th scope="col">Views</th><th scope="col">Date</th><th scope="col"><span class="sr">Actions</span></th></tr></thead>
      <tbody>${videos.map((v) => html`<tr key=${v.uuid} data-testid="my-video-row">
        <td>${editing === v.uuid ? html`<${EditVideo} video=${v} privacies=${privacies.data}
            onDone=${() => { setEditing(null); list.reload(); }} onCancel=${() => setEditing(null)} />`
          : html`<a href=${watchUrl(v)}>${v.name}</a> <span class="muted">${formatDuration(v.duration)}</span>`}</td>
        <td>${v.privacy?.label}</td><td>${v.state?.label}</td><td>${v.views}</td>
        <td>${formatDate(v.createdAt)}</td>
        <td><div class="row">
          <button class="btn" onClick=${() => setEditing(editing === v.uuid ? null : v.uuid)}>Edit</button>
          <button class="btn btn-danger" onClick=${() => remove(v)}>Delete</button></div></td>
      </tr>`)}</tbody>
    </table>
    ${list.data.total > 25 && html`<nav class="pager" aria-label="Pages">
      <button class="btn" disabled=${start === 0} onClick=${() => setStart(start - 25)}>Previous</button>
      <button class="btn" disabled=${start + 25 >= list.data.total} onClick=${() => setStart(start + 25)}>Next</button></nav>`}`}`;
}

export function MyVideosPage() {
  return html`<main class="page"><h1>My videos</h1><${RequireLogin}><${MyVideos} /><//></main>`;
}

function Subscriptions() {
  const subs = useLoad(() => api('GET', '/api/v1/users/me/subscriptions', { query: { start: 0, count: 100 } }), []);
  return html`
    <h2>Channels</h2>
    ${subs.error && html`<${ErrorBox} error=${subs.error} />`}
    ${subs.data && (subs.data.data.length === 0 ? html`<p class="muted">You follow no channel yet.</p>`
      : html`<ul class="chips" data-testid="subscriptions">${subs.data.data.map((c) => html`<li>
          <a class="btn" href=${`/c/${channelHandle(c)}`}>${c.displayName || c.name}</a></li>`)}</ul>`)}
    <h2>Their videos</h2>
    <${VideoGrid} path="/api/v1/users/me/subscriptions/videos" query=${{ sort: '-publishedAt' }}
      empty="No videos from your subscriptions yet." />`;
}

export function SubscriptionsPage() {
  return html`<main class="page"><h1>Subscriptions</h1><${RequireLogin}><${Subscriptions} /><//></main>`;
}

function History() {
  const [version, setVersion] = useState(0);
  const [error, setError] = useState(null);
  const clear = async () => {
    if (!confirm('Clear your whole watch history?')) return;
    try {
      await api('POST', '/api/v1/users/me/history/videos/remove', { json: {} });
      setVersion(version + 1);
    } catch (err) { setError(err); }
  };
  return html`<div class="row"><button class="btn btn-danger" onClick=${clear}>Clear history</button></div>
    <${ErrorBox} error=${error} />
    <div style="margin-top:16px"><${VideoGrid} key=${version} path="/api/v1/users/me/history/videos"
      empty="Your watch history is empty." /></div>`;
}

export function HistoryPage() {
  return html`<main class="page"><h1>History</h1><${RequireLogin}><${History} /><//></main>`;
}

function Settings() {
  const user = useCurrentUser();
  const [form, setForm] = useState(() => ({
    displayName: user.account?.displayName || user.username,
    nsfwPolicy: user.nsfwPolicy || 'display',
    p2pEnabled: user.p2pEnabled !== false,
    videosHistoryEnabled: user.videosHistoryEnabled !== false,
  }));
  const [state, setState] = useState({});
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.type === 'checkbox' ? e.target.checked : e.target.value });
  const save = async (e) => {
    e.preventDefault();
    setState({});
    try {
      const body = { displayName: form.displayName.trim(), nsfwPolicy: form.nsfwPolicy,
        videosHistoryEnabled: form.videosHistoryEnabled };
      if ('p2pEnabled' in user) body.p2pEnabled = form.p2pEnabled;
      await api('PUT', '/api/v1/users/me', { json: body });
      await reloadUser();
      setState({ saved: true });
    } catch (err) { setState({ error: err }); }
  };
  return html`<form class="card" onSubmit=${save} style="max-width:640px">
    <p class="muted">Logged in as <strong>${user.username}</strong> (${user.email}) · ${user.role?.label}</p>
    <${ErrorBox} error=${state.error} />
    ${state.saved && html`<p class="success" role="status">Settings saved.</p>`}
    <div class="form-row"><label for="set-display">Display name</label>
      <input id="set-display" required maxlength="120" value=${form.displayName} onInput=${set('displayName')} /></div>
    <div class="form-row"><label for="set-nsfw">Sensitive videos</label>
      <select id="set-nsfw" value=${form.nsfwPolicy} onChange=${set('nsfwPolicy')}>
        <option value="display">Show them</option><option value="blur">Blur them</option>
        <option value="do_not_list">Do not list them</option></select></div>
    ${'p2pEnabled' in user && html`<div class="form-row"><label>
      <input type="checkbox" checked=${form.p2pEnabled} onChange=${set('p2pEnabled')} /> Help share the videos I watch
      (peer to peer)</label></div>`}
    <div class="form-row"><label>
      <input type="checkbox" checked=${form.videosHistoryEnabled} onChange=${set('videosHistoryEnabled')} /> Keep a
      history of the videos I watch</label></div>
    <button class="btn btn-primary" type="submit">Save</button>
  </form>`;
}

export function SettingsPage() {
  return html`<main class="page"><h1>Settings</h1><${RequireLogin}><${Settings} /><//></main>`;
}
