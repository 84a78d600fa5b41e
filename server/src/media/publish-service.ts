import type { ProduceRequest, ProducerInfo, SenderStatsRequest, SetQualityRequest } from '@rs/signaling';
import { AppError } from '../errors/app-error';
import { refusePublish } from '../domain/media-rules';
import type { Member } from '../domain/membership';
import type { CustomerAudience } from '../domain/customer-audience';
import type { MediaAudit } from '../domain/media-audit';
import type { Notifier } from '../domain/notifier';
import { isController } from '../domain/session-rules';
import { KeyedSerialQueue } from '../domain/keyed-serial-queue';
import type { MediaRooms } from './media-rooms';
import type { ShareService } from './share-service';
import { withMediaErrors } from './share-service';
import type { VoiceService } from './voice-service';

const KIND_OF = { screen: 'video', 'agent-screen': 'video', mic: 'audio', camera: 'video' } as const;

/**
 * Every new producer goes through here: the customer's screen under consent
 * (ShareService), the agent's screen, microphones under the call rules (then
 * the floor), cameras under the two-sender rule. Everyone is told.
 */
export class PublishService {
  /** One produce at a time per session: the limits (screens per grant, senders, speakers) are checked and applied atomically. */
  private readonly producing = new KeyedSerialQueue();

  constructor(
    private readonly rooms: MediaRooms,
    private readonly shares: ShareService,
    private readonly voice: VoiceService,
    private readonly notifier: Notifier,
    private readonly audience: CustomerAudience,
    private readonly audit: MediaAudit,
  ) {
    rooms.on('producer-closed', async (sessionId, producerId, appData, reason) => {
      await this.audience.aboutId(sessionId, appData.participantId, 'media:producer-closed', { sessionId, producerId, reason });
      await this.audit.producerStopped(sessionId, appData.participantId, appData.source);
    });
    rooms.on('transport-closed', (sessionId, participantId, transportId, reason) => {
      this.notifier.toParticipant(participantId, 'media:transport-closed', { sessionId, transportId, reason });
    });
    rooms.on('room-moved', (sessionId) => this.notifier.toSession(sessionId, 'media:reset', { sessionId }));
  }

  produce(member: Member, request: ProduceRequest): Promise<ProducerInfo> {
    return this.producing.run(member.session.id, () => this.produceNow(member, request));
  }

  private async produceNow(member: Member, request: ProduceRequest): Promise<ProducerInfo> {
    if (request.kind !== KIND_OF[request.source]) throw new AppError('INVALID_PAYLOAD', `a ${request.source} track is ${KIND_OF[request.source]}`);
    const info = request.source === 'screen' ? await this.shares.produce(member, request) : await this.produceOwn(member, request);
    this.audience.producerAdded(member.session.id, member.participant, info);
    await this.audit.producerStarted(member.session.id, member.participant.id, info.source);
    if (info.source === 'mic') await this.voice.applyFloor(member.session.id);
    const room = await this.rooms.get(member.session.id);
    return room.listProducers().find((p) => p.producerId === info.producerId) ?? info;
  }

  /** Tells everyone about a participant's producers again (e.g. a hidden supervisor who took over). */
  async announceProducersOf(sessionId: string, participantId: string): Promise<void> {
    const producers = (await this.rooms.peek(sessionId))?.listProducers() ?? [];
    for (const info of producers.filter((p) => p.participantId === participantId)) await this.audience.producerAddedOf(sessionId, participantId, info);
  }

  /** R3.4: the agent in control picks a quality mode; the sender applies it, everyone sees it (late joiners in the producer list). */
  async setQuality({ session, participant }: Member, request: SetQualityRequest): Promise<void> {
    if (!isController(session, participant)) throw new AppError('NOT_IN_CONTROL', 'only the agent in control sets the quality');
    const room = await this.rooms.peek(session.id);
    const shared = room?.listProducers().find((p) => p.producerId === request.producerId);
    if (!shared || (shared.source !== 'screen' && shared.source !== 'agent-screen') || !room?.setQuality(request.producerId, request.mode)) throw new AppError('MEDIA_NOT_FOUND', 'no such shared screen');
    this.notifier.toSession(session.id, 'share:quality', { sessionId: session.id, producerId: request.producerId, mode: request.mode });
  }

  /** What the sender of a screen encodes, relayed to staff (the console says why a picture is reduced); only for one's own screen. */
  async senderStats({ session, participant }: Member, request: SenderStatsRequest): Promise<void> {
    const shared = (await this.rooms.peek(session.id))?.listProducers().find((p) => p.producerId === request.producerId);
    if (!shared || shared.participantId !== participant.id || (shared.source !== 'screen' && shared.source !== 'agent-screen')) {
      throw new AppError('MEDIA_NOT_FOUND', 'no such screen of yours');
    }
    this.notifier.toStaff(session.id, 'share:sender-stats', { ...request, participantId: participant.id });
  }

  private async produceOwn(member: Member, request: ProduceRequest): Promise<ProducerInfo> {
    const source = request.source as Exclude<ProduceRequest['source'], 'screen'>;
    const room = await this.rooms.get(member.session.id);
    const refusal = refusePublish(source, {
      session: member.session,
      actor: member.participant,
      producers: room.listProducers(),
      voice: this.voice.state(member.session.id),
    });
    if (refusal) throw new AppError(refusal.code, refusal.reason);
    return withMediaErrors(() =>
      room.produce(member.participant.id, request.transportId, request.kind, request.rtpParameters, {
        participantId: member.participant.id, source, surface: request.surface ?? null, consentId: null,
      }),
    );
  }
}
