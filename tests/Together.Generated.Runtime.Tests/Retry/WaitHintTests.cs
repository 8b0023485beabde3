using System;
using System.Net.Http;

namespace Together.Generated.Runtime.Tests;

public sealed class WaitHintTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_RateLimitReset_ReadsSeconds() =>
        Assert.Equal(TimeSpan.FromSeconds(2), Hint(("x-ratelimit-reset", "2")));

    [Fact]
    public void From_RateLimitResetWithFraction_ReadsFractionalSeconds() =>
        Assert.Equal(TimeSpan.FromSeconds(1.5), Hint(("x-ratelimit-reset", "1.5")));

    [Fact]
    public void From_RetryAfterMs_ReadsMilliseconds() =>
        Assert.Equal(TimeSpan.FromMilliseconds(1500), Hint(("retry-after-ms", "1500")));

    [Fact]
    public void From_RetryAfterDeltaSeconds_ReadsSeconds() =>
        Assert.Equal(TimeSpan.FromSeconds(7), Hint(("Retry-After", "7")));

    [Fact]
    public void From_RetryAfterHttpDate_MeasuresFromResponseDate()
    {
        // The local clock is an hour ahead of the server; the hint must not shrink to zero because of it.
        var hint = Hint(Now.AddHours(1), ("Date", "Wed, 01 Jan 2025 12:00:00 GMT"),
            ("Retry-After", "Wed, 01 Jan 2025 12:00:30 GMT"));

        Assert.Equal(TimeSpan.FromSeconds(30), hint);
    }

    [Fact]
    public void From_RetryAfterHttpDateWithoutDateHeader_MeasuresFromNow() =>
        Assert.Equal(TimeSpan.FromSeconds(45), Hint(("Retry-After", "Wed, 01 Jan 2025 12:00:45 GMT")));

    [Fact]
    public void From_SeveralForms_PrefersRateLimitResetThenMs()
    {
        Assert.Equal(TimeSpan.FromSeconds(3),
            Hint(("Retry-After", "9"), ("retry-after-ms", "500"), ("x-ratelimit-reset", "3")));
        Assert.Equal(TimeSpan.FromMilliseconds(500), Hint(("Retry-After", "9"), ("retry-after-ms", "500")));
    }

    [Theory]
    [InlineData("x-ratelimit-reset", "soon")]
    [InlineData("x-ratelimit-reset", "-3")]
    [InlineData("x-ratelimit-reset", "1735732800")]
    [InlineData("retry-after-ms", "NaN")]
    [InlineData("Retry-After", "-1")]
    [InlineData("Retry-After", "999999999999")]
    [InlineData("Retry-After", "Wed, 01 Jan 2025 11:00:00 GMT")]
    public void From_MalformedNegativePastOrAbsurd_IsIgnored(string header, string value) =>
        Assert.Null(Hint((header, value)));

    [Fact]
    public void From_MalformedFirstForm_FallsBackToNextForm() =>
        Assert.Equal(TimeSpan.FromSeconds(4), Hint(("x-ratelimit-reset", "later"), ("Retry-After", "4")));

    private static TimeSpan? Hint(params (string Name, string Value)[] headers) => Hint(Now, headers);

    private static TimeSpan? Hint(DateTimeOffset now, params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return WaitHint.From(response.Headers, now);
    }
}
