import type { z } from 'zod';
import {
  AgentLoginResponseSchema,
  CreateSessionResponseSchema,
  CustomerJoinResponseSchema,
  HealthResponseSchema,
  ROUTES,
  type AgentLoginRequest,
  type AgentLoginResponse,
  type CreateSessionResponse,
  type CustomerJoinRequest,
  type CustomerJoinResponse,
  type HealthResponse,
} from '@rs/signaling';
import { ApiError } from './api-error';
import { unwrapResult } from './result-envelope';

/** Typed helpers for the REST routes. Every answer is a Result<T>, checked against its schema. */
export class ApiClient {
  constructor(private readonly baseUrl: string = '') {}

  login(body: AgentLoginRequest): Promise<AgentLoginResponse> {
    return this.call(ROUTES.agentLogin, AgentLoginResponseSchema, { method: 'POST', body });
  }

  createSession(agentToken: string): Promise<CreateSessionResponse> {
    return this.call(ROUTES.sessions, CreateSessionResponseSchema, { method: 'POST', body: {}, token: agentToken });
  }

  join(body: CustomerJoinRequest): Promise<CustomerJoinResponse> {
    return this.call(ROUTES.join, CustomerJoinResponseSchema, { method: 'POST', body });
  }

  health(): Promise<HealthResponse> {
    return this.call(ROUTES.health, HealthResponseSchema, { method: 'GET' });
  }

  private async call<T>(
    path: string,
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    options: { method: 'GET' | 'POST'; body?: object; token?: string },
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, {
        method: options.method,
        headers,
        body: options.body ? JSON.stringify(options.body) : undefined,
      });
    } catch {
      throw new ApiError('NETWORK_ERROR', `${path}: the server could not be reached`);
    }
    let raw: unknown;
    try {
      raw = await response.json();
    } catch {
      throw new ApiError('BAD_RESPONSE', `${path}: answer is not JSON (HTTP ${response.status})`, response.status);
    }
    return unwrapResult(raw, schema, path, response.status);
  }
}
