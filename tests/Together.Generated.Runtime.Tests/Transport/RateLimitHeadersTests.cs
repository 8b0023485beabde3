using System;
using System.Net.Http;

namespace Together.Generated.Runtime.Tests;

public sealed class RateLimitHeadersTests
{
    [Fact]
    public void From_AllFigures_ReadsEach()
    {
        var figures = Figures(("x-ratelimit-limit", "10"), ("x-ratelimit-remaining", "7"), ("x-ratelimit-reset", "0.5"),
            ("x-tokenlimit-limit", "5000"), ("x-tokenlimit-remaining", "4200"));

        Assert.Equal(10, figures.RequestLimit);
        Assert.Equal(7, figures.RequestsRemaining);
        Assert.Equal(TimeSpan.FromSeconds(0.5), figures.Reset);
        Assert.Equal(5000, figures.TokenLimit);
        Assert.Equal(4200, figures.TokensRemaining);
        Assert.True(figures.Any);
    }

    [Fact]
    public void From_NoFigures_AllNull()
    {
        var figures = Figures(("x-request-id", "r1"), ("Server", "test"));

        Assert.Equal(new RateLimitHeaders(), figures);
        Assert.False(figures.Any);
    }

    [Fact]
    public void From_PlainAndDynamic_PlainWinsInEitherOrder()
    {
        Assert.Equal(10, Figures(("x-ratelimit-limit", "10"), ("x-ratelimit-limit-dynamic", "20")).RequestLimit);
        Assert.Equal(10, Figures(("x-ratelimit-limit-dynamic", "20"), ("x-ratelimit-limit", "10")).RequestLimit);
        Assert.Equal(20, Figures(("x-ratelimit-limit-dynamic", "20")).RequestLimit);
    }

    [Fact]
    public void From_PlainUnusable_FallsBackToDynamic()
    {
        Assert.Equal(30, Figures(("x-tokenlimit-remaining", "lots"), ("x-tokenlimit-remaining-dynamic", "30"))
            .TokensRemaining);
        Assert.Equal(30, Figures(("x-tokenlimit-remaining", "-1"), ("x-tokenlimit-remaining-dynamic", "30"))
            .TokensRemaining);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-2")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1735732800")]
    public void From_ResetMalformedNegativeOrAbsurd_IsNull(string value) =>
        Assert.Null(Figures(("x-ratelimit-reset", value)).Reset);

    [Fact]
    public void From_NamesInAnyCase_AreRead() =>
        Assert.Equal(3, Figures(("X-RateLimit-Remaining", "3")).RequestsRemaining);

    [Fact]
    public void From_HeaderRepeated_FirstValueCounts() =>
        Assert.Equal(4, Figures(("x-ratelimit-remaining", "4"), ("x-ratelimit-remaining", "9")).RequestsRemaining);

    [Fact]
    public void From_ValueWithSpacesOrExponent_IsRead()
    {
        Assert.Equal(12, Figures(("x-ratelimit-limit", " 12 ")).RequestLimit);
        Assert.Equal(1500, Figures(("x-tokenlimit-limit", "1.5e3")).TokenLimit);
    }

    private static RateLimitHeaders Figures(params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return RateLimitHeaders.From(response.Headers);
    }
}
