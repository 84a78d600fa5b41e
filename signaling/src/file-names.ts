import { z } from 'zod';
import { addCodedIssue } from './issue-codes';

/** Longest file or folder name accepted (most file systems stop at 255). */
export const FILE_NAME_MAX_LENGTH = 255;
/** Deepest folder path below a transfer root or a granted folder. */
export const RELATIVE_PATH_MAX_DEPTH = 32;

// C0 controls, DEL, C1 controls, path separators and the characters Windows forbids.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTER = /[\u0000-\u001F\u007F-\u009F/\\<>:"|?*]/;
/** CON, PRN, AUX, NUL, COM1-9, LPT1-9: reserved on Windows with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/** Why a name is refused, or null when it is safe to create on any common file system. */
export function fileNameProblem(name: string): string | null {
  if (name.length === 0) return 'empty';
  if (name.length > FILE_NAME_MAX_LENGTH) return 'too long';
  if (name === '.' || name === '..') return 'dot name';
  if (FORBIDDEN_CHARACTER.test(name)) return 'forbidden character';
  if (/[. ]$/.test(name)) return 'trailing dot or space';
  if (WINDOWS_RESERVED.test(name)) return 'reserved name';
  return null;
}

/** True when `name` is a single safe path segment (checked by the server and again before any write into a granted folder). */
export function isSafeFileName(name: string): boolean {
  return fileNameProblem(name) === null;
}

export const FileNameSchema = z.string().superRefine((name, ctx) => {
  const problem = fileNameProblem(name);
  if (problem !== null) addCodedIssue(ctx, 'INVALID_FILE_NAME', `unsafe file name: ${problem}`);
});
export type FileName = z.infer<typeof FileNameSchema>;

/** Folder segments below a root ([] is the root itself). */
export const RelativePathSchema = z.array(FileNameSchema).max(RELATIVE_PATH_MAX_DEPTH);
export type RelativePath = z.infer<typeof RelativePathSchema>;
