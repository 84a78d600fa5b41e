import { SendWindow } from './send-window';

describe('SendWindow (sender resume bookkeeping)', () => {
  it('keeps at most the window in flight until the receiver acknowledges', () => {
    const w = new SendWindow(1000, 100, 0, 4);
    expect([w.take(), w.take(), w.take(), w.take()].map((r) => r?.index)).toEqual([0, 1, 2, 3]);
    expect(w.take()).toBeNull();
    w.acknowledge(2);
    expect(w.take()?.index).toBe(4);
    expect(w.take()?.index).toBe(5);
    expect(w.take()).toBeNull();
  });

  it('starts from the verified prefix after a reload', () => {
    const w = new SendWindow(1000, 100, 7, 100);
    expect(w.take()).toEqual({ index: 7, start: 700, end: 800 });
    expect(w.bytesResent).toBe(0);
  });

  it('rewinds on a resend and counts the bytes sent twice', () => {
    const w = new SendWindow(1000, 100, 0, 100);
    for (let i = 0; i < 6; i += 1) w.take();
    w.acknowledge(3);
    w.rewind(3);
    expect(w.take()?.index).toBe(3);
    expect(w.take()?.index).toBe(4);
    expect(w.bytesResent).toBe(200);
    w.take();
    w.take();
    expect(w.bytesResent).toBe(300);
  });

  it('never rewinds below what the receiver verified, nor forward', () => {
    const w = new SendWindow(1000, 100, 0, 100);
    for (let i = 0; i < 5; i += 1) w.take();
    w.acknowledge(4);
    w.rewind(1);
    expect(w.nextChunk).toBe(4);
    w.rewind(9);
    expect(w.nextChunk).toBe(4);
  });

  it('counts chunks sent on an earlier path as resent when they go again', () => {
    const w = new SendWindow(1000, 100, 3, 100, 6);
    w.take();
    w.take();
    w.take();
    w.take();
    expect(w.bytesResent).toBe(300);
  });

  it('restarts lower when the receiver lost its store (reset)', () => {
    const w = new SendWindow(1000, 100, 5, 100);
    w.acknowledge(2, true);
    expect(w.take()?.index).toBe(2);
  });

  it('is done when every chunk is acknowledged', () => {
    const w = new SendWindow(250, 100, 0, 10);
    while (w.take()) { /* send */ }
    expect(w.allSent).toBe(true);
    expect(w.allAcked).toBe(false);
    w.acknowledge(3);
    expect(w.allAcked).toBe(true);
    expect(w.bytesAcked).toBe(250);
  });

  it('works past 2^32 bytes: a 4 GiB + 1 byte file resumed near its end', () => {
    const size = 4 * 1024 ** 3 + 1;
    const w = new SendWindow(size, 256 * 1024, 16_383, 64, 16_385);
    expect(w.chunkCount).toBe(16_385);
    expect(w.take()).toEqual({ index: 16_383, start: 2 ** 32 - 256 * 1024, end: 2 ** 32 });
    expect(w.take()).toEqual({ index: 16_384, start: 2 ** 32, end: 2 ** 32 + 1 });
    expect(w.bytesResent).toBe(256 * 1024 + 1);
    w.acknowledge(16_385);
    expect(w.allAcked).toBe(true);
    expect(w.bytesAcked).toBe(size);
  });
});

