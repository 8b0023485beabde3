using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.EndToEnd;

/// <summary>Calls through the client generated from the newest official spec (read from ../shared).</summary>
public sealed class OfficialSpecCallsTests
{
    [Fact]
    public async Task RetrieveVideo_OperationServerIsV2_GoesToTheConfiguredHostUnderV2()
    {
        var fixture = GeneratedClientFixture.For(SharedSpecs.PathOf(SharedSpecs.Newest));
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, """{"id":"v1","object":"video"}""");
        using var client = fixture.Create(handler);

        await client.InvokeAsync("Video", "RetrieveVideoAsync", "vid/1");

        var uri = handler.Requests.Single().Uri;
        Assert.Equal("127.0.0.1", uri.Host);
        Assert.Equal(5999, uri.Port);
        Assert.Equal("/v2/videos/vid%2F1", uri.AbsolutePath);
    }
}
