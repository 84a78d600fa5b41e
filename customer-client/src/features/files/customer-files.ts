import { FileTransferManager, FilesPanelView, h, mountFolderBrowser, type Toaster } from '@rs/web-common';
import { createGrantedFolder } from './granted-folder-mount';
import type { CustomerSession } from '../session/customer-session';

/** The customer's Files panel (R7.1): files from the agent to download, files to send to the agent in control. */
export interface CustomerFiles {
  readonly manager: FileTransferManager;
  readonly panel: FilesPanelView;
  readonly toggle: HTMLButtonElement;
  /** "Shared folder: …" with Stop sharing, for the main page (hidden while nothing is shared). */
  readonly sharedFolderLine: HTMLElement;
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
  const folder = createGrantedFolder({
    channel: session.channel,
    nameOf: (id) => session.roster.nameOf(id) ?? session.agentName,
    offerToAgent: async (agentId, files) => {
      await manager.offer(agentId, files);
    },
  });
  if (folder.basicModeNote) mountFolderBrowser(panel, folder.basicModeNote);
  manager.setFolderWriter(async (transfer, file) => {
    if (transfer.target.kind !== 'granted-folder') return null;
    const shared = folder.folder;
    if (!shared) throw new Error('no shared folder');
    const path = [...transfer.target.path, ...transfer.file.path];
    await shared.write(path, transfer.file.name, file);
    return [shared.name, ...path].join('/');
  });
  session.events.on('agentName', () => panel.render());
  const toggle = h('button', { className: 'btn btn-secondary', testId: 'files-open', i18n: 'files.open', attrs: { type: 'button' }, on: { click: () => panel.toggle() } });
  return { manager, panel, toggle, sharedFolderLine: folder.element, close: () => manager.close() };
}
