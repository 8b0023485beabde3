using System;
using System.Net.Http;

namespace Together.Generated;

/// <summary>
/// Decides whether a failed attempt is retried. Two rules must both allow it. The status rule: the status is in the
/// policy's <see cref="RetryPolicyDefinition.RetryOn"/> and not one a retry cannot fix (400, 401, 402, 403, 404,
/// 409, 422), unless the server's <c>x-should-retry</c> header says otherwise. The replay rule: the request may be
/// sent again without doing its work twice.
/// </summary>
internal static class RetryClassifier
{
    private static readonly int[] NeverRetried = [400, 401, 402, 403, 404, 409, 422];

    /// <summary>Whether <paramref name="status"/> calls for another attempt.</summary>
    public static bool StatusAllowsRetry(int status, RetryPolicyDefinition policy, bool? shouldRetryHeader)
    {
        if (status < 400)
        {
            return false;
        }

        return shouldRetryHeader
            ?? (policy.RetryOn.Contains(status) && Array.IndexOf(NeverRetried, status) < 0);
    }

    /// <summary>
    /// Whether the request may be sent again after <paramref name="cause"/>. Safe and idempotent methods always may;
    /// so may any request the server refused before doing its work (429, 503, 529, 408) or that never left the
    /// machine. After a timeout, a cut connection or a gateway error the server may have done the work, so a POST
    /// is replayed only when the limits file marks its endpoint idempotent.
    /// </summary>
    public static bool MayReplay(EndpointDescriptor endpoint, FailureCause cause)
    {
        if (cause is FailureCause.NotProcessed or FailureCause.NotSent || endpoint.Idempotent)
        {
            return true;
        }

        var method = endpoint.Method;
        return method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
            || method == HttpMethod.Delete || method == HttpMethod.Options;
    }

    /// <summary>What an error status says about whether the server did the work.</summary>
    public static FailureCause CauseOf(int status) =>
        status is 408 or 429 or 503 or 529 ? FailureCause.NotProcessed : FailureCause.MaybeProcessed;

    /// <summary>What a transport failure says about whether the request reached the server.</summary>
    public static FailureCause CauseOf(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError
            ? FailureCause.NotSent
            : FailureCause.MaybeProcessed;

    /// <summary>Reads <c>x-should-retry: true|false</c>; null when absent or anything else.</summary>
    public static bool? ShouldRetryHeader(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("x-should-retry", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            if (bool.TryParse(value.Trim(), out var flag))
            {
                return flag;
            }
        }

        return null;
    }
}

/// <summary>What a failure says about whether the server may have done the request's work.</summary>
internal enum FailureCause
{
    /// <summary>The request never reached the server (DNS, connect, TLS).</summary>
    NotSent,

    /// <summary>The server refused it before working on it (rate limited, overloaded).</summary>
    NotProcessed,

    /// <summary>The server may have done the work (timeout, cut response, gateway error).</summary>
    MaybeProcessed,
}
