// Peer-to-peer HLS between two viewers: the second page gets segments from the first over WebRTC (meeting through the
// instance's /tracker/socket), and a peer that serves corrupted segments (the player's ?p2pTamper=1 test hook) is
// caught by the segments-sha256.json check: its segments are rejected and the viewer plays from HTTP instead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, token, uploadAndWait, URL_BASE } from './lib.mjs';

let browser;
let video;

before(async () => {
  browser = await launchBrowser();
  video = await uploadAndWait(await token(), 'P2P clip', 30);
});

after(async () => {
  if (browser) await browser.close();
});

/** A viewer in a browser context of its own (no shared cache or storage), watching the video. */
async function viewer(query = '') {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('page error:', e.message));
  await page.goto(`${URL_BASE}/w/${video.uuid}${query}`);
  await page.waitForFunction(() => window.__vidiverseP2P && window.__vidiverseP2P.p2p === true, null,
    { timeout: 30_000 });
  return { context, page };
}

const stats = (page) => page.evaluate(() => window.__vidiverseP2P);

/** The first viewer holds every segment once its buffer reaches the end of the clip. */
async function bufferedToTheEnd(page) {
  await page.waitForFunction(() => {
    const v = document.querySelector('video');
    return v && v.duration > 0 && v.buffered.length > 0 && v.buffered.end(v.buffered.length - 1) >= v.duration - 0.5;
  }, null, { timeout: 90_000 });
}

test('a second viewer receives segments from the first one', async () => {
  const first = await viewer();
  try {
    await bufferedToTheEnd(first.page);
    assert.ok((await stats(first.page)).bytesFromServer > 0, 'the first viewer loads over HTTP');

    const second = await viewer();
    try {
      await second.page.waitForFunction(() => window.__vidiverseP2P.bytesFromPeers > 0, null, { timeout: 90_000 });
      const got = await stats(second.page);
      assert.ok(got.bytesFromPeers > 0, JSON.stringify(got));
      assert.equal(got.rejectedSegments, 0, 'genuine segments pass the check');
      await first.page.waitForFunction(() => window.__vidiverseP2P.bytesToPeers > 0, null, { timeout: 10_000 });

      // the watch page shows the numbers
      const shown = second.page.locator('[data-testid=p2p-stats]');
      if (await shown.count()) {
        await second.page.waitForFunction(
          () => Number(document.querySelector('[data-testid=p2p-stats]').dataset.fromPeers) > 0, null,
          { timeout: 10_000 });
      }
      await screenshot(second.page, 'watch-p2p');
    } finally {
      await second.context.close();
    }
  } finally {
    await first.context.close();
  }
});

test('a tampered segment from a peer is rejected and the viewer plays from HTTP', async () => {
  const tamperer = await viewer('?p2pTamper=1');
  try {
    await bufferedToTheEnd(tamperer.page);
    const victim = await viewer();
    try {
      await victim.page.waitForFunction(() => window.__vidiverseP2P.rejectedSegments > 0, null, { timeout: 90_000 });
      // everything still arrives, from the server: the viewer buffers the whole clip, nothing from peers counted
      await bufferedToTheEnd(victim.page);
      const got = await stats(victim.page);
      assert.ok(got.rejectedSegments > 0, JSON.stringify(got));
      assert.equal(got.bytesFromPeers, 0, `no byte from the tampering peer is used: ${JSON.stringify(got)}`);
      assert.ok(got.bytesFromServer > 0);
      const playable = await victim.page.evaluate(async () => {
        const v = document.querySelector('video');
        v.muted = true;
        await v.play();
        await new Promise((r) => setTimeout(r, 1500));
        return { time: v.currentTime, error: v.error && v.error.code };
      });
      assert.equal(playable.error, null, 'the video element has no decoding error');
      assert.ok(playable.time > 0.5, `playback advances: ${JSON.stringify(playable)}`);
    } finally {
      await victim.context.close();
    }
  } finally {
    await tamperer.context.close();
  }
});
