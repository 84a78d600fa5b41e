/** A duration as a clock: `0:07`, `4:32`, `1:02:09` (waiting times, countdowns). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Whole minutes for an estimated wait, rounded up (a customer is never told less than it will be); 0 below 60 s. */
export function estimateMinutes(ms: number): number {
  return ms < 60_000 ? 0 : Math.ceil(ms / 60_000);
}
