import type { FastifyPluginAsync } from 'fastify';
import { HelpRequestSchema, ROUTES, ok } from '@rs/signaling';
import type { HelpQueuesResponse, HelpRequest, HelpResponse, Result } from '@rs/signaling';
import { RateLimitedError } from '../auth/join-guard';
import { FormInvalidError } from '../domain/queue/form-invalid-error';
import type { HelpService } from '../domain/queue/help-service';
import type { RateLimiter } from '../store/rate-limiter';
import { parseBody } from './validate';

export interface HelpRoutesOptions {
  help: HelpService;
  limiter: RateLimiter;
  /** HELP_REQUESTS_PER_ADDRESS: requests per minute per client address. */
  requestsPerAddress: number;
}

/**
 * The public side of the queues (R1.1), ROUTE_ROLES.helpQueues and .help: the
 * queues and their form fields, and the help request itself (rate limited per
 * address, every request counted; the form checked on the server).
 */
export const helpRoutes: FastifyPluginAsync<HelpRoutesOptions> = async (app, { help, limiter, requestsPerAddress }) => {
  app.get(ROUTES.helpQueues, async (): Promise<Result<HelpQueuesResponse>> => ok({ queues: await help.publicQueues() }));

  app.post(ROUTES.help, async (request, reply): Promise<Result<HelpResponse>> => {
    const verdict = await limiter.hit(`help:${request.ip}`, requestsPerAddress, 60);
    if (!verdict.allowed) throw new RateLimitedError(verdict.retryAfterSeconds);
    const answer = await help.request(parseHelpRequest(request.body));
    void reply.status(201);
    return ok(answer);
  });
};

/** Schema refusals inside the form name their fields (FORM_INVALID), like the queue's own rules; others are INVALID_PAYLOAD. */
function parseHelpRequest(body: unknown): HelpRequest {
  const parsed = HelpRequestSchema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const formIssues = parsed.error.issues.filter((i) => i.path[0] === 'form' && i.path.length > 1);
  if (formIssues.length === parsed.error.issues.length) {
    const fields: Record<string, string> = {};
    for (const issue of formIssues) fields[String(issue.path[1] === 'fields' ? (issue.path[2] ?? 'fields') : issue.path[1])] = issue.message;
    throw new FormInvalidError(fields);
  }
  return parseBody(HelpRequestSchema, body);
}
