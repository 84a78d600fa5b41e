import type { ParticipantId } from '@rs/signaling';
import type { SessionChannel } from '@rs/web-common';
import { systemDirectoryPicker, type FolderFile } from './granted-folder';
import { GrantedFolderView } from './granted-folder-view';

export interface GrantedFolderSetup {
  readonly channel: SessionChannel;
  readonly nameOf: (participantId: ParticipantId) => string;
  /** The Files engine's offer of fetched files to the agent (file:offer, each file with its folder path, target download). */
  readonly offerToAgent: (agentId: ParticipantId, files: FolderFile[]) => Promise<void>;
  /** Tests: an OPFS directory handle where a person would use the picker (only the picker call is replaced). */
  readonly pickDirectory?: () => Promise<FileSystemDirectoryHandle>;
}

/**
 * The customer's granted folder for the session; mount `view.element` into the Files panel
 * (mountFolderBrowser), and let the Files engine write received granted-folder transfers with
 * `view.folder?.write(target.path concat file.path, file.name, file)`.
 */
export function createGrantedFolder(setup: GrantedFolderSetup): GrantedFolderView {
  return new GrantedFolderView({
    channel: setup.channel,
    nameOf: setup.nameOf,
    pickDirectory: setup.pickDirectory ?? systemDirectoryPicker(),
    offerToAgent: setup.offerToAgent,
  });
}
