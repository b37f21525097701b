// An upload through the console whose server goes away midway: the first PATCH is stored, the
// next is held in the browser until the server has stopped, then sent into the void; the test
// says so in RESUME_SIGNAL_FILE, ConsoleTest starts the server again, and Uppy (tus-js-client
// underneath) asks where the upload stands and sends only the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { env, launch } from './browser.js';

const base = env('ASSETS_BASE_URL');

/** Resolves once the server no longer accepts connections. */
async function serverGone() {
  for (;;) {
    try {
      await fetch(`${base}/healthz`);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('an upload cut off by a server restart resumes and completes', async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/console`);
    await page.getByLabel('API key').fill(env('ASSETS_API_KEY'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Upload', exact: true }).click();

    let patches = 0;
    let released;
    const cutOff = new Promise((resolve) => (released = resolve));
    await page.route('**/v1/uploads/*', async (route) => {
      if (route.request().method() !== 'PATCH' || ++patches !== 2) {
        await route.continue();
        return;
      }
      await serverGone();
      await route.continue().catch(() => {});
      writeFileSync(env('RESUME_SIGNAL_FILE'), 'the second PATCH met a stopped server\n');
      released();
    });

    await page.locator('.uppy-Dashboard-input').first().setInputFiles([env('ASSETS_UPLOAD_FILE')]);
    await page.locator('.uppy-StatusBar-actionBtn--upload').click();
    await cutOff;
    await page.locator('.uppy-StatusBar.is-complete').waitFor({ timeout: 90_000 });
    assert.equal(await page.locator('.uppy-Dashboard-Item.is-complete').count(), 1);
    assert.ok(patches >= 3, `${patches} PATCHes`);
  } finally {
    await browser.close();
  }
});
