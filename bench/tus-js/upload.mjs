// Uploads FILE to a running server with tus-js-client (tus 1.0.0) in PATCHes of CHUNK_BYTES, no
// retries; prints the seconds from the creation to the last answer.
//
//   node bench/tus-js/upload.mjs BASE_URL API_KEY FILE CHUNK_BYTES
import fs from 'node:fs';
import path from 'node:path';
import * as tus from 'tus-js-client';

const [base, key, file, chunk] = process.argv.slice(2);
const started = process.hrtime.bigint();
await new Promise((resolve, reject) => {
  new tus.Upload(fs.createReadStream(file), {
    endpoint: `${base}/v1/uploads`,
    chunkSize: Number(chunk),
    uploadSize: fs.statSync(file).size,
    headers: { Authorization: `Bearer ${key}` },
    metadata: { filename: path.basename(file) },
    retryDelays: null,
    onError: reject,
    onSuccess: resolve,
  }).start();
});
console.log((Number(process.hrtime.bigint() - started) / 1e9).toFixed(6));
