import type { Logger } from '../logging/logger';
import type { TokenRevocations } from '../store/token-revocations';
import { accountRoom, tokenRoom } from './socket-types';
import type { SignalingServer } from './socket-types';

/**
 * Sign-out (or any revocation) cuts the open sockets of that token, on every node
 * sharing the store: each socket is in its token's room (and a staff socket in its
 * account's room), and a revocation on any node disconnects that room here.
 * Resolves once listening; returns the stopper.
 */
export async function cutSocketsOfRevokedTokens(io: SignalingServer, revocations: TokenRevocations, log: Logger): Promise<() => Promise<void>> {
  return revocations.onRevoked((revoked) => {
    const room = io.in('tokenId' in revoked ? tokenRoom(revoked.tokenId) : accountRoom(revoked.subjectId));
    room.emit('protocol:error', { event: 'auth', code: 'UNAUTHENTICATED', message: 'signed out' });
    room.disconnectSockets(false); // a namespace goodbye: the client is told, and does not reconnect
    log.info('sockets of a revoked token disconnected');
  });
}
