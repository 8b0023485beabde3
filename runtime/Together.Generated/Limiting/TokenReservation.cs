using System.Collections.Generic;
using System.Threading;

namespace Together.Generated;

/// <summary>
/// The tokens one attempt reserved from one token budget's partition, until the response says the real use.
/// </summary>
internal sealed class TokenReservation(ClockedTokenBucketLimiter bucket, int reserved, TokenTotals totals)
{
    public int Reserved => reserved;

    public void Settle(int used)
    {
        bucket.Adjust(reserved - used);
        totals.Add(reserved, used);
    }
}

/// <summary>What a token budget's partition reserved and settled so far, for the application to read.</summary>
internal sealed class TokenTotals(string fingerprint, string partition)
{
    private readonly KeyValuePair<string, object?>[] _tags =
        [TogetherTelemetry.Key(fingerprint), new(TogetherTelemetry.LimiterTag, partition)];

    private long _reserved;
    private long _settled;

    /// <summary>Tokens charged up front, in total.</summary>
    public long Reserved => Volatile.Read(ref _reserved);

    /// <summary>Tokens the responses reported, in total: the budget's real use.</summary>
    public long Settled => Volatile.Read(ref _settled);

    public void Add(int reserved, int used)
    {
        Interlocked.Add(ref _reserved, reserved);
        Interlocked.Add(ref _settled, used);
        TogetherTelemetry.TokensReserved.Add(reserved, _tags);
        TogetherTelemetry.TokensSettled.Add(used, _tags);
    }
}
