import type { ConsentRequest } from '@rs/signaling';
import { ModalDialog, h } from '@rs/web-common';
import type { ScreenShareManager } from './screen-share-manager';

/**
 * When the customer granted all actions (R2.2) and the browser opens its
 * screen picker only inside a click: one button to start, no question asked again.
 */
export class ShareStartPrompt {
  private dialog: ModalDialog | null = null;

  constructor(
    private readonly share: ScreenShareManager,
    private readonly agentName: () => string,
  ) {
    share.events.on('needs-gesture', (request) => this.show(request));
  }

  hide(): void {
    this.dialog?.close();
    this.dialog = null;
  }

  private show(request: ConsentRequest): void {
    this.hide();
    this.dialog = new ModalDialog({
      testId: 'share-start-prompt',
      title: 'share.startTitle',
      body: [h('p', { i18n: 'share.startBody', params: { name: this.agentName() } })],
      actions: [
        { i18n: 'share.notNow', testId: 'share-start-cancel', variant: 'secondary', onSelect: () => void this.share.stop(null) },
        { i18n: 'share.start', testId: 'share-start', variant: 'primary', onSelect: () => void this.share.startGranted(request) },
      ],
      defaultAction: 1,
      onEscape: () => void this.share.stop(null),
    });
    this.dialog.open();
  }
}
