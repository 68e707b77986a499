// Shared by the end-to-end tests: the browser, the instance under test, its API, media and screenshots.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';

export const URL_BASE = process.env.E2E_URL || 'http://localhost:9000';
export const ADMIN_PASSWORD = process.env.E2E_PASSWORD || 'e2e-test-password';
export const WORK = process.env.E2E_WORK || path.resolve('target/e2e');
const SCREENSHOTS = path.join(WORK, 'screenshots');

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required',
      // WebRTC between pages of one machine: real host candidates, loopback allowed
      '--disable-features=WebRtcHideLocalIpsWithMdns', '--allow-loopback-in-peer-connection'],
  });
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** An OAuth token, as PeerTube's clients log in. */
export async function token(username = 'root', password = ADMIN_PASSWORD) {
  const client = await (await fetch(`${URL_BASE}/api/v1/oauth-clients/local`)).json();
  const body = new URLSearchParams({ client_id: client.client_id, client_secret: client.client_secret,
    grant_type: 'password', username, password });
  const res = await fetch(`${URL_BASE}/api/v1/users/token`, { method: 'POST', body });
  if (!res.ok) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
  return (await res.json()).access_token;
}

/** Calls the REST API; throws on a status >= 400 unless expected. */
export async function api(method, pathAndQuery, { token: bearer, json, form, expect } = {}) {
  const headers = {};
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let body;
  if (json !== undefined) { headers['Content-Type'] = 'application/json'; body = JSON.stringify(json); }
  if (form !== undefined) body = form;
  const res = await fetch(`${URL_BASE}${pathAndQuery}`, { method, headers, body });
  const text = await res.text();
  const value = text && (res.headers.get('content-type') || '').includes('json') ? JSON.parse(text) : text;
  if (expect !== undefined ? res.status !== expect : res.status >= 400) {
    throw new Error(`${method} ${pathAndQuery}: ${res.status} ${text}`);
  }
  return value;
}

/** A generated clip (160x90 YUV4MPEG2 gradient) of the given length and a PNG thumbnail; made once per length. */
export function media(seconds = 3) {
  const clip = path.join(WORK, 'media', `clip-${seconds}s.y4m`), thumb = path.join(WORK, 'media', 'thumb.png');
  if (!existsSync(clip)) {
    mkdirSync(path.dirname(clip), { recursive: true });
    execFileSync('node', [process.env.E2E_MAKE_MEDIA, clip, thumb, String(seconds)]);
  }
  return { clip, thumb };
}

/** Uploads a clip through the API and waits until it is published; returns the video JSON. */
export async function uploadAndWait(bearer, name, seconds = 3) {
  const { clip } = media(seconds);
  const me = await api('GET', '/api/v1/users/me', { token: bearer });
  const { readFile } = await import('node:fs/promises');
  const form = new FormData();
  form.set('channelId', String(me.videoChannels[0].id));
  form.set('name', name);
  form.set('privacy', '1');
  form.set('videofile', new Blob([await readFile(clip)]), path.basename(clip));
  const created = await api('POST', '/api/v1/videos/upload', { token: bearer, form });
  return waitPublished(created.video.uuid);
}

export async function waitPublished(uuid, seconds = 300) {
  for (let i = 0; i < seconds; i++) {
    const v = await api('GET', `/api/v1/videos/${uuid}`, { expect: undefined }).catch(() => null);
    if (v && v.state && v.state.id === 1 && v.streamingPlaylists && v.streamingPlaylists.length) return v;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`video ${uuid} not published after ${seconds} s`);
}
