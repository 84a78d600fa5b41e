import { z } from 'zod';
import { CreateSessionResponseSchema, SessionIdSchema, type CreateSessionResponse, type SessionSummary } from '@rs/signaling';
import { StoredValue } from '@rs/web-common';

/** How a customer is invited into a session: the link and when an unused number expires. */
export const InvitationSchema = CreateSessionResponseSchema.pick({ joinUrl: true, numberExpiresAt: true });
export type Invitation = z.infer<typeof InvitationSchema>;

const stored = new StoredValue('rs.invitations', z.record(SessionIdSchema, InvitationSchema));

/** Kept per tab so a reload still shows the expiry, which `agent:sessions` does not return. */
export function rememberInvitation(created: CreateSessionResponse): void {
  stored.set({ ...(stored.get() ?? {}), [created.session.id]: { joinUrl: created.joinUrl, numberExpiresAt: created.numberExpiresAt } });
}

export function invitationFor(session: SessionSummary): Invitation {
  return stored.get()?.[session.id] ?? { joinUrl: `${window.location.origin}/#s=${session.number}`, numberExpiresAt: 0 };
}

export function forgetInvitation(sessionId: string): void {
  const all = stored.get();
  if (!all?.[sessionId]) return;
  delete all[sessionId];
  stored.set(all);
}
