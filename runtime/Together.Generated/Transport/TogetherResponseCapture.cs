using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;

namespace Together.Generated;

/// <summary>
/// Collects the <see cref="TogetherResponseInfo"/> (request id, rate-limit headers, attempts) of the successful
/// calls made in the current async flow while it is open, so that the generated methods can keep returning the
/// plain result. Calls made on other flows are not seen, so concurrent work does not mix.
/// <code>
/// using var capture = TogetherResponseCapture.Start();
/// var answer = await client.Chat.ChatCompletionsAsync(request);
/// Console.WriteLine(capture.Last?.RequestId);
/// </code>
/// For a stream, the entry is added when the response headers arrive, at the first chunk.
/// </summary>
public sealed class TogetherResponseCapture : IDisposable
{
    private static readonly AsyncLocal<TogetherResponseCapture?> Current = new();

    private readonly TogetherResponseCapture? _outer;
    private readonly List<TogetherResponseInfo> _responses = new();

    private TogetherResponseCapture(TogetherResponseCapture? outer) => _outer = outer;

    /// <summary>The responses captured so far, oldest first.</summary>
    public IReadOnlyList<TogetherResponseInfo> Responses
    {
        get
        {
            lock (_responses)
            {
                return _responses.ToArray();
            }
        }
    }

    /// <summary>The latest response captured; null before the first.</summary>
    public TogetherResponseInfo? Last
    {
        get
        {
            lock (_responses)
            {
                return _responses.Count == 0 ? null : _responses[^1];
            }
        }
    }

    /// <summary>Starts capturing in the current async flow; dispose to stop (an outer capture resumes).</summary>
    public static TogetherResponseCapture Start() => Current.Value = new TogetherResponseCapture(Current.Value);

    /// <summary>Stops capturing.</summary>
    public void Dispose()
    {
        if (ReferenceEquals(Current.Value, this))
        {
            Current.Value = _outer;
        }
    }

    internal static void Record(CallScope call, AttemptResult attempt)
    {
        if (Current.Value is not { } capture)
        {
            return;
        }

        var info = new TogetherResponseInfo(
            call.Endpoint.Name,
            attempt.StatusCode,
            ErrorFactory.RequestIdOf(attempt.Response),
            call.Attempts,
            attempt.RateLimits,
            call.Request.Limits?.Model,
            call.Request.IsFallback);
        lock (capture._responses)
        {
            capture._responses.Add(info);
        }
    }
}
