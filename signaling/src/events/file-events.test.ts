import { codedIssueOf } from '../issue-codes';
import { FILES_PER_OFFER_MAX, FileOfferRequestSchema, FileSignalRequestSchema, FolderAnswerRequestSchema, FsRequestSchema } from './file-events';

const sessionId = '00000000-0000-4000-8000-000000000001';
const receiverId = '00000000-0000-4000-8000-000000000002';
const file = (name: string, path: string[] = []) => ({ name, size: 10, lastModified: 0, path, fingerprint: 'a'.repeat(64) });

function codeOf(result: { success: boolean; error?: { issues: Parameters<typeof codedIssueOf>[0] } }): string | null {
  return result.success ? 'ok' : codedIssueOf(result.error?.issues ?? []);
}

describe('file request schemas name their refusal', () => {
  it('an unsafe name or folder in an offer -> INVALID_FILE_NAME', () => {
    const offer = (f: ReturnType<typeof file>) => FileOfferRequestSchema.safeParse({ sessionId, receiverId, files: [f], target: { kind: 'download' } });
    expect(codeOf(offer(file('ok.txt')))).toBe('ok');
    expect(codeOf(offer(file('..')))).toBe('INVALID_FILE_NAME');
    expect(codeOf(offer(file('ok.txt', ['docs', 'a\\b'])))).toBe('INVALID_FILE_NAME');
    const target = FileOfferRequestSchema.safeParse({ sessionId, receiverId, files: [file('a')], target: { kind: 'granted-folder', path: ['CON'] } });
    expect(codeOf(target)).toBe('INVALID_FILE_NAME');
  });

  it('too many files -> TOO_MANY_FILES; none -> plain invalid payload', () => {
    const many = Array.from({ length: FILES_PER_OFFER_MAX + 1 }, (_, i) => file(`f${i}`));
    expect(codeOf(FileOfferRequestSchema.safeParse({ sessionId, receiverId, files: many, target: { kind: 'download' } }))).toBe('TOO_MANY_FILES');
    expect(codeOf(FileOfferRequestSchema.safeParse({ sessionId, receiverId, files: [], target: { kind: 'download' } }))).toBeNull();
  });

  it('folder operations validate every name', () => {
    const fs = (op: unknown) => FsRequestSchema.safeParse({ sessionId, customerId: receiverId, op });
    expect(codeOf(fs({ kind: 'rename', path: [], from: 'a.txt', to: 'b.txt' }))).toBe('ok');
    expect(codeOf(fs({ kind: 'rename', path: [], from: 'a.txt', to: 'x/y' }))).toBe('INVALID_FILE_NAME');
    expect(codeOf(fs({ kind: 'mkdir', path: ['..'], name: 'new' }))).toBe('INVALID_FILE_NAME');
    expect(codeOf(fs({ kind: 'delete', path: [], name: 'bell\u0007' }))).toBe('INVALID_FILE_NAME');
  });

  it('a granted folder has a name; signals stay small', () => {
    expect(FolderAnswerRequestSchema.safeParse({ sessionId, granted: true }).success).toBe(false);
    expect(FolderAnswerRequestSchema.safeParse({ sessionId, granted: true, rootName: 'Shared' }).success).toBe(true);
    expect(FolderAnswerRequestSchema.safeParse({ sessionId, granted: false, unsupported: true }).success).toBe(true);
    expect(FileSignalRequestSchema.safeParse({ sessionId, peerId: receiverId, data: { sdp: 'x'.repeat(100) } }).success).toBe(true);
    expect(FileSignalRequestSchema.safeParse({ sessionId, peerId: receiverId, data: { sdp: 'x'.repeat(17_000) } }).success).toBe(false);
  });
});
