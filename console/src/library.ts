// The library: filters, a grid of pictures (renditions the size of a tile) and paging over GET /v1/assets. Assets still
// processing are looked at again until they settle.
import type { Asset, AssetGroup } from '../target/typescript-client';
import { failureMessage, type Session } from './api';
import { bytes, duration, h, replace } from './dom';

const PAGE_SIZE = 24;
const PROCESSING_RECHECK_MS = 3000;
/** A tile's picture, in CSS pixels (4:3, as the grid shows it). */
const TILE_WIDTH = 320;
const TILE_HEIGHT = 240;

/** What the grid shows. */
interface Filters {
  groupId?: string;
  mediaType?: string;
  status?: string;
  ownedOnly?: boolean;
  keyword?: string;
}

/** The library view; {@code open} shows one asset's detail. */
export class LibraryView {
  readonly element: HTMLElement;
  private readonly grid = h('ul', { class: 'grid', 'aria-label': 'Assets' });
  private readonly pager = h('nav', { class: 'pager', 'aria-label': 'Pages' });
  private readonly summary = h('p', { class: 'summary', role: 'status' });
  private readonly groupSelect = h(
    'select',
    { id: 'filter-group', name: 'groupId' },
    h('option', { value: '' }, 'All groups'),
  );
  private filters: Filters = {};
  private page = 1;
  private recheck: number | undefined;

  constructor(
    private readonly session: Session,
    private readonly open: (asset: Asset) => void,
  ) {
    const form = h(
      'form',
      { class: 'filters', role: 'search', onsubmit: (event: Event) => this.applyFilters(event) },
      h('label', { for: 'filter-keyword' }, 'Name'),
      h('input', { id: 'filter-keyword', name: 'keyword', type: 'search', maxlength: 255 }),
      h('label', { for: 'filter-group' }, 'Group'),
      this.groupSelect,
      h('label', { for: 'filter-type' }, 'Type'),
      h(
        'select',
        { id: 'filter-type', name: 'mediaType' },
        h('option', { value: '' }, 'All types'),
        h('option', { value: 'image' }, 'Images'),
        h('option', { value: 'video' }, 'Videos'),
        h('option', { value: 'audio' }, 'Audio'),
      ),
      h('label', { for: 'filter-status' }, 'Status'),
      h(
        'select',
        { id: 'filter-status', name: 'status' },
        h('option', { value: '' }, 'Any status'),
        h('option', { value: 'active' }, 'Active'),
        h('option', { value: 'processing' }, 'Processing'),
        h('option', { value: 'failed' }, 'Failed'),
      ),
      h('label', { for: 'filter-owner' }, 'Whose'),
      h(
        'select',
        { id: 'filter-owner', name: 'ownedOnly' },
        h('option', { value: '' }, 'Mine and shared with me'),
        h('option', { value: 'true' }, 'Only mine'),
      ),
      h('button', { type: 'submit' }, 'Show'),
    );
    this.element = h('section', { class: 'library', 'aria-labelledby': 'library-title' },
      h('h2', { id: 'library-title' }, 'Library'),
      form,
      this.summary,
      this.grid,
      this.pager,
    );
  }

  /** Fills the group filter with the groups the user sees. */
  setGroups(groups: AssetGroup[]): void {
    const chosen = this.groupSelect.value;
    replace(
      this.groupSelect,
      h('option', { value: '' }, 'All groups'),
      ...groups.map((group) => h('option', { value: group.groupId }, group.name)),
    );
    this.groupSelect.value = chosen;
  }

  private applyFilters(event: Event): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => (data.get(name) as string | null)?.trim() || undefined;
    this.filters = {
      keyword: text('keyword'),
      groupId: text('groupId'),
      mediaType: text('mediaType'),
      status: text('status'),
      ownedOnly: text('ownedOnly') === 'true' || undefined,
    };
    this.page = 1;
    void this.refresh();
  }

  /** Loads the current page again. */
  async refresh(): Promise<void> {
    window.clearTimeout(this.recheck);
    try {
      const answer = await this.session.assets.listAssets({
        ...this.filters,
        current: this.page,
        size: PAGE_SIZE,
      });
      const { records, pagination } = answer.data;
      this.summary.textContent =
        pagination.total === 0
          ? 'Nothing here yet: upload something.'
          : `${pagination.total}${pagination.totalExact === false ? '+' : ''} asset${pagination.total === 1 ? '' : 's'}`;
      replace(this.grid, ...records.map((asset) => this.tile(asset)));
      this.renderPager(pagination.pages);
      if (records.some((asset) => asset.status === 'processing')) {
        this.recheck = window.setTimeout(() => void this.refresh(), PROCESSING_RECHECK_MS);
      }
    } catch (error) {
      this.summary.textContent = await failureMessage(error);
    }
  }

  private tile(asset: Asset): HTMLElement {
    const family = asset.mediaType.split('/')[0];
    const preview = asset.thumbnailUrl
      ? tileImage(asset)
      : h('span', { class: `icon icon-${family}`, role: 'img', 'aria-label': asset.name });
    const facts = [
      asset.mediaType,
      bytes(asset.sizeBytes),
      asset.width && asset.height ? `${asset.width} × ${asset.height}` : null,
      asset.durationSeconds !== undefined ? duration(asset.durationSeconds) : null,
    ].filter(Boolean);
    return h(
      'li',
      { class: 'tile', 'data-asset-id': asset.assetId },
      h(
        'button',
        { type: 'button', class: 'tile-open', onclick: () => this.open(asset) },
        h('span', { class: 'preview' }, preview,
          asset.durationSeconds !== undefined
            ? h('span', { class: 'badge' }, duration(asset.durationSeconds))
            : null),
        h('span', { class: 'tile-name' }, asset.name),
        h('span', { class: 'tile-facts' }, facts.join(' · ')),
        asset.status !== 'active'
          ? h('span', { class: `status status-${asset.status}` }, asset.status)
          : null,
      ),
    );
  }

  private renderPager(pages: number): void {
    if (pages <= 1) {
      replace(this.pager);
      return;
    }
    const go = (page: number) => {
      this.page = page;
      void this.refresh();
    };
    replace(
      this.pager,
      h('button', { type: 'button', disabled: this.page <= 1, onclick: () => go(this.page - 1) },
        'Previous'),
      h('span', {}, `Page ${this.page} of ${pages}`),
      h('button', { type: 'button', disabled: this.page >= pages, onclick: () => go(this.page + 1) },
        'Next'),
    );
  }
}

/**
 * A tile's picture: a rendition the size of the tile (twice it on dense screens) in the best format
 * the browser takes, falling back to the thumbnail for what has no renditions.
 */
function tileImage(asset: Asset): HTMLImageElement {
  const thumbnail = asset.thumbnailUrl as string;
  const family = asset.mediaType.split('/')[0];
  if (asset.mediaType === 'image/bmp' || (family !== 'image' && family !== 'video')) {
    return h('img', { src: thumbnail, alt: asset.name, loading: 'lazy' });
  }
  const rendition = (w: number, height: number) =>
    `${asset.url}?w=${w}&h=${height}&fit=cover&format=auto`;
  const img = h('img', {
    src: rendition(TILE_WIDTH, TILE_HEIGHT),
    srcset: `${rendition(TILE_WIDTH, TILE_HEIGHT)} 1x, ${rendition(2 * TILE_WIDTH, 2 * TILE_HEIGHT)} 2x`,
    alt: asset.name,
    loading: 'lazy',
  });
  img.addEventListener(
    'error',
    () => {
      img.removeAttribute('srcset');
      img.src = thumbnail;
    },
    { once: true },
  );
  return img;
}
