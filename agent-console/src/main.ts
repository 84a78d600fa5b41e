import type { LoginResponse } from '@rs/signaling';
import { CONSOLE_CATALOGS, ApiClient, askConfirmation, inboundMediaSummary, type InboundMediaSummary, SignalingClient, Toaster, createAppHeader, exposeDebugHooks, h, initI18n, replaceChildren } from '@rs/web-common';
import { createAdminHome } from './features/admin/admin-home';
import { createAgentHome, type WorkspaceHome } from './features/home/agent-home';
import { openChangePasswordDialog } from './features/home/change-password-dialog';
import { createAccountHeaderItems } from './features/home/header-items';
import { createHistoryScreen } from './features/history/history-screen';
import type { Home } from './features/home/staff-context';
import { accountCredentials } from './features/sign-in/account-credentials';
import { SignInManager } from './features/sign-in/sign-in-manager';
import { SignInView } from './features/sign-in/sign-in-view';
import { createSupervisorHome } from './features/supervisor/supervisor-home';
import { sessionViews } from './features/session/session-view';
import { inboundAudio } from './features/session/audio-debug';

initI18n(CONSOLE_CATALOGS);
const api = new ApiClient();
const signIn = new SignInManager(api);
const toaster = new Toaster();
const header = h('div', { className: 'header-slot' });
const main = h('main', { className: 'app-main app-main-wide', attrs: { id: 'main' } });
document.getElementById('app')?.replaceChildren(header, main, toaster.element);

let current: { home: Home; workspace: WorkspaceHome['workspace'] | null; signaling: SignalingClient | null; queues?: WorkspaceHome['queues'] } | null = null;

exposeDebugHooks({
  /** Decoding stats of the screen shown in the session tab in front (null when it shows none). */
  async screenStats(): Promise<{ framesDecoded: number; frameWidth: number; frameHeight: number } | null> {
    const stats = await current?.workspace?.active?.screenView.stats();
    return stats ? { framesDecoded: stats.framesDecoded, frameWidth: stats.frameWidth, frameHeight: stats.frameHeight } : null;
  },
  activeSessionId: (): string | null => current?.workspace?.active?.id ?? null,
  /** The shown screen's producer, its content rect and the strokes as drawn (client pixels). */
  annotationView(): { producerId: string | null; content: { x: number; y: number; width: number; height: number }; strokes: { id: string; points: [number, number][] }[] } | null {
    const session = current?.workspace?.active;
    const view = session ? sessionViews.get(session) : undefined;
    if (!view) return null;
    const stage = view.screen.stage;
    return { producerId: stage.currentProducerId, content: stage.contentClientRect(), strokes: stage.renderedStrokes() };
  },
  /** Inbound audio of every microphone consumed in the session in front. */
  async audioStats(): Promise<{ producerId: string; participantId: string; packetsReceived: number; totalSamplesReceived: number }[]> {
    const session = current?.workspace?.active;
    return session ? inboundAudio(session) : [];
  },
  /** Inbound counters (packets, frames, audio energy) of everything consumed in the session in front. */
  inboundMedia: (): Promise<InboundMediaSummary[]> => {
    const session = current?.workspace?.active;
    return session ? inboundMediaSummary(session.media) : Promise.resolve([]);
  },
  /** Arrival alerts given so far (chimes, tab-title changes). */
  queueAlerts: (): { sounds: number; titles: number } | null => (current?.queues ? { ...current.queues.alert.played } : null),
  streamReadings(): Record<string, unknown> {
    const session = current?.workspace?.active;
    return (session && sessionViews.get(session)?.stats.readings()) ?? {};
  },
});

function leaveHome(): void {
  if (!current) return;
  current.home.dispose();
  current.signaling?.close();
  current = null;
}

function showSignIn(): void {
  leaveHome();
  signIn.signOut();
  replaceChildren(header, [createAppHeader('app.agentTitle')]);
  const view = new SignInView(signIn);
  view.events.on('signedIn', (credentials) => showHome(credentials));
  replaceChildren(main, [view.element]);
  view.focus();
}

/** Each role has its own home: agents run sessions, supervisors watch them, admins manage accounts. */
function showHome(credentials: LoginResponse): void {
  leaveHome();
  const { account, token } = credentials;
  if (account.role === 'admin') {
    current = { home: createAdminHome(api, token, showSignIn), workspace: null, signaling: null };
  } else {
    const signaling = new SignalingClient({ token });
    const context = { api, token, account, signaling, toaster };
    const home = account.role === 'agent' ? createAgentHome(context) : createSupervisorHome(context);
    current = { home, workspace: home.workspace, signaling, queues: home.queues };
    // An expired, revoked or unknown token (signed out elsewhere, server restarted): sign in again.
    signaling.connection.on('failed', (code) => {
      if ((code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') && !changingPassword) showSignIn();
    });
    signaling.connect();
  }
  const items = createAccountHeaderItems(account, () => void signOutAfterConfirming(), () => void changePassword(token), () => openHistory(token));
  replaceChildren(header, [createAppHeader('app.agentTitle', items)]);
  replaceChildren(main, [current.home.element]);
}

/** The History screen over the home (which keeps running: sessions and queues stay live); Back returns to it. */
function openHistory(token: string): void {
  const home = current?.home.element;
  if (!home || main.querySelector('[data-testid="history-screen"]')) return;
  const screen = createHistoryScreen(api, token, toaster, () => {
    screen.element.remove();
    home.hidden = false;
    document.querySelector<HTMLElement>('[data-testid="open-history"]')?.focus();
  }, showSignIn);
  home.hidden = true;
  // Notices about the sessions behind it would cover the History screen's controls.
  toaster.clear();
  main.append(screen.element);
  screen.show();
}

/** Signing out with live sessions leaves their customers waiting: asked first. */
async function signOutAfterConfirming(): Promise<void> {
  const live = current?.workspace?.list().filter((session) => !session.ended).length ?? 0;
  const confirmed = live === 0 || await askConfirmation({
    testId: 'sign-out-dialog', title: 'confirm.signOutTitle', body: 'confirm.signOutBody', params: { count: live },
    confirm: 'confirm.signOut', confirmTestId: 'confirm-sign-out', cancelTestId: 'cancel-sign-out', danger: true,
  });
  if (confirmed) showSignIn();
}

/**
 * A new password revokes every token of the account, this tab's too: the home is rebuilt on
 * the fresh token (the old socket's cut is not a sign-out, hence leaving the home first).
 */
let changingPassword = false;
async function changePassword(token: string): Promise<void> {
  changingPassword = true;
  const fresh = await openChangePasswordDialog(api, token).finally(() => (changingPassword = false));
  if (!fresh) return;
  leaveHome();
  accountCredentials.set(fresh);
  showHome(fresh);
  toaster.show('password.changed', undefined, 'success');
}

const stored = accountCredentials.get();
if (stored) showHome(stored);
else showSignIn();
