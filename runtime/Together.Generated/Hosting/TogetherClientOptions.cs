using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Together.Generated;

/// <summary>
/// Settings of a Together client. They are read once, when the client is created; later changes to this object do
/// not affect a client already built. <see cref="ToString"/> never shows the API key.
/// </summary>
public sealed class TogetherClientOptions
{
    /// <summary>The environment variable the API key is read from: <c>TOGETHER_API_KEY</c>.</summary>
    public const string ApiKeyVariable = "TOGETHER_API_KEY";

    /// <summary>The environment variable the base URL is read from: <c>TOGETHER_BASE_URL</c>.</summary>
    public const string BaseUrlVariable = "TOGETHER_BASE_URL";

    /// <summary>The base URL used when neither <see cref="BaseUrl"/> nor <c>TOGETHER_BASE_URL</c> is set.</summary>
    public static Uri DefaultBaseUrl { get; } = new("https://api.together.ai/v1", UriKind.Absolute);

    /// <summary>
    /// The API key sent as a bearer token. Default: the <c>TOGETHER_API_KEY</c> environment variable when the
    /// options object is created. A client cannot be created without one.
    /// </summary>
    public string? ApiKey { get; set; } = Environment.GetEnvironmentVariable(ApiKeyVariable);

    /// <summary>
    /// The API's base URL; its path is kept (<c>https://host/v1</c> + <c>/chat/completions</c>). Default: the
    /// <c>TOGETHER_BASE_URL</c> environment variable when it holds an absolute URL, else null, which means
    /// <see cref="DefaultBaseUrl"/>. Must be https unless the host is a loopback address or
    /// <see cref="AllowInsecureHttp"/> is set.
    /// </summary>
    public Uri? BaseUrl { get; set; } = ReadBaseUrl();

    /// <summary>
    /// Allows a plain-http base URL (and redirects to plain http) for non-loopback hosts, which sends the API key
    /// in clear text. Default false: plain http is accepted only for loopback hosts such as a local emulator.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// The longest one attempt may take to deliver its response headers (for JSON and text responses: the whole
    /// body); for streams, also the longest silence between two reads. Time spent waiting for a local limiter is
    /// not counted. Default 60 seconds; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The longest a whole call may take, limiter waits, retries and backoff included, until its result is handed
    /// over (for streams and binary responses: until the response headers arrive). Default 10 minutes;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The clock behind every timeout, backoff delay and limiter refill. Default <see cref="TimeProvider.System"/>;
    /// tests pass a fake clock.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The random source for backoff jitter, returning values in [0, 1); values outside are clamped. Default null,
    /// meaning <see cref="Random.Shared"/>. Pass e.g. <c>new Random(42).NextDouble</c> for repeatable delays.
    /// </summary>
    public Func<double>? Jitter { get; set; }

    /// <summary>
    /// Changes the compiled-in limits (budgets for another tier, other retry policies) before any limiter is built.
    /// Default null: the limits file's values are used as compiled.
    /// </summary>
    public Action<TogetherLimits>? ConfigureLimits { get; set; }

    /// <summary>
    /// How <c>job_slots</c> limiters wait for a free slot. Default: wait, checking every 5 seconds and then less
    /// often, up to once a minute.
    /// </summary>
    public JobSlotOptions JobSlots { get; set; } = new();

    /// <summary>
    /// A store shared by every process using this key, so that they share its rate budgets rather than each
    /// spending the whole of it. Default null: budgets are this process's own.
    /// </summary>
    public ISharedLimiterStore? SharedLimiters { get; set; }

    /// <summary>
    /// Changes to limiters of the limits file by name (case-insensitive), applied before
    /// <see cref="ConfigureLimits"/>; bound from <c>Together:Limiters</c> by <c>AddTogetherClient</c>. Default empty.
    /// A name the file does not have fails the client's creation (and, under dependency injection, start-up).
    /// </summary>
    public IDictionary<string, LimiterOverride> Limiters { get; } =
        new Dictionary<string, LimiterOverride>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Turns the adaptive rates on or off (see <see cref="AdaptiveSettings"/>), applied before
    /// <see cref="ConfigureLimits"/>. Default null: as the limits file says. Bound from <c>Together:AdaptiveRates</c>.
    /// </summary>
    public bool? AdaptiveRates { get; set; }

    /// <summary>Configuration values that could not be read, reported by start-up validation.</summary>
    internal List<string> ConfigurationErrors { get; } = new();

    /// <summary>Where the client logs call, retry and stream events. Default null: nothing is logged.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>A description for diagnostics; the API key is shown only as set or not set.</summary>
    public override string ToString() =>
        string.Format(
            CultureInfo.InvariantCulture,
            "TogetherClientOptions {{ ApiKey = {0}, BaseUrl = {1}, AllowInsecureHttp = {2}, AttemptTimeout = {3}, "
                + "TotalTimeout = {4} }}",
            string.IsNullOrEmpty(ApiKey) ? "(not set)" : "(set)",
            BaseUrl?.ToString() ?? "(default)",
            AllowInsecureHttp,
            AttemptTimeout,
            TotalTimeout);

    private static Uri? ReadBaseUrl()
    {
        var value = Environment.GetEnvironmentVariable(BaseUrlVariable);
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;
    }
}
