import type { Page } from 'puppeteer-core';

/** A file to put in a test folder: text, or that many random bytes. */
export type TreeFile = string | { random: number };

/**
 * Runs in the page: the folder picker answers with an OPFS folder holding `files` (only the picker
 * call is replaced, a person would pick a folder there; MACHINE.md). Everything after is shipped code.
 */
export function installPicker(folder: string, files: Record<string, TreeFile>): void {
  (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder, { create: true });
    for (const [path, content] of Object.entries(files)) {
      const parts = path.split('/');
      let at = dir;
      for (const part of parts.slice(0, -1)) at = await at.getDirectoryHandle(part, { create: true });
      const writable = await (await at.getFileHandle(parts[parts.length - 1] ?? '', { create: true })).createWritable();
      if (typeof content === 'string') {
        await writable.write(content);
      } else {
        // Random bytes, 1 MiB at a time (getRandomValues fills at most 64 KiB per call).
        for (let left = content.random; left > 0; ) {
          const piece = new Uint8Array(Math.min(left, 1024 * 1024));
          for (let at64 = 0; at64 < piece.length; at64 += 65536) crypto.getRandomValues(piece.subarray(at64, at64 + 65536));
          await writable.write(piece);
          left -= piece.length;
        }
      }
      await writable.close();
    }
    return dir;
  };
}

/** SHA-256 (hex) of every file below an OPFS folder, by its path below it; undefined when the folder is missing. */
export function treeHashes(page: Page, root: string[]): Promise<Record<string, string> | undefined> {
  return page.evaluate(async (parts: string[]) => {
    type Dir = FileSystemDirectoryHandle & { values(): AsyncIterable<FileSystemHandle> };
    const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const out: Record<string, string> = {};
    const walk = async (dir: Dir, prefix: string): Promise<void> => {
      for await (const handle of dir.values()) {
        if (handle.kind === 'directory') await walk(handle as Dir, `${prefix}${handle.name}/`);
        else out[`${prefix}${handle.name}`] = hex(await crypto.subtle.digest('SHA-256', await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer()));
      }
    };
    try {
      let dir = (await navigator.storage.getDirectory()) as Dir;
      for (const part of parts) dir = (await dir.getDirectoryHandle(part)) as Dir;
      await walk(dir, '');
      return out;
    } catch {
      return undefined;
    }
  }, root);
}

/** Whether a file or folder exists at that OPFS path. */
export function opfsHas(page: Page, path: string[]): Promise<boolean> {
  return page.evaluate(async (parts: string[]) => {
    let dir = await navigator.storage.getDirectory();
    try {
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
      const last = parts[parts.length - 1] ?? '';
      await dir.getFileHandle(last).catch(() => dir.getDirectoryHandle(last));
      return true;
    } catch {
      return false;
    }
  }, path);
}
