import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { waitFor } from '../support/wait-for';
import { attribute, byTestId, click, texts, visible } from './pages/page-helpers';

export interface TestFile {
  readonly path: string;
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

/** A file of random bytes in the temp folder, made once per run (and per size): tests reuse it. */
export async function randomFile(size: number, name = `random-${size}.bin`): Promise<TestFile> {
  const path = join(tmpdir(), `rs-e2e-${process.pid}-${name}`);
  if (!existsSync(path) || statSync(path).size !== size) {
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(path);
      out.on('error', reject);
      let left = size;
      const writeMore = (): void => {
        while (left > 0) {
          const piece = randomBytes(Math.min(left, 4 * 1024 * 1024));
          left -= piece.length;
          if (!out.write(piece)) return void out.once('drain', writeMore);
        }
        out.end(resolve);
      };
      writeMore();
    });
  }
  return { path, name: basename(path), size, sha256: await sha256File(path) };
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path).on('data', (d) => hash.update(d)).on('end', () => resolve(hash.digest('hex'))).on('error', reject);
  });
}

/** The Files panel of a page (agent console: scoped to the session in front). */
export class FilesPanel {
  constructor(
    readonly page: Page,
    private readonly scope = '',
  ) {}

  sel(testId: string): string {
    return byTestId(testId, this.scope);
  }

  async open(): Promise<void> {
    if ((await attribute(this.page, this.sel('files-panel'), 'hidden')) !== null) await click(this.page, this.sel('files-open'));
    await visible(this.page, this.sel('files-panel'));
  }

  /** Picks files with the panel's file input (what the "Choose files" button opens). */
  async send(paths: string[]): Promise<void> {
    await this.open();
    const input = await this.page.$(this.sel('files-input'));
    if (!input) throw new Error('no file input');
    await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(...paths);
  }

  /** The transfer item of a file, by its name: its attributes. */
  async itemOf(name: string): Promise<{ id: string; state: string; bytesDone: number; bytesResent: number; path: string; sha256: string } | null> {
    return this.page.evaluate((scope, fileName) => {
      const items = [...document.querySelectorAll<HTMLElement>(`${scope} [data-testid="file-item"]`)];
      const item = items.reverse().find((li) => li.querySelector('[data-testid="file-name"]')?.textContent === fileName);
      if (!item) return null;
      const hash = item.querySelector<HTMLElement>('[data-testid="file-sha256"]');
      return {
        id: item.dataset.transferId ?? '',
        state: item.dataset.state ?? '',
        bytesDone: Number(item.dataset.bytesDone ?? 0),
        bytesResent: Number(item.dataset.bytesResent ?? 0),
        path: item.dataset.path ?? '',
        sha256: hash && !hash.hidden ? (hash.textContent ?? '').replace(/^.*?([0-9a-f]{64}).*$/, '$1') : '',
      };
    }, this.scope || ':root', name);
  }

  async waitState(name: string, state: string, timeoutMs = 120_000): Promise<NonNullable<Awaited<ReturnType<FilesPanel['itemOf']>>>> {
    const item = await waitFor(`${name} is ${state}`, async () => {
      const seen = await this.itemOf(name);
      const final = seen && ['failed', 'cancelled', 'denied', 'verified'].includes(seen.state);
      return seen?.state === state || final ? seen : undefined;
    }, { timeoutMs, intervalMs: 250 });
    if (item.state !== state) throw new Error(`${name} ended ${item.state}, not ${state}`);
    return item;
  }

  async waitBytes(name: string, atLeast: number, timeoutMs = 120_000): Promise<void> {
    await waitFor(`${name} past ${atLeast} bytes`, async () => ((await this.itemOf(name))?.bytesDone ?? 0) >= atLeast || undefined, { timeoutMs, intervalMs: 100 });
  }

  async press(name: string, button: string): Promise<void> {
    await this.open();
    const item = await this.itemOf(name);
    if (!item) throw new Error(`no item ${name}`);
    await click(this.page, `${this.scope ? `${this.scope} ` : ''}[data-transfer-id="${item.id}"] [data-testid="${button}"]`);
  }

  names(): Promise<string[]> {
    return texts(this.page, `${this.scope ? `${this.scope} ` : ''}[data-testid="file-name"]`);
  }
}
