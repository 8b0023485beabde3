using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated.Runtime.Tests;

public sealed class RequestBuildingTests
{
    private readonly FakeHandler _server = new();

    [Fact]
    public async Task SendAsync_BaseUrlWithPath_KeepsBasePath()
    {
        using var core = Core();
        _server.Respond(HttpStatusCode.OK, """{"id":"t1"}""");

        await core.SendAsync(new ApiRequest(TestClient.Endpoint("GET", "/chat/completions"), "/chat/completions"),
            TestJson.Default.Thing, TestContext.Current.CancellationToken);

        Assert.Equal("https://api.example.test/v1/chat/completions", _server.Requests[0].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task SendAsync_EndpointWithServerPath_ReplacesBasePathKeepsHostAndPort()
    {
        using var core = Core(o => o.BaseUrl = new Uri("https://api.example.test:8443/v1/"));
        _server.Respond(HttpStatusCode.OK, """{"id":"v1"}""");

        await core.SendAsync(new ApiRequest(TestClient.Endpoint("GET", "/videos", serverPath: "/v2"), "/videos"),
            TestJson.Default.Thing, TestContext.Current.CancellationToken);

        Assert.Equal("https://api.example.test:8443/v2/videos", _server.Requests[0].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task SendAsync_SameEndpointFromClientsWithOtherBaseUrls_EachGoesToItsOwnBaseUrl()
    {
        // Each client keeps the URIs it built for parameterless endpoints: a second client with another base URL
        // must not be handed the first one's, in whichever order they call.
        var endpoint = TestClient.Endpoint("GET", "/models");
        using var first = Core(o => o.BaseUrl = new Uri("https://one.example.test/v1/"));
        using var second = Core(o => o.BaseUrl = new Uri("https://two.example.test:8443/api/"));
        var token = TestContext.Current.CancellationToken;
        for (var i = 0; i < 4; i++)
        {
            _server.Respond(HttpStatusCode.OK, """{"id":"m"}""");
        }

        await first.SendAsync(new ApiRequest(endpoint, "/models"), TestJson.Default.Thing, token);
        await second.SendAsync(new ApiRequest(endpoint, "/models"), TestJson.Default.Thing, token);
        await first.SendAsync(new ApiRequest(endpoint, "/models"), TestJson.Default.Thing, token);
        await second.SendAsync(new ApiRequest(endpoint, "/models").AddQuery("limit", "1"), TestJson.Default.Thing,
            token);

        Assert.Equal("https://one.example.test/v1/models", _server.Requests[0].Uri.AbsoluteUri);
        Assert.Equal("https://two.example.test:8443/api/models", _server.Requests[1].Uri.AbsoluteUri);
        Assert.Equal("https://one.example.test/v1/models", _server.Requests[2].Uri.AbsoluteUri);
        Assert.Equal("https://two.example.test:8443/api/models?limit=1", _server.Requests[3].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task SendAsync_SameEndpointOtherPathArguments_GoesToEachPath()
    {
        using var core = Core();
        var endpoint = TestClient.Endpoint("GET", "/files/{id}");
        _server.Respond(HttpStatusCode.OK, """{"id":"a"}""").Respond(HttpStatusCode.OK, """{"id":"b"}""");

        await core.SendAsync(new ApiRequest(endpoint, "/files/a"), TestJson.Default.Thing,
            TestContext.Current.CancellationToken);
        await core.SendAsync(new ApiRequest(endpoint, "/files/b"), TestJson.Default.Thing,
            TestContext.Current.CancellationToken);

        Assert.Equal("/v1/files/a", _server.Requests[0].Uri.AbsolutePath);
        Assert.Equal("/v1/files/b", _server.Requests[1].Uri.AbsolutePath);
    }

    [Fact]
    public async Task SendAsync_PercentEncodedPathSegment_StaysEncodedOnTheWire()
    {
        using var core = Core();
        _server.Respond(HttpStatusCode.OK, """{"id":"x"}""");
        var path = "/files/" + WireFormat.PathSegment("a/b c?");

        await core.SendAsync(new ApiRequest(TestClient.Endpoint("GET", "/files/{id}"), path),
            TestJson.Default.Thing, TestContext.Current.CancellationToken);

        Assert.Equal("/v1/files/a%2Fb%20c%3F", _server.Requests[0].Uri.AbsolutePath);
    }

    [Fact]
    public async Task SendAsync_QueryParameters_AreEscapedInOrder()
    {
        using var core = Core();
        _server.Respond(HttpStatusCode.OK, """{"id":"x"}""");
        var request = new ApiRequest(TestClient.Endpoint("GET", "/things"), "/things")
            .AddQuery("q", "a b&c=d")
            .AddQuery("skip", null)
            .AddQuery("limit", "10");

        await core.SendAsync(request, TestJson.Default.Thing, TestContext.Current.CancellationToken);

        Assert.Equal("?q=a%20b%26c%3Dd&limit=10", _server.Requests[0].Uri.Query);
    }

    [Fact]
    public async Task SendAsync_AnyRequest_SendsBearerKeyAcceptAndUserAgent()
    {
        using var core = Core();
        _server.Respond(HttpStatusCode.OK, """{"id":"x"}""");

        await core.SendAsync(TestClient.Post().AddHeader("x-project", "p1"), TestJson.Default.Thing,
            TestContext.Current.CancellationToken);

        var sent = _server.Requests[0];
        Assert.Equal("Bearer " + TestClient.ApiKey, sent.Header("Authorization"));
        Assert.Equal("application/json", sent.Header("Accept"));
        Assert.StartsWith("Together.Generated/", sent.Header("User-Agent"));
        Assert.Equal("p1", sent.Header("x-project"));
        Assert.Equal("""{"id":null,"text":"hello"}""", sent.Body);
    }

    [Fact]
    public async Task SendAsync_NoHeaderParameters_SendsTheSameHeadersAndContentType()
    {
        // Without header parameters the headers go in as wire text: they must say what the typed ones say.
        using var core = Core();
        string? contentType = null;
        _server.Respond((request, _) =>
        {
            contentType = request.Content?.Headers.ContentType?.ToString();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"id":"x"}""", System.Text.Encoding.UTF8, "application/json"),
            });
        });

        await core.SendAsync(TestClient.Post(), TestJson.Default.Thing, TestContext.Current.CancellationToken);

        var sent = _server.Requests[0];
        Assert.Equal("Bearer " + TestClient.ApiKey, sent.Header("Authorization"));
        Assert.Equal("application/json", sent.Header("Accept"));
        Assert.Equal(RequestMessageFactory.UserAgent.ToString(), sent.Header("User-Agent"));
        Assert.Equal("application/json; charset=utf-8", contentType);
    }

    [Fact]
    public async Task StreamAsync_AnyRequest_AcceptsEventStream()
    {
        using var core = Core();
        _server.Respond(HttpStatusCode.OK, "data: [DONE]\n\n", "text/event-stream");

        var token = TestContext.Current.CancellationToken;
        await foreach (var _ in core.StreamAsync(TestClient.Post(), TestJson.Default.Chunk, token))
        {
        }

        Assert.Equal("text/event-stream", _server.Requests[0].Header("Accept"));
    }

    private TogetherClientCore Core(Action<TogetherClientOptions>? configure = null) =>
        TestClient.Create(_server, TestClient.NewClock(), configure: configure);
}
