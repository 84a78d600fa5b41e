import type { Logger } from './logging/logger';

export interface ProcessGuardOptions {
  log: Logger;
  /** Exit (for the supervisor to restart a clean process) after this many uncaught exceptions... */
  maxUncaught?: number;
  /** ...within this window. */
  windowMs?: number;
  exit?: (code: number) => void;
  now?: () => number;
  /** Where the events come from (tests pass their own emitter). */
  target?: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
}

/**
 * The last line of defence, after the listeners' own containment: an unhandled
 * rejection is logged and the process goes on (a rejected promise unwinds
 * nothing shared). An uncaught exception is logged at fatal and, while rare, the
 * process also goes on: one bug hit by one client must not end every session on
 * the node. Only if they keep coming (10 within a minute: state is likely broken)
 * does the process exit with code 70, and the supervisor in the start command
 * restarts it; durable state survives that.
 */
export function installProcessGuards(options: ProcessGuardOptions): () => void {
  const { log } = options;
  const maxUncaught = options.maxUncaught ?? 10;
  const windowMs = options.windowMs ?? 60_000;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const now = options.now ?? Date.now;
  let recent: number[] = [];

  const onRejection = (reason: unknown) => {
    log.error({ err: reason }, 'unhandled promise rejection');
  };
  const onException = (err: unknown) => {
    const at = now();
    recent = [...recent.filter((t) => at - t < windowMs), at];
    log.fatal({ err, inLastWindow: recent.length }, 'uncaught exception');
    if (recent.length >= maxUncaught) {
      log.fatal({ count: recent.length, windowMs }, 'too many uncaught exceptions, exiting for a restart');
      log.flush?.();
      exit(70);
    }
  };
  const target = options.target ?? process;
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}
