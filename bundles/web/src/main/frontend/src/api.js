// The REST client every page uses: PeerTube's /api/v1 with OAuth tokens kept in localStorage.
import { useEffect, useState } from 'preact/hooks';

const TOKENS = 'vid.tokens';
const listeners = new Set();
let currentUser = null;      // the /api/v1/users/me JSON, or null
let userLoad = null;         // the pending load of it

/** An error answer of the API; the message is the problem JSON's detail or title. */
export class ApiError extends Error {
  constructor(status, body) {
    super(problemMessage(status, body));
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

function problemMessage(status, body) {
  if (body && typeof body === 'object') {
    if (body.detail) return body.detail;
    if (body.error && typeof body.error === 'string') return body.error;
    if (body.title) return body.title;
  }
  if (typeof body === 'string' && body && body.length < 300 && !body.trimStart().startsWith('<')) return body;
  return status ? `Request failed (HTTP ${status})` : 'The server cannot be reached';
}

export function tokens() {
  try { return JSON.parse(localStorage.getItem(TOKENS)) || null; } catch { return null; }
}

function storeTokens(t) {
  if (t) localStorage.setItem(TOKENS, JSON.stringify(t)); else localStorage.removeItem(TOKENS);
}

/** The Authorization header value, or null when logged out. */
export function authorization() {
  const t = tokens();
  return t ? `Bearer ${t.access_token}` : null;
}

function buildUrl(path, query) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query || {})) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => url.searchParams.append(k, x)); else url.searchParams.set(k, v);
  }
  return url.pathname + url.search;
}

function encodeBody(json, form) {
  if (json !== undefined) return { body: JSON.stringify(json), type: 'application/json' };
  if (form === undefined) return {};
  if (form instanceof FormData || form instanceof URLSearchParams || form instanceof Blob) return { body: form };
  return { body: new URLSearchParams(form) };
}

function parse(text, type) {
  if (!text) return null;
  if ((type || '').includes('json')) { try { return JSON.parse(text); } catch { return text; } }
  return text;
}

/** One HTTP exchange; XHR when upload progress is wanted (fetch cannot report it). */
function send(method, url, headers, body, onUploadProgress) {
  if (!onUploadProgress) {
    return fetch(url, { method, headers, body }).then(async (res) => ({
      status: res.status, body: parse(await res.text(), res.headers.get('content-type')), headers: res.headers,
    }), () => ({ status: 0, body: null }));
  }
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onUploadProgress(e.loaded, e.total); };
    xhr.onload = () => resolve({ status: xhr.status, body: parse(xhr.responseText, xhr.getResponseHeader('content-type')),
      headers: { get: (n) => xhr.getResponseHeader(n) } });
    xhr.onerror = () => resolve({ status: 0, body: null });
    xhr.send(body);
  });
}

let refreshing = null;
async function refresh() {
  const t = tokens();
  if (!t || !t.refresh_token) return false;
  refreshing = refreshing || (async () => {
    try {
      const client = await oauthClient();
      const res = await send('POST', '/api/v1/users/token', {}, new URLSearchParams({
        client_id: client.client_id, client_secret: client.client_secret,
        grant_type: 'refresh_token', refresh_token: t.refresh_token,
      }));
      if (res.status !== 200) { storeTokens(null); setUser(null); return false; }
      storeTokens(res.body);
      return true;
    } finally { refreshing = null; }
  })();
  return refreshing;
}

/**
 * Calls the REST API. Returns the parsed JSON (null for 204); throws ApiError on HTTP errors. Adds the Bearer token
 * and, on a 401, refreshes it once with the refresh token and tries again.
 * Extra options: `headers`, `body` (sent as is), `raw` (resolve to { status, body, headers } instead).
 */
export async function api(method, path, { json, form, query, onUploadProgress, headers: extra, body: rawBody, raw } = {}) {
  const url = buildUrl(path, query);
  const encoded = rawBody !== undefined ? { body: rawBody } : encodeBody(json, form);
  for (let attempt = 0; ; attempt++) {
    const headers = { Accept: 'application/json', ...(extra || {}) };
    if (encoded.type) headers['Content-Type'] = encoded.type;
    const auth = authorization();
    if (auth) headers.Authorization = auth;
    const res = await send(method, url, headers, encoded.body, onUploadProgress);
    if (res.status === 401 && auth && attempt === 0 && await refresh()) continue;
    if (raw) return res;
    if (res.status === 0 || res.status >= 400) throw new ApiError(res.status, res.body);
    return res.status === 204 ? null : res.body;
  }
}

let client = null;
async function oauthClient() {
  client = client || api('GET', '/api/v1/oauth-clients/local').catch((e) => { client = null; throw e; });
  return client;
}

/** Logs in with the OAuth password grant, as PeerTube's own client does; resolves to the user. */
export async function login(username, password) {
  const c = await oauthClient();
  const res = await send('POST', '/api/v1/users/token', { Accept: 'application/json' }, new URLSearchParams({
    client_id: c.client_id, client_secret: c.client_secret, grant_type: 'password', username, password,
  }));
  if (res.status !== 200) throw new ApiError(res.status, res.body);
  storeTokens(res.body);
  return reloadUser();
}

export function logout() {
  const auth = authorization();
  if (auth) fetch('/api/v1/users/revoke-token', { method: 'POST', headers: { Authorization: auth } }).catch(() => {});
  storeTokens(null);
  setUser(null);
}

function setUser(u) {
  currentUser = u;
  listeners.forEach((l) => l(u));
}

/** Loads /api/v1/users/me again (after login or a settings change). */
export function reloadUser() {
  if (!tokens()) { setUser(null); return Promise.resolve(null); }
  userLoad = api('GET', '/api/v1/users/me').then((u) => { setUser(u); return u; },
    (e) => { if (e.status === 401) { storeTokens(null); setUser(null); } return currentUser; })
    .finally(() => { userLoad = null; });
  return userLoad;
}

/** Preact hook: null when logged out, else the /api/v1/users/me JSON; re-renders on login and logout. */
export function useCurrentUser() {
  const [user, setState] = useState(currentUser);
  useEffect(() => {
    listeners.add(setState);
    if (currentUser !== user) setState(currentUser);
    if (!currentUser && tokens() && !userLoad) reloadUser();
    return () => listeners.delete(setState);
  }, []);
  return user;
}

/** Goes to another page of the application without reloading it. */
export function navigate(href) {
  if (href === location.pathname + location.search) return;
  history.pushState(null, '', href);
  dispatchEvent(new Event('vid:navigate'));
  window.scrollTo(0, 0);
}

/** Whether a user may administer or moderate (PeerTube roles: 0 administrator, 1 moderator, 2 user). */
export function isStaff(user) {
  const role = user && user.role && typeof user.role === 'object' ? user.role.id : user && user.role;
  return role === 0 || role === 1;
}
