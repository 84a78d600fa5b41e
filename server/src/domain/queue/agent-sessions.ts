import type { SessionStore } from '../../store/session-store';

/**
 * Sessions an agent runs now: open sessions whose agent in control is this
 * account and still present (an agent who transferred a session has left it).
 * This is what "busy at the maximum" counts.
 */
export async function countSessionsInControl(store: SessionStore, accountId: string): Promise<number> {
  const sessions = await store.listSessionsOfAgent(accountId);
  const inControl = await Promise.all(
    sessions
      .filter((s) => s.state !== 'ended')
      .map(async (s) => {
        const controller = await store.getParticipant(s.id, s.controllerId);
        return controller?.accountId === accountId && controller.leftAt === null;
      }),
  );
  return inControl.filter(Boolean).length;
}
