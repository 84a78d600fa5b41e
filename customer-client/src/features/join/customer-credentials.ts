import type { z } from 'zod';
import { CustomerJoinResponseSchema, SessionNumberSchema } from '@rs/signaling';
import { StoredValue } from '@rs/web-common';

/** What a joined customer keeps for this tab so a reload rejoins silently (no number when admitted from a queue). */
export const CustomerCredentialsSchema = CustomerJoinResponseSchema.extend({ sessionNumber: SessionNumberSchema.nullable() });
export type CustomerCredentials = z.infer<typeof CustomerCredentialsSchema>;

export const customerCredentials = new StoredValue('rs.customer', CustomerCredentialsSchema);
