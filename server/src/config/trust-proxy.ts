import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Which X-Forwarded-For entries to believe (Fastify's `trustProxy`):
 * - `false` (default): none; the client address is the TCP peer's;
 * - a number n: the n closest hops are proxies of ours (1 = one reverse proxy in front);
 *   the address is the n-th entry from the right, which the first proxy appended;
 * - addresses or CIDR ranges (comma-separated; also `loopback`, `linklocal`, `uniquelocal`):
 *   only peers in this list are proxies; the address is the first untrusted one from the right.
 * `true` (believe every entry) is refused: with it any client picks its own address
 * and the per-address limits vanish.
 */
export type TrustProxy = false | number | string[];

const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];
const FALSE_WORDS = ['false', 'no', 'off', '0', ''];
const TRUE_WORDS = ['true', 'yes', 'on'];

function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

const REFUSED_TRUE = 'TRUST_PROXY=true would trust any client\'s X-Forwarded-For: give the number of proxies in front of the server (e.g. 1) or their addresses';

export const TrustProxySchema = z.union([z.boolean(), z.number(), z.string(), z.array(z.string())]).transform((value, ctx): TrustProxy => {
  if (value === true || (typeof value === 'string' && TRUE_WORDS.includes(value.trim().toLowerCase()))) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: REFUSED_TRUE });
    return z.NEVER;
  }
  if (value === false || (typeof value === 'string' && FALSE_WORDS.includes(value.trim().toLowerCase()))) return false;
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text === 'string' && /^\s*\d+\s*$/.test(text)) {
    const hops = Number(text);
    if (hops > 16) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'TRUST_PROXY: at most 16 proxy hops' });
    return hops === 0 ? false : hops;
  }
  const entries = (Array.isArray(text) ? text : text.split(',')).map((e) => e.trim()).filter((e) => e !== '');
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (bad.length > 0 || entries.length === 0) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `TRUST_PROXY: not a hop count or proxy addresses: ${bad.join(', ') || 'empty'}` });
    return z.NEVER;
  }
  return entries;
});
