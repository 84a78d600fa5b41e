/**
 * Lua scripts of RedisQueueStore (each runs atomically in Redis). Entry fields
 * are JSON-encoded hash fields; the scripts only compare and set whole fields
 * (no cjson: user text may hold lone surrogates cjson refuses). An entry's
 * waiting set is queueWaitingPrefix .. queueId .. ':waiting' (queueId stored as
 * a JSON string, so its quotes are cut off), or the directed set when it is null.
 *
 * Every script ends with the retention of the entry: ttl > 0 EXPIRE, ttl = 0
 * PERSIST, ttl < 0 leave it.
 */
const RETAIN = `
local function retain(key, ttl)
  if ttl > 0 then redis.call('EXPIRE', key, ttl) elseif ttl == 0 then redis.call('PERSIST', key) end
end
local function waitingKey(queueId, prefix, directed)
  if queueId == 'null' then return directed end
  return prefix .. string.sub(queueId, 2, -2) .. ':waiting'
end
`;

/**
 * Patch if the state is one of the allowed. KEYS[1]: entry. ARGV[1]: n allowed
 * (0: any), ARGV[2..n+1]: allowed states (JSON), ARGV[n+2]: ttl, then field/value pairs.
 */
export const PATCH_ENTRY_SCRIPT = `${RETAIN}
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local n = tonumber(ARGV[1])
if n > 0 then
  local state = redis.call('HGET', KEYS[1], 'state')
  local allowed = false
  for i = 2, n + 1 do if ARGV[i] == state then allowed = true end end
  if not allowed then return 0 end
end
if #ARGV >= n + 3 then redis.call('HSET', KEYS[1], unpack(ARGV, n + 3)) end
retain(KEYS[1], tonumber(ARGV[n + 2]))
return 1
`;

/**
 * Take one waiting entry: only the caller whose ZREM removes it applies the patch.
 * KEYS[1]: entry. ARGV: entryId, waiting prefix, directed key, ttl, then pairs.
 */
export const CLAIM_ENTRY_SCRIPT = `${RETAIN}
local queueId = redis.call('HGET', KEYS[1], 'queueId')
if not queueId then return 0 end
if redis.call('ZREM', waitingKey(queueId, ARGV[2], ARGV[3]), ARGV[1]) == 0 then return 0 end
if #ARGV >= 5 then redis.call('HSET', KEYS[1], unpack(ARGV, 5)) end
retain(KEYS[1], tonumber(ARGV[4]))
return 1
`;

/**
 * Take the lowest score among several waiting sets (ties: the smaller id).
 * KEYS: the waiting sets. ARGV: entry key prefix, ttl, then pairs. Returns the id or nil.
 */
export const CLAIM_NEXT_SCRIPT = `${RETAIN}
local best, bestScore, bestKey
for _, key in ipairs(KEYS) do
  local head = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  if head[1] then
    local score = tonumber(head[2])
    if not best or score < bestScore or (score == bestScore and head[1] < best) then
      best, bestScore, bestKey = head[1], score, key
    end
  end
end
if not best then return false end
redis.call('ZREM', bestKey, best)
local entryKey = ARGV[1] .. best
if #ARGV >= 3 then redis.call('HSET', entryKey, unpack(ARGV, 3)) end
retain(entryKey, tonumber(ARGV[2]))
return best
`;

/**
 * Patch (the pairs include the new queueId) and wait again in the target set.
 * KEYS[1]: entry, KEYS[2]: target waiting set. ARGV: entryId, waiting prefix,
 * directed key, score, then pairs.
 */
export const REQUEUE_ENTRY_SCRIPT = `${RETAIN}
local queueId = redis.call('HGET', KEYS[1], 'queueId')
if not queueId then return 0 end
redis.call('ZREM', waitingKey(queueId, ARGV[2], ARGV[3]), ARGV[1])
if #ARGV >= 5 then redis.call('HSET', KEYS[1], unpack(ARGV, 5)) end
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
retain(KEYS[1], 0)
return 1
`;
