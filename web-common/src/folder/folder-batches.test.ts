import type { FileTransfer, TransferState } from '@rs/signaling';
import { aTransfer } from '../files/transfer-fixture';
import { FolderBatches, type BatchTarget } from './folder-batches';

const CHUNK = 256 * 1024;
let next = 0;

function transfer(batchId: string, size: number, state: TransferState = 'accepted', verifiedChunks = 0): FileTransfer {
  next += 1;
  return aTransfer({
    transferId: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    batchId,
    file: { name: `f${next}.bin`, size, lastModified: 0, path: [], fingerprint: '0'.repeat(64) },
    target: { kind: 'granted-folder', path: [] },
    chunkSize: CHUNK,
    chunkCount: Math.ceil(size / CHUNK),
    state,
    verifiedChunks,
  });
}

const toCustomer: BatchTarget = { where: 'Documents/Logs', localPath: null, downloads: false };
const intoMine: BatchTarget = { where: 'mine/Reports', localPath: ['Reports'], downloads: false };

describe('folder batches (status line and progress of folder transfers)', () => {
  it('says what completed and where once every file is verified', () => {
    const batches = new FolderBatches();
    const files = [transfer('b1', 10), transfer('b1', 20), transfer('b1', 30)];
    for (const file of files) batches.add(file, toCustomer);
    expect(batches.statusOf(files[0]!.transferId)).toMatchObject({ key: 'folder.progress.copying', params: { count: 0, total: 3 } });
    for (const file of files) batches.update({ ...file, state: 'verified' });
    expect(batches.statusOf(files[0]!.transferId)).toEqual({ key: 'folder.done.copied', params: { count: 3, total: 3, where: 'Documents/Logs' }, tone: 'success' });
    expect(batches.progress()).toBeNull();
    expect(batches.unfinished()).toEqual([]);
  });

  it('counts verified bytes of running batches for the progress bar', () => {
    const batches = new FolderBatches();
    const big = transfer('b2', 4 * CHUNK, 'running', 1);
    const small = transfer('b2', 100, 'verified');
    batches.add(big, toCustomer);
    batches.add(small, toCustomer);
    expect(batches.progress()).toEqual({ done: CHUNK + 100, total: 4 * CHUNK + 100 });
    expect(batches.unfinished().map((t) => t.transferId)).toEqual([big.transferId]);
  });

  it('a fetched file is done only once written into my folder', () => {
    const batches = new FolderBatches();
    const file = transfer('b3', 10, 'verified');
    batches.add(file, intoMine);
    expect(batches.localPathOf(file.transferId)).toEqual(['Reports']);
    expect(batches.statusOf(file.transferId)?.key).toBe('folder.progress.copying');
    batches.markWritten(file.transferId);
    expect(batches.statusOf(file.transferId)).toMatchObject({ key: 'folder.done.copied', params: { where: 'mine/Reports' } });
  });

  it('cancelled and failed batches say so', () => {
    const batches = new FolderBatches();
    const a = transfer('b4', 10, 'verified');
    const b = transfer('b4', 10, 'cancelled');
    batches.add(a, toCustomer);
    batches.add(b, toCustomer);
    expect(batches.statusOf(a.transferId)).toMatchObject({ key: 'folder.done.cancelledSome', params: { count: 1, total: 2 } });
    const c = transfer('b5', 10, 'failed');
    batches.add(c, toCustomer);
    expect(batches.statusOf(c.transferId)).toMatchObject({ key: 'folder.done.someFailed', tone: 'error' });
  });

  it('ignores transfers it does not follow', () => {
    const batches = new FolderBatches();
    expect(batches.update(transfer('x', 1))).toBe(false);
    expect(batches.statusOf('nope')).toBeNull();
  });
});
