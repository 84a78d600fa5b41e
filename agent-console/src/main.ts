import type { AgentLoginResponse } from '@rs/signaling';
import { ApiClient, SignalingClient, Toaster, createAppHeader, exposeDebugHooks, h, initI18n, replaceChildren } from '@rs/web-common';
import { ConsoleView, createAgentHeaderItems } from './features/session/console-view';
import { SessionWorkspace } from './features/session/session-workspace';
import { agentCredentials } from './features/sign-in/agent-credentials';
import { SignInManager } from './features/sign-in/sign-in-manager';
import { SignInView } from './features/sign-in/sign-in-view';

initI18n();
const api = new ApiClient();
const signIn = new SignInManager(api);
const toaster = new Toaster();
const header = h('div', { className: 'header-slot' });
const main = h('main', { className: 'app-main app-main-wide', attrs: { id: 'main' } });
document.getElementById('app')?.replaceChildren(header, main, toaster.element);

let signedIn: { signaling: SignalingClient; workspace: SessionWorkspace; view: ConsoleView } | null = null;

exposeDebugHooks({
  /** Decoding stats of the customer screen shown in front (or any shown screen). */
  async screenStats(): Promise<{ framesDecoded: number; frameWidth: number; frameHeight: number } | null> {
    const workspace = signedIn?.workspace;
    if (!workspace) return null;
    const candidates = [workspace.active, ...workspace.list()].filter((session) => session?.screenView.screen);
    for (const session of candidates) {
      const stats = await session?.screenView.stats();
      if (stats) return { framesDecoded: stats.framesDecoded, frameWidth: stats.frameWidth, frameHeight: stats.frameHeight };
    }
    return null;
  },
});

function signOut(): void {
  if (signedIn) {
    signedIn.view.dispose();
    signedIn.workspace.close();
    signedIn.signaling.close();
    signedIn = null;
  }
  signIn.signOut();
}

function showSignIn(): void {
  signOut();
  replaceChildren(header, [createAppHeader('app.agentTitle')]);
  const view = new SignInView(signIn);
  view.events.on('signedIn', (credentials) => showConsole(credentials));
  replaceChildren(main, [view.element]);
  view.focus();
}

function showConsole(credentials: AgentLoginResponse): void {
  const signaling = new SignalingClient({ token: credentials.token });
  const workspace = new SessionWorkspace(api, signaling, credentials.token);
  const view = new ConsoleView(workspace, signaling, toaster);
  signedIn = { signaling, workspace, view };
  // An expired or unknown token (server restarted, signed out elsewhere): sign in again.
  signaling.connection.on('failed', (code) => {
    if (code === 'UNAUTHENTICATED') showSignIn();
  });
  replaceChildren(header, [createAppHeader('app.agentTitle', createAgentHeaderItems(credentials.agent, showSignIn))]);
  replaceChildren(main, [view.element]);
  signaling.connect();
}

const stored = agentCredentials.get();
if (stored) showConsole(stored);
else showSignIn();
