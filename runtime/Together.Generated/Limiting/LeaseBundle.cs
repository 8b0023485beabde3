using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace Together.Generated;

/// <summary>
/// The permits one attempt holds, from every limiter of its endpoint. Disposing it releases them all, once, however
/// many owners (a retry, a stream, a binary response) try.
/// </summary>
internal sealed class LeaseBundle : IDisposable, IAsyncDisposable
{
    private IReadOnlyList<RateLimitLease>? _leases;

    public LeaseBundle(IReadOnlyList<RateLimitLease> leases) => _leases = leases;

    public static LeaseBundle Empty => new(Array.Empty<RateLimitLease>());

    public void Dispose()
    {
        var leases = Interlocked.Exchange(ref _leases, null);
        if (leases is null)
        {
            return;
        }

        // Release in reverse order of acquisition, like nested locks.
        for (var i = leases.Count - 1; i >= 0; i--)
        {
            leases[i].Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }
}
