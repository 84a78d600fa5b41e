import type { FileTransfer } from '@rs/signaling';

/** For unit tests: a transfer of a 1000-byte file in 10 chunks, with the fields a test cares about replaced. */
export function aTransfer(over: Partial<FileTransfer> = {}): FileTransfer {
  return {
    transferId: '00000000-0000-4000-8000-000000000001',
    sessionId: 's1',
    senderId: 'p1',
    receiverId: 'p2',
    batchId: '00000000-0000-4000-8000-000000000002',
    file: { name: 'a.bin', size: 1000, lastModified: 0, path: [], fingerprint: '0'.repeat(64) },
    target: { kind: 'download' },
    chunkSize: 100,
    chunkCount: 10,
    state: 'offered',
    path: null,
    verifiedChunks: 0,
    sha256: null,
    reason: null,
    createdAt: 0,
    updatedAt: 0,
    ...over,
  } as FileTransfer;
}
