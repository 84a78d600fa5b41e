import type { FastifyPluginAsync } from 'fastify';
import { PROTOCOL_VERSION, ROUTES, ok } from '@rs/signaling';
import type { HealthResponse, Result } from '@rs/signaling';

export interface HealthRoutesOptions {
  store: 'memory' | 'redis';
  mediaWorkers: () => number;
}

/** ROUTE_ROLES.health: public, reveals nothing about sessions or accounts. */
export const healthRoutes: FastifyPluginAsync<HealthRoutesOptions> = async (app, { store, mediaWorkers }) => {
  app.get(ROUTES.health, async (): Promise<Result<HealthResponse>> =>
    ok({ status: 'ok', protocolVersion: PROTOCOL_VERSION, store, mediaWorkers: mediaWorkers() }),
  );
};
