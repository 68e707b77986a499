// The web interface as a person uses it, in headless Chromium: log in, upload with the resumable upload's progress
// bar, wait for publication, watch, comment, like, and visit the other main pages; bad input shows the API's error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, screenshot, media, URL_BASE, ADMIN_PASSWORD, WORK, api, token } from './lib.mjs';

const NAME = `E2E clip ${Date.now().toString(36)}`;
let browser, page, video;
const pageErrors = [];

async function logIn(p, username, password) {
  await p.goto(`${URL_BASE}/login`);
  await p.fill('#login-username', username);
  await p.fill('#login-password', password);
  await p.click('main form button[type=submit]');
}

before(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e));
  page.setDefaultTimeout(20_000);
});

after(async () => {
  await browser?.close();
});

test('a wrong password shows the error and stays logged out', async () => {
  await logIn(page, 'root', 'not-the-password');
  const error = page.getByTestId('error');
  await error.waitFor();
  assert.match(await error.innerText(), /\S{3,}/);
  assert.equal(await page.getByRole('button', { name: 'Log out' }).count(), 0);
  await screenshot(page, 'login');
});

test('logging in through the login page', async () => {
  await logIn(page, 'root', ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log out' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal(await page.getByRole('link', { name: 'Administration' }).count(), 1, 'the admin sees the admin link');
});

test('uploading through the upload page: progress to 100 %, then publication', async () => {
  const { clip } = media(5);
  await page.goto(`${URL_BASE}/videos/upload`);
  await page.setInputFiles('#up-file', clip);
  await page.fill('#up-name', NAME);
  await page.fill('#up-description', 'Uploaded by the browser test');
  await page.fill('#up-tags', 'e2e, browser');
  await screenshot(page, 'upload');
  await page.click('main form button[type=submit]');
  const progress = page.getByTestId('upload-progress');
  await page.waitForFunction(() => document.querySelector('[data-testid=upload-progress]')?.value === 100);
  assert.equal(await progress.getAttribute('value'), '100');
  assert.equal(await page.getByTestId('upload-percent').innerText(), '100 %');
  await page.locator('[data-testid=upload-state][data-state="1"]').waitFor({ timeout: 300_000 });
  assert.match(await page.getByTestId('upload-state').innerText(), /Published/);
  await screenshot(page, 'upload-published');
  const href = await page.getByTestId('watch-link').getAttribute('href');
  const id = href.split('/').pop();
  video = await api('GET', `/api/v1/videos/${id}`);
  assert.equal(video.name, NAME);
  assert.deepEqual([...video.tags].sort(), ['browser', 'e2e']);
});

test('the watch page plays the video past three seconds and shows its details', async () => {
  assert.ok(video, 'uploaded before');
  await page.goto(`${URL_BASE}/w/${video.shortUUID}`);
  await page.getByTestId('video-name').waitFor();
  assert.equal(await page.getByTestId('video-name').innerText(), NAME);
  await page.waitForFunction(() => {
    const v = document.querySelector('video');
    if (v && v.paused) v.play().catch(() => {});
    return v && v.currentTime > 3;
  }, null, { timeout: 60_000, polling: 250 });
  assert.match(await page.getByTestId('description').innerText(), /Uploaded by the browser test/);
  const fromServer = Number(await page.getByTestId('p2p-stats').getAttribute('data-from-server'));
  assert.ok(fromServer > 0, 'the stats count the bytes the player fetched');
  await screenshot(page, 'watch');
});

test('posting a comment shows it', async () => {
  const text = `Nice clip ${Date.now()}`;
  await page.fill('#new-comment', text);
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  await page.getByTestId('comment').filter({ hasText: text }).waitFor();
  const threads = await api('GET', `/api/v1/videos/${video.uuid}/comment-threads`);
  assert.ok(threads.data.some((c) => c.text === text), 'the comment is stored');
});

test('liking the video counts and is remembered', async () => {
  await page.getByTestId('like').click();
  await page.locator('[data-testid=like][aria-pressed=true]').waitFor();
  assert.equal(await page.getByTestId('likes').innerText(), '1');
  await page.reload();
  await page.locator('[data-testid=like][aria-pressed=true]').waitFor();
  assert.equal((await api('GET', `/api/v1/videos/${video.uuid}`)).likes, 1);
});

test("replying to a comment, then deleting one's own reply", async () => {
  const root = page.getByTestId('comment').filter({ hasText: 'Nice clip' }).first();
  await root.getByRole('button', { name: 'Reply' }).first().click();
  const reply = `A reply ${Date.now()}`;
  await page.getByLabel('Your reply').fill(reply);
  await page.getByLabel('Your reply').locator('xpath=ancestor::form').getByRole('button', { name: 'Comment' }).click();
  const shown = page.locator('.replies [data-testid=comment]').filter({ hasText: reply });
  await shown.waitFor();
  page.once('dialog', (d) => d.accept());
  await shown.getByRole('button', { name: 'Delete' }).click();
  await page.getByText(reply).waitFor({ state: 'detached' });
  const threads = await api('GET', `/api/v1/videos/${video.uuid}/comment-threads`);
  const tree = await api('GET', `/api/v1/videos/${video.uuid}/comment-threads/${threads.data[0].id}`);
  assert.ok(!JSON.stringify(tree).includes(reply) || tree.children.every((c) => c.comment.isDeleted));
});

test('home, search, channel, account and my videos list the video', async () => {
  const card = () => page.getByTestId('video-card').filter({ hasText: NAME });
  await page.goto(`${URL_BASE}/`);
  await card().waitFor();
  await screenshot(page, 'home');
  for (const list of ['/videos/recently-added', '/videos/trending']) {
    await page.goto(`${URL_BASE}${list}`);
    await card().waitFor();
  }

  await page.fill('input[type=search]', NAME);
  await page.press('input[type=search]', 'Enter');
  await page.waitForURL(/\/search\?search=/);
  await card().waitFor();
  await screenshot(page, 'search');

  await page.goto(`${URL_BASE}/c/root_channel`);
  await page.getByTestId('channel-page').waitFor();
  await card().waitFor();
  await screenshot(page, 'channel');

  await page.goto(`${URL_BASE}/a/root`);
  await card().waitFor();

  await page.goto(`${URL_BASE}/my-library/videos`);
  await page.getByTestId('my-video-row').filter({ hasText: NAME }).waitFor();
  await screenshot(page, 'my-videos');
});

test('ActivityPub ids opened in a browser lead to the pages', async () => {
  await page.goto(`${URL_BASE}/accounts/root`);
  assert.equal(new URL(page.url()).pathname, '/a/root');
  await page.goto(`${URL_BASE}/videos/watch/${video.uuid}`);
  await page.getByTestId('video-name').waitFor();
  const html = await (await fetch(`${URL_BASE}/w/${video.shortUUID}`)).text();
  assert.ok(html.includes('type="application/json+oembed"'), 'oEmbed discovery in the head');
  assert.ok(html.includes(`content="${NAME}"`), 'OpenGraph title in the head');
  const ap = await fetch(`${URL_BASE}/videos/watch/${video.uuid}`, { headers: { Accept: 'application/activity+json' } });
  assert.equal((await ap.json()).type, 'Video', 'servers still get the ActivityPub object');
});

test('the embed page plays the video alone', async () => {
  await page.goto(`${URL_BASE}/videos/embed/${video.uuid}`);
  await page.waitForFunction(() => {
    const v = document.querySelector('video');
    if (v && v.paused) { v.muted = true; v.play().catch(() => {}); }
    return v && v.currentTime > 1;
  }, null, { timeout: 60_000, polling: 250 });
  assert.equal(await page.locator('header').count(), 0, 'no site header in the embed');
  await screenshot(page, 'embed');
});

test('an upload cut off mid-way resumes where the server stopped and completes', async () => {
  const { clip } = media(5);
  let cut = 0;
  // the first chunk never reaches the server: the page must ask what the server holds and send it again
  await page.route('**/api/v1/videos/upload-resumable?upload_id=*', (route) => {
    if (route.request().method() === 'PUT' && cut === 0) { cut++; return route.abort('connectionreset'); }
    return route.continue();
  });
  try {
    await page.goto(`${URL_BASE}/videos/upload`);
    await page.setInputFiles('#up-file', clip);
    await page.fill('#up-name', `${NAME} resumed`);
    await page.click('main form button[type=submit]');
    await page.getByTestId('watch-link').waitFor({ timeout: 60_000 });
  } finally {
    await page.unroute('**/api/v1/videos/upload-resumable?upload_id=*');
  }
  assert.equal(cut, 1, 'one chunk was cut off');
  assert.equal(await page.getByTestId('upload-percent').innerText(), '100 %');
  const id = (await page.getByTestId('watch-link').getAttribute('href')).split('/').pop();
  const created = await api('GET', `/api/v1/videos/${id}`);
  assert.equal(created.name, `${NAME} resumed`);
});

test('my videos edits and deletes; subscriptions and history list what the user follows and watched', async () => {
  const row = (name) => page.getByTestId('my-video-row').filter({ hasText: name });
  await page.goto(`${URL_BASE}/my-library/videos`);
  await row(`${NAME} resumed`).getByRole('button', { name: 'Edit' }).click();
  const title = page.getByLabel('Title');
  await title.fill(`${NAME} renamed`);
  await page.getByRole('button', { name: 'Save' }).click();
  await row(`${NAME} renamed`).waitFor();
  page.once('dialog', (d) => d.accept());
  await row(`${NAME} renamed`).getByRole('button', { name: 'Delete' }).click();
  await row(`${NAME} renamed`).waitFor({ state: 'detached' });
  const mine = await api('GET', '/api/v1/users/me/videos', { token: await token() });
  assert.ok(!mine.data.some((v) => v.name.startsWith(`${NAME} re`)), 'renamed, then deleted');

  await page.goto(`${URL_BASE}/c/root_channel`);
  await page.locator('[data-testid=subscribe]:not([disabled])').waitFor();
  if (await page.getByTestId('subscribe').getAttribute('aria-pressed') === 'true') {   // an instance used before
    await page.getByTestId('subscribe').click();
  }
  await page.locator('[data-testid=subscribe][aria-pressed=false]').click();
  await page.locator('[data-testid=subscribe][aria-pressed=true]').waitFor();
  await page.goto(`${URL_BASE}/my-library/subscriptions`);
  await page.getByTestId('subscriptions').getByRole('link', { name: 'Main root channel' }).waitFor();
  await page.getByTestId('video-card').filter({ hasText: NAME }).first().waitFor();

  await page.goto(`${URL_BASE}/my-library/history/videos`);
  await page.getByTestId('video-card').filter({ hasText: NAME }).waitFor();
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Clear history' }).click();
  await page.getByText('Your watch history is empty.').waitFor();
});

test('uploading a file that is no video shows the API error', async () => {
  const dir = path.join(WORK, 'media');
  mkdirSync(dir, { recursive: true });
  const bogus = path.join(dir, 'not-a-video.mp4');
  writeFileSync(bogus, 'this is plain text, not a video\n'.repeat(100));
  await page.goto(`${URL_BASE}/videos/upload`);
  await page.setInputFiles('#up-file', bogus);
  await page.fill('#up-name', 'Not a video');
  await page.click('main form button[type=submit]');
  const error = page.getByTestId('error');
  await error.waitFor({ timeout: 60_000 });
  assert.match(await error.innerText(), /\S{5,}/);
  await screenshot(page, 'upload-error');
  const mine = await api('GET', '/api/v1/users/me/videos', { token: await token() });
  assert.ok(!mine.data.some((v) => v.name === 'Not a video'), 'no video was created');
});

test('settings change the display name shown in the header', async () => {
  const display = `Root ${Date.now().toString(36)}`;
  await page.goto(`${URL_BASE}/my-account/settings`);
  await page.getByLabel('Display name').fill(display);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Settings saved.').waitFor();
  await page.locator('header').getByRole('link', { name: display }).waitFor();
  assert.equal((await api('GET', '/api/v1/users/me', { token: await token() })).account.displayName, display);
});

test('an expired access token is refreshed with the refresh token', async () => {
  const before = await page.evaluate(() => {
    const t = JSON.parse(localStorage.getItem('vid.tokens'));
    const old = t.access_token;
    t.access_token = 'expired-or-revoked';
    localStorage.setItem('vid.tokens', JSON.stringify(t));
    return old;
  });
  await page.goto(`${URL_BASE}/my-library/videos`);
  await page.getByTestId('my-videos').waitFor();
  const after = await page.evaluate(() => JSON.parse(localStorage.getItem('vid.tokens')).access_token);
  assert.notEqual(after, 'expired-or-revoked');
  assert.notEqual(after, before, 'a new token from the refresh grant');
});

test('the signup page follows the instance configuration', async () => {
  const config = await api('GET', '/api/v1/config');
  await page.goto(`${URL_BASE}/signup`);
  if (config.signup.allowed) {
    await page.getByRole('heading', { name: 'Create an account' }).waitFor();
  } else {
    await page.getByText('does not accept new accounts').waitFor();
    assert.equal(await page.locator('#su-username').count(), 0);
  }
});

test('logging out forgets the tokens', async () => {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('link', { name: 'Log in' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('vid.tokens')), null);
});

test('no script errors on the way', () => {
  assert.deepEqual(pageErrors.map(String), []);
});
