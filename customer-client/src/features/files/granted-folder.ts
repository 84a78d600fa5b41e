/** The customer's granted folder is a FolderHandle on what they picked (web-common/src/folder). */
export { FolderHandle as GrantedFolder, systemDirectoryPicker, type FolderFile } from '@rs/web-common';
