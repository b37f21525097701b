// One asset in a dialog: a large preview over its delivery URL (the browser's players ask for
// ranges), every field of the record, and rename, delete and share.
import type { Asset } from '../target/typescript-client';
import { failureMessage, report, type Session } from './api';
import { bytes, duration, h, replace } from './dom';
import { SharesPanel } from './shares';

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
      h('details', { class: 'record' },
        h('summary', {}, 'Every field of the record'),
        h('pre', {}, JSON.stringify(asset, null, 2))),
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
      mine ? this.shares(asset).element : null,
    ].filter((node): node is HTMLElement => node !== null);
  }

  private shares(asset: Asset): SharesPanel {
    const { assetId } = asset;
    const panel = new SharesPanel('asset-share', {
      list: async () => (await this.session.assets.listAssetShares({ assetId })).data.records,
      share: (shareRequest) => this.session.assets.shareAsset({ assetId, shareRequest }),
      revoke: (userId) => this.session.assets.revokeAssetShare({ assetId, userId }),
    });
    void panel.refresh();
    return panel;
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

  private act(action: () => Promise<unknown>, done: string): Promise<void> {
    return report(this.message, action, done);
  }
}
