import { z } from 'zod';
import type { ErrorCode } from './errors';

/**
 * A schema refinement can name the error code its refusal carries (e.g. INVALID_FILE_NAME instead of
 * INVALID_PAYLOAD): the server answers with the first such code among the issues.
 */
export function addCodedIssue(ctx: z.RefinementCtx, errorCode: ErrorCode, message: string): void {
  ctx.addIssue({ code: z.ZodIssueCode.custom, message, params: { errorCode } });
}

/** The error code a refinement attached to one of these issues, if any. */
export function codedIssueOf(issues: readonly z.ZodIssue[]): ErrorCode | null {
  for (const issue of issues) {
    if (issue.code === z.ZodIssueCode.custom) {
      const code = (issue.params as { errorCode?: ErrorCode } | undefined)?.errorCode;
      if (code) return code;
    }
  }
  return null;
}
