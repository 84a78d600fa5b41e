import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@rs/signaling';
import type { Principal } from '../auth/principal';

export interface SocketData {
  principal: Principal;
  /** Sessions this connection has joined: sessionId -> participantId. */
  sessions: Map<string, string>;
}

export type SignalingServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type SignalingSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;
/** Agents, assistants and supervisors of a session: what customers must not receive. */
export const staffRoom = (sessionId: string): string => `session:${sessionId}:staff`;
export const participantRoom = (participantId: string): string => `participant:${participantId}`;
/** Every socket opened with one access token: revoking the token disconnects them. */
export const tokenRoom = (tokenId: string): string => `token:${tokenId}`;
/** The pages of one waiting customer (their queue entry). */
export const entryRoom = (entryId: string): string => `queue-entry:${entryId}`;
/** Every console of one agent account (queue lists, offers, presence). */
export const agentRoom = (accountId: string): string => `agent:${accountId}`;
/** Every connected supervisor (the queue board). */
export const SUPERVISORS_ROOM = 'supervisors';
