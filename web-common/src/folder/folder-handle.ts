import { FS_LIST_MAX_ENTRIES, isSafeFileName } from '@rs/signaling';
import type { FsAnswer, FsEntry, FsErrorCode, FsOp, RelativePath } from '@rs/signaling';

/** Directory iteration and file move are in Chromium's File System Access API but not in TypeScript's DOM library. */
type IterableDirectory = FileSystemDirectoryHandle & { values(): AsyncIterable<FileSystemHandle> };
type MovableFile = FileSystemFileHandle & { move?(name: string): Promise<void> };

/** One file of a fetched file or folder: where it sits below the fetched item, and the file itself. */
export interface FolderFile {
  readonly path: RelativePath;
  readonly file: File;
}

/** Thrown inside an operation; becomes the answer's code. */
class FsFailure extends Error {
  constructor(readonly code: FsErrorCode) {
    super(code);
  }
}

/** The folder picker, where the browser has one (Chromium); tests hand the app an OPFS handle instead. */
export function systemDirectoryPicker(): (() => Promise<FileSystemDirectoryHandle>) | null {
  const picker = (window as Window & { showDirectoryPicker?: (options?: { mode?: 'read' | 'readwrite' }) => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker;
  return picker ? () => picker.call(window, { mode: 'readwrite' }) : null;
}

/**
 * A folder someone picked (R7.2): the customer's granted folder, where every operation the agent asks
 * runs, or the agent's own folder beside it. Everything happens below the picked handle; every name is
 * checked with isSafeFileName before it touches the disk (the server checked it too: this is the last line).
 */
export class FolderHandle {
  constructor(readonly root: FileSystemDirectoryHandle) {}

  get name(): string {
    return this.root.name;
  }

  /** Runs one operation; `fetch` hands the files it collects to `offer` (the app offers them to the agent). */
  async execute(op: FsOp, offer: (files: FolderFile[], name: string) => Promise<void>): Promise<FsAnswer> {
    try {
      const dir = await this.directory(op.path);
      switch (op.kind) {
        case 'list':
          return { ok: true, entries: await list(dir) };
        case 'mkdir':
          await mustNotExist(dir, safe(op.name));
          await dir.getDirectoryHandle(op.name, { create: true });
          return { ok: true };
        case 'rename':
          await rename(dir, safe(op.from), safe(op.to));
          return { ok: true };
        case 'delete':
          await find(dir, safe(op.name));
          await dir.removeEntry(op.name, { recursive: true });
          return { ok: true };
        case 'fetch': {
          const item = await find(dir, safe(op.name));
          // A fetched folder arrives as that folder (its files below [name]); a lone file at the root.
          await offer(await collect(item, item.kind === 'directory' ? [op.name] : []), op.name);
          return { ok: true };
        }
      }
    } catch (error) {
      return { ok: false, code: codeOf(error) };
    }
  }

  /** Writes a received file into the folder under `path` (created as needed), streamed from disk to disk. */
  async write(path: RelativePath, name: string, file: File): Promise<void> {
    const dir = await this.directory(path, true);
    const handle = await dir.getFileHandle(safe(name), { create: true });
    const writable = await handle.createWritable();
    await file.stream().pipeTo(writable);
  }

  private async directory(path: RelativePath, create = false): Promise<FileSystemDirectoryHandle> {
    let dir = this.root;
    for (const segment of path) dir = await dir.getDirectoryHandle(safe(segment), { create });
    return dir;
  }
}

function safe(name: string): string {
  if (!isSafeFileName(name)) throw new FsFailure('FS_ERROR');
  return name;
}

function codeOf(error: unknown): FsErrorCode {
  if (error instanceof FsFailure) return error.code;
  if (error instanceof DOMException && (error.name === 'NotFoundError' || error.name === 'TypeMismatchError')) return 'NOT_FOUND';
  if (error instanceof DOMException && error.name === 'NotAllowedError') return 'DENIED';
  return 'FS_ERROR';
}

async function list(dir: FileSystemDirectoryHandle): Promise<FsEntry[]> {
  const entries: FsEntry[] = [];
  for await (const handle of (dir as IterableDirectory).values()) {
    if (entries.length >= FS_LIST_MAX_ENTRIES) break;
    if (handle.kind === 'directory') {
      entries.push({ name: handle.name, kind: 'directory', size: null, lastModified: null });
    } else {
      const file = await (handle as FileSystemFileHandle).getFile();
      entries.push({ name: handle.name, kind: 'file', size: file.size, lastModified: Math.floor(file.lastModified) });
    }
  }
  return entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'directory' ? -1 : 1));
}

/** The file or folder called `name` in `dir` (NOT_FOUND otherwise). */
async function find(dir: FileSystemDirectoryHandle, name: string): Promise<FileSystemFileHandle | FileSystemDirectoryHandle> {
  try {
    return await dir.getFileHandle(name);
  } catch (error) {
    if (!(error instanceof DOMException) || error.name !== 'TypeMismatchError') throw error;
    return dir.getDirectoryHandle(name);
  }
}

async function mustNotExist(dir: FileSystemDirectoryHandle, name: string): Promise<void> {
  try {
    await find(dir, name);
  } catch (error) {
    if (codeOf(error) === 'NOT_FOUND') return;
    throw error;
  }
  throw new FsFailure('EXISTS');
}

/** Files move in place; folders (no move() in Chromium) are copied, then the original removed. */
async function rename(dir: FileSystemDirectoryHandle, from: string, to: string): Promise<void> {
  const source = await find(dir, from);
  await mustNotExist(dir, to);
  if (source.kind === 'file' && typeof (source as MovableFile).move === 'function') {
    await (source as MovableFile).move?.(to);
    return;
  }
  await copyInto(source, dir, to);
  await dir.removeEntry(from, { recursive: true });
}

async function copyInto(source: FileSystemFileHandle | FileSystemDirectoryHandle, parent: FileSystemDirectoryHandle, name: string): Promise<void> {
  if (source.kind === 'file') {
    const writable = await (await parent.getFileHandle(name, { create: true })).createWritable();
    await (await source.getFile()).stream().pipeTo(writable);
    return;
  }
  const target = await parent.getDirectoryHandle(name, { create: true });
  for await (const child of (source as IterableDirectory).values()) {
    await copyInto(child as FileSystemFileHandle | FileSystemDirectoryHandle, target, child.name);
  }
}

/** Every file below a file or folder, with its folder path below the fetched item (a lone file: []); unsafe names are left out. */
async function collect(handle: FileSystemFileHandle | FileSystemDirectoryHandle, path: RelativePath): Promise<FolderFile[]> {
  if (handle.kind === 'file') return [{ path, file: await handle.getFile() }];
  const files: FolderFile[] = [];
  for await (const child of (handle as IterableDirectory).values()) {
    if (!isSafeFileName(child.name)) continue;
    const below = child.kind === 'directory' ? [...path, child.name] : path;
    files.push(...(await collect(child as FileSystemFileHandle | FileSystemDirectoryHandle, below)));
  }
  return files;
}
