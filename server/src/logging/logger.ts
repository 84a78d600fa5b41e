import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger };

/**
 * The one root logger. Children bind sessionId/participantId/role.
 * Tokens, passwords and session numbers never reach the output.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: ['token', '*.token', 'password', '*.password', 'sessionNumber', '*.sessionNumber', 'number', '*.number', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  });
}
