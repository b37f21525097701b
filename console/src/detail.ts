// One asset in a dialog: a large preview over its delivery URL (the browser's players ask for
// ranges), every field of the record, and rename, delete and share.
import { SharePermission, type Asset, type Share } from '../target/typescript-client';
import { failureMessage, type Session } from './api';
import { bytes, duration, h, replace } from './dom';

/** The detail dialog; {@code changed} is told when the library should load again. */
export class AssetDetail {
  readonly element: HTMLDialogElement;
  private readonly body = h('div', { class: 'detail-body' });
  private readonly message = h('p', { class: 'message', role: 'alert' });

  constructor(
    private readonly session: Session,
    private readonly changed: () => void,
  ) {
    this.element = h(
      'dialog',
      { class: 'detail', 'aria-labelledby': 'detail-title' },
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close', onclick: () => this.element.close() }, '×'),
      this.message,
      this.body,
    );
  }

  /** Shows the asset, as the server has it now. */
  async show(assetId: string): Promise<void> {
    this.message.textContent = '';
    try {
      const asset = (await this.session.assets.getAsset({ assetId })).data;
      replace(this.body, ...this.render(asset));
      if (!this.element.open) {
        this.element.showModal();
      }
      if (!asset.shared) {
        void this.loadShares(asset);
      }
    } catch (error) {
      this.message.textContent = await failureMessage(error);
      if (!this.element.open) {
        this.element.showModal();
      }
    }
  }

  private render(asset: Asset): Node[] {
    const family = asset.mediaType.split('/')[0];
    const preview =
      family === 'video'
        ? h('video', { src: asset.url, controls: true, preload: 'metadata', poster: asset.thumbnailUrl })
        : family === 'audio'
          ? h('audio', { src: asset.url, controls: true, preload: 'metadata' })
          : h('img', { src: asset.url, alt: asset.name });
    const fields: [string, string | undefined][] = [
      ['Asset id', asset.assetId],
      ['Group', asset.groupName ?? asset.assetGroupId],
      ['Type', asset.mediaType],
      ['Status', asset.status],
      ['Size', `${bytes(asset.sizeBytes)} (${asset.sizeBytes} bytes)`],
      ['Dimensions', asset.width && asset.height ? `${asset.width} × ${asset.height}` : undefined],
      ['Aspect ratio', asset.aspectRatio],
      ['Duration', asset.durationSeconds !== undefined ? duration(asset.durationSeconds) : undefined],
      ['Frame rate', asset.frameRate?.toString()],
      ['File name', asset.originalFilename ?? asset.filename],
      ['Owner', asset.userName ?? String(asset.userId)],
      ['Shared with you', asset.shared ? `${asset.sharePermission}` : undefined],
      ['Created', asset.createdAt.toLocaleString()],
      ['Updated', asset.updatedAt.toLocaleString()],
      ['URL expires', asset.expiresAt?.toLocaleString()],
    ];
    const nameInput = h('input', { id: 'rename-name', name: 'name', value: asset.name, required: true, maxlength: 255 });
    const mine = !asset.shared;
    return [
      h('h2', { id: 'detail-title' }, asset.name),
      h('div', { class: 'detail-preview' }, preview),
      h('dl', { class: 'fields' }, ...fields
        .filter(([, value]) => value !== undefined && value !== '')
        .flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value!)])),
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => this.copy(asset.url) }, 'Copy URL'),
        mine || asset.sharePermission === 'EDIT'
          ? h('button', { type: 'button', class: 'danger', onclick: () => this.remove(asset) }, 'Delete')
          : null),
      mine || asset.sharePermission === 'EDIT'
        ? h('form', { class: 'inline-form', onsubmit: (event: Event) => this.rename(event, asset, nameInput.value) },
            h('label', { for: 'rename-name' }, 'Name'),
            nameInput,
            h('button', { type: 'submit' }, 'Rename'))
        : null,
      mine ? this.shareForm(asset) : null,
      mine ? h('section', { class: 'shares', 'aria-labelledby': 'shares-title' },
        h('h3', { id: 'shares-title' }, 'Shared with'),
        h('ul', { id: 'share-list' })) : null,
    ].filter((node): node is HTMLElement => node !== null);
  }

  private shareForm(asset: Asset): HTMLElement {
    const user = h('input', { id: 'share-user', name: 'userId', type: 'number', min: 1, required: true });
    const permission = h('select', { id: 'share-permission', name: 'permission' },
      ...Object.values(SharePermission).map((value) => h('option', { value }, value)));
    const expiry = h('input', { id: 'share-expiry', name: 'expiresAt', type: 'datetime-local' });
    return h('form', {
      class: 'inline-form',
      'aria-label': 'Share',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        await this.act(async () => {
          await this.session.assets.shareAsset({
            assetId: asset.assetId,
            shareRequest: {
              userId: Number(user.value),
              permission: permission.value as SharePermission,
              expiresAt: expiry.value ? new Date(expiry.value) : undefined,
            },
          });
          await this.show(asset.assetId);
        }, `Shared with user ${user.value}.`);
      },
    },
    h('label', { for: 'share-user' }, 'Share with user id'), user,
    h('label', { for: 'share-permission' }, 'Permission'), permission,
    h('label', { for: 'share-expiry' }, 'Until (optional)'), expiry,
    h('button', { type: 'submit' }, 'Share'));
  }

  private async loadShares(asset: Asset): Promise<void> {
    try {
      const shares = (await this.session.assets.listAssetShares({ assetId: asset.assetId })).data.records;
      const list = this.body.querySelector('#share-list');
      if (!list) {
        return;
      }
      replace(list, ...(shares.length === 0
        ? [h('li', {}, 'Nobody yet.')]
        : shares.map((share: Share) => h('li', { 'data-user-id': share.userId },
            `${share.userName ?? 'User'} (${share.userId}): ${share.permission}`
              + (share.expiresAt ? `, until ${share.expiresAt.toLocaleString()}` : ''),
            h('button', { type: 'button', onclick: () => this.revoke(asset, share) }, 'Revoke')))));
    } catch (error) {
      this.message.textContent = await failureMessage(error);
    }
  }

  private async revoke(asset: Asset, share: Share): Promise<void> {
    await this.act(async () => {
      await this.session.assets.revokeAssetShare({ assetId: asset.assetId, userId: share.userId });
      await this.show(asset.assetId);
    }, `No longer shared with user ${share.userId}.`);
  }

  private async rename(event: Event, asset: Asset, name: string): Promise<void> {
    event.preventDefault();
    await this.act(async () => {
      await this.session.assets.updateAsset({ assetId: asset.assetId, updateAssetRequest: { name } });
      await this.show(asset.assetId);
      this.changed();
    }, 'Renamed.');
  }

  private async remove(asset: Asset): Promise<void> {
    if (!window.confirm(`Delete “${asset.name}”? Its URLs stop working at once.`)) {
      return;
    }
    await this.act(async () => {
      await this.session.assets.deleteAsset({ assetId: asset.assetId });
      this.element.close();
      this.changed();
    }, 'Deleted.');
  }

  private async copy(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      this.message.textContent = 'URL copied.';
    } catch {
      this.message.textContent = url;
    }
  }

  private async act(action: () => Promise<void>, done: string): Promise<void> {
    try {
      await action();
      this.message.textContent = done;
    } catch (error) {
      this.message.textContent = await failureMessage(error);
    }
  }
}
