using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated.Runtime.Tests;

public sealed class RedirectTests
{
    private readonly FakeHandler _server = new();

    [Fact]
    public async Task SendAsync_RedirectToOtherHost_DropsAuthorization()
    {
        using var core = TestClient.Create(_server, TestClient.NewClock());
        Redirect(HttpStatusCode.TemporaryRedirect, "https://storage.example.net/blob/1");
        _server.Respond(HttpStatusCode.OK, """{"id":"f1"}""");

        await core.SendAsync(TestClient.Get(), TestJson.Default.Thing, TestContext.Current.CancellationToken);

        Assert.Equal("storage.example.net", _server.Requests[1].Uri.Host);
        Assert.Null(_server.Requests[1].Header("Authorization"));
    }

    [Fact]
    public async Task SendAsync_RedirectOnSameHost_KeepsAuthorizationAndResendsBody()
    {
        using var core = TestClient.Create(_server, TestClient.NewClock());
        Redirect(HttpStatusCode.TemporaryRedirect, "/v1/things-moved");
        _server.Respond(HttpStatusCode.OK, """{"id":"t1"}""");

        await core.SendAsync(TestClient.Post(), TestJson.Default.Thing, TestContext.Current.CancellationToken);

        var second = _server.Requests[1];
        Assert.Equal(HttpMethod.Post, second.Method);
        Assert.Equal("/v1/things-moved", second.Uri.AbsolutePath);
        Assert.Equal("Bearer " + TestClient.ApiKey, second.Header("Authorization"));
        Assert.Equal(_server.Requests[0].Body, second.Body);
    }

    [Fact]
    public async Task SendAsync_RedirectToPlainHttp_IsNotFollowed()
    {
        using var core = TestClient.Create(_server, TestClient.NewClock());
        Redirect(HttpStatusCode.Found, "http://insecure.example.net/x");

        var error = await Assert.ThrowsAsync<TogetherApiException>(
            () => core.SendAsync(TestClient.Get(), TestJson.Default.Thing, TestContext.Current.CancellationToken));

        Assert.Equal(302, error.StatusCode);
        Assert.Equal(1, _server.Hits);
    }

    [Fact]
    public async Task SendAsync_RedirectsWithoutEnd_FollowsFiveThenFailsWithTheLastRedirect()
    {
        using var core = TestClient.Create(_server, TestClient.NewClock());
        for (var hop = 0; hop <= RedirectFollower.MaxRedirects + 1; hop++)
        {
            Redirect(HttpStatusCode.TemporaryRedirect, "/v1/things-" + hop);
        }

        var error = await Assert.ThrowsAsync<TogetherApiException>(
            () => core.SendAsync(TestClient.Get(), TestJson.Default.Thing, TestContext.Current.CancellationToken));

        // The request and five redirects: the sixth location is not followed.
        Assert.Equal(307, error.StatusCode);
        Assert.Equal(1 + RedirectFollower.MaxRedirects, _server.Hits);
        Assert.Equal("/v1/things-4", _server.Requests[^1].Uri.AbsolutePath);
    }

    private void Redirect(HttpStatusCode status, string location) =>
        _server.Respond((_, _) =>
        {
            var response = new HttpResponseMessage(status);
            response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
            return Task.FromResult(response);
        });
}
