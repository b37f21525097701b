// The TypeScript client generated from api/openapi.yaml (openapi-generator typescript-fetch),
// used as a consumer would against a running server: upload, read back, list, share, delete; and
// records whose enums carry values of a later contract, which the client hands over unchanged.
// The server, its keys and the file to upload come from the environment (see TypeScriptClientTest).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  AssetGroupsApi,
  AssetsApi,
  Configuration,
  GroupKind,
  DeliveryApi,
  ResponseError,
  ServiceCode,
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

test('reads records whose enums carry values of a later contract', async () => {
  const uploaded = await owner.uploadAsset({ file: new Blob([png], { type: 'image/png' }) });
  const assetId = uploaded.data.assetId;
  await owner.shareAsset({
    assetId,
    shareRequest: { userId: otherUserId, permission: SharePermission.Read },
  });
  const laterPath = env('ASSETS_LATER_BASE_URL');
  const later = (accessToken: string) => new Configuration({ basePath: laterPath, accessToken });

  const seen = (await new AssetsApi(later(env('ASSETS_OTHER_API_KEY'))).getAsset({ assetId })).data;
  const share = (await new AssetsApi(later(env('ASSETS_API_KEY'))).listAssetShares({ assetId }))
    .data.records[0];
  const library = (
    await new AssetGroupsApi(later(env('ASSETS_API_KEY'))).getAssetGroup({ groupId: 'library' })
  ).data;
  const missing = await new AssetsApi(later(env('ASSETS_API_KEY')))
    .getAsset({ assetId: 'ua_00000000000000000000000000000000' })
    .then(
      () => assert.fail('an unknown asset was found'),
      (error: unknown) => error,
    );

  // typescript-fetch does not check enum values: an unknown one arrives as sent, so code written
  // against the contract handles it in the default branch of its switch.
  assert.equal(seen.sharePermission, 'ADMIN');
  assert.ok(!Object.values(SharePermission).includes(seen.sharePermission!));
  assert.equal(seen.assetId, assetId);
  assert.equal(seen.mediaType, 'image/png');
  assert.ok(seen.createdAt instanceof Date);
  assert.equal(share.permission, 'ADMIN');
  assert.equal(share.targetType, 'FOLDER');
  assert.equal(share.userId, otherUserId);
  assert.equal(library.groupKind, 'ALBUM');
  assert.ok(!Object.values(GroupKind).includes(library.groupKind));
  assert.equal(library.name, 'Library');
  assert.ok(missing instanceof ResponseError);
  assert.equal(missing.response.status, 404);
  const error = await missing.response.json();
  assert.equal(error.serviceCode, 'A_CODE_FROM_A_LATER_VERSION');
  assert.ok(!Object.values(ServiceCode).includes(error.serviceCode));
});
