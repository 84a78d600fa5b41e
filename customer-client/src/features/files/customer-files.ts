import { FileTransferManager, FilesPanelView, h, type Toaster } from '@rs/web-common';
import type { CustomerSession } from '../session/customer-session';

/** The customer's Files panel (R7.1): files from the agent to download, files to send to the agent in control. */
export interface CustomerFiles {
  readonly manager: FileTransferManager;
  readonly panel: FilesPanelView;
  readonly toggle: HTMLButtonElement;
  close(): void;
}

export function createCustomerFiles(session: CustomerSession, toaster: Toaster): CustomerFiles {
  const manager = new FileTransferManager(session.channel, () => session.roster.selfParticipantId);
  const panel = new FilesPanelView({
    files: manager,
    recipient: () => {
      const agent = session.controllerId;
      return agent && session.roster.get(agent)?.connected ? agent : null;
    },
    nameOf: (id) => session.roster.nameOf(id) ?? session.agentName,
    toaster,
  });
  session.roster.events.on('changed', () => panel.render());
  session.events.on('agentName', () => panel.render());
  const toggle = h('button', { className: 'btn btn-secondary', testId: 'files-open', i18n: 'files.open', attrs: { type: 'button' }, on: { click: () => panel.toggle() } });
  return { manager, panel, toggle, close: () => manager.close() };
}
