using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated;

/// <summary>
/// What every generated endpoint method calls. For each attempt it takes permits from the endpoint's limiters,
/// builds a fresh request, and sends it under <see cref="TogetherClientOptions.AttemptTimeout"/>; between attempts
/// it follows the endpoint's retry policy; the whole call runs under <see cref="TogetherClientOptions.TotalTimeout"/>.
/// Failures surface as <see cref="TogetherApiException"/> subclasses. Thread-safe; create one per API key and reuse it.
/// </summary>
public sealed class TogetherClientCore : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly ClientSettings _settings;
    private readonly CallPipeline _calls;
    private readonly ConcurrentDictionary<string, Lazy<JobSlotGate>> _jobSlots = new(StringComparer.Ordinal);
    private int _disposed;

    /// <summary>Creates the core.</summary>
    /// <param name="httpClient">
    /// The client to send through, which is not disposed with the core (its own <c>Timeout</c> and redirect settings
    /// still apply). Null creates one with automatic redirects off, so that the core follows redirects itself and
    /// drops the API key on a redirect to another host; that client is disposed with the core.
    /// </param>
    /// <param name="options">The settings, read once here.</param>
    /// <param name="compiledLimits">
    /// The limits compiled from the limits file. <see cref="TogetherClientOptions.ConfigureLimits"/> is applied to
    /// this instance, so pass a fresh one per core.
    /// </param>
    /// <exception cref="InvalidOperationException">No API key is set.</exception>
    /// <exception cref="ArgumentException">The base URL is plain http for a non-loopback host, or a timeout is not
    /// positive.</exception>
    public TogetherClientCore(HttpClient? httpClient, TogetherClientOptions options, TogetherLimits compiledLimits)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(compiledLimits);
        _settings = ClientSettings.From(options);
        LimiterOverride.Apply(options.Limiters, compiledLimits);
        compiledLimits.Adaptive.Enabled = options.AdaptiveRates ?? compiledLimits.Adaptive.Enabled;
        options.ConfigureLimits?.Invoke(compiledLimits);
        Limits = compiledLimits;
        Limiters = new LimiterRegistry(compiledLimits, _settings.Time, _settings.KeyFingerprint,
            _settings.SharedLimiters);
        _ownsHttp = httpClient is null;
        _http = httpClient ?? CreateHttpClient();
        _calls = new CallPipeline(_http, _settings, Limiters, Limits);
    }

    /// <summary>The limiters, for statistics.</summary>
    public LimiterRegistry Limiters { get; }

    /// <summary>The limits in effect, after <see cref="TogetherClientOptions.ConfigureLimits"/>.</summary>
    public TogetherLimits Limits { get; }

    /// <summary>The client's clock (<see cref="TogetherClientOptions.TimeProvider"/>), for helpers that wait.</summary>
    public TimeProvider Time => _settings.Time;

    /// <summary>
    /// Sends <paramref name="request"/>; reads the JSON reply with <paramref name="responseType"/>. When the
    /// endpoint has a <c>job_slots</c> limiter, the call first waits for a free slot (see
    /// <see cref="TogetherClientOptions.JobSlots"/>) and the job it creates holds that slot until it finishes.
    /// </summary>
    public Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseType);
        if (JobSlotsOf(request.Endpoint) is { } gate)
        {
            return gate.StartAsync(
                request,
                (r, token) => ExecuteAsync(r, ResponseKind.Json, (call, attempt) =>
                    ResponseReader.ReadJsonWithIdAsync(call, attempt, responseType), token),
                FetchJobAsync,
                cancellationToken);
        }

        return ExecuteAsync(request, ResponseKind.Json, static (call, attempt, type) =>
            ResponseReader.ReadJsonAsync(call, attempt, type), responseType, cancellationToken);
    }

    /// <summary>
    /// The ids of the jobs holding slots of the <c>job_slots</c> limiter <paramref name="limiterName"/>, as this
    /// client last learned them; empty before its first create call.
    /// </summary>
    public IReadOnlyList<string> RunningJobs(string limiterName) =>
        _jobSlots.TryGetValue(limiterName, out var gate) ? gate.Value.Running : Array.Empty<string>();

    /// <summary>Sends <paramref name="request"/> and ignores the response body (204 and the like).</summary>
    public Task SendAsync(ApiRequest request, CancellationToken cancellationToken) =>
        ExecuteAsync(request, ResponseKind.None, static (_, _) => Task.FromResult(true), cancellationToken);

    /// <summary>Sends <paramref name="request"/> and returns the text/plain response body.</summary>
    public Task<string> SendForTextAsync(ApiRequest request, CancellationToken cancellationToken) =>
        ExecuteAsync(request, ResponseKind.Text, ResponseReader.ReadTextAsync, cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/> and returns the body as a stream once the headers have arrived. The
    /// response holds the call's limiter permits until it is disposed.
    /// </summary>
    public Task<BinaryResponse> SendForBinaryAsync(ApiRequest request, CancellationToken cancellationToken) =>
        ExecuteAsync(request, ResponseKind.Binary, ResponseReader.OpenBinaryAsync, cancellationToken, keep: true);

    /// <summary>
    /// Sends <paramref name="request"/> for a <c>text/event-stream</c> response and yields each chunk as it arrives,
    /// until <c>data: [DONE]</c>. Nothing is sent until enumeration starts. The limiter permits are held until the
    /// enumeration ends, is disposed (e.g. by <c>break</c>) or is cancelled. Retries apply only until the response
    /// headers arrive; a stream that fails later raises <see cref="StreamInterruptedException"/>.
    /// </summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(
        ApiRequest request, JsonTypeInfo<T> chunkType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunkType);
        request.Streaming = true;
        var attempt = await ExecuteAsync(request, ResponseKind.EventStream, static (_, attempt) =>
            Task.FromResult(attempt), cancellationToken, keep: true).ConfigureAwait(false);
        await using (attempt.ConfigureAwait(false))
        {
            var chunks = EventStreamReader.ReadAsync(attempt, chunkType, request.Endpoint.Name, _settings,
                cancellationToken);
            // Usage arrives on the last chunk (or one of its own); the reservation is settled when the stream ends.
            object? usage = null;
            try
            {
                await foreach (var chunk in chunks.ConfigureAwait(false))
                {
                    if (chunk is ITokenUsage { TotalTokens: not null })
                    {
                        usage = chunk;
                    }

                    yield return chunk;
                }
            }
            finally
            {
                attempt.SettleTokens(usage);
            }
        }
    }

    private JobSlotGate? JobSlotsOf(EndpointDescriptor endpoint)
    {
        foreach (var name in endpoint.Limiters)
        {
            if (Limits.Limiters.TryGetValue(name, out var definition) && definition.Kind == LimiterKind.JobSlots)
            {
                return _jobSlots.GetOrAdd(name, n => new Lazy<JobSlotGate>(() => new JobSlotGate(
                    n, LimiterFactory.EffectiveBudget(definition, null), _settings.JobSlots, _settings))).Value;
            }
        }

        return null;
    }

    private async Task<JsonElement?> FetchJobAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(request, ResponseKind.Json, ResponseReader.ReadElementAsync, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>Disposes the limiters and, when the core created it, the HTTP client.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Limiters.Dispose();
        foreach (var gate in _jobSlots.Values.Where(g => g.IsValueCreated))
        {
            gate.Value.Dispose();
        }

        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,

            // Picks up DNS changes behind a long-lived client.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };

        // Timeouts are the core's own, on the injected clock.
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// Runs the call on the caller's model and, while it ends overloaded (503 after the policy's retries), on each of
    /// the endpoint's fallback models in turn. Each model's call has its own retries, permits and timeouts.
    /// </summary>
    private Task<TResult> ExecuteAsync<TResult>(
        ApiRequest request,
        ResponseKind kind,
        Func<CallScope, AttemptResult, Task<TResult>> read,
        CancellationToken cancellationToken,
        bool keep = false) =>
        ExecuteAsync(request, kind, static (call, attempt, read) => new ValueTask<TResult>(read(call, attempt)), read,
            cancellationToken, keep);

    /// <summary>
    /// <see cref="ExecuteAsync{TResult}(ApiRequest, ResponseKind, Func{CallScope, AttemptResult, Task{TResult}},
    /// CancellationToken, bool)"/> with the reader's state passed along, so that a reader needs no closure.
    /// </summary>
    private Task<TResult> ExecuteAsync<TResult, TState>(
        ApiRequest request,
        ResponseKind kind,
        Func<CallScope, AttemptResult, TState, ValueTask<TResult>> read,
        TState state,
        CancellationToken cancellationToken,
        bool keep = false)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Most endpoints have no fallback models: their call is one run, without the fallback loop's own await.
        return request.Endpoint.FallbackModels.Count == 0
            ? ExecuteOnceAsync(request, kind, read, state, cancellationToken, keep)
            : ExecuteWithFallbacksAsync(request, kind, read, state, cancellationToken, keep);
    }

    private async Task<TResult> ExecuteWithFallbacksAsync<TResult, TState>(
        ApiRequest request,
        ResponseKind kind,
        Func<CallScope, AttemptResult, TState, ValueTask<TResult>> read,
        TState state,
        CancellationToken cancellationToken,
        bool keep)
    {
        IReadOnlyList<string> fallbacks =
            request.Endpoint.FallbackModels.Where(m => m != request.Limits?.Model).ToArray();
        var original = request;
        ServerException? overloaded = null;
        for (var next = 0; ; next++)
        {
            try
            {
                return await ExecuteOnceAsync(request, kind, read, state, cancellationToken, keep)
                    .ConfigureAwait(false);
            }
            catch (TogetherApiException e) when (next < fallbacks.Count && original.Limits?.Model is { } model
                && IsFallbackCause(e, request != original, ref overloaded)
                && original.ForModel(fallbacks[next]) is { } fallback)
            {
                Log.FallingBack(_settings.Logger, request.Endpoint.Name, request.Limits?.Model ?? model,
                    fallbacks[next]);
                request = fallback;
            }
            catch (ModelNotFoundException) when (request != original && overloaded is not null)
            {
                // The last fallback is unknown to the server: the caller's problem is still the overload.
                ExceptionDispatchInfo.Throw(overloaded);
                throw;
            }
        }
    }

    // The caller's model (or a fallback) stayed overloaded; a fallback the server does not know is skipped too.
    private static bool IsFallbackCause(TogetherApiException error, bool onFallback, ref ServerException? overloaded)
    {
        if (error is ServerException { StatusCode: 503 } server)
        {
            overloaded = server;
            return true;
        }

        return onFallback && error is ModelNotFoundException && overloaded is not null;
    }

    private async Task<TResult> ExecuteOnceAsync<TResult, TState>(
        ApiRequest request,
        ResponseKind kind,
        Func<CallScope, AttemptResult, TState, ValueTask<TResult>> read,
        TState state,
        CancellationToken cancellationToken,
        bool keep)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        using var call = _calls.Begin(request, kind, cancellationToken);
        AttemptResult? attempt = null;
        var handedOver = false;
        try
        {
            attempt = await _calls.SendAsync(call).ConfigureAwait(false);
            var result = await read(call, attempt, state).ConfigureAwait(false);
            attempt.SettleTokens(result);
            handedOver = keep;
            return result;
        }
        catch (OperationCanceledException e) when (call.TotalTimeoutElapsed)
        {
            throw ErrorFactory.TotalTimeout(call, e);
        }
        finally
        {
            if (!handedOver && attempt is not null)
            {
                await attempt.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
