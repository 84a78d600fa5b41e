import type { ConsentRequest, ProduceRequest, ProducerInfo } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import type { ConsentService } from '../domain/consent-service';
import type { Member } from '../domain/membership';
import type { Notifier } from '../domain/notifier';
import { findUsableGrant, refuseStopShare } from '../domain/session-rules';
import type { MediaRooms } from './media-rooms';
import type { SessionMedia } from './session-media';

/**
 * Publishing and stopping shared media under the consent rules: a customer's
 * screen producer exists only under a granted consent, and stopping it ends
 * the grant (R2.1, R3.2).
 */
export class ShareService {
  constructor(
    private readonly rooms: MediaRooms,
    private readonly consents: ConsentService,
    private readonly notifier: Notifier,
  ) {
    rooms.on('producer-closed', async (sessionId, producerId, appData) => {
      this.notifier.toSession(sessionId, 'media:producer-closed', { sessionId, producerId });
      if (appData.consentId) await this.consents.end(sessionId, appData.consentId, appData.participantId);
    });
  }

  async produce({ session, participant }: Member, request: ProduceRequest): Promise<ProducerInfo> {
    if (participant.role !== 'customer') throw new AppError('FORBIDDEN', 'only a customer shares a screen in this version');
    if (session.selectedCustomerId !== participant.id) throw new AppError('FORBIDDEN', 'the agent is helping another customer');
    const room = await this.rooms.get(session.id);
    const grant = findUsableGrant(participant, request.source, await this.consents.list(session.id), grantsInUse(room));
    if (!grant) throw new AppError('CONSENT_REQUIRED', 'the customer has not granted this activity');
    const info = await withMediaErrors(() =>
      room.produce(participant.id, request.transportId, request.kind, request.source, request.rtpParameters, grant.id),
    );
    this.notifier.toSession(session.id, 'media:producer-added', { sessionId: session.id, ...info });
    return info;
  }

  /** R2.2: the customer revokes everything; what those grants allowed stops at once. */
  async revoke(member: Member): Promise<void> {
    const revoked = await this.consents.revokeAll(member);
    await this.closeProducersOf(member.session.id, revoked);
  }

  /** Transfer of control or a customer switch: every share stops, open requests and unused grants end. */
  async stopAll(sessionId: string, actorId: string): Promise<void> {
    (await this.rooms.peek(sessionId))?.closeProducers('screen');
    for (const consent of await this.consents.list(sessionId)) {
      if (consent.status === 'pending' || consent.status === 'granted') await this.consents.end(sessionId, consent.id, actorId);
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

  /** Stops the screen share(s) this member may stop. */
  async stop({ session, participant }: Member): Promise<void> {
    const room = await this.rooms.peek(session.id);
    const producers = room?.listProducers() ?? [];
    const sharers = new Set(producers.filter((p) => p.source === 'screen').map((p) => p.participantId));
    for (const sharerId of sharers) {
      if (refuseStopShare(session, participant, sharerId) === null) room?.closeProducers('screen', sharerId);
    }
    // A request not yet answered, or a grant not yet used (picker cancelled), ends too.
    const inUse = room ? grantsInUse(room) : new Set<string>();
    for (const consent of await this.consents.list(session.id)) {
      const mine = consent.customerId === participant.id || consent.requestedBy === participant.id;
      if (mine && (consent.status === 'granted' || consent.status === 'pending') && !inUse.has(consent.id)) {
        await this.consents.end(session.id, consent.id, participant.id);
      }
    }
  }
}

function grantsInUse(room: SessionMedia): Set<string> {
  const ids = room.listProducers().map((p) => room.findProducer(p.producerId)?.appData.consentId);
  return new Set(ids.filter((id): id is string => typeof id === 'string'));
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
