// The admin pages in a real browser: root installs the sample plugin by uploading its jar, changes one of its
// settings (a bad value first, shown as the API's field error), sees it kept after a reload, uninstalls it; a file
// that is not a jar shows the API's error. Then every admin page is opened, checked and screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, screenshot, api, uploadAndWait, URL_BASE, ADMIN_PASSWORD, WORK } from './lib.mjs';

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

test('users page lists root; blocking a new user is shown and the API agrees', async () => {
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
  await page.getByLabel('Filter users').fill(name);
  await page.locator('tr[data-user="root"]').waitFor({ state: 'detached' });
  assert.equal(await row.count(), 1);
  await page.getByLabel('Filter users').fill('');
  await page.locator('tr[data-user="root"]').waitFor();
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
