import { LoginResponseSchema } from '@rs/signaling';
import { StoredValue } from '@rs/web-common';

/** The signed-in account's token and profile for this tab; a reload re-attaches without signing in again. */
export const accountCredentials = new StoredValue('rs.account', LoginResponseSchema);
