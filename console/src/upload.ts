// Uploads through Uppy's dashboard over the resumable endpoint (/v1/uploads, tus 1.0.0): many files
// at once, a progress bar each, pause and resume, retries after a cut, and the server's own message
// when it refuses a file. The group is chosen before uploading.
import Uppy, { type Meta } from '@uppy/core';
import Dashboard from '@uppy/dashboard';
import Tus from '@uppy/tus';
import '@uppy/core/css/style.min.css';
import '@uppy/dashboard/css/style.min.css';
import type { AssetGroup } from '../target/typescript-client';
import type { Session } from './api';
import { h, replace } from './dom';

const CHUNK_BYTES = 8 * 1024 * 1024;

/** The upload panel; {@code uploaded} is told when a file has become an asset. */
export class UploadPanel {
  readonly element: HTMLElement;
  private readonly groupSelect = h('select', { id: 'upload-group', name: 'groupId' },
    h('option', { value: 'library' }, 'Library'));
  private readonly uppy: Uppy<Meta>;

  constructor(session: Session, uploaded: () => void) {
    const target = h('div', { class: 'dashboard' });
    this.element = h('section', { class: 'upload', 'aria-labelledby': 'upload-title' },
      h('h2', { id: 'upload-title' }, 'Upload'),
      h('p', { class: 'inline-form' },
        h('label', { for: 'upload-group' }, 'Into group'),
        this.groupSelect),
      target);
    this.uppy = new Uppy<Meta>({ autoProceed: false, meta: { groupId: 'library' } })
      .use(Dashboard, {
        target,
        inline: true,
        width: '100%',
        height: 360,
        proudlyDisplayPoweredByUppy: false,
        note: 'Images, videos and audio; each upload resumes where it stopped.',
      })
      .use(Tus, {
        endpoint: `${window.location.origin}/v1/uploads`,
        headers: { Authorization: `Bearer ${session.apiKey}` },
        chunkSize: CHUNK_BYTES,
        // Uppy's own rule decides what to try again: never a refusal (4xx), whose message the
        // dashboard shows, but a conflict over the offset, a locked upload, the rate limit, a cut.
        retryDelays: [0, 1000, 3000, 5000, 10000],
        removeFingerprintOnSuccess: true,
      });
    this.uppy.on('upload-error', (file, error, response) => {
      const message = serverMessage(error) ?? (response?.body as { msg?: string } | undefined)?.msg;
      if (file && message) {
        this.uppy.setFileState(file.id, { error: message });
        this.uppy.info(`${file.name}: ${message}`, 'error', 10000);
      }
    });
    this.uppy.on('upload-success', () => uploaded());
    this.groupSelect.addEventListener('change', () =>
      this.uppy.setMeta({ groupId: this.groupSelect.value }));
  }

  /** Offers the groups the user may upload into. */
  setGroups(groups: AssetGroup[]): void {
    const chosen = this.groupSelect.value;
    const writable = groups.filter((group) => !group.shared || group.sharePermission === 'EDIT');
    replace(this.groupSelect,
      writable.some((group) => group.groupId === 'library')
        ? null
        : h('option', { value: 'library' }, 'Library'),
      ...writable.map((group) => h('option', { value: group.groupId }, group.name)));
    this.groupSelect.value = groups.some((group) => group.groupId === chosen) ? chosen : 'library';
    this.uppy.setMeta({ groupId: this.groupSelect.value });
  }

  close(): void {
    this.uppy.destroy();
  }
}

/** The msg of the error envelope a tus request was answered with, if it was. */
function serverMessage(error: unknown): string | undefined {
  const response = (error as { originalResponse?: { getBody(): string } | null }).originalResponse;
  if (!response) {
    return undefined;
  }
  try {
    const envelope = JSON.parse(response.getBody());
    return typeof envelope?.msg === 'string' ? envelope.msg : undefined;
  } catch {
    return undefined;
  }
}
