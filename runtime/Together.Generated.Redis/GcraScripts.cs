using StackExchange.Redis;

namespace Together.Generated.Redis;

/// <summary>
/// The store's atomic scripts. They keep one value per partition, its theoretical arrival time (GCRA): a permit is
/// granted when the store's clock (<c>TIME</c>) has reached it, and moves it one emission interval on, so grants are
/// spaced evenly across every process and no second gets more than its share. The key expires once idle, so a
/// crashed process leaves nothing held.
/// </summary>
internal static class GcraScripts
{
    /// <summary>
    /// Grants <c>permits</c> at the partition's rate: its adapted rate from the <c>rate</c> hash when one is set,
    /// else <c>max</c> (permits a second). Returns { microseconds to wait (0: granted), the rate in force }.
    /// </summary>
    public static readonly LuaScript Acquire = LuaScript.Prepare(
        """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local rate = tonumber(redis.call('HGET', @rate, 'rate') or @max)
        local tat = tonumber(redis.call('GET', @key) or '0')
        if tat < now then tat = now end
        if tat > now then return { tat - now, tostring(rate) } end
        local next = tat + math.floor(1000000 / rate) * tonumber(@permits)
        redis.call('SET', @key, tostring(next), 'PX', math.floor((next - now) / 1000) + 60000)
        return { 0, tostring(rate) }
        """);

    /// <summary>
    /// Sets the partition's adapted rate for every process: a lower rate at once (and the time it was lowered), a
    /// higher one only once <c>hold</c> microseconds have passed since the last lowering, so that one process
    /// cannot undo another's 429. With <c>initial</c> (a process's cold start) an adapted rate already in force is
    /// kept. Returns the rate in force.
    /// </summary>
    public static readonly LuaScript SetRate = LuaScript.Prepare(
        """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local stored = redis.call('HGET', @rate, 'rate')
        local current = tonumber(stored or @max)
        local lowered = tonumber(redis.call('HGET', @rate, 'lowered') or '0')
        local wanted = tonumber(@wanted)
        if tonumber(@initial) == 1 and stored then
          return tostring(current)
        end
        if wanted < current then
          redis.call('HSET', @rate, 'rate', tostring(wanted), 'lowered', tostring(now))
          current = wanted
        elseif wanted > current and now - lowered >= tonumber(@hold) then
          redis.call('HSET', @rate, 'rate', tostring(wanted))
          current = wanted
        end
        redis.call('PEXPIRE', @rate, 3600000)
        return tostring(current)
        """);

    /// <summary>KEYS[1] partition; ARGV[1] microseconds to hold every process back.</summary>
    public static readonly LuaScript Pause = LuaScript.Prepare(
        """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local tat = tonumber(redis.call('GET', @key) or '0')
        local until_ = now + tonumber(@wait)
        if until_ > tat then
          redis.call('SET', @key, tostring(until_), 'PX', math.floor(tonumber(@wait) / 1000) + 60000)
        end
        return 0
        """);
}
