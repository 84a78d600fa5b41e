import { PROGRESS_EVERY_CHUNKS, PROGRESS_EVERY_MS, ProgressReporter } from './progress-reporter';

describe('ProgressReporter (file:progress at most every 250 ms or 16 chunks)', () => {
  let now = 1_000_000;
  const clock = () => now;
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('reports the first stored chunk at once, then batches until 16 more chunks or 250 ms', () => {
    const reports: number[] = [];
    const reporter = new ProgressReporter((n) => reports.push(n), 0, clock);
    reporter.advance(1);
    expect(reports).toEqual([1]);
    for (let n = 2; n <= PROGRESS_EVERY_CHUNKS; n += 1) reporter.advance(n);
    expect(reports).toEqual([1]);
    reporter.advance(PROGRESS_EVERY_CHUNKS + 1);
    expect(reports).toEqual([1, PROGRESS_EVERY_CHUNKS + 1]);
    reporter.stop();
  });

  it('never leaves the last chunks unreported: a trailing report after 250 ms', () => {
    const reports: number[] = [];
    const reporter = new ProgressReporter((n) => reports.push(n), 5, clock);
    reporter.advance(6);
    reporter.advance(7);
    reporter.advance(8);
    expect(reports).toEqual([6]);
    now += PROGRESS_EVERY_MS;
    jest.advanceTimersByTime(PROGRESS_EVERY_MS);
    expect(reports).toEqual([6, 8]);
  });

  it('reports only stored prefixes, never backwards on its own; now() repeats on demand (resume)', () => {
    const reports: number[] = [];
    const reporter = new ProgressReporter((n) => reports.push(n), 10, clock);
    reporter.advance(9);
    expect(reports).toEqual([]);
    reporter.now(10);
    expect(reports).toEqual([10]);
  });

  it('a 150 MB file sends about 40 reports instead of 573', () => {
    const reports: number[] = [];
    const reporter = new ProgressReporter((n) => reports.push(n), 0, clock);
    const chunks = Math.ceil(150_000_000 / (256 * 1024));
    for (let n = 1; n <= chunks; n += 1) {
      now += 1; // 1 ms per chunk: 262 MB/s, far faster than any path here
      reporter.advance(n);
    }
    reporter.now(chunks);
    expect(chunks).toBe(573);
    expect(reports.length).toBeLessThanOrEqual(Math.ceil(chunks / PROGRESS_EVERY_CHUNKS) + 2);
    expect(reports[reports.length - 1]).toBe(chunks);
  });
});
