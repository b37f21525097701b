// The console's entry: sign in with an API key, then the library, uploads and groups.
import './style.css';
import { Session, failureMessage, isUnauthorized } from './api';
import { AssetDetail } from './detail';
import { h, replace } from './dom';
import { GroupsView } from './groups';
import { LibraryView } from './library';
import { UploadPanel } from './upload';

const app = document.querySelector<HTMLElement>('#app')!;

function showSignIn(problem?: string): void {
  const key = h('input', {
    id: 'api-key', name: 'apiKey', type: 'password', autocomplete: 'off', required: true,
    placeholder: 'sk-…', 'aria-describedby': 'sign-in-message',
  });
  const message = h('p', { id: 'sign-in-message', class: 'message', role: 'alert' }, problem ?? '');
  const form = h('form', {
    class: 'sign-in',
    onsubmit: async (event: Event) => {
      event.preventDefault();
      message.textContent = 'Checking…';
      try {
        showConsole(await Session.signIn(key.value.trim()));
      } catch (error) {
        message.textContent = isUnauthorized(error)
          ? 'That API key is not valid, or it is disabled.'
          : await failureMessage(error);
        key.focus();
      }
    },
  },
  h('h1', {}, 'Asset Library'),
  h('label', { for: 'api-key' }, 'API key'),
  key,
  h('button', { type: 'submit' }, 'Sign in'),
  message,
  h('p', { class: 'hint' }, 'The key stays in this tab only, and is sent to this server alone.'));
  replace(app, h('main', { class: 'centered' }, form));
  key.focus();
}

function showConsole(session: Session): void {
  const detail = new AssetDetail(session, () => void library.refresh());
  const library = new LibraryView(session, (asset) => void detail.show(asset.assetId));
  const upload = new UploadPanel(session, () => void library.refresh());
  const groups = new GroupsView(session, (list) => {
    library.setGroups(list);
    upload.setGroups(list);
  });
  const main = h('main', { id: 'main' });
  const views = { library: library.element, upload: upload.element, groups: groups.element };
  const tabs = Object.entries({ library: 'Library', upload: 'Upload', groups: 'Groups' }).map(
    ([view, label]) => h('button', {
      type: 'button', 'data-view': view,
      onclick: () => show(view as keyof typeof views),
    }, label));
  const show = (view: keyof typeof views) => {
    for (const tab of tabs) {
      tab.setAttribute('aria-current', String(tab.dataset.view === view));
    }
    replace(main, views[view]);
    if (view === 'library') {
      void library.refresh();
    } else if (view === 'groups') {
      void groups.refresh();
    }
  };
  const signOut = h('button', {
    type: 'button', class: 'sign-out',
    onclick: () => {
      upload.close();
      detail.element.remove();
      session.signOut();
      showSignIn();
    },
  }, 'Sign out');
  replace(app,
    h('header', { class: 'top' },
      h('h1', {}, 'Asset Library'),
      h('nav', { 'aria-label': 'Views' }, ...tabs),
      signOut),
    main,
    detail.element);
  void groups.refresh();
  show('library');
}

const restored = Session.restore();
if (restored) {
  restored.assets.listAssets({ current: 1, size: 1 }).then(
    () => showConsole(restored),
    async (error) => {
      restored.signOut();
      showSignIn(isUnauthorized(error) ? 'Sign in again: that key no longer works.' : await failureMessage(error));
    },
  );
} else {
  showSignIn();
}
