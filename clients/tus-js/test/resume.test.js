// tus-js-client against the real server, in each protocol it speaks: an upload given up after its
// first request resumes from the upload's URL (a new Upload with `uploadUrl` and no `endpoint`, so
// it can only resume, never start again) and ends in an asset whose bytes have the file's SHA-256.
'use strict';

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const { test } = require('node:test');
const tus = require('tus-js-client');

const baseUrl = process.env.ASSETS_BASE_URL;
const apiKey = process.env.ASSETS_API_KEY;
const file = process.env.ASSETS_UPLOAD_FILE;
const headers = { Authorization: `Bearer ${apiKey}` };
const size = fs.statSync(file).size;
const sha256 = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Starts an upload in 1 MiB requests and gives it up, dropping its connection, after the first. */
function interruptedUpload(protocol) {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(fs.createReadStream(file), {
      endpoint: `${baseUrl}/v1/uploads`,
      headers,
      protocol,
      chunkSize: 1 << 20,
      metadata: { filename: 'interview.wav', name: `Interview (${protocol})` },
      onChunkComplete() {
        upload.abort().then(() => resolve(upload.url));
      },
      onSuccess: () => reject(new Error('the upload finished before it could be cut off')),
      onError: reject,
    });
    upload.start();
  });
}

/** Resumes the upload at `url`; answers the offset the server said it held, and the last answer. */
function resumedUpload(url, protocol) {
  return new Promise((resolve, reject) => {
    let heldWhenResumed = null;
    const upload = new tus.Upload(fs.createReadStream(file), {
      uploadUrl: url,
      headers,
      protocol,
      retryDelays: [0, 250, 500, 1000, 2000],
      onAfterResponse(request, response) {
        if (request.getMethod() === 'HEAD' && response.getStatus() < 300) {
          heldWhenResumed = Number(response.getHeader('Upload-Offset'));
        }
      },
      onSuccess: ({ lastResponse }) => resolve({ heldWhenResumed, lastResponse }),
      onError: reject,
    });
    upload.start();
  });
}

async function assetOf(url) {
  const response = await fetch(url, { headers });
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()).data;
}

for (const protocol of ['tus-v1', 'ietf-draft-03', 'ietf-draft-05']) {
  test(`an upload given up after its first request resumes and stores the same bytes (${protocol})`, async () => {
    const url = await interruptedUpload(protocol);
    assert.ok(url.startsWith(`${baseUrl}/v1/uploads/`), url);

    const { heldWhenResumed, lastResponse } = await resumedUpload(url, protocol);
    assert.equal(heldWhenResumed, 1 << 20);
    const assetId = lastResponse.getHeader('Upload-Asset-Id');
    assert.match(assetId, /^ua_/);

    const asset = await assetOf(url);
    assert.equal(asset.assetId, assetId);
    assert.equal(asset.name, `Interview (${protocol})`);
    assert.equal(asset.sizeBytes, size);
    const stored = Buffer.from(await (await fetch(asset.url)).arrayBuffer());
    assert.equal(crypto.createHash('sha256').update(stored).digest('hex'), sha256);
  });
}

test('terminating an upload removes it (tus-v1)', async () => {
  const url = await interruptedUpload('tus-v1');
  await tus.Upload.terminate(url, { headers });
  const gone = await fetch(url, { headers });
  assert.equal(gone.status, 404);
});
