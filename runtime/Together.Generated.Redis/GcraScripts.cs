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
    /// KEYS[1] partition; ARGV[1] microseconds per permit, ARGV[2] permits. Returns microseconds to wait, or 0.
    /// </summary>
    public static readonly LuaScript Acquire = LuaScript.Prepare(
        """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local tat = tonumber(redis.call('GET', @key) or '0')
        if tat < now then tat = now end
        if tat > now then return tat - now end
        local next = tat + tonumber(@interval) * tonumber(@permits)
        redis.call('SET', @key, tostring(next), 'PX', math.floor((next - now) / 1000) + 60000)
        return 0
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
