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

test('home, search, channel, account and my videos list the video', async () => {
  const card = () => page.getByTestId('video-card').filter({ hasText: NAME });
  await page.goto(`${URL_BASE}/`);
  await card().waitFor();
  await screenshot(page, 'home');

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

test('no script errors on the way', () => {
  assert.deepEqual(pageErrors.map(String), []);
});
