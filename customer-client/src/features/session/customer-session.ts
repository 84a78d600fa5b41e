import type { SessionSummary } from '@rs/signaling';
import {
  AnnotationManager,
  ApiError,
  ControlManager,
  VideoManager,
  VoiceManager,
  MediaSession,
  ParticipantRoster,
  SenderStatsReporter,
  SessionChannel,
  SignalingClient,
  TypedEmitter,
  type ChatBinding,
  type ClientErrorCode,
} from '@rs/web-common';
import { createCustomerChat } from '../chat/customer-chat';
import { ConsentLedger } from '../consent/consent-ledger';
import { ConsentPromptManager } from '../consent/consent-prompt-manager';
import type { CustomerCredentials } from '../join/customer-credentials';
import { ScreenShareManager } from '../screen-share/screen-share-manager';
import { AgentScreenManager } from '../agent-screen/agent-screen-manager';

/** Why the customer is out of the session. */
export type EndReason = 'agent-ended' | 'left' | 'unavailable' | 'declined';

export type CustomerSessionEvents = {
  ended: [EndReason];
  agentName: [string];
  /** Whether the agent is helping this customer or another one in the same session (R1.2). */
  helped: [boolean];
  /** Another customer was there first: I wait at the door until the agent admits me (true), then I am in (false). */
  waiting: [boolean];
};

const GONE: readonly ClientErrorCode[] = ['SESSION_NOT_FOUND', 'NOT_IN_SESSION', 'UNAUTHENTICATED', 'FORBIDDEN'];

/** The customer in one session: connection, roster, chat, consent and screen share. */
export class CustomerSession {
  readonly events = new TypedEmitter<CustomerSessionEvents>();
  readonly signaling: SignalingClient;
  readonly channel: SessionChannel;
  readonly roster: ParticipantRoster;
  readonly media: MediaSession;
  readonly consent: ConsentPromptManager;
  readonly ledger: ConsentLedger;
  private readonly senderStats: SenderStatsReporter;
  readonly share: ScreenShareManager;
  readonly chat: ChatBinding;
  readonly voice: VoiceManager;
  readonly video: VideoManager;
  readonly annotations: AnnotationManager;
  readonly agentScreen: AgentScreenManager;
  /** Remote control of my computer by the agent, or of the agent's by me (R3.1). */
  readonly remoteControl: ControlManager;
  private summary: SessionSummary | null = null;
  private finished = false;
  /** Held at the door (see `waiting`). */
  waitingToBeAdmitted = false;

  constructor(readonly credentials: CustomerCredentials) {
    this.signaling = new SignalingClient({ token: credentials.token });
    this.channel = new SessionChannel(this.signaling, credentials.sessionId);
    this.roster = new ParticipantRoster(this.channel);
    this.media = new MediaSession(this.channel);
    this.consent = new ConsentPromptManager(this.channel);
    this.ledger = new ConsentLedger(this.channel, this.roster);
    this.share = new ScreenShareManager(this.channel, this.media, this.consent);
    this.senderStats = new SenderStatsReporter(this.channel, this.media, () => this.share.screens);
    this.senderStats.start();
    this.chat = createCustomerChat(this.channel, this.roster);
    this.voice = new VoiceManager(this.channel, this.media);
    this.video = new VideoManager(this.channel, this.media);
    this.annotations = new AnnotationManager(this.channel);
    this.agentScreen = new AgentScreenManager(this.channel, this.media);
    this.remoteControl = new ControlManager(this.channel, () => this.roster.selfParticipantId);

    this.channel.events.on('snapshot', (snapshot) => {
      this.setSummary(snapshot.session);
      this.waitingToBeAdmitted = snapshot.self.waiting === true;
      this.events.emit('waiting', this.waitingToBeAdmitted);
      if (snapshot.session.state === 'ended') this.finish('agent-ended');
    });
    this.channel.events.on('admission', (admitted) => {
      if (!admitted) this.finish('declined');
    });
    this.channel.on('session:updated', ({ session }) => this.setSummary(session));
    this.roster.events.on('changed', () => {
      if (this.summary) this.events.emit('agentName', this.agentName);
    });
    this.channel.events.on('ended', () => this.finish('agent-ended'));
    this.channel.events.on('join-failed', (error) => this.finish(error.code === 'SESSION_ENDED' ? 'agent-ended' : 'unavailable'));
    this.signaling.connection.on('failed', (code) => {
      if (GONE.includes(code)) this.finish('unavailable');
    });
  }

  /** The agent in control (it changes on a transfer of control, R1.4). */
  get agentName(): string {
    if (!this.summary) return '';
    return this.roster.nameOf(this.summary.controllerId) ?? this.summary.agentName;
  }

  /** The agent is helping this customer (or nobody has been chosen yet). */
  get isHelped(): boolean {
    const selected = this.summary?.selectedCustomerId ?? null;
    return selected === null || selected === this.roster.selfParticipantId;
  }

  start(): void {
    this.channel.start();
    this.signaling.connect();
  }

  async leave(): Promise<void> {
    if (this.share.state !== 'idle') await this.share.stop(null);
    try {
      await this.channel.leave();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      console.warn('session:leave failed', error.code);
    }
    this.finish('left');
  }

  get controllerId(): string | null {
    return this.summary?.controllerId ?? null;
  }

  close(): void {
    this.senderStats.stop();
    this.share.close();
    this.voice.close();
    this.video.close();
    this.annotations.close();
    this.agentScreen.close();
    this.media.close();
    this.channel.close();
    this.signaling.close();
    this.events.removeAllListeners();
  }

  private setSummary(summary: SessionSummary): void {
    this.summary = summary;
    this.events.emit('agentName', this.agentName);
    this.events.emit('helped', this.isHelped);
  }

  private finish(reason: EndReason): void {
    if (this.finished) return;
    this.finished = true;
    this.share.close();
    this.voice.close();
    this.video.close();
    // A declined customer is out: the connection closes with it.
    if (reason === 'declined') this.signaling.close();
    this.events.emit('ended', reason);
  }
}
