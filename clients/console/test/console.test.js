// The console at /console in Debian's Chromium, driven by playwright-core against a running server:
// sign in, upload an image, a video and an audio file through Uppy, see them in the grid, open one,
// rename it, share it and see it from the other user's key, delete it; a refused file shows the
// server's message. No request leaves the server's origin, and the page breaks none of its
// Content-Security-Policy. Screenshots at desktop and phone widths go to SCREENSHOT_DIR.
// The server, its keys and the files come from the environment (see ConsoleTest).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { env, launch } from './browser.js';

const base = env('ASSETS_BASE_URL');
const origin = new URL(base).origin;
const key = env('ASSETS_API_KEY');
const otherKey = env('ASSETS_OTHER_API_KEY');
const otherUserId = env('ASSETS_OTHER_USER_ID');
const files = {
  image: env('ASSETS_IMAGE_FILE'),
  video: env('ASSETS_VIDEO_FILE'),
  audio: env('ASSETS_AUDIO_FILE'),
  refused: env('ASSETS_REFUSED_FILE'),
  tooLarge: env('ASSETS_TOO_LARGE_FILE'),
  long: env('ASSETS_LONG_FILE'),
};
const screenshots = env('SCREENSHOT_DIR');

let browser;
const offOrigin = [];
const violations = [];
const confirmations = [];

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** A page of its own (its own sessionStorage), watched for requests elsewhere and CSP breaches. */
async function newPage(width, height) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) {
      offOrigin.push(request.url());
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  page.on('dialog', (dialog) => {
    confirmations.push(dialog.message());
    return dialog.accept();
  });
  return page;
}

async function signIn(page, apiKey) {
  await page.goto(`${base}/console`);
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Library', exact: true }).waitFor();
}

function tile(page, name) {
  return page.locator('.tile', { has: page.locator('.tile-name', { hasText: name }) });
}

test('a wrong key is refused, with words that say so', async () => {
  const page = await newPage(1280, 800);
  await page.goto(`${base}/console`);
  await page.getByLabel('API key').fill('sk-notAKeyThisServerKnowsOfNotAKeyThisServer');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('That API key is not valid, or it is disabled.').waitFor();
  await page.context().close();
});

test('uploads through Uppy, shows, renames, shares and deletes', async () => {
  const page = await newPage(1280, 900);
  await signIn(page, key);
  await page.getByText('Nothing here yet: upload something.').waitFor();

  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await page.locator('.uppy-Dashboard-input').first().setInputFiles([files.image, files.video, files.audio]);
  await page.locator('.uppy-StatusBar-actionBtn--upload').click();
  await page.locator('.uppy-StatusBar.is-complete').waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('.uppy-Dashboard-Item.is-complete').count(), 3);
  await page.screenshot({ path: path.join(screenshots, 'console-upload-desktop.png') });

  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const image = tile(page, path.basename(files.image));
  const video = tile(page, path.basename(files.video));
  const audio = tile(page, path.basename(files.audio));
  await image.locator('img').waitFor();
  // Each tile's picture is loaded from the server, not just referred to, and is a rendition the
  // size of the tile (4:3, cropped to fill it) in a format the browser chose, not the thumbnail.
  for (const picture of [image.locator('img'), video.locator('img')]) {
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await picture.elementHandle());
    const shown = await picture.evaluate((img) => ({ src: img.currentSrc, width: img.naturalWidth, height: img.naturalHeight }));
    const asked = new URL(shown.src).searchParams;
    assert.equal(asked.get('fit'), 'cover');
    assert.equal(asked.get('format'), 'auto');
    assert.equal(shown.width * 3, shown.height * 4, `a 4:3 rendition, not ${shown.width}×${shown.height}`);
  }
  assert.match(await video.locator('.badge').textContent(), /^0:0\d$/);
  assert.equal(await audio.locator('.icon-audio').count(), 1);
  assert.match(await audio.locator('.tile-facts').textContent(), /audio\/(x-)?wav.*0:0\d/);
  assert.match(await image.locator('.tile-facts').textContent(), /64 × 48/);
  await page.screenshot({ path: path.join(screenshots, 'console-library-desktop.png'), fullPage: true });

  // By keyboard: a tile opens with Enter, focus moves into the dialog, Escape closes it.
  const detail = page.locator('dialog.detail');
  await image.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await detail.getByText('64 × 48').waitFor();
  assert.ok(await detail.evaluate((dialog) => dialog.contains(document.activeElement)));
  await page.keyboard.press('Escape');
  await detail.waitFor({ state: 'hidden' });
  await image.getByRole('button').click();
  await detail.getByText('64 × 48').waitFor();
  assert.equal(await detail.locator('.detail-preview img').getAttribute('alt'), path.basename(files.image));
  await page.screenshot({ path: path.join(screenshots, 'console-detail-desktop.png') });
  await detail.getByLabel('Name', { exact: true }).fill('Renamed picture');
  await detail.getByRole('button', { name: 'Rename' }).click();
  await detail.getByRole('heading', { name: 'Renamed picture' }).waitFor();

  await detail.getByLabel('Share with user id').fill(otherUserId);
  await detail.getByLabel('Permission').selectOption('READ');
  await detail.getByRole('button', { name: 'Share', exact: true }).click();
  await detail.locator(`.share-list li[data-user-id="${otherUserId}"]`).waitFor();
  await detail.getByRole('button', { name: 'Close' }).click();
  await tile(page, 'Renamed picture').waitFor();

  const other = await newPage(360, 780);
  await signIn(other, otherKey);
  await tile(other, 'Renamed picture').waitFor();
  assert.equal(await other.locator('.tile').count(), 1);
  await other.screenshot({ path: path.join(screenshots, 'console-library-360.png'), fullPage: true });
  await tile(other, 'Renamed picture').getByRole('button').click();
  await other.locator('dialog.detail').getByText('64 × 48').waitFor();
  await other.screenshot({ path: path.join(screenshots, 'console-detail-360.png') });
  await other.context().close();

  await tile(page, 'Renamed picture').getByRole('button').click();
  await detail.getByRole('button', { name: 'Delete' }).click();
  await tile(page, 'Renamed picture').waitFor({ state: 'detached' });
  assert.equal(await page.locator('.tile').count(), 2);
  await page.context().close();
});

