/**
 * Protocol version, checked on every socket connect. Bump it when a change
 * would make an older client misread the server (never reuse an event name
 * with a different meaning).
 */
export const PROTOCOL_VERSION = 1;
