import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, URL_BASE } from './lib.mjs';

test('Chromium starts and reaches the instance', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const res = await page.goto(`${URL_BASE}/api/v1/config`);
    assert.equal(res.status(), 200);
  } finally {
    await browser.close();
  }
});
