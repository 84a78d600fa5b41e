import type { types } from 'mediasoup';

/** Louder than this (dBov) counts as speech; the fake devices' beeps and a normal voice are well above. */
const SPEECH_THRESHOLD_DB = -60;
/** How often mediasoup reports levels: also the most often the session is told (throttle). */
const INTERVAL_MS = 400;

/**
 * Who speaks in a session's call, from the audio levels the router measures on
 * the microphone producers (mediasoup AudioLevelObserver): the same answer for
 * every browser, and a paused (muted, no floor) microphone never speaks.
 * `onChange` gets the speakers' participant ids whenever the set changes.
 */
export class SpeakingObserver {
  private speaking: string[] = [];

  private constructor(
    private readonly observer: types.AudioLevelObserver,
    private readonly ownerOf: (producerId: string) => string | undefined,
    private readonly onChange: (participantIds: string[]) => void,
  ) {
    observer.on('volumes', (volumes) => this.set(volumes.map(({ producer }) => this.ownerOf(producer.id)).filter((id): id is string => id !== undefined)));
    observer.on('silence', () => this.set([]));
  }

  static async create(router: types.Router, ownerOf: (producerId: string) => string | undefined, onChange: (participantIds: string[]) => void): Promise<SpeakingObserver> {
    const observer = await router.createAudioLevelObserver({ maxEntries: 16, threshold: SPEECH_THRESHOLD_DB, interval: INTERVAL_MS });
    return new SpeakingObserver(observer, ownerOf, onChange);
  }

  /** Listens to a microphone (removed by mediasoup when it closes). */
  async add(producerId: string): Promise<void> {
    if (!this.observer.closed) await this.observer.addProducer({ producerId });
  }

  private set(participantIds: string[]): void {
    const next = [...new Set(participantIds)].sort();
    if (next.length === this.speaking.length && next.every((id, i) => id === this.speaking[i])) return;
    this.speaking = next;
    this.onChange(next);
  }
}
