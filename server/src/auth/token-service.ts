import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors/app-error';

/** Who a token speaks for. Agents are bound to an account, customers to one session. */
export const PrincipalSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('agent'), agentId: z.string(), displayName: z.string() }),
  z.object({ role: z.literal('customer'), sessionId: z.string().uuid(), participantId: z.string().uuid() }),
]);
export type Principal = z.infer<typeof PrincipalSchema>;

const ClaimsSchema = z.object({ sub: PrincipalSchema, exp: z.number().int() });

/** Compact HMAC-SHA256 signed tokens: base64url(claims).base64url(mac). */
export class TokenService {
  constructor(
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  sign(principal: Principal, ttlSeconds: number): string {
    const body = Buffer.from(JSON.stringify({ sub: principal, exp: this.now() + ttlSeconds * 1000 })).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  verify(token: string): Principal {
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined || !this.macMatches(body, mac)) {
      throw new AppError('UNAUTHENTICATED', 'invalid token');
    }
    const claims = ClaimsSchema.safeParse(safeJson(Buffer.from(body, 'base64url').toString('utf8')));
    if (!claims.success) throw new AppError('UNAUTHENTICATED', 'invalid token');
    if (claims.data.exp <= this.now()) throw new AppError('UNAUTHENTICATED', 'token expired');
    return claims.data.sub;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }

  private macMatches(body: string, mac: string): boolean {
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
