/** Lua scripts of RedisSessionStore (each runs atomically in Redis). */

/** Compare-and-delete: frees the number only if it still maps to this session. */
export const RELEASE_NUMBER_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/**
 * Appends a chat message with the next seq of the session, atomically across nodes.
 * A script rather than INCR on a counter + RPUSH: with two commands, concurrent
 * appenders can push out of seq order, so the list order would no longer be the seq.
 * Here seq = the list length before the push (= RPUSH result - 1).
 * The seq is spliced in as the last field (it wins over any stray seq in the draft)
 * instead of re-encoding with cjson, which rejects lone UTF-16 surrogates in user text.
 * KEYS[1]: chat list. ARGV[1]: the draft as a JSON object (never empty). Returns the seq.
 */
export const APPEND_CHAT_SCRIPT = `
local seq = redis.call('LLEN', KEYS[1])
redis.call('RPUSH', KEYS[1], string.sub(ARGV[1], 1, -2) .. ',"seq":' .. seq .. '}')
return seq
`;

/**
 * Compare-and-set of a consent status. A consent holds only ids, enums and numbers,
 * so a cjson round trip is safe. KEYS[1]: consents hash.
 * ARGV: requestId, to, at, then the allowed from statuses. Returns the new JSON or nil.
 */
export const TRANSITION_CONSENT_SCRIPT = `
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return false end
local consent = cjson.decode(raw)
local allowed = false
for i = 4, #ARGV do
  if ARGV[i] == consent.status then allowed = true end
end
if not allowed then return false end
if consent.status == 'pending' and ARGV[2] ~= 'pending' then
  consent.answeredAt = tonumber(ARGV[3])
end
consent.status = ARGV[2]
local updated = cjson.encode(consent)
redis.call('HSET', KEYS[1], ARGV[1], updated)
return updated
`;
