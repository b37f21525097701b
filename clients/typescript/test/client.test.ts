// The TypeScript client generated from api/openapi.yaml (openapi-generator typescript-fetch),
// used as a consumer would against a running server: upload, read back, list, share, delete.
// The server, its keys and the file to upload come from the environment (see TypeScriptClientTest).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  AssetsApi,
  Configuration,
  DeliveryApi,
  ResponseError,
  SharePermission,
} from '../../target/typescript-client';

function env(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

const basePath = env('ASSETS_BASE_URL');
const owner = new AssetsApi(new Configuration({ basePath, accessToken: env('ASSETS_API_KEY') }));
const other = new AssetsApi(
  new Configuration({ basePath, accessToken: env('ASSETS_OTHER_API_KEY') }),
);
const delivery = new DeliveryApi(new Configuration({ basePath }));
const otherUserId = Number(env('ASSETS_OTHER_USER_ID'));
const png = readFileSync(env('ASSETS_UPLOAD_FILE'));

test('uploads, reads back, lists, shares and deletes', async () => {
  const uploaded = await owner.uploadAsset({
    file: new Blob([png], { type: 'image/png' }),
    name: 'From TypeScript',
    groupId: 'library',
  });
  assert.equal(uploaded.code, 0);
  const assetId = uploaded.data.assetId;
  assert.match(assetId, /^ua_[0-9a-f]{32}$/);
  assert.equal(uploaded.data.name, 'From TypeScript');
  assert.equal(uploaded.data.mimeType, 'image/png');

  const read = (await owner.getAsset({ assetId })).data;
  assert.equal(read.sizeBytes, png.length);
  assert.ok(read.createdAt instanceof Date);
  const deliveryKey = new URL(read.url).pathname.split('/').pop()!;
  const bytes = await delivery.downloadAssetContent({ deliveryKey });
  assert.deepEqual(Buffer.from(await bytes.arrayBuffer()), png);

  const listed = (await owner.listAssets({ current: 1, size: 20 })).data;
  assert.deepEqual(
    listed.records.map((asset) => asset.assetId),
    [assetId],
  );

  const share = await owner.shareAsset({
    assetId,
    shareRequest: { userId: otherUserId, permission: SharePermission.Read },
  });
  assert.equal(share.data.userId, otherUserId);
  assert.equal((await other.getAsset({ assetId })).data.shared, true);
  const shares = (await owner.listAssetShares({ assetId })).data;
  assert.deepEqual(
    shares.records.map((s) => s.userId),
    [otherUserId],
  );

  await owner.deleteAsset({ assetId });
  const gone = await owner.getAsset({ assetId }).then(
    () => assert.fail('a deleted asset is still readable'),
    (error: unknown) => error,
  );
  assert.ok(gone instanceof ResponseError);
  assert.equal(gone.response.status, 404);
  assert.equal((await gone.response.json()).serviceCode, 'ASSET_NOT_FOUND');
  assert.equal((await owner.listAssets({})).data.total, 0);
});
