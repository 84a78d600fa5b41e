import { CpuPressureSchema, type CpuPressure } from '@rs/signaling';

interface PressureRecordLike {
  state: string;
}
interface PressureObserverLike {
  observe(source: 'cpu', options?: { sampleInterval?: number }): Promise<void>;
  disconnect(): void;
}
type PressureObserverClass = new (callback: (records: PressureRecordLike[]) => void) => PressureObserverLike;

/**
 * How hard this computer works, as the browser tells (the Compute Pressure
 * API, Chromium 125+; null elsewhere or before the first sample): the
 * customer's page reports it with its encoder's figures, so the console can
 * say the customer's computer is too busy when frames come slowly.
 */
export class CpuPressureWatch {
  private state: CpuPressure | null = null;
  private observer: PressureObserverLike | null = null;

  get current(): CpuPressure | null {
    return this.state;
  }

  start(): void {
    const Observer = (globalThis as { PressureObserver?: PressureObserverClass }).PressureObserver;
    if (!Observer || this.observer) return;
    const observer = new Observer((records) => {
      const last = CpuPressureSchema.safeParse(records[records.length - 1]?.state);
      this.state = last.success ? last.data : null;
    });
    this.observer = observer;
    observer.observe('cpu', { sampleInterval: 1000 }).catch(() => this.stop());
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.state = null;
  }
}
