// Who an asset or a group is shared with: a form to share it with a user of the tenant (a
// permission, an optional end), and the list of its shares, each revocable.
import { SharePermission, type Share, type ShareRequest } from '../target/typescript-client';
import { failureMessage, report } from './api';
import { h, replace } from './dom';

/** The calls a shares panel makes, for an asset or for a group. */
export interface ShareCalls {
  list(): Promise<Share[]>;
  share(request: ShareRequest): Promise<unknown>;
  revoke(userId: number): Promise<unknown>;
}

/** A share form and the shares, for what {@code calls} reaches; ids are prefixed with {@code id}. */
export class SharesPanel {
  readonly element: HTMLElement;
  private readonly list = h('ul', { class: 'share-list' });
  private readonly message = h('p', { class: 'message', role: 'status' });

  constructor(id: string, private readonly calls: ShareCalls) {
    const user = h('input', { id: `${id}-user`, name: 'userId', type: 'number', min: 1, required: true });
    const permission = h('select', { id: `${id}-permission`, name: 'permission' },
      ...Object.values(SharePermission).map((value) => h('option', { value }, value)));
    const expiry = h('input', { id: `${id}-expiry`, name: 'expiresAt', type: 'datetime-local' });
    const form = h('form', {
      class: 'inline-form',
      'aria-label': 'Share',
      onsubmit: (event: Event) => {
        event.preventDefault();
        void this.act(() => this.calls.share({
          userId: Number(user.value),
          permission: permission.value as SharePermission,
          expiresAt: expiry.value ? new Date(expiry.value) : undefined,
        }), `Shared with user ${user.value}.`);
      },
    },
    h('label', { for: `${id}-user` }, 'Share with user id'), user,
    h('label', { for: `${id}-permission` }, 'Permission'), permission,
    h('label', { for: `${id}-expiry` }, 'Until (optional)'), expiry,
    h('button', { type: 'submit' }, 'Share'));
    this.element = h('section', { class: 'shares', 'aria-labelledby': `${id}-title` },
      h('h3', { id: `${id}-title` }, 'Shared with'), form, this.message, this.list);
  }

  /** Loads the shares again. */
  async refresh(): Promise<void> {
    try {
      const shares = await this.calls.list();
      replace(this.list, ...(shares.length === 0
        ? [h('li', {}, 'Nobody yet.')]
        : shares.map((share) => h('li', { 'data-user-id': share.userId },
            `${share.userName ?? 'User'} (${share.userId}): ${share.permission}`
              + (share.expiresAt ? `, until ${share.expiresAt.toLocaleString()} ` : ' '),
            h('button', {
              type: 'button',
              'aria-label': `Revoke the share with user ${share.userId}`,
              onclick: () => void this.act(() => this.calls.revoke(share.userId),
                `No longer shared with user ${share.userId}.`),
            }, 'Revoke')))));
    } catch (error) {
      this.message.textContent = await failureMessage(error);
    }
  }

  private act(action: () => Promise<unknown>, done: string): Promise<void> {
    return report(this.message, async () => {
      await action();
      await this.refresh();
    }, done);
  }
}
