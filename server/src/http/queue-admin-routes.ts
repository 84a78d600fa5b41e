import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import {
  QueueCreateRequestSchema,
  QueueUpdateRequestSchema,
  QuickPhraseCreateRequestSchema,
  QuickPhraseUpdateRequestSchema,
  ROUTES,
  ok,
} from '@rs/signaling';
import type { Queue, QueueListResponse, QueueRecordsResponse, QuickPhrase, QuickPhraseListResponse, Result } from '@rs/signaling';
import type { TokenIssuer } from '../auth/principal';
import type { QueueAdminService } from '../domain/queue/queue-admin-service';
import type { QueueRecords } from '../domain/queue/queue-views';
import { requireRole } from './require-role';
import { ROUTE_ROLES } from './route-roles';
import { parseBody } from './validate';

export interface QueueAdminRoutesOptions {
  issuer: TokenIssuer;
  admin: QueueAdminService;
  records: QueueRecords;
}

const QueueParamsSchema = z.object({ queueId: z.string().uuid() });
const PhraseParamsSchema = z.object({ phraseId: z.string().uuid() });
const RecordsQuerySchema = z.object({
  queueId: z.string().uuid().optional(),
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** Admins manage queues (routing, greeting, maximum wait, form fields, members) and quick phrases; admins and supervisors read queue records. */
export const queueAdminRoutes: FastifyPluginAsync<QueueAdminRoutesOptions> = async (app, { issuer, admin, records }) => {
  app.get(ROUTES.queues, async (request): Promise<Result<QueueListResponse>> => {
    await requireRole(request, issuer, ROUTE_ROLES.listQueues);
    return ok({ queues: await admin.list() });
  });

  app.post(ROUTES.queues, async (request, reply): Promise<Result<Queue>> => {
    const by = await requireRole(request, issuer, ROUTE_ROLES.createQueue);
    const queue = await admin.create(parseBody(QueueCreateRequestSchema, request.body));
    request.log.info({ by: by.accountId, queueId: queue.id }, 'admin created queue');
    void reply.status(201);
    return ok(queue);
  });

  app.patch(`${ROUTES.queues}/:queueId`, async (request): Promise<Result<Queue>> => {
    const by = await requireRole(request, issuer, ROUTE_ROLES.updateQueue);
    const { queueId } = parseBody(QueueParamsSchema, request.params);
    const queue = await admin.update(queueId, parseBody(QueueUpdateRequestSchema, request.body));
    request.log.info({ by: by.accountId, queueId }, 'admin updated queue');
    return ok(queue);
  });

  app.delete(`${ROUTES.queues}/:queueId`, async (request): Promise<Result<Record<string, never>>> => {
    const by = await requireRole(request, issuer, ROUTE_ROLES.deleteQueue);
    const { queueId } = parseBody(QueueParamsSchema, request.params);
    await admin.remove(queueId);
    request.log.info({ by: by.accountId, queueId }, 'admin deleted queue');
    return ok({});
  });

  app.get(ROUTES.quickPhrases, async (request): Promise<Result<QuickPhraseListResponse>> => {
    await requireRole(request, issuer, ROUTE_ROLES.listQuickPhrases);
    return ok({ phrases: await admin.listPhrases() });
  });

  app.post(ROUTES.quickPhrases, async (request, reply): Promise<Result<QuickPhrase>> => {
    await requireRole(request, issuer, ROUTE_ROLES.createQuickPhrase);
    const phrase = await admin.createPhrase(parseBody(QuickPhraseCreateRequestSchema, request.body));
    void reply.status(201);
    return ok(phrase);
  });

  app.patch(`${ROUTES.quickPhrases}/:phraseId`, async (request): Promise<Result<QuickPhrase>> => {
    await requireRole(request, issuer, ROUTE_ROLES.updateQuickPhrase);
    const { phraseId } = parseBody(PhraseParamsSchema, request.params);
    return ok(await admin.updatePhrase(phraseId, parseBody(QuickPhraseUpdateRequestSchema, request.body)));
  });

  app.delete(`${ROUTES.quickPhrases}/:phraseId`, async (request): Promise<Result<Record<string, never>>> => {
    await requireRole(request, issuer, ROUTE_ROLES.deleteQuickPhrase);
    const { phraseId } = parseBody(PhraseParamsSchema, request.params);
    await admin.deletePhrase(phraseId);
    return ok({});
  });

  app.get(ROUTES.queueRecords, async (request): Promise<Result<QueueRecordsResponse>> => {
    await requireRole(request, issuer, ROUTE_ROLES.queueRecords);
    const { queueId, since, limit } = parseBody(RecordsQuerySchema, request.query);
    return ok({ records: await records.list(since, limit, queueId) });
  });
};
