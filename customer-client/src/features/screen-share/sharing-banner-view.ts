import { bindText, h } from '@rs/web-common';
import type { ScreenShareManager } from './screen-share-manager';

/** "You are sharing your screen with …" and a Stop sharing button, visible while sharing. */
export class SharingBannerView {
  readonly element: HTMLElement;
  private readonly text: HTMLElement;

  constructor(
    private readonly share: ScreenShareManager,
    private readonly agentName: () => string,
  ) {
    this.text = h('span', { className: 'sharing-text' });
    this.element = h('div', { className: 'sharing-banner', testId: 'sharing-banner', attrs: { role: 'status' } }, [
      h('span', { className: 'sharing-pulse', attrs: { 'aria-hidden': 'true' } }),
      this.text,
      h('button', {
        className: 'btn btn-danger btn-small',
        testId: 'stop-share',
        i18n: 'share.stop',
        attrs: { type: 'button' },
        on: { click: () => void this.share.stop(null) },
      }),
    ]);
    share.events.on('state', () => this.render());
    this.render();
  }

  render(): void {
    const sharing = this.share.state === 'sharing';
    this.element.hidden = !sharing;
    if (sharing) bindText(this.text, 'share.banner', { name: this.agentName() });
  }
}
