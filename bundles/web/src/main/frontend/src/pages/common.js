// Pieces the pages share: loading data, showing errors, video cards and paging.
import { html } from 'htm/preact';
import { useEffect, useState, useCallback } from 'preact/hooks';
import { api, useCurrentUser, tokens } from '../api.js';

export function formatDuration(seconds) {
  const s = Math.max(0, Math.round(seconds || 0));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? h + ':' : ''}${mm}:${String(r).padStart(2, '0')}`;
}

export function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatBytes(n) {
  if (!n) return '0 B';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  const i = Math.min(units.length - 1, Math.floor(Math.log(n) / Math.log(1024)));
  return `${(n / 1024 ** i).toFixed(i ? 1 : 0)} ${units[i]}`;
}

export const plural = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/** Loads with `load()` when `deps` change; returns { data, error, loading, reload, setData }. */
export function useLoad(load, deps) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const run = useCallback(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    Promise.resolve().then(load).then((data) => live && setState({ data, error: null, loading: false }),
      (error) => live && setState({ data: null, error, loading: false }));
    return () => { live = false; };
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run, setData: (data) => setState((s) => ({ ...s, data })) };
}

/** An API error as the user reads it: the problem's detail. */
export function ErrorBox({ error }) {
  if (!error) return null;
  return html`<p class="error" role="alert" data-testid="error">${error.message || String(error)}</p>`;
}

export function Loading() {
  return html`<p class="muted" aria-live="polite">Loading…</p>`;
}

export function NotFound() {
  return html`<main class="page"><h1>Page not found</h1><p>There is nothing at this address. <a href="/">Go home</a>.</p></main>`;
}

/** Renders `children` for logged-in users, else an invitation to log in (and come back). */
export function RequireLogin({ children }) {
  const user = useCurrentUser();
  if (user) return children;
  if (tokens()) return html`<main class="page"><${Loading} /></main>`;
  const back = encodeURIComponent(location.pathname + location.search);
  return html`<main class="page"><h1>Log in needed</h1>
    <p>Please <a href=${`/login?redirect=${back}`}>log in</a> to see this page.</p></main>`;
}

export function watchUrl(v) {
  return `/w/${v.shortUUID || v.uuid}`;
}

export function channelHandle(c) {
  if (!c) return '';
  return c.host && c.host !== location.host ? `${c.name}@${c.host}` : c.name;
}

export function VideoCard({ video: v, actions }) {
  const channel = v.channel;
  return html`<article class="video-card" data-testid="video-card">
    <a class="thumb" href=${watchUrl(v)} tabindex="-1" aria-hidden="true">
      ${v.thumbnailPath && html`<img src=${v.thumbnailPath} alt="" loading="lazy" />`}
      <span class="duration">${formatDuration(v.duration)}</span>
    </a>
    <a class="name" href=${watchUrl(v)} title=${v.name}>${v.name}</a>
    <div class="meta">
      ${channel && html`<a href=${`/c/${channelHandle(channel)}`}>${channel.displayName || channel.name}</a><br />`}
      ${plural(v.views || 0, 'view')} · ${formatDate(v.publishedAt || v.createdAt)}
      ${v.privacy && v.privacy.id !== 1 && html` · ${v.privacy.label}`}
      ${v.state && v.state.id !== 1 && html` · ${v.state.label}`}
    </div>
    ${actions}
  </article>`;
}

const PAGE = 24;

/**
 * A paged grid of videos from `path` (any PeerTube list answering { total, data }); `query` adds parameters,
 * `map` turns an item into a video (history and playlists wrap them).
 */
export function VideoGrid({ path, query = {}, map = (x) => x, empty = 'No videos here yet.', actions }) {
  const [start, setStart] = useState(0);
  const key = path + JSON.stringify(query);
  useEffect(() => setStart(0), [key]);
  const { data, error, loading, reload } = useLoad(() => api('GET', path, { query: { start, count: PAGE, ...query } }),
    [key, start]);
  if (error) return html`<${ErrorBox} error=${error} />`;
  if (!data) return html`<${Loading} />`;
  const videos = (data.data || []).map(map).filter(Boolean);
  return html`
    ${videos.length === 0 ? html`<p class="muted">${empty}</p>` : html`<div class="grid">
      ${videos.map((v) => html`<${VideoCard} key=${v.uuid} video=${v} actions=${actions && actions(v, reload)} />`)}
    </div>`}
    ${data.total > PAGE && html`<nav class="pager" aria-label="Pages">
      <button class="btn" disabled=${start === 0 || loading} onClick=${() => setStart(Math.max(0, start - PAGE))}>Previous</button>
      <span class="muted">${start + 1}–${Math.min(start + PAGE, data.total)} of ${data.total}</span>
      <button class="btn" disabled=${start + PAGE >= data.total || loading} onClick=${() => setStart(start + PAGE)}>Next</button>
    </nav>`}`;
}
