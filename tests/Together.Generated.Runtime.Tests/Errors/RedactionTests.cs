using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated.Runtime.Tests;

/// <summary>A key the server echoes back is redacted in every form it may take, before anything is cut short.</summary>
public sealed class RedactionTests
{
    private const string Key = "sk-a+b/c=<KEY>&'q\"0123";
    private readonly FakeHandler _server = new();

    [Theory]
    [InlineData("application/json", """{"error":{"message":"bad key """
        + """sk-a\u002Bb/c=\u003CKEY\u003E\u0026\u0027q\u00220123"}}""")]
    [InlineData("application/json", """{"error":{"message":"bad key sk-a+b/c=<KEY>&'q\"0123"}}""")]
    [InlineData("application/json", """{"error":{"message":"bad key sk-a+b\/c=<KEY>&'q\"0123"}}""")]
    [InlineData("application/json", """{"error":{"message":"bad key """
        + """sk-a\u002bb/c=\u003cKEY\u003e\u0026\u0027q\u00220123"}}""")]
    [InlineData("text/html", "<html><body>bad key sk-a+b/c=&lt;KEY&gt;&amp;&#39;q&quot;0123</body></html>")]
    [InlineData("text/plain", "bad key sk-a%2Bb%2Fc%3D%3CKEY%3E%26%27q%220123")]
    public async Task SendAsync_ServerEchoesAnEscapedKey_RawBodyAndMessageCarryNoForm(string type, string body)
    {
        using var core = Core();
        _server.Respond(HttpStatusCode.BadRequest, body, type);

        var error = await Assert.ThrowsAnyAsync<TogetherApiException>(Send(core));

        Assert.Contains("[redacted]", error.RawBody, StringComparison.Ordinal);
        Assert.DoesNotContain("KEY", error.RawBody, StringComparison.Ordinal);
        Assert.DoesNotContain("KEY", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_KeyAtTheCutOfALongTextMessage_NoPartOfItInTheMessage()
    {
        const string Plain = "sk-boundaryKEY0123456789";
        using var core = Core(Plain);
        _server.Respond(HttpStatusCode.BadRequest, new string('x', 500 - (Plain.Length - 1)) + Plain, "text/plain");

        var error = await Assert.ThrowsAnyAsync<TogetherApiException>(Send(core));

        Assert.DoesNotContain("boundaryKEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("boundaryKEY", error.ErrorMessage ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RequestIdEchoesTheKey_RequestIdIsRedacted()
    {
        using var core = Core("sk-plainKEY0123456789");
        _server.Respond(HttpStatusCode.BadRequest, "{}", headers: ("x-request-id", "req-sk-plainKEY0123456789"));

        var error = await Assert.ThrowsAnyAsync<TogetherApiException>(Send(core));

        Assert.Equal("req-[redacted]", error.RequestId);
        Assert.DoesNotContain("plainKEY", error.Message, StringComparison.Ordinal);
    }

    private static Func<Task> Send(TogetherClientCore core) =>
        () => core.SendAsync(TestClient.Post(), TestJson.Default.Thing, TestContext.Current.CancellationToken);

    private TogetherClientCore Core(string key = Key) =>
        TestClient.Create(_server, TestClient.NewClock(), configure: o => o.ApiKey = key);
}
