import type { ConsentRequest, ProduceRequest, ProducerInfo, SharePauseReason } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import type { ConsentService } from '../domain/consent-service';
import type { Member } from '../domain/membership';
import type { Notifier } from '../domain/notifier';
import { findUsableGrant, isController, refuseStopShare } from '../domain/session-rules';
import type { MediaRooms } from './media-rooms';
import type { SessionMedia } from './session-media';

/**
 * The customer's screen under the consent rules: a screen producer exists only
 * under a granted consent, stopping it ends the grant, revoking stops it at
 * once (R2.1, R2.2, R3.2). A screen lost to a fault (worker death, dropped
 * connection, server restart) keeps its grant: the customer's page sends it again.
 */
export class ShareService {
  constructor(
    private readonly rooms: MediaRooms,
    private readonly consents: ConsentService,
    private readonly notifier: Notifier,
  ) {
    rooms.on('producer-closed', async (sessionId, _producerId, appData, reason) => {
      if (reason === 'lost') return;
      const room = await rooms.peek(sessionId);
      const stillUsed = appData.consentId !== null && room !== undefined && (screensPerGrant(room).get(appData.consentId) ?? 0) > 0;
      if (appData.consentId && !stillUsed) await this.consents.end(sessionId, appData.consentId, appData.participantId);
    });
  }

  async produce({ session, participant }: Member, request: ProduceRequest): Promise<ProducerInfo> {
    if (participant.role !== 'customer') throw new AppError('FORBIDDEN', 'only a customer shares their screen this way');
    if (session.selectedCustomerId !== participant.id) throw new AppError('FORBIDDEN', 'the agent is helping another customer');
    const room = await this.rooms.get(session.id);
    const grant = findUsableGrant(participant, await this.consents.list(session.id), screensPerGrant(room));
    if (!grant) throw new AppError('CONSENT_REQUIRED', 'the customer has not granted this activity');
    return withMediaErrors(() =>
      room.produce(participant.id, request.transportId, request.kind, request.rtpParameters, {
        participantId: participant.id, source: 'screen', surface: request.surface ?? null, consentId: grant.id,
      }),
    );
  }

  /** The customer's share waits for their click (reload, capture lost): the staff are told why. */
  async paused({ session, participant }: Member, reason: SharePauseReason): Promise<void> {
    const granted = (await this.consents.list(session.id)).some((c) => c.customerId === participant.id && c.status === 'granted');
    if (!granted) throw new AppError('CONSENT_REQUIRED', 'no granted share to resume');
    this.notifier.toStaff(session.id, 'share:paused', { sessionId: session.id, customerId: participant.id, reason });
  }

  /** R2.2: the customer revokes everything; what those grants allowed stops at once. */
  async revoke(member: Member): Promise<void> {
    const revoked = await this.consents.revokeAll(member);
    await this.closeProducersOf(member.session.id, revoked);
  }

  /** Transfer of control or a customer switch: every share stops, open requests and unused grants end. */
  async stopAll(sessionId: string, actorId: string): Promise<void> {
    const room = await this.rooms.peek(sessionId);
    room?.closeProducers('screen');
    room?.closeProducers('agent-screen');
    for (const consent of await this.consents.list(sessionId)) {
      if (consent.status === 'pending' || consent.status === 'granted') await this.consents.end(sessionId, consent.id, actorId);
    }
  }

  /** Stops the screen shares of a source this member may stop (R3.2). */
  async stop({ session, participant }: Member, source: 'screen' | 'agent-screen' = 'screen'): Promise<void> {
    const room = await this.rooms.peek(session.id);
    const producers = room?.listProducers() ?? [];
    const sharers = new Set(producers.filter((p) => p.source === source).map((p) => p.participantId));
    for (const sharerId of sharers) {
      if (refuseStopShare(session, participant, sharerId) === null) room?.closeProducers(source, sharerId);
    }
    if (source === 'agent-screen') return;
    // A request not yet answered, or a grant not yet used (picker cancelled), ends too.
    const inUse = room ? screensPerGrant(room) : new Map<string, number>();
    for (const consent of await this.consents.list(session.id)) {
      const mine = consent.customerId === participant.id || isController(session, participant);
      if (mine && (consent.status === 'granted' || consent.status === 'pending') && !inUse.has(consent.id)) {
        await this.consents.end(session.id, consent.id, participant.id);
      }
    }
  }

  private async closeProducersOf(sessionId: string, consents: readonly ConsentRequest[]): Promise<void> {
    const room = await this.rooms.peek(sessionId);
    if (!room) return;
    const ids = new Set(consents.map((c) => c.id));
    for (const info of room.listProducers()) {
      const producer = room.findProducer(info.producerId);
      if (producer?.appData.consentId && ids.has(producer.appData.consentId)) producer.close();
    }
  }
}

/** How many live producers use each consent grant. */
function screensPerGrant(room: SessionMedia): Map<string, number> {
  const counts = new Map<string, number>();
  for (const info of room.listProducers()) {
    const consentId = room.findProducer(info.producerId)?.appData.consentId;
    if (consentId) counts.set(consentId, (counts.get(consentId) ?? 0) + 1);
  }
  return counts;
}

/** mediasoup refuses bad parameters with TypeError: that is the client's mistake, not ours. */
export async function withMediaErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof TypeError || (err instanceof Error && err.name === 'UnsupportedError')) {
      throw new AppError('INVALID_PAYLOAD', `media parameters refused: ${err.message}`);
    }
    throw err;
  }
}
