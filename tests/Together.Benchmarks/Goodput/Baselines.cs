using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace Together.Benchmarks;

/// <summary>The two clients ours is compared with, each making one chat call the way its recipe says.</summary>
internal static class Baselines
{
    /// <summary>
    /// As Together's official SDKs: 2 retries, 1 s x 2^n capped at 10 s with up to 25 % taken off, honouring only
    /// retry-after-ms and Retry-After (never x-ratelimit-reset).
    /// </summary>
    public static async Task<bool> RetryOnlyAsync(HttpClient http, string body, Random random)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await SendAsync(http, body);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            if (attempt == 2 || !IsRetried(response.StatusCode))
            {
                return false;
            }

            var wait = Hint(response) ?? TimeSpan.FromSeconds(Math.Min(10, Math.Pow(2, attempt)))
                * (1 - (0.25 * random.NextDouble()));
            await Task.Delay(wait);
        }
    }

    /// <summary>
    /// The common recipe: a token bucket of 500 a minute that starts full and refills continuously, up to 4 retries
    /// honouring Retry-After plus up to 2 s of jitter, otherwise 2^n seconds.
    /// </summary>
    public static async Task<bool> NaiveBucketAsync(HttpClient http, string body, RateLimiter bucket, Random random)
    {
        for (var attempt = 0; ; attempt++)
        {
            using (var lease = await bucket.AcquireAsync(1))
            {
                if (!lease.IsAcquired)
                {
                    return false;
                }
            }

            using var response = await SendAsync(http, body);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            if (attempt == 4 || !IsRetried(response.StatusCode))
            {
                return false;
            }

            var wait = response.Headers.RetryAfter?.Delta is { } delta
                ? delta + TimeSpan.FromSeconds(2 * random.NextDouble())
                : TimeSpan.FromSeconds(Math.Pow(2, attempt));
            await Task.Delay(wait);
        }
    }

    public static TokenBucketRateLimiter NaiveBucket() => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = 500,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / 500,
        QueueLimit = 100_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    private static bool IsRetried(HttpStatusCode status) => (int)status is 408 or 409 or 429 or >= 500;

    private static TimeSpan? Hint(HttpResponseMessage response) =>
        response.Headers.TryGetValues("retry-after-ms", out var ms) && double.TryParse(string.Join("", ms), out var m)
            ? TimeSpan.FromMilliseconds(m)
            : response.Headers.RetryAfter?.Delta;

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string body) =>
        http.PostAsync("chat/completions", new StringContent(body, Encoding.UTF8, "application/json"),
            CancellationToken.None);
}
