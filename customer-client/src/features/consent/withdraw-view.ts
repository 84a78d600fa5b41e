import { askConfirmation, h, type Toaster } from '@rs/web-common';
import type { ScreenShareManager } from '../screen-share/screen-share-manager';
import type { ConsentLedger } from './consent-ledger';

/**
 * "Withdraw permissions", always in sight while anything is allowed (R2.2):
 * once confirmed, the share stops here at once, and the server revokes every grant.
 */
export function createWithdrawView(ledger: ConsentLedger, share: ScreenShareManager, toaster: Toaster): HTMLElement {
  const note = h('span', { className: 'withdraw-note', testId: 'grants-all-note', i18n: 'consent.grantsAllActive' });
  const button = h('button', { className: 'btn btn-danger btn-small', testId: 'withdraw-consent', i18n: 'consent.withdraw', attrs: { type: 'button' } });
  const element = h('div', { className: 'withdraw', testId: 'withdraw' }, [note, button]);
  const render = (): void => {
    element.hidden = !ledger.canWithdraw && share.state === 'idle';
    note.hidden = !ledger.grantsAll;
  };
  button.addEventListener('click', () => void withdraw());
  const withdraw = async (): Promise<void> => {
    const confirmed = await askConfirmation({
      testId: 'withdraw-dialog',
      title: 'confirm.withdrawTitle',
      body: 'confirm.withdrawBody',
      confirm: 'confirm.withdraw',
      confirmTestId: 'confirm-withdraw',
      cancelTestId: 'cancel-withdraw',
      danger: true,
    });
    if (!confirmed) return;
    button.disabled = true;
    share.stopLocally(null);
    ledger
      .withdraw()
      .then(() => toaster.show('consent.withdrawn', undefined, 'success'))
      .catch((error: unknown) => {
        console.warn('consent:revoke failed', error);
        toaster.show('consent.withdrawFailed', undefined, 'error');
      })
      .finally(() => {
        button.disabled = false;
        render();
      });
  };
  ledger.events.on('changed', render);
  share.events.on('state', render);
  render();
  return element;
}
