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
    private IReadOnlyList<TokenReservation> _reservations;
    private int _settled;

    public LeaseBundle(IReadOnlyList<RateLimitLease> leases, IReadOnlyList<TokenReservation>? reservations = null)
    {
        _leases = leases;
        _reservations = reservations ?? Array.Empty<TokenReservation>();
    }

    /// <summary>Whether any token budget charged this attempt an estimate that awaits the real usage.</summary>
    public bool HasTokenReservations => _reservations.Count > 0;

    /// <summary>
    /// Settles every token budget of this attempt against the <paramref name="used"/> tokens the response reported:
    /// what was reserved but unused goes back, an overrun is charged. Only the first call counts.
    /// </summary>
    public void Settle(int used)
    {
        if (Interlocked.Exchange(ref _settled, 1) != 0)
        {
            return;
        }

        foreach (var reservation in _reservations)
        {
            reservation.Settle(used);
        }
    }

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
