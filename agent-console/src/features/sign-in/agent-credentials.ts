import { AgentLoginResponseSchema } from '@rs/signaling';
import { StoredValue } from '@rs/web-common';

/** The agent's token and profile for this tab; a reload re-attaches without signing in again. */
export const agentCredentials = new StoredValue('rs.agent', AgentLoginResponseSchema);
