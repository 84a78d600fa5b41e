import type { FileTransfer, ParticipantId, RelativePath } from '@rs/signaling';
import { systemDirectoryPicker, type FolderFile, type SessionChannel } from '@rs/web-common';
import { FolderBrowser } from './folder-browser';
import { FolderBrowserView } from './folder-browser-view';

export interface FolderBrowserSetup {
  readonly channel: SessionChannel;
  /** The customer being helped (the agent in control only; null otherwise). */
  readonly customerId: () => ParticipantId | null;
  /** The Files engine's offer with a target: file:offer {files (each with its folder path), target {kind:'granted-folder', path}}. */
  readonly offerToCustomer: (customerId: ParticipantId, files: FolderFile[], path: RelativePath) => Promise<FileTransfer[]>;
  /** Tests: an OPFS directory handle where a person would use the picker. */
  readonly pickLocal?: () => Promise<FileSystemDirectoryHandle>;
}

/** Folder mode for one session tab; mount `element` into the Files panel with mountFolderBrowser(panel, element). */
export function createFolderBrowser(setup: FolderBrowserSetup): { browser: FolderBrowser; element: HTMLElement } {
  const browser = new FolderBrowser({
    channel: setup.channel,
    customerId: setup.customerId,
    pickLocal: setup.pickLocal ?? systemDirectoryPicker(),
    offerToCustomer: setup.offerToCustomer,
  });
  return { browser, element: new FolderBrowserView(browser).element };
}
