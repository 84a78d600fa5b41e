import type { Role } from '@rs/signaling';

const STAFF = ['agent', 'supervisor', 'admin'] as const;
const ANYONE_SIGNED_IN = [...STAFF, 'customer'] as const;
const ADMIN = ['admin'] as const;

/**
 * Who may call each REST route, in one place. `public` routes take no token
 * (they are rate limited or harmless); every other route calls requireRole with
 * its entry here before doing anything else.
 */
export const ROUTE_ROLES = {
  health: 'public',
  login: 'public',
  join: 'public',
  logout: ANYONE_SIGNED_IN,
  me: STAFF,
  changePassword: STAFF,
  listAccounts: ADMIN,
  createAccount: ADMIN,
  updateAccount: ADMIN,
  deleteAccount: ADMIN,
  adminAudit: ADMIN,
  createSession: ['agent'],
  sessionRecord: STAFF,
  /** The helper program; with a pairing code (the code is the secret, tries are limited per address). */
  helperDownload: 'public',
  helpQueues: 'public',
  /** Public, limited to HELP_REQUESTS_PER_ADDRESS a minute per address. */
  help: 'public',
  listQueues: ADMIN,
  createQueue: ADMIN,
  updateQueue: ADMIN,
  deleteQueue: ADMIN,
  listQuickPhrases: ADMIN,
  createQuickPhrase: ADMIN,
  updateQuickPhrase: ADMIN,
  deleteQuickPhrase: ADMIN,
  queueRecords: ['admin', 'supervisor'],
  /** Everyone on staff; what each sees is narrowed by role in HistoryService. */
  history: STAFF,
} as const satisfies Record<string, 'public' | readonly Role[]>;