test('files the server refuses show its message', async () => {
  const page = await newPage(360, 780);
  await signIn(page, key);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await page.locator('.uppy-Dashboard-input').first().setInputFiles([files.refused, files.tooLarge]);
  await page.locator('.uppy-StatusBar-actionBtn--upload').click();
  await page.getByText(/notes\.pdf: Files of type application\/pdf are not accepted\./).first()
    .waitFor({ timeout: 30_000 });
  await page.getByText(/huge\.wav: The file is larger than the upload limit of \d+ bytes\./).first()
    .waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(screenshots, 'console-refused-360.png') });
  await page.context().close();
});

test('creates, shares, renames, uploads into, filters by and deletes a group, saying what goes with it', async () => {
  const page = await newPage(1280, 900);
  await signIn(page, key);
  await page.getByRole('button', { name: 'Groups', exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill('Campaign');
  await page.getByLabel('Kind').selectOption('GENERIC');
  await page.getByLabel('Keep assets (days)').fill('30');
  await page.getByRole('button', { name: 'Create group' }).click();
  const group = page.locator('.group-list li', { has: page.locator('strong', { hasText: 'Campaign' }) });
  await group.getByText('kept 30 days').waitFor();

  await group.getByText('Shares').click();
  await group.getByLabel('Share with user id').fill(otherUserId);
  await group.getByLabel('Permission').selectOption('EDIT');
  await group.getByRole('button', { name: 'Share', exact: true }).click();
  await group.locator(`.share-list li[data-user-id="${otherUserId}"]`).getByText('EDIT').waitFor();

  await group.getByLabel('New name for Campaign').fill('Spring campaign');
  await group.getByRole('button', { name: 'Rename' }).click();
  const renamed = page.locator('.group-list li', { has: page.locator('strong', { hasText: 'Spring campaign' }) });
  await renamed.waitFor();

  // An upload into the group chosen before it, then the library filtered by group and by type.
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await page.getByLabel('Into group').selectOption({ label: 'Spring campaign' });
  await page.locator('.uppy-Dashboard-input').first().setInputFiles([files.image]);
  await page.locator('.uppy-StatusBar-actionBtn--upload').click();
  await page.locator('.uppy-StatusBar.is-complete').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByLabel('Group', { exact: true }).selectOption({ label: 'Spring campaign' });
  await page.getByRole('button', { name: 'Show' }).click();
  await page.getByText('1 asset', { exact: true }).waitFor();
  assert.deepEqual(await page.locator('.tile-name').allTextContents(), [path.basename(files.image)]);
  await page.getByLabel('Group', { exact: true }).selectOption('');
  await page.getByLabel('Type', { exact: true }).selectOption('audio');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.locator('.tile-name', { hasText: path.basename(files.audio) }).waitFor();
  assert.deepEqual(await page.locator('.tile-name').allTextContents(), [path.basename(files.audio)]);

  await page.getByRole('button', { name: 'Groups', exact: true }).click();
  await page.screenshot({ path: path.join(screenshots, 'console-groups-desktop.png'), fullPage: true });
  await renamed.getByRole('button', { name: 'Delete' }).click();
  await renamed.waitFor({ state: 'detached' });
  assert.equal(confirmations.at(-1), 'Delete the group “Spring campaign” and its 1 asset?');
  await page.context().close();
});

test('an upload paused midway resumes from where it stopped', async () => {
  const page = await newPage(1280, 900);
  await signIn(page, key);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  let patches = 0;
  let held;
  let release;
  const holding = new Promise((resolve) => (held = resolve));
  const released = new Promise((resolve) => (release = resolve));
  await page.route('**/v1/uploads/*', async (route) => {
    if (route.request().method() === 'PATCH' && ++patches === 2) {
      held();
      await released;
    }
    // The paused request was given up by the page; continuing it then goes nowhere.
    await route.continue().catch(() => {});
  });

  await page.locator('.uppy-Dashboard-input').first().setInputFiles([files.long]);
  await page.locator('.uppy-StatusBar-actionBtn--upload').click();
  await holding;
  await page.getByRole('button', { name: 'Pause upload' }).click();
  await page.getByRole('button', { name: 'Resume upload' }).waitFor();
  release();
  await page.getByRole('button', { name: 'Resume upload' }).click();
  await page.locator('.uppy-StatusBar.is-complete').waitFor({ timeout: 60_000 });
  assert.ok(patches >= 3, `${patches} PATCHes`);
  await page.context().close();
});

test('nothing left the origin, and nothing broke the policy', () => {
  assert.deepEqual(offOrigin, []);
  assert.deepEqual(violations, []);
});
