import { CUSTOMER_CATALOGS, ApiClient, inboundMediaSummary, type InboundMediaSummary, Toaster, createAppHeader, exposeDebugHooks, h, initI18n, replaceChildren, sessionNumberFromHash } from '@rs/web-common';
import { HelpFlow } from './features/help/help-flow';
import { customerCredentials, type CustomerCredentials } from './features/join/customer-credentials';
import { JoinFormView } from './features/join/join-form-view';
import { JoinManager } from './features/join/join-manager';
import { CustomerSession, type EndReason } from './features/session/customer-session';
import { createEndedView } from './features/session/ended-view';
import { SessionScreenView } from './features/session/session-screen-view';

initI18n(CUSTOMER_CATALOGS);
const toaster = new Toaster();
const main = h('main', { className: 'app-main', attrs: { id: 'main' } });
document.getElementById('app')?.replaceChildren(createAppHeader('app.customerTitle'), main, toaster.element);

const api = new ApiClient();
const joinManager = new JoinManager(api);
/** The public help page (R1.1) is this app at /help: the session opens in place once an agent accepts. */
const onHelpPage = window.location.pathname === '/help';
const help = new HelpFlow(main, api, (admission) => {
  const credentials = { ...admission, sessionNumber: null };
  customerCredentials.set(credentials);
  enterSession(credentials);
});
let current: { session: CustomerSession; view: SessionScreenView } | null = null;

/** What this page received over its socket (names and payloads as JSON), for the tests' privacy checks. */
const received: { name: string; json: string }[] = [];
const RECEIVED_LIMIT = 2000;

exposeDebugHooks({
  isSharing: (): boolean => current?.session.share.isSharing ?? false,
  /** My shared screens: producer, the sender's encodings and the track's contentHint (R3.4 quality). */
  sharedScreens: (): { producerId: string; contentHint: string; surface: string | null; encodings: RTCRtpEncodingParameters[] | null; degradationPreference: string | null }[] =>
    (current?.session.share.screens ?? []).map(({ producerId, track }) => {
      const parameters = current?.session.media.senderParameters(producerId) ?? null;
      return {
        producerId,
        contentHint: track.contentHint,
        surface: track.getSettings().displaySurface ?? null,
        encodings: parameters?.encodings ?? null,
        degradationPreference: parameters?.degradationPreference ?? null,
      };
    }),
  /** What the encoder sends on each simulcast layer of my first shared screen (rid, size, bytes, limitation). */
  async screenLayers(): Promise<unknown> {
    const screen = current?.session.share.screens[0];
    return screen ? ((await current?.session.media.senderLayerStats(screen.producerId)) ?? null) : null;
  },
  /** Decoding stats of the agent's screen shown here (null when none). */
  async agentScreenStats(): Promise<{ framesDecoded: number; frameWidth: number; frameHeight: number } | null> {
    const stats = await current?.session.agentScreen.stats();
    return stats ? { framesDecoded: stats.framesDecoded, frameWidth: stats.frameWidth, frameHeight: stats.frameHeight } : null;
  },
  /** A stage ('agent' or 'mine'): its producer, content rect and strokes as drawn (client pixels). */
  annotationView(which: 'agent' | 'mine'): { producerId: string | null; content: { x: number; y: number; width: number; height: number }; strokes: { id: string; points: [number, number][] }[] } | null {
    const stage = which === 'agent' ? current?.view.screens.agentStage : current?.view.screens.myStage;
    return stage ? { producerId: stage.currentProducerId, content: stage.contentClientRect(), strokes: stage.renderedStrokes() } : null;
  },
  /** Inbound counters (packets, frames, audio energy) of everything this page consumes. */
  inboundMedia: (): Promise<InboundMediaSummary[]> => (current ? inboundMediaSummary(current.session.media) : Promise.resolve([])),
  /** Sound cues played while the page was in the background (issue 12). */
  soundCuesPlayed: (): number => current?.view.cues.played ?? 0,
  receivedEventNames: (): string[] => received.map((event) => event.name),
  receivedEvents: (): { name: string; json: string }[] => [...received],
});

function showJoinForm(): void {
  const view = new JoinFormView(joinManager, sessionNumberFromHash(window.location.hash));
  view.events.on('joined', (credentials) => {
    customerCredentials.set(credentials);
    enterSession(credentials);
  });
  replaceChildren(main, [view.element]);
  view.focus();
}

// A join link opened in a tab already showing the form only changes the fragment.
window.addEventListener('hashchange', () => {
  if (onHelpPage) return;
  const linked = sessionNumberFromHash(window.location.hash);
  if (linked && !current) showJoinForm();
});

function enterSession(credentials: CustomerCredentials): void {
  const session = new CustomerSession(credentials);
  session.signaling.observer.on('received', (name, payload) => {
    received.push({ name, json: JSON.stringify(payload) ?? '' });
    if (received.length > RECEIVED_LIMIT) received.shift();
  });
  const view = new SessionScreenView(session, toaster);
  current = { session, view };
  session.events.on('ended', (reason) => leaveSession(reason));
  replaceChildren(main, [view.element]);
  view.focus();
  session.start();
}

function leaveSession(reason: EndReason): void {
  customerCredentials.clear();
  if (current) {
    current.view.dispose();
    current.session.close();
    current = null;
  }
  if (onHelpPage) {
    replaceChildren(main, [createEndedView(reason, () => help.start(), { i18n: 'ended.askAgain', testId: 'help-again' })]);
    return;
  }
  replaceChildren(main, [
    createEndedView(reason, () => {
      history.replaceState(null, '', window.location.pathname + window.location.search);
      showJoinForm();
    }),
  ]);
}

/** A reload rejoins silently, unless the tab was opened on a link to another session. */
function boot(): void {
  const stored = customerCredentials.get();
  const linked = sessionNumberFromHash(window.location.hash);
  if (stored && (linked === null || linked === stored.sessionNumber)) enterSession(stored);
  else if (onHelpPage) {
    customerCredentials.clear();
    help.start();
  } else {
    customerCredentials.clear();
    showJoinForm();
  }
}

boot();
