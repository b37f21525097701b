// Groups: the list over GET /v1/asset-groups, creating one (kind, description, retention),
// renaming, and deleting one with its assets after saying how many go with it.
import { GroupKind, type AssetGroup } from '../target/typescript-client';
import { failureMessage, report, type Session } from './api';
import { h, replace } from './dom';
import { SharesPanel } from './shares';

/** The groups view; {@code changed} is told when the groups are different. */
export class GroupsView {
  readonly element: HTMLElement;
  private readonly list = h('ul', { class: 'group-list', 'aria-label': 'Groups' });
  private readonly message = h('p', { class: 'message', role: 'status' });

  constructor(
    private readonly session: Session,
    private readonly changed: (groups: AssetGroup[]) => void,
  ) {
    const name = h('input', { id: 'group-name', name: 'name', required: true, maxlength: 255 });
    const kind = h('select', { id: 'group-kind', name: 'groupKind' },
      ...Object.values(GroupKind).map((value) => h('option', { value }, value)));
    const description = h('input', { id: 'group-description', name: 'description', maxlength: 1000 });
    const retention = h('input', { id: 'group-retention', name: 'retentionDays', type: 'number', min: 1 });
    const create = h('form', {
      class: 'inline-form',
      'aria-label': 'New group',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        await this.act(async () => {
          await this.session.groups.createAssetGroup({
            createAssetGroupRequest: {
              name: name.value,
              groupKind: kind.value as GroupKind,
              description: description.value || undefined,
              retentionDays: retention.value ? Number(retention.value) : undefined,
            },
          });
          (event.target as HTMLFormElement).reset();
        }, `Group “${name.value}” created.`);
      },
    },
    h('label', { for: 'group-name' }, 'Name'), name,
    h('label', { for: 'group-kind' }, 'Kind'), kind,
    h('label', { for: 'group-description' }, 'Description'), description,
    h('label', { for: 'group-retention' }, 'Keep assets (days)'), retention,
    h('button', { type: 'submit' }, 'Create group'));
    this.element = h('section', { class: 'groups', 'aria-labelledby': 'groups-title' },
      h('h2', { id: 'groups-title' }, 'Groups'), create, this.message, this.list);
  }

  /** Loads the groups again, and tells the rest of the console. */
  async refresh(): Promise<void> {
    try {
      const groups = (await this.session.groups.listAssetGroups({ current: 1, size: 100 })).data.records;
      replace(this.list, ...groups.map((group) => this.item(group)));
      this.changed(groups);
    } catch (error) {
      this.message.textContent = await failureMessage(error);
    }
  }

  private item(group: AssetGroup): HTMLElement {
    const mine = !group.shared;
    const rename = h('input', { 'aria-label': `New name for ${group.name}`, value: group.name, maxlength: 255 });
    return h('li', { 'data-group-id': group.groupId },
      h('strong', {}, group.name),
      h('span', {}, ` ${group.groupKind} · ${group.assetCount ?? 0} assets`
        + (group.retentionDays ? ` · kept ${group.retentionDays} days` : '')
        + (group.shared ? ` · shared with you (${group.sharePermission})` : '')),
      group.description ? h('p', {}, group.description) : null,
      mine && group.groupId !== 'library'
        ? h('span', { class: 'actions' },
            rename,
            h('button', { type: 'button', onclick: () => this.rename(group, rename.value) }, 'Rename'),
            h('button', { type: 'button', class: 'danger', onclick: () => this.remove(group) }, 'Delete'))
        : null,
      mine ? this.shares(group) : null);
  }

  /** The group's shares, loaded when first opened. */
  private shares(group: AssetGroup): HTMLElement {
    const { groupId } = group;
    const details = h('details', {}, h('summary', {}, 'Shares'));
    let panel: SharesPanel | undefined;
    details.addEventListener('toggle', () => {
      if (details.open && !panel) {
        panel = new SharesPanel(`group-share-${groupId}`, {
          list: async () => (await this.session.groups.listAssetGroupShares({ groupId })).data.records,
          share: (shareRequest) => this.session.groups.shareAssetGroup({ groupId, shareRequest }),
          revoke: (userId) => this.session.groups.revokeAssetGroupShare({ groupId, userId }),
        });
        details.append(panel.element);
        void panel.refresh();
      }
    });
    return details;
  }

  private async rename(group: AssetGroup, name: string): Promise<void> {
    await this.act(() => this.session.groups
      .updateAssetGroup({ groupId: group.groupId, updateAssetGroupRequest: { name } })
      .then(() => undefined), 'Renamed.');
  }

  private async remove(group: AssetGroup): Promise<void> {
    const count = group.assetCount ?? 0;
    if (!window.confirm(`Delete the group “${group.name}” and its ${count} asset${count === 1 ? '' : 's'}?`)) {
      return;
    }
    await this.act(() => this.session.groups
      .deleteAssetGroup({ groupId: group.groupId })
      .then(() => undefined), 'Deleted.');
  }

  private act(action: () => Promise<unknown>, done: string): Promise<void> {
    return report(this.message, async () => {
      await action();
      await this.refresh();
    }, done);
  }
}
