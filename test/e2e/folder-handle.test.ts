import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser } from '../support/browser';

/**
 * The folder code both apps ship (web-common/src/folder/folder-handle.ts), bundled as the apps bundle it
 * and run in Chromium on an Origin Private File System folder: the same FileSystemDirectoryHandle type a
 * person's picked folder is (the picker itself cannot be automated headless, see MACHINE.md).
 */
describe('a picked folder in Chromium (OPFS handle)', () => {
  let browser: Browser;
  let http: Server;
  let page: Page;

  beforeAll(async () => {
    const root = path.resolve(__dirname, '..', '..');
    const bundle = await build({
      entryPoints: [path.join(root, 'web-common/src/folder/folder-handle.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'FolderLib',
      target: 'es2022',
      alias: { '@rs/signaling': path.join(root, 'signaling/src/index.ts') },
    });
    const script = bundle.outputFiles[0]!.text;
    http = createServer((_req, res) => res.end('<!doctype html><meta charset="utf-8"><title>folder</title>'));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
    await page.addScriptTag({ content: script });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => http?.close(resolve));
  });

  /** Runs `body` in the page with a FolderHandle on a fresh OPFS folder holding a small tree. */
  function inFolder<T>(body: string): Promise<T> {
    return page.evaluate(async (code: string) => {
      type Dir = FileSystemDirectoryHandle;
      const opfs = await navigator.storage.getDirectory();
      const name = `t${Math.random().toString(36).slice(2)}`;
      const rootDir: Dir = await opfs.getDirectoryHandle(name, { create: true });
      const put = async (dir: Dir, file: string, text: string) => {
        const writable = await (await dir.getFileHandle(file, { create: true })).createWritable();
        await writable.write(text);
        await writable.close();
      };
      await put(rootDir, 'a.txt', 'alpha');
      const docs = await rootDir.getDirectoryHandle('docs', { create: true });
      await put(docs, 'b.txt', 'bravo!');
      await put(await docs.getDirectoryHandle('deep', { create: true }), 'c.txt', 'charlie');
      const lib = (window as unknown as { FolderLib: { FolderHandle: new (d: Dir) => unknown } }).FolderLib;
      const folder = new lib.FolderHandle(rootDir);
      const read = async (dir: Dir, ...segments: string[]) => {
        let d = dir;
        for (const s of segments.slice(0, -1)) d = await d.getDirectoryHandle(s);
        return (await (await d.getFileHandle(segments.at(-1)!)).getFile()).text();
      };
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      const run = new Function('folder', 'rootDir', 'read', `return (async () => { ${code} })();`) as (f: unknown, r: Dir, rd: typeof read) => Promise<unknown>;
      try {
        return await run(folder, rootDir, read);
      } finally {
        await opfs.removeEntry(name, { recursive: true });
      }
    }, body) as Promise<T>;
  }

  it('lists folders first with sizes, creates, renames a file and a folder, deletes, and says EXISTS / NOT_FOUND', async () => {
    const result = await inFolder<Record<string, unknown>>(`
      const list = (path) => folder.execute({ kind: 'list', path }, async () => {});
      const out = {};
      out.root = await list([]);
      out.mkdir = await folder.execute({ kind: 'mkdir', path: ['docs'], name: 'new' }, async () => {});
      out.mkdirAgain = await folder.execute({ kind: 'mkdir', path: ['docs'], name: 'new' }, async () => {});
      out.renameFile = await folder.execute({ kind: 'rename', path: [], from: 'a.txt', to: 'z.txt' }, async () => {});
      out.renamedText = await read(rootDir, 'z.txt');
      out.renameFolder = await folder.execute({ kind: 'rename', path: [], from: 'docs', to: 'papers' }, async () => {});
      out.movedDeep = await read(rootDir, 'papers', 'deep', 'c.txt');
      out.renameOnto = await folder.execute({ kind: 'rename', path: [], from: 'z.txt', to: 'papers' }, async () => {});
      out.deleteMissing = await folder.execute({ kind: 'delete', path: [], name: 'nothing' }, async () => {});
      out.delete = await folder.execute({ kind: 'delete', path: [], name: 'papers' }, async () => {});
      out.after = await list([]);
      out.missingPath = await list(['docs']);
      return out;
    `);
    expect(result.root).toEqual({ ok: true, entries: [
      { name: 'docs', kind: 'directory', size: null, lastModified: null },
      { name: 'a.txt', kind: 'file', size: 5, lastModified: expect.any(Number) },
    ] });
    expect(result.mkdir).toEqual({ ok: true });
    expect(result.mkdirAgain).toEqual({ ok: false, code: 'EXISTS' });
    expect(result.renameFile).toEqual({ ok: true });
    expect(result.renamedText).toBe('alpha');
    expect(result.renameFolder).toEqual({ ok: true });
    expect(result.movedDeep).toBe('charlie');
    expect(result.renameOnto).toEqual({ ok: false, code: 'EXISTS' });
    expect(result.deleteMissing).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(result.delete).toEqual({ ok: true });
    expect(result.after).toEqual({ ok: true, entries: [{ name: 'z.txt', kind: 'file', size: 5, lastModified: expect.any(Number) }] });
    expect(result.missingPath).toEqual({ ok: false, code: 'NOT_FOUND' });
  });

  it('fetches a folder with its nested paths and a lone file at the root; writes received files under new folders', async () => {
    const result = await inFolder<Record<string, unknown>>(`
      const out = {};
      let got = [];
      out.folder = await folder.execute({ kind: 'fetch', path: [], name: 'docs' }, async (files) => { got = files; });
      out.folderFiles = await Promise.all(got.map(async (f) => [f.path.join('/'), f.file.name, await f.file.text()]));
      out.file = await folder.execute({ kind: 'fetch', path: ['docs'], name: 'b.txt' }, async (files) => { got = files; });
      out.fileFiles = got.map((f) => [f.path.join('/'), f.file.name]);
      await folder.write(['in', 'box'], 'r.bin', new File(['received bytes'], 'r.bin'));
      out.written = await read(rootDir, 'in', 'box', 'r.bin');
      return out;
    `);
    expect(result.folder).toEqual({ ok: true });
    expect((result.folderFiles as string[][]).sort()).toEqual([['docs', 'b.txt', 'bravo!'], ['docs/deep', 'c.txt', 'charlie']]);
    expect(result.fileFiles).toEqual([['', 'b.txt']]);
    expect(result.written).toBe('received bytes');
  });

  it('never touches the disk with an unsafe name, whatever the server let through', async () => {
    const result = await inFolder<unknown[]>(`
      const tries = [
        { kind: 'mkdir', path: [], name: '..' },
        { kind: 'mkdir', path: ['..'], name: 'x' },
        { kind: 'delete', path: [], name: 'a.txt/..' },
        { kind: 'rename', path: [], from: 'a.txt', to: 'CON' },
        { kind: 'list', path: ['docs', 'a\\\\b'] },
      ];
      const answers = [];
      for (const op of tries) answers.push(await folder.execute(op, async () => {}));
      let writeError = null;
      await folder.write(['..'], 'x', new File(['x'], 'x')).catch((e) => { writeError = String(e); });
      answers.push(writeError !== null, await read(rootDir, 'a.txt'));
      return answers;
    `);
    expect(result.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => ({ ok: false, code: 'FS_ERROR' })));
    expect(result.slice(5)).toEqual([true, 'alpha']);
  });
});
