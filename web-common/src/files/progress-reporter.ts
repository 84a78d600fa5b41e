/** The receiver reports its stored prefix at most this often... */
export const PROGRESS_EVERY_MS = 250;
/** ...or when this many chunks (4 MiB) were stored since the last report, whichever comes first. */
export const PROGRESS_EVERY_CHUNKS = 16;

/**
 * Throttles file:progress (each one is a request, a store write on the server and an event to
 * both parties): a report when PROGRESS_EVERY_CHUNKS more chunks are stored or PROGRESS_EVERY_MS
 * passed since the last one, and a trailing report so the last chunks are never left unreported.
 * The reported value is always a stored prefix, so the server's resume point stays correct; it
 * lags the disk by at most PROGRESS_EVERY_MS (a drop re-sends at most that much more).
 */
export class ProgressReporter {
  private reported: number;
  private latest: number;
  private lastAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly report: (chunks: number) => void,
    initial: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.reported = initial;
    this.latest = initial;
  }

  /** More chunks are stored: report now or soon. */
  advance(chunks: number): void {
    if (chunks <= this.latest) return;
    this.latest = chunks;
    const due = this.latest - this.reported >= PROGRESS_EVERY_CHUNKS || this.clock() - this.lastAt >= PROGRESS_EVERY_MS;
    if (due) this.now(this.latest);
    else this.timer ??= setTimeout(() => this.now(this.latest), PROGRESS_EVERY_MS);
  }

  /** Report `chunks` at once (completion, resume, a sender that restarted below it). */
  now(chunks: number): void {
    this.latest = Math.max(this.latest, chunks);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.reported = chunks;
    this.lastAt = this.clock();
    this.report(chunks);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
