// The admin pages in a real browser: root installs the sample plugin by uploading its jar, changes one of its
// settings (a bad value first, shown as the API's field error), sees it kept after a reload, uninstalls it; a file
// that is not a jar shows the API's error. Then every admin page is opened, checked and screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, screenshot, api, media, uploadAndWait, URL_BASE, ADMIN_PASSWORD, WORK } from './lib.mjs';

const PLUGIN = 'org.vidiverse.sample.template';
const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The sample plugin's jar as Maven built it (plugins-sample/plugin-template/target/*.jar). */
function sampleJar() {
  const dir = path.join(ROOT, 'plugins-sample/plugin-template/target');
  const jars = readdirSync(dir).filter((f) => f.startsWith(PLUGIN) && f.endsWith('.jar')
    && !f.endsWith('-sources.jar') && !f.endsWith('-tests.jar'));
  assert.ok(jars.length > 0, `no plugin jar in ${dir}: build the project first`);
  return path.join(dir, jars[0]);
}

/** The password grant as the web interface does it; the full answer, which api.js keeps in localStorage. */
async function tokens() {
  const client = await api('GET', '/api/v1/oauth-clients/local');
  const body = new URLSearchParams({ client_id: client.client_id, client_secret: client.client_secret,
    grant_type: 'password', username: 'root', password: ADMIN_PASSWORD });
  return api('POST', '/api/v1/users/token', { form: body });
}

let browser;
let page;
let bearer;

before(async () => {
  const t = await tokens();
  bearer = t.access_token;
  // a plugin left by an earlier failed run would make the install a 409
  await api('POST', '/api/v1/plugins/uninstall', { token: bearer, json: { npmName: PLUGIN }, expect: undefined })
    .catch(() => {});
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await logIn();
});

after(async () => {
  await browser?.close();
});

