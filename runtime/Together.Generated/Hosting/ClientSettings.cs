using System;
using System.Linq;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Together.Generated;

/// <summary>
/// The validated, immutable snapshot of <see cref="TogetherClientOptions"/> a client runs with, so that later changes
/// to the options object cannot change a running client half-way.
/// </summary>
internal sealed class ClientSettings
{
    private const string Redacted = "[redacted]";

    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(49);

    private ClientSettings(TogetherClientOptions options, string apiKey, Uri baseUrl)
    {
        ApiKey = apiKey;
        BearerAuthorization = "Bearer " + apiKey;
        BaseUrl = baseUrl;
        AllowInsecureHttp = options.AllowInsecureHttp;
        AttemptTimeout = options.AttemptTimeout;
        TotalTimeout = options.TotalTimeout;
        Time = options.TimeProvider ?? TimeProvider.System;
        var jitter = options.Jitter;
        Jitter = jitter is null ? Random.Shared.NextDouble : () => Math.Clamp(jitter(), 0d, 1d);
        Logger = options.LoggerFactory?.CreateLogger("Together.Generated") ?? NullLogger.Instance;
        KeyFingerprint = Together.Generated.KeyFingerprint.Of(apiKey);
        JobSlots = options.JobSlots ?? new JobSlotOptions();
        SharedLimiters = options.SharedLimiters;

        // A server echoing the key may escape it: JSON (\u002B, \/), HTML (&amp;) or URL (%2B) forms are redacted
        // too, longest first so that no form leaves part of another behind.
        var relaxedJson = JsonEncodedText.Encode(apiKey, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        _keyForms = new[]
            {
                apiKey,
                JsonEncodedText.Encode(apiKey).ToString(),
                relaxedJson,
                relaxedJson.Replace("/", "\\/", StringComparison.Ordinal),
                WebUtility.HtmlEncode(apiKey),
                Uri.EscapeDataString(apiKey),
            }
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(form => form.Length)
            .ToArray();
    }

    private readonly string[] _keyForms;

    public string ApiKey { get; }

    /// <summary>The <c>Authorization</c> header's value, <c>Bearer</c> and the key, formatted once.</summary>
    public string BearerAuthorization { get; }

    public string KeyFingerprint { get; }

    public Uri BaseUrl { get; }

    public bool AllowInsecureHttp { get; }

    public TimeSpan AttemptTimeout { get; }

    public TimeSpan TotalTimeout { get; }

    public TimeProvider Time { get; }

    public Func<double> Jitter { get; }

    public ILogger Logger { get; }

    public JobSlotOptions JobSlots { get; }

    public ISharedLimiterStore? SharedLimiters { get; }

    public static ClientSettings From(TogetherClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var apiKey = options.ApiKey;
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new InvalidOperationException(
                "No Together API key: set TogetherClientOptions.ApiKey or the TOGETHER_API_KEY environment variable.");
        }

        foreach (var c in apiKey)
        {
            // A key with spaces or control characters cannot travel in a header; the message must not echo it.
            if (c is <= ' ' or > '~')
            {
                throw new ArgumentException(
                    "The API key contains whitespace or non-ASCII characters.", nameof(options));
            }
        }

        var baseUrl = options.BaseUrl ?? TogetherClientOptions.DefaultBaseUrl;
        if (!baseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException($"The base URL '{baseUrl}' is not absolute.", nameof(options));
        }

        if (!IsAllowed(baseUrl, options.AllowInsecureHttp))
        {
            throw new ArgumentException(
                $"The base URL '{baseUrl}' is not https: plain http would send the API key in clear text. "
                    + "It is allowed for loopback hosts, or for any host when TogetherClientOptions.AllowInsecureHttp "
                    + "is set.",
                nameof(options));
        }

        CheckTimeout(options.AttemptTimeout, nameof(options.AttemptTimeout));
        CheckTimeout(options.TotalTimeout, nameof(options.TotalTimeout));
        return new ClientSettings(options, apiKey, baseUrl);
    }

    /// <summary>Whether the API key may be sent to <paramref name="uri"/>.</summary>
    public bool IsAllowed(Uri uri) => IsAllowed(uri, AllowInsecureHttp);

    /// <summary>
    /// Replaces every occurrence of the API key, plain or escaped, since servers sometimes echo a rejected key back.
    /// </summary>
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var form in _keyForms)
        {
            text = text.Replace(form, Redacted, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    private static bool IsAllowed(Uri uri, bool allowInsecureHttp) =>
        uri.Scheme == Uri.UriSchemeHttps
        || (uri.Scheme == Uri.UriSchemeHttp && (allowInsecureHttp || uri.IsLoopback));

    private static void CheckTimeout(TimeSpan value, string name)
    {
        // A timer cannot be set further out than about 49.7 days (uint.MaxValue - 1 milliseconds).
        if (value != Timeout.InfiniteTimeSpan && (value <= TimeSpan.Zero || value > MaxTimeout))
        {
            throw new ArgumentException(
                $"TogetherClientOptions.{name} must be positive and at most 49 days, or infinite "
                    + "(Timeout.InfiniteTimeSpan).",
                name);
        }
    }
}
