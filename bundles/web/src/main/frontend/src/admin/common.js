// Pieces every admin page shares: role gate, loading a list with paging, errors as the API words them.
import { html } from 'htm/preact';
import { useState, useEffect, useCallback } from 'preact/hooks';
import { api, ApiError, useCurrentUser, tokens } from '../api.js';

export const ADMIN = 0;
export const MODERATOR = 1;

/** Wraps a page so that only users of the given role (or higher) see it; others get a plain explanation. */
export function gated(role, Page) {
  return function Gated(props) {
    const user = useCurrentUser();
    const needed = role === ADMIN ? 'an administrator' : 'a moderator or an administrator';
    if (!user && tokens()) return html`<div class="page admin-page"><p class="muted">Loading...</p></div>`;
    if (!user) {
      return html`<div class="page admin-page"><p class="error admin-denied">
        This page is for ${needed}: please <a href="/login">log in</a>.</p></div>`;
    }
    if (!user.role || user.role.id > role) {
      return html`<div class="page admin-page"><p class="error admin-denied">
        This page is for ${needed}; your account (${user.username}) is not allowed to see it.</p></div>`;
    }
    return html`<${Page} ...${props} user=${user} />`;
  };
}

/** Loads `path` with the query (re-run when the query or `reload` changes): {data, error, loading, reload}. */
export function useApi(path, query = {}) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  const key = path + '?' + JSON.stringify(query);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api('GET', path, { query: clean(query) })
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch((error) => live && setState({ data: null, error, loading: false }));
    return () => { live = false; };
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

function clean(query) {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/** Runs an action and keeps its error (or a success note) for display: [run, status]. */
export function useAction() {
  const [status, setStatus] = useState({ error: null, note: null, busy: false });
  const run = useCallback(async (fn, note) => {
    setStatus({ error: null, note: null, busy: true });
    try {
      const result = await fn();
      setStatus({ error: null, note: note || null, busy: false });
      return result;
    } catch (error) {
      setStatus({ error, note: null, busy: false });
      return undefined;
    }
  }, []);
  return [run, status];
}

/** An API error as the user should read it: the problem's detail, its status, and each invalid parameter. */
export function ErrorBox({ error, hideParams }) {
  if (!error) return null;
  const params = !hideParams && error instanceof ApiError && error.body && error.body['invalid-params'];
  const status = error instanceof ApiError ? error.status : null;
  const hint = status === 401 ? ' (log in again)' : status === 403 ? ' (not allowed for your role)' : '';
  return html`<div class="error admin-error" role="alert">
    ${status ? html`<strong>${status}</strong> ` : ''}${error.message || String(error)}${hint}
    ${params && html`<ul>${Object.entries(params).map(([name, p]) =>
      html`<li><code>${name}</code>: ${p && p.msg ? p.msg : String(p)}</li>`)}</ul>`}
  </div>`;
}

export function Status({ status, hideParams }) {
  return html`${status.error ? html`<${ErrorBox} error=${status.error} hideParams=${hideParams} />` : ''}
    ${status.note ? html`<p class="admin-note" role="status">${status.note}</p>` : ''}`;
}

/** Previous / next over {total} with start and count. */
export function Pager({ start, count, total, onStart }) {
  if (!total || total <= count) return total ? html`<p class="muted">${total} in all</p>` : null;
  const last = Math.min(start + count, total);
  return html`<div class="admin-pager">
    <button class="btn" disabled=${start === 0} onClick=${() => onStart(Math.max(0, start - count))}>Previous</button>
    <span class="muted">${start + 1}-${last} of ${total}</span>
    <button class="btn" disabled=${last >= total} onClick=${() => onStart(start + count)}>Next</button>
  </div>`;
}

/** A list's empty, loading and error states, else the rows. */
export function ListState({ result, empty, children }) {
  if (result.error) return html`<${ErrorBox} error=${result.error} />`;
  if (!result.data) return html`<p class="muted">Loading...</p>`;
  if (!result.data.data || result.data.data.length === 0) return html`<p class="muted admin-empty">${empty}</p>`;
  return children;
}

export function confirmed(question) {
  return window.confirm(question);
}

export function formatBytes(n) {
  if (n === null || n === undefined || n < 0) return n === -1 ? 'unlimited' : '-';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

export function formatDate(iso) {
  if (!iso) return '-';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString();
}

/** Tabs kept in the URL's query (?tab=...) so a reload lands on the same tab. */
export function useQueryParam(name, fallback) {
  const read = () => new URLSearchParams(window.location.search).get(name) || fallback;
  const [value, setValue] = useState(read);
  const set = useCallback((v) => {
    const params = new URLSearchParams(window.location.search);
    if (v === null || v === undefined || v === fallback) params.delete(name); else params.set(name, v);
    const qs = params.toString();
    window.history.replaceState(window.history.state, '', window.location.pathname + (qs ? '?' + qs : ''));
    setValue(v === null || v === undefined ? fallback : v);
  }, [name, fallback]);
  return [value, set];
}

export function Tabs({ tabs, value, onChange }) {
  return html`<div class="admin-tabs" role="tablist">
    ${tabs.map(([id, label]) => html`<button role="tab" aria-selected=${value === id}
      class=${'btn' + (value === id ? ' btn-primary' : '')} onClick=${() => onChange(id)}>${label}</button>`)}
  </div>`;
}
