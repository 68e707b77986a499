import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, useCurrentUser } from '../api.js';
import { ResumableUpload } from '../upload.js';
import { ErrorBox, RequireLogin, formatBytes, useLoad, watchUrl } from './common.js';

const STATES_DONE = new Set([1]);   // published

/** After the upload: the video's processing (queue place, transcoding percentage) until it is published. */
function Processing({ video }) {
  const [state, setState] = useState(null);   // { state: {id, label}, transcoding: {running, progress, jobsAhead} }
  const [error, setError] = useState(null);
  useEffect(() => {
    let timer, live = true;
    const poll = async () => {
      try {
        const p = await api('GET', `/api/v1/videos/${video.uuid}/processing`);
        if (!live) return;
        setState(p);
        setError(null);
        if (STATES_DONE.has(p.state?.id) || p.state?.id === 7 /* transcoding failed */) return;
      } catch (e) {
        if (live) setError(e);
      }
      timer = setTimeout(poll, 1500);
    };
    poll();
    return () => { live = false; clearTimeout(timer); };
  }, [video.uuid]);
  const published = state && STATES_DONE.has(state.state?.id);
  const failed = state?.state?.id === 7;
  const transcoding = state?.transcoding;
  let detail = '';
  if (transcoding?.running) detail = ` ${transcoding.progress} %`;
  else if (transcoding) detail = transcoding.jobsAhead ? ` (${transcoding.jobsAhead} ahead in the queue)` : ' (next in the queue)';
  return html`<section class="card" aria-live="polite">
    <h2>Processing</h2>
    <${ErrorBox} error=${error} />
    <p data-testid="upload-state" data-state=${state?.state?.id || ''}>
      ${published ? html`<strong class="success">Published.</strong>`
        : failed ? html`<strong class="error">${state.state.label}</strong>`
        : state ? `${state.state?.label || 'Processing'}${detail}…` : 'Waiting for the server…'}
    </p>
    ${!published && !failed && (transcoding?.running
      ? html`<progress aria-label="Transcoding" data-testid="transcoding-progress" max="100"
          value=${transcoding.progress}>${transcoding.progress} %</progress>`
      : html`<progress aria-label="Transcoding"></progress>`)}
    <p><a class=${published ? 'btn btn-primary' : 'btn'} href=${watchUrl(video)} data-testid="watch-link">
      ${published ? 'Watch the video' : 'Open the video page'}</a>
      ${' '}<a class="btn" href="/my-library/videos">My videos</a></p>
  </section>`;
}

function ProgressBar({ progress }) {
  if (!progress) return null;
  const percent = progress.total ? Math.floor((progress.sent / progress.total) * 100) : 0;
  return html`<div class="form-row">
    <label for="up-progress">Upload progress</label>
    <div class="progress-line">
      <progress id="up-progress" data-testid="upload-progress" max="100" value=${percent}>${percent} %</progress>
      <span data-testid="upload-percent">${percent} %</span>
    </div>
    <span class="hint">${formatBytes(progress.sent)} of ${formatBytes(progress.total)}</span></div>`;
}

function UploadForm() {
  const user = useCurrentUser();
  const privacies = useLoad(() => api('GET', '/api/v1/videos/privacies'), []);
  const [file, setFile] = useState(null);
  const [form, setForm] = useState({ name: '', channelId: '', privacy: '1', description: '', tags: '' });
  const [progress, setProgress] = useState(null);  // { sent, total }
  const [error, setError] = useState(null);
  const [uploading, setUploading] = useState(false);
  const [video, setVideo] = useState(null);
  const upload = useRef(null);

  useEffect(() => () => { if (upload.current && !video) upload.current.cancel(); }, []);
  const channels = user?.videoChannels || [];
  const channelId = form.channelId || (channels[0] && String(channels[0].id)) || '';
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.value });

  const pick = (e) => {
    const f = e.target.files[0] || null;
    setFile(f);
    setError(null);
    upload.current = null;
    setProgress(null);
    if (f && !form.name) setForm({ ...form, name: f.name.replace(/\.[^.]+$/, '').slice(0, 120) });
  };

  const start = async (e) => {
    e.preventDefault();
    setError(null);
    if (!upload.current) {
      const tags = form.tags.split(',').map((t) => t.trim()).filter(Boolean).slice(0, 5);
      const metadata = { channelId: Number(channelId), name: form.name.trim(), privacy: Number(form.privacy) };
      if (form.description.trim()) metadata.description = form.description.trim();
      if (tags.length) metadata.tags = tags;
      upload.current = new ResumableUpload(file, metadata, (sent, total) => setProgress({ sent, total }));
    }
    setUploading(true);
    try {
      setVideo(await upload.current.run());
    } catch (err) {
      setError(err);
      // a refused upload starts over; an interrupted one keeps its session to resume
      if (err.status >= 400 && err.status < 500) upload.current = null;
    }
    setUploading(false);
  };

  const cancel = async () => {
    if (upload.current) await upload.current.cancel();
    upload.current = null;
    setUploading(false);
    setProgress(null);
    setError(null);
  };

  if (video) return html`<div class="card"><h1>Upload a video</h1><${ProgressBar} progress=${progress} /></div><${Processing} video=${video} />`;
  const resumable = !uploading && upload.current && upload.current.url && error;
  return html`<form class="card" onSubmit=${start} aria-labelledby="upload-title">
    <h1 id="upload-title">Upload a video</h1>
    <${ErrorBox} error=${error} />
    <div class="form-row"><label for="up-file">Video file</label>
      <input id="up-file" type="file" accept="video/*,audio/*,.mkv,.y4m" required onChange=${pick} disabled=${uploading} />
      ${file && html`<span class="hint">${file.name}, ${formatBytes(file.size)}</span>`}</div>
    <div class="form-row"><label for="up-name">Title</label>
      <input id="up-name" required minlength="3" maxlength="120" value=${form.name} onInput=${set('name')} disabled=${uploading} /></div>
    <div class="form-row"><label for="up-channel">Channel</label>
      <select id="up-channel" value=${channelId} onChange=${set('channelId')} disabled=${uploading}>
        ${channels.map((c) => html`<option value=${String(c.id)}>${c.displayName || c.name}</option>`)}
      </select></div>
    <div class="form-row"><label for="up-privacy">Privacy</label>
      <select id="up-privacy" value=${form.privacy} onChange=${set('privacy')} disabled=${uploading}>
        ${Object.entries(privacies.data || { 1: 'Public', 2: 'Unlisted', 3: 'Private' })
          .map(([id, label]) => html`<option value=${id}>${label}</option>`)}
      </select></div>
    <div class="form-row"><label for="up-description">Description</label>
      <textarea id="up-description" maxlength="10000" value=${form.description} onInput=${set('description')} disabled=${uploading}></textarea></div>
    <div class="form-row"><label for="up-tags">Tags</label>
      <input id="up-tags" value=${form.tags} onInput=${set('tags')} disabled=${uploading} aria-describedby="up-tags-hint" />
      <span class="hint" id="up-tags-hint">Up to 5, separated by commas.</span></div>
    <${ProgressBar} progress=${progress} />
    <div class="row">
      <button class="btn btn-primary" type="submit" disabled=${uploading || !file || !channelId}>
        ${resumable ? 'Resume upload' : uploading ? 'Uploading…' : 'Upload'}</button>
      ${(uploading || resumable) && html`<button class="btn btn-danger" type="button" onClick=${cancel}>Cancel</button>`}
    </div>
  </form>`;
}

export function UploadPage() {
  return html`<main class="page"><${RequireLogin}><${UploadForm} /><//></main>`;
}
