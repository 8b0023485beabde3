using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Linq;
using System.Threading.Tasks;

namespace Together.Generated.Runtime.Tests;

public sealed class ClientOptionsTests
{
    [Fact]
    public void ToString_KeySet_NeverShowsKey()
    {
        var options = new TogetherClientOptions { ApiKey = TestClient.ApiKey };

        Assert.DoesNotContain(TestClient.ApiKey, options.ToString());
        Assert.Contains("ApiKey = (set)", options.ToString());
    }

    [Fact]
    public void Constructor_PlainHttpRemoteHost_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => Create(new Uri("http://api.example.test/v1")));

        Assert.DoesNotContain(TestClient.ApiKey, error.Message);
    }

    [Theory]
    [InlineData("http://localhost:5005/v1", false)]
    [InlineData("http://127.0.0.1:5005/v1", false)]
    [InlineData("http://api.example.test/v1", true)]
    public void Constructor_PlainHttpLoopbackOrAllowed_IsAccepted(string url, bool allowInsecure)
    {
        using var core = Create(new Uri(url), allowInsecure);

        Assert.NotNull(core);
    }

    [Fact]
    public void Constructor_NoApiKey_ThrowsInvalidOperation()
    {
        var options = new TogetherClientOptions { ApiKey = null };

        Assert.Throws<InvalidOperationException>(() => new TogetherClientCore(null, options, TestClient.Limits()));
    }

    [Fact]
    public async Task Constructor_ConfigureLimits_AppliesBeforeLimitersAreBuilt()
    {
        var server = new FakeHandler().Respond(HttpStatusCode.OK, """{"id":"t1"}""");
        var limits = TestClient.Limits(new LimiterDefinition { Name = "rpm", RunAt = 60 });
        var clock = TestClient.NewClock();
        using var core = TestClient.Create(server, clock, limits,
            o => o.ConfigureLimits = l => l.Limiters["rpm"].RunAt = 600);

        await core.SendAsync(TestClient.Post("rpm"), TestJson.Default.Thing, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMilliseconds(100));

        // 600 a minute refills a permit in 0.1 s; the compiled 60 a minute would take a whole second.
        Assert.Equal(600, core.Limits.Limiters["rpm"].RunAt);
        Assert.Equal(1, core.Limiters.GetStatistics("rpm")!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task Dispose_CallerOwnedHttpClient_IsLeftUsable()
    {
        var server = new FakeHandler().Respond(HttpStatusCode.OK, "{}");
        using var http = new HttpClient(server);
        var options = new TogetherClientOptions { ApiKey = TestClient.ApiKey, BaseUrl = TestClient.BaseUrl };

        new TogetherClientCore(http, options, TestClient.Limits()).Dispose();
        using var response = await http.GetAsync(
            new Uri("https://api.example.test/ping"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SendAsync_WithLogger_LogsEventsWithoutKey()
    {
        var logs = new RecordingLoggerFactory();
        var server = new FakeHandler().Respond(HttpStatusCode.OK, """{"id":"t1"}""");
        using var core = TestClient.Create(server, TestClient.NewClock(), loggerFactory: logs);

        await core.SendAsync(TestClient.Post(), TestJson.Default.Thing, TestContext.Current.CancellationToken);

        Assert.Equal([1, 2], logs.Entries.Select(e => e.EventId));
        Assert.All(logs.Entries, e => Assert.DoesNotContain(TestClient.ApiKey, e.Message));
    }

    private static TogetherClientCore Create(Uri baseUrl, bool allowInsecure = false) =>
        new(null, new TogetherClientOptions
        {
            ApiKey = TestClient.ApiKey,
            BaseUrl = baseUrl,
            AllowInsecureHttp = allowInsecure,
        }, TestClient.Limits());
}
