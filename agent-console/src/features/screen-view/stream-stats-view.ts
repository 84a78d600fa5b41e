import type { ProducerInfo } from '@rs/signaling';
import { bindText, h, readStreamQuality, replaceChildren, type MediaSession, type ParticipantRoster, type StreamQuality } from '@rs/web-common';

const POLL_MS = 1000;

/**
 * Live quality of every incoming stream (screens, cameras, microphones): RTT,
 * frame rate, resolution, bitrate, packet loss, and a plain good/degraded/poor.
 */
export class StreamStatsView {
  readonly element: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly counters = new Map<string, Parameters<typeof readStreamQuality>[1]>();
  private readonly latest = new Map<string, StreamQuality>();
  private timer: number | null = null;

  constructor(
    private readonly media: MediaSession,
    private readonly roster: ParticipantRoster,
    private readonly producerOf: (producerId: string) => ProducerInfo | null,
  ) {
    this.list = h('ul', { className: 'stream-stats' });
    this.element = h('section', { className: 'panel stream-stats-panel', testId: 'stream-stats' }, [h('h2', { className: 'panel-title', i18n: 'quality.mode' }), this.list]);
    this.timer = window.setInterval(() => void this.tick(), POLL_MS);
  }

  /** The last readings, by producer (tests). */
  readings(): Record<string, StreamQuality> {
    return Object.fromEntries(this.latest);
  }

  dispose(): void {
    if (this.timer !== null) window.clearInterval(this.timer);
    this.timer = null;
  }

  private async tick(): Promise<void> {
    const ids = this.media.consumedProducerIds();
    for (const id of [...this.latest.keys()]) if (!ids.includes(id)) {
      this.latest.delete(id);
      this.counters.delete(id);
    }
    for (const id of ids) {
      const report = await this.media.getConsumerStats(id);
      const read = report ? readStreamQuality(report, this.counters.get(id) ?? null) : null;
      if (!read) continue;
      this.counters.set(id, read.counters);
      this.latest.set(id, read.quality);
    }
    this.element.hidden = this.latest.size === 0;
    replaceChildren(
      this.list,
      [...this.latest].map(([id, quality]) => {
        const info = this.producerOf(id);
        const who = info ? (this.roster.nameOf(info.participantId) ?? '') : '';
        const line = h('span', {});
        bindText(line, 'stats.line', {
          width: quality.frameWidth,
          height: quality.frameHeight,
          fps: Math.round(quality.framesPerSecond),
          bitrate: Math.round(quality.bitrate / 1000),
          rtt: quality.rttMs ?? '–',
          loss: quality.packetLoss,
        });
        return h('li', { className: 'stream-quality', testId: 'stream-quality', attrs: { 'data-producer-id': id, 'data-state': quality.state, 'data-kind': quality.kind } }, [
          h('strong', {}, [`${who} · `, h('span', { i18n: info ? `source.${info.source}` : `kind.${quality.kind}` }), ' ']),
          h('span', { className: 'quality-state', i18n: `stats.${quality.state}` }),
          ' · ',
          line,
        ]);
      }),
    );
  }
}
