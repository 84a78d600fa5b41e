import type { ParticipantId } from '@rs/signaling';
import { FileTransferManager, FilesPanelView, h, mountFolderBrowser, type Toaster } from '@rs/web-common';
import { createFolderBrowser } from './folder-browser-mount';
import type { AgentSession } from '../session/agent-session';

/** The Files panel of one session tab (R7.1): files go to the customer being helped. */
export interface AgentFiles {
  readonly manager: FileTransferManager;
  readonly panel: FilesPanelView;
  /** The toolbar button that opens and closes the panel. */
  readonly toggle: HTMLButtonElement;
  render(): void;
  close(): void;
}

export function createAgentFiles(session: AgentSession, toaster: Toaster): AgentFiles {
  const manager = new FileTransferManager(session.channel, () => session.roster.selfParticipantId);
  // The customer being helped; with one customer, that one (nobody chose yet).
  const recipient = (): ParticipantId | null => {
    const connected = session.roster.customers().filter((c) => c.connected);
    const customer = session.selectedCustomer ?? (connected.length === 1 ? connected[0] : null);
    return session.isController && customer?.connected ? customer.id : null;
  };
  const panel = new FilesPanelView({
    files: manager,
    recipient,
    nameOf: (id) => session.roster.nameOf(id) ?? '',
    toaster,
  });
  const folders = createFolderBrowser({
    channel: session.channel,
    customerId: recipient,
    offerToCustomer: (customerId, files, path) => manager.offer(customerId, files, { kind: 'granted-folder', path }),
  });
  mountFolderBrowser(panel, folders.element);
  // Files fetched from the customer's folder are written into my own folder when I chose one.
  manager.setFolderWriter((transfer, file) => folders.browser.writeFetched(transfer, file));
  const toggle = h('button', { className: 'btn btn-secondary', testId: 'files-open', i18n: 'files.open', attrs: { type: 'button', 'aria-expanded': 'false' }, on: { click: () => panel.toggle() } });
  const sync = (): void => toggle.setAttribute('aria-expanded', String(panel.visible));
  new MutationObserver(sync).observe(panel.element, { attributes: true, attributeFilter: ['hidden'] });
  return {
    manager,
    panel,
    toggle,
    render: () => panel.render(),
    close: () => manager.close(),
  };
}
