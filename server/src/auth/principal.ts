import type { AccountRole } from '@rs/signaling';

/** An account holder (agent, supervisor, admin) behind a token. */
export interface StaffPrincipal {
  role: AccountRole;
  accountId: string;
  displayName: string;
  /** Unique per token, so one token can be revoked (sign-out). */
  tokenId: string;
}

/** A customer: no account, a token bound to one session and one participant. */
export interface CustomerPrincipal {
  role: 'customer';
  sessionId: string;
  participantId: string;
  tokenId: string;
}

/** A customer waiting in a support queue: no account, no session yet, a token bound to one queue entry. */
export interface VisitorPrincipal {
  role: 'visitor';
  entryId: string;
  tokenId: string;
}

export type Principal = StaffPrincipal | CustomerPrincipal | VisitorPrincipal;
export type UnsignedPrincipal = Omit<StaffPrincipal, 'tokenId'> | Omit<CustomerPrincipal, 'tokenId'> | Omit<VisitorPrincipal, 'tokenId'>;

export function isStaff(principal: Principal): principal is StaffPrincipal {
  return principal.role !== 'customer' && principal.role !== 'visitor';
}

/** Issues and checks access tokens; verify() refuses expired, forged and revoked tokens. */
export interface TokenIssuer {
  sign(principal: UnsignedPrincipal, ttlSeconds: number): Promise<string>;
  verify(token: string): Promise<Principal>;
  /** Revokes this token until it would have expired anyway (sign-out). */
  revoke(token: string): Promise<void>;
}
