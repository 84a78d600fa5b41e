import type { ConsentRequest } from '@rs/signaling';
import { ModalDialog, h, type MessageKey } from '@rs/web-common';
import type { ScreenShareManager } from './screen-share-manager';

interface PromptText {
  testId: string;
  title: MessageKey;
  body: MessageKey;
  start: MessageKey;
  startTestId: string;
}

/** The customer granted all actions (R2.2) and the browser opens its picker only inside a click. */
const START: PromptText = { testId: 'share-start-prompt', title: 'share.startTitle', body: 'share.startBody', start: 'share.start', startTestId: 'share-start' };
/** A share still allowed was interrupted (the page was reloaded): capturing again needs a click. */
const RESUME: PromptText = { testId: 'share-resume-prompt', title: 'share.resumeTitle', body: 'share.resumeBody', start: 'share.resume', startTestId: 'share-resume' };

/**
 * One button to start (or resume) a share already allowed: no question asked
 * again, the browser's picker opens inside the click.
 */
export class ShareStartPrompt {
  private dialog: ModalDialog | null = null;

  constructor(
    private readonly share: ScreenShareManager,
    private readonly agentName: () => string,
  ) {
    share.events.on('needs-gesture', (request) => this.show(request, START));
    // After a reload this comes with the first snapshot, before the session has read the agent's name from it.
    share.events.on('resume-needed', (request) => queueMicrotask(() => this.show(request, RESUME)));
    share.events.on('state', (state) => {
      if (state !== 'idle') this.hide();
    });
  }

  hide(): void {
    this.dialog?.close();
    this.dialog = null;
  }

  private show(request: ConsentRequest, text: PromptText): void {
    this.hide();
    this.dialog = new ModalDialog({
      testId: text.testId,
      title: text.title,
      body: [h('p', { i18n: text.body, params: { name: this.agentName() } })],
      actions: [
        { i18n: 'share.notNow', testId: 'share-start-cancel', variant: 'secondary', onSelect: () => void this.share.stop(null) },
        { i18n: text.start, testId: text.startTestId, variant: 'primary', onSelect: () => void this.share.startGranted(request) },
      ],
      defaultAction: 1,
      onEscape: () => void this.share.stop(null),
    });
    this.dialog.open();
  }
}
