// The console's way to the server: the client generated from api/openapi.yaml, with the API key
// the user signed in with; and the server's own message for any failure.
import {
  AssetGroupsApi,
  AssetsApi,
  Configuration,
  ResponseError,
  UploadsApi,
} from '../target/typescript-client';

const STORAGE_KEY = 'asset-library.api-key';

/** The API, called as the signed-in user. */
export class Session {
  readonly assets: AssetsApi;
  readonly groups: AssetGroupsApi;
  readonly uploads: UploadsApi;

  constructor(readonly apiKey: string) {
    const configuration = new Configuration({
      basePath: window.location.origin,
      accessToken: apiKey,
    });
    this.assets = new AssetsApi(configuration);
    this.groups = new AssetGroupsApi(configuration);
    this.uploads = new UploadsApi(configuration);
  }

  /** The session kept in this tab, if any. */
  static restore(): Session | null {
    const key = sessionStorage.getItem(STORAGE_KEY);
    return key ? new Session(key) : null;
  }

  /** Checks {@code apiKey} against the server; keeps it in this tab when it is valid. */
  static async signIn(apiKey: string): Promise<Session> {
    const session = new Session(apiKey);
    await session.assets.listAssets({ current: 1, size: 1 });
    sessionStorage.setItem(STORAGE_KEY, apiKey);
    return session;
  }

  signOut(): void {
    sessionStorage.removeItem(STORAGE_KEY);
  }
}

/** What went wrong, in the server's words when it answered with its error envelope. */
export async function failureMessage(error: unknown): Promise<string> {
  if (error instanceof ResponseError) {
    try {
      const envelope = await error.response.clone().json();
      if (envelope && typeof envelope.msg === 'string') {
        return envelope.msg;
      }
    } catch {
      // not the envelope: fall through to the status
    }
    return `The server answered ${error.response.status}.`;
  }
  if (error instanceof Error && error.name === 'FetchError') {
    return 'The server cannot be reached.';
  }
  return error instanceof Error ? error.message : String(error);
}

/** Whether {@code error} is the server refusing the API key. */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof ResponseError && error.response.status === 401;
}

/** Runs {@code action}, then says in {@code message} that it is {@code done}, or why it failed. */
export async function report(
  message: HTMLElement,
  action: () => Promise<unknown>,
  done: string,
): Promise<void> {
  try {
    await action();
    message.textContent = done;
  } catch (error) {
    message.textContent = await failureMessage(error);
  }
}
