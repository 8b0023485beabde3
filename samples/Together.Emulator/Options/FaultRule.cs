using System;

namespace Together.Emulator;

/// <summary>
/// One fault to inject. Rules are tried in order for every request that passed authentication, the rate limit and
/// the capacity check; the first rule that matches the request and wins its random draw (<see cref="Rate"/>, seeded
/// by <see cref="EmulatorOptions.Seed"/>) is applied. Faulted requests still count as accepted in the rate window.
/// </summary>
public sealed class FaultRule
{
    /// <summary>What the fault does. Default <see cref="FaultKind.Status"/>.</summary>
    public FaultKind Kind { get; set; } = FaultKind.Status;

    /// <summary>HTTP status answered by a <see cref="FaultKind.Status"/> fault. Default 503.</summary>
    public int Status { get; set; } = 503;

    /// <summary>Share of matching requests the fault hits, from 0 to 1. Default 1 (every one).</summary>
    public double Rate { get; set; } = 1.0;

    /// <summary>
    /// Endpoint path the rule is limited to, as the spec writes it without <c>/v1</c> (for example
    /// <c>/chat/completions</c> or <c>/files/{id}</c>); a concrete path such as <c>/files/file-1</c> also matches.
    /// Default null (every endpoint).
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>Model the rule is limited to. Default null (any model, and requests without one).</summary>
    public string? Model { get; set; }

    /// <summary>Shape of the error body. Default <see cref="ErrorBodyShape.Nested"/>.</summary>
    public ErrorBodyShape Body { get; set; } = ErrorBodyShape.Nested;

    /// <summary>Error message. Default: a standard text for the status.</summary>
    public string? Message { get; set; }

    /// <summary>Error <c>type</c>. Default: Together's type for the status (for example <c>server_error</c>).</summary>
    public string? ErrorType { get; set; }

    /// <summary>Error <c>code</c> in the nested and flat shapes. Default null.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>Value of a <c>retry-after</c> header (seconds or an HTTP-date) on the error. Default none.</summary>
    public string? RetryAfter { get; set; }

    /// <summary>Value of a <c>retry-after-ms</c> header on the error. Default none.</summary>
    public string? RetryAfterMs { get; set; }

    /// <summary>Value of an <c>x-ratelimit-reset</c> header (seconds) on the error. Default none.</summary>
    public string? RateLimitReset { get; set; }

    /// <summary>Value of an <c>x-should-retry</c> header (<c>true</c> or <c>false</c>). Default none.</summary>
    public bool? ShouldRetry { get; set; }

    /// <summary>Wait on the injected clock before the fault acts (for every kind). Default zero.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Stream faults: how many chunks are delivered before the fault. Default 1.</summary>
    public int AfterChunks { get; set; } = 1;

    /// <summary>How many times the rule fires at most, then it stops matching. Default null (no bound).</summary>
    public int? MaxCount { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> when a value is out of range.</summary>
    public void Validate()
    {
        EmulatorOptions.Require(Rate is >= 0 and <= 1, nameof(Rate), "must be between 0 and 1");
        EmulatorOptions.Require(Status is >= 100 and <= 599, nameof(Status), "must be an HTTP status (100-599)");
        EmulatorOptions.Require(Latency >= TimeSpan.Zero, nameof(Latency), "must not be negative");
        EmulatorOptions.Require(AfterChunks >= 0, nameof(AfterChunks), "must not be negative");
        EmulatorOptions.Require(MaxCount is null or >= 0, nameof(MaxCount), "must not be negative");
        EmulatorOptions.Require(Enum.IsDefined(Kind), nameof(Kind), "is not a known fault kind");
        EmulatorOptions.Require(Enum.IsDefined(Body), nameof(Body), "is not a known body shape");
    }

    internal FaultRule Clone() => (FaultRule)MemberwiseClone();

    internal bool IsStreamFault => Kind is FaultKind.StreamError or FaultKind.StreamDisconnect;

    internal bool Matches(string endpoint, string path, string? model, bool stream)
    {
        if (IsStreamFault && !stream)
        {
            return false;
        }

        if (Endpoint is { Length: > 0 } wanted)
        {
            var normalized = wanted.StartsWith("/v1/", StringComparison.Ordinal) ? wanted[3..] : wanted;
            if (!string.Equals(normalized, endpoint, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(normalized, path, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return Model is not { Length: > 0 } || string.Equals(Model, model, StringComparison.Ordinal);
    }
}