/** Through the login page, as a person would. */
async function logIn() {
  await page.goto(`${URL_BASE}/login`);
  await page.fill('#login-username', 'root');
  await page.fill('#login-password', ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.waitForFunction(() => localStorage.getItem('vid.tokens') !== null);
}

function pluginRow() {
  return page.locator(`tr[data-plugin="${PLUGIN}"]`);
}

async function installed() {
  const found = await api('GET', `/api/v1/plugins/${PLUGIN}`, { token: bearer, expect: undefined }).catch(() => null);
  return found && typeof found === 'object' && !found.uninstalled ? found : null;
}

test('a file that is not a jar is refused with the API error shown in the form', async () => {
  await page.goto(`${URL_BASE}/admin/plugins`);
  await page.locator('tr[data-plugin]').first().waitFor();   // the list of installed plugins loaded
  const bad = path.join(WORK, 'not-a-plugin.txt');
  mkdirSync(WORK, { recursive: true });
  writeFileSync(bad, 'this is no jar\n');
  await page.setInputFiles('#admin-pluginfile', bad);
  await page.getByRole('button', { name: 'Upload and install' }).click();
  const error = page.locator('.admin-upload .admin-error');
  await error.waitFor();
  const text = await error.innerText();
  assert.match(text, /400/);
  assert.match(text, /not a jar/i);
  await screenshot(page, 'admin-plugins-bad-upload');
  assert.equal(await installed(), null);
});

test('admin installs the sample plugin from its jar, edits its settings and uninstalls it', async () => {
  await page.goto(`${URL_BASE}/admin/plugins`);
  await page.locator('tr[data-plugin]').first().waitFor();
  assert.equal(await pluginRow().count(), 0, 'the sample plugin is not installed before the upload');

  await page.setInputFiles('#admin-pluginfile', sampleJar());
  await page.getByRole('button', { name: 'Upload and install' }).click();
  await pluginRow().waitFor({ timeout: 60_000 });
  assert.match(await pluginRow().locator('.admin-badge').first().innerText(), /ACTIVE/);
  assert.match(await pluginRow().innerText(), /MODERATION_POLICY/);
  assert.equal((await installed())?.state, 'ACTIVE');
  await screenshot(page, 'admin-plugins');

  // its settings, rendered from the metatype
  await pluginRow().getByRole('button', { name: 'Settings' }).click();
  const form = page.locator(`form[data-settings-of="${PLUGIN}"]`);
  const minLetters = form.locator('#setting-minLetters');
  await minLetters.waitFor();
  // settings outlive an uninstall, so an earlier run on the same data may have left other values than the defaults
  const before = (await api('GET', `/api/v1/plugins/${PLUGIN}/settings`, { token: bearer })).settings;
  assert.equal(await minLetters.inputValue(), String(before.minLetters));
  assert.equal(await form.locator('#setting-action').inputValue(), before.action);
  const letters = String(Number(before.minLetters) === 12 ? 13 : 12);
  const action = before.action === 'reject' ? 'hold' : 'reject';

  // a bad value: the API's 400 names the field, and nothing is stored
  await minLetters.fill('many');
  await form.getByRole('button', { name: 'Save' }).click();
  const fieldError = form.locator('.admin-field-error');
  await fieldError.waitFor();
  assert.match(await fieldError.innerText(), /minLetters|integer|number/i);
  assert.equal((await api('GET', `/api/v1/plugins/${PLUGIN}/settings`, { token: bearer })).settings.minLetters,
    before.minLetters);
  await screenshot(page, 'admin-plugin-settings-error');

  await minLetters.fill(letters);
  await form.locator('#setting-action').selectOption(action);
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByText('Settings saved').waitFor();
  const stored = (await api('GET', `/api/v1/plugins/${PLUGIN}/settings`, { token: bearer })).settings;
  assert.equal(String(stored.minLetters), letters);
  assert.equal(stored.action, action);

  // a reload opens the same settings (kept in the URL) with the stored values
  await page.reload();
  await form.locator('#setting-minLetters').waitFor();
  await page.waitForFunction((v) => document.querySelector('#setting-minLetters')?.value === v, letters);
  assert.equal(await form.locator('#setting-action').inputValue(), action);
  await screenshot(page, 'admin-plugin-settings');

  // uninstall, confirmed in the browser's dialog
  page.once('dialog', (d) => d.accept());
  await pluginRow().getByRole('button', { name: 'Uninstall' }).click();
  await pluginRow().waitFor({ state: 'detached' });
  assert.equal(await installed(), null);
  const all = await api('GET', '/api/v1/plugins?uninstalled=true', { token: bearer });
  assert.ok(all.data.some((p) => p.name === PLUGIN && p.uninstalled), 'listed as uninstalled');
});

const PAGES = [
  ['/admin', 'Administration', 'admin-home'],
  ['/admin/dashboard', 'Dashboard', 'admin-dashboard'],
  ['/admin/users', 'Users', 'admin-users'],
  ['/admin/moderation', 'Moderation', 'admin-moderation'],
  ['/admin/moderation?tab=decisions', 'Moderation', 'admin-moderation-decisions'],
  ['/admin/abuses', 'Abuse reports', 'admin-abuses'],
  ['/admin/blocklists', 'Block lists', 'admin-blocklists'],
  ['/admin/follows', 'Federation', 'admin-follows'],
  ['/admin/jobs?state=completed', 'Jobs', 'admin-jobs'],
];

test('every admin page opens for root with its data, no error', async () => {
  for (const [url, heading, shot] of PAGES) {
    await page.goto(`${URL_BASE}${url}`);
    await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.admin-page .muted')?.textContent.includes('Loading'));
    assert.equal(await page.locator('.admin-denied').count(), 0, `${url}: access refused`);
    await screenshot(page, shot);
  }
});

test('users page: create, filter, edit role and quota, block and delete a user', async () => {
  const name = `e2e_admin_${Date.now() % 100000}`;
  await page.goto(`${URL_BASE}/admin/users`);
  await page.locator('tr[data-user="root"]').waitFor();
  await page.getByRole('button', { name: 'Create a user' }).click();
  await page.fill('#nu-username', name);
  await page.fill('#nu-email', `${name}@example.org`);
  await page.fill('#nu-password', 'a-long-password-1');
  await page.fill('#nu-quota', '100');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  const row = page.locator(`tr[data-user="${name}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /100\.0 MiB/);
  assert.match(await row.innerText(), /\bUser\b/);
  assert.equal(await page.locator('#nu-role').inputValue(), '2', 'the cleared form offers the plain user role again');
  await page.getByLabel('Filter users').fill(name);
  await page.locator('tr[data-user="root"]').waitFor({ state: 'detached' });
  assert.equal(await row.count(), 1);
  await page.getByLabel('Filter users').fill('');
  await page.locator('tr[data-user="root"]').waitFor();
  await row.getByRole('button', { name: 'Edit' }).click();
  const edit = page.locator('form.admin-edit-user');
  await edit.locator('select[name=role]').selectOption('1');
  await edit.locator('input[name=quota]').fill('200');
  await edit.getByRole('button', { name: 'Save' }).click();
  await row.getByText('200.0 MiB').waitFor();
  assert.match(await row.innerText(), /Moderator/);
  page.once('dialog', (d) => d.accept('spam'));
  await row.getByRole('button', { name: 'Block' }).click();
  await row.locator('.admin-state-blocked').waitFor();
  const users = await api('GET', '/api/v1/users?count=100', { token: bearer });
  assert.equal(users.data.find((u) => u.username === name).blocked, true);
  page.once('dialog', (d) => d.accept());
  await row.getByRole('button', { name: 'Delete' }).click();
  await row.waitFor({ state: 'detached' });
});

test('a moderator sees the moderation pages but is told the plugins page is for administrators', async () => {
  const name = `e2e_mod_${Date.now() % 100000}`;
  await api('POST', '/api/v1/users', { token: bearer, json: { username: name, email: `${name}@example.org`,
    password: 'a-long-password-1', role: 1 } });
  const client = await api('GET', '/api/v1/oauth-clients/local');
  const t = await api('POST', '/api/v1/users/token', { form: new URLSearchParams({ client_id: client.client_id,
    client_secret: client.client_secret, grant_type: 'password', username: name, password: 'a-long-password-1' }) });
  const other = await browser.newPage();
  try {
    await other.goto(`${URL_BASE}/`);
    await other.evaluate((json) => localStorage.setItem('vid.tokens', json), JSON.stringify(t));
    await other.goto(`${URL_BASE}/admin/plugins`);
    // the page names the account once it is known: not the router's "please log in"
    await other.locator('.admin-denied', { hasText: name }).waitFor();
    assert.match(await other.locator('.admin-denied').innerText(), /for an administrator/);
    assert.equal(await other.locator('tr[data-plugin]').count(), 0);
    await screenshot(other, 'admin-denied-moderator');
    await other.goto(`${URL_BASE}/admin/moderation`);
    await other.getByRole('heading', { name: 'Moderation', exact: true }).waitFor();
    await other.getByText('No video waits for review.').waitFor();
  } finally {
    await other.close();
  }
});

test('jobs page shows the transcoding of an upload as completed, with its progress', async () => {
  const video = await uploadAndWait(bearer, 'Admin jobs clip', 2);
  await page.goto(`${URL_BASE}/admin/jobs?state=completed`);
  const row = page.locator('table.admin-jobs tr', { hasText: video.uuid }).first();
  await row.waitFor();
  assert.match(await row.innerText(), /100%/);
  await screenshot(page, 'admin-jobs-completed');
});

/** The time series in the shape the dashboard is written for (GET /api/v1/server/stats/timeseries). */
function timeseriesFixture() {
  const days = [];
  for (let i = 0; i < 30; i++) {
    const date = new Date(Date.UTC(2026, 9, 26 + i)).toISOString().slice(0, 10);
    days.push({ date, views: 10 + i * 3, uploads: i % 4, bytesFromPeers: i * 5e7, bytesFromServer: 2e8 - i * 4e6 });
  }
  return { days, storage: { videoFilesBytes: 3e10, originalFilesBytes: 1e10, diskFreeBytes: 6e10, diskTotalBytes: 2e11 },
    deliveryQueue: { pending: 4, failed: 1, deliveredLast24h: 57 } };
}

test('dashboard draws the four plots of the time series, and shows the API error when it fails', async () => {
  // the real answer when the endpoint is there, else its error: one of both, never a blank page
  await page.goto(`${URL_BASE}/admin/dashboard`);
  await page.locator('.admin-chart canvas, .admin-dashboard .admin-error').first().waitFor();

  await page.route('**/api/v1/server/stats/timeseries*', (route) => route.fulfill({
    status: 200, contentType: 'application/json', body: JSON.stringify(timeseriesFixture()) }));
  try {
    await page.goto(`${URL_BASE}/admin/dashboard`);
    const canvases = page.locator('.admin-chart canvas');
    await page.waitForFunction(() => document.querySelectorAll('.admin-chart canvas').length === 4);
    // every canvas has been drawn on (Chart.js renders into it once loaded)
    await page.waitForFunction(() => [...document.querySelectorAll('.admin-chart canvas')].every((c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;
      return false;
    }));
    assert.equal(await canvases.count(), 4);
    assert.match(await page.locator('.admin-dashboard').innerText(), /4 pending, 1 failed, 57 delivered/);
    await screenshot(page, 'admin-dashboard-charts');
  } finally {
    await page.unroute('**/api/v1/server/stats/timeseries*');
  }

  await page.route('**/api/v1/server/stats/timeseries*', (route) => route.fulfill({ status: 503,
    contentType: 'application/problem+json', body: JSON.stringify({ status: 503, detail: 'Statistics are rebuilding' }) }));
  try {
    await page.goto(`${URL_BASE}/admin/dashboard`);
    await page.locator('.admin-dashboard .admin-error', { hasText: 'Statistics are rebuilding' }).waitFor();
  } finally {
    await page.unroute('**/api/v1/server/stats/timeseries*');
  }
});

/** Uploads a clip through the API without waiting for it to be published (a held video is not public). */
async function upload(name) {
  const { readFile } = await import('node:fs/promises');
  const { clip } = media(2);
  const me = await api('GET', '/api/v1/users/me', { token: bearer });
  const form = new FormData();
  form.set('channelId', String(me.videoChannels[0].id));
  form.set('name', name);
  form.set('privacy', '1');
  form.set('videofile', new Blob([await readFile(clip)]), path.basename(clip));
  return (await api('POST', '/api/v1/videos/upload', { token: bearer, form })).video;
}

test('a video the sample plugin holds waits in the moderation queue until approved there', async () => {
  // installed this time from its path on the server, through the second form of the plugins page
  await page.goto(`${URL_BASE}/admin/plugins`);
  await page.locator('tr[data-plugin]').first().waitFor();
  await page.getByLabel('Source').fill(sampleJar());
  await page.getByRole('button', { name: 'Install', exact: true }).click();
  await pluginRow().waitFor({ timeout: 60_000 });
  try {
    await api('PUT', `/api/v1/plugins/${PLUGIN}/settings`, { token: bearer,
      json: { settings: { action: 'hold', minLetters: 8, maxCapitalsPercent: 70 } } });
    const title = `SHOUTED TITLE FOR REVIEW ${Date.now() % 100000}`;
    const video = await upload(title);
    await page.goto(`${URL_BASE}/admin/moderation`);
    const row = page.locator('tr', { hasText: title });
    await row.waitFor();
    await screenshot(page, 'admin-moderation-held');
    await row.getByRole('button', { name: 'Approve' }).click();
    await row.waitFor({ state: 'detached' });
    const queue = await api('GET', '/api/v1/moderation/queue/videos?count=100', { token: bearer });
    assert.ok(!queue.data.some((e) => e.video.uuid === video.uuid), 'no longer held');

    await page.goto(`${URL_BASE}/admin/moderation?tab=decisions`);
    const decision = page.locator('tr', { hasText: title }).filter({ hasText: 'hold' }).first();
    await decision.waitFor();
  } finally {
    await api('POST', '/api/v1/plugins/uninstall', { token: bearer, json: { npmName: PLUGIN }, expect: undefined });
  }
});

test('an abuse report is accepted with a note and answered from the abuses page', async () => {
  const video = await upload(`Reported clip ${Date.now() % 100000}`);
  const { abuse } = await api('POST', '/api/v1/abuses', { token: bearer,
    json: { reason: 'Reported by the e2e test', video: { id: video.id } } });
  await page.goto(`${URL_BASE}/admin/abuses`);
  const row = page.locator('tr', { hasText: 'Reported by the e2e test' }).filter({ hasText: String(abuse.id) }).first();
  await row.waitFor();
  await row.getByRole('button', { name: /Messages/ }).click();
  await page.getByLabel('Message to the reporter').fill('We are looking at it');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.locator('.admin-messages li', { hasText: 'We are looking at it' }).waitFor();
  page.once('dialog', (d) => d.accept('Removed the clip'));
  await row.getByRole('button', { name: 'Accept' }).click();
  await row.waitFor({ state: 'detached' });   // the pending filter no longer shows it
  const found = (await api('GET', `/api/v1/abuses?id=${abuse.id}`, { token: bearer })).data[0];
  assert.equal(found.state.id, 3);
  assert.equal(found.moderationComment, 'Removed the clip');
  await page.getByLabel('State').selectOption('3');
  await page.locator('tr', { hasText: 'Removed the clip' }).first().waitFor();
  await screenshot(page, 'admin-abuses-accepted');
});

test('a server is blocked with a reason and unblocked from the block lists page; bad input shows the error', async () => {
  await page.goto(`${URL_BASE}/admin/blocklists`);
  await page.getByLabel('Host to block (e.g. bad.example)').fill('spam.example');
  await page.getByLabel('Reason').fill('spam');
  await page.getByRole('button', { name: 'Block', exact: true }).click();
  const row = page.locator('tr', { hasText: 'spam.example' });
  await row.waitFor();
  assert.match(await row.innerText(), /spam/);
  const servers = await api('GET', '/api/v1/server/blocklist/servers', { token: bearer });
  assert.ok(servers.data.some((e) => e.blockedServer.host === 'spam.example'));

  // the same host again: the API's 409 is shown
  await page.getByLabel('Host to block (e.g. bad.example)').fill('spam.example');
  await page.getByRole('button', { name: 'Block', exact: true }).click();
  await page.locator('.admin-error', { hasText: '409' }).waitFor();
  await screenshot(page, 'admin-blocklists-servers');

  page.once('dialog', (d) => d.accept());
  await row.getByRole('button', { name: 'Unblock' }).click();
  await row.waitFor({ state: 'detached' });
  const after = await api('GET', '/api/v1/server/blocklist/servers', { token: bearer });
  assert.ok(!after.data.some((e) => e.blockedServer.host === 'spam.example'));
});

test('following: a malformed host is refused with the API error; the followers tab lists none', async () => {
  await page.goto(`${URL_BASE}/admin/follows`);
  await page.getByLabel('Instances to follow').fill('not a host!');
  await page.getByRole('button', { name: 'Follow', exact: true }).click();
  const error = page.locator('.admin-error');
  await error.waitFor();
  assert.match(await error.innerText(), /400/);
  assert.match(await error.innerText(), /not a host or handle/);
  await screenshot(page, 'admin-follows-error');
  await page.getByRole('tab', { name: 'Followers' }).click();
  await page.getByText('No followers.').waitFor();
  assert.equal(new URL(page.url()).searchParams.get('tab'), 'followers');
});
