using System;
using System.Collections.Generic;
using System.Threading.RateLimiting;

namespace Together.Generated;

/// <summary>
/// The lease a clocked rate limiter hands out. Rate permits are spent, not returned, so disposing it releases nothing;
/// a refused lease carries the estimated wait as <see cref="MetadataName.RetryAfter"/>.
/// </summary>
internal sealed class PermitLease : RateLimitLease
{
    public static readonly PermitLease Acquired = new(true, null);

    private readonly TimeSpan? _retryAfter;

    private PermitLease(bool isAcquired, TimeSpan? retryAfter)
    {
        IsAcquired = isAcquired;
        _retryAfter = retryAfter;
    }

    public override bool IsAcquired { get; }

    public override IEnumerable<string> MetadataNames =>
        _retryAfter is null ? Array.Empty<string>() : [MetadataName.RetryAfter.Name];

    public static PermitLease Refused(TimeSpan? retryAfter) => new(false, retryAfter);

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (_retryAfter is not null && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = _retryAfter.Value;
            return true;
        }

        metadata = null;
        return false;
    }
}
