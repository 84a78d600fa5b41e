import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@rs/signaling';
import type { Principal } from '../auth/token-service';

export interface SocketData {
  principal: Principal;
  /** Sessions this connection has joined: sessionId -> participantId. */
  sessions: Map<string, string>;
}

export type SignalingServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type SignalingSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;
export const participantRoom = (participantId: string): string => `participant:${participantId}`;
