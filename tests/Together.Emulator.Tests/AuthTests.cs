using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace Together.Emulator.Tests;

public sealed class AuthTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Chat_WithoutKey_Answers401InTogethersShape(string? key)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var request = emulator.Request(HttpMethod.Post, "/v1/chat/completions", TestEmulator.ChatBody(), key: null);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
        }

        var response = await emulator.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = (await response.JsonAsync()).Error();
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("invalid_api_key", error.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("param").ValueKind);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Chat_WithBasicScheme_Answers401()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var request = emulator.Request(HttpMethod.Post, "/v1/chat/completions", TestEmulator.ChatBody(), key: null);
        request.Headers.TryAddWithoutValidation("Authorization", "Basic dGVzdDp0ZXN0");

        var response = await emulator.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ApiKeys_WhenListed_AcceptOnlyThoseKeys()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.ApiKeys = ["good"]);

        var good = await emulator.ChatAsync(key: "good");
        var bad = await emulator.ChatAsync(key: "bad");

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task Batches_WithoutKey_AnswerTheStringErrorShape()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var response = await emulator.GetAsync("/v1/batches", key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(JsonValueKind.String, (await response.JsonAsync()).GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task Unauthorized_IsCountedButNotAdmitted()
    {
        await using var emulator = await TestEmulator.StartAsync();

        await emulator.ChatAsync(key: null);
        var stats = emulator.State.GetStats();

        Assert.Equal(1, stats.TotalRequests);
        Assert.Equal(0, stats.AcceptedRequests);
        Assert.Equal(1, stats.ResponsesByStatus["401"]);
        Assert.Equal(0, stats.PeakAttemptedPerSecond);
    }

    [Fact]
    public async Task AdminEndpoints_NeedNoKey()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var stats = await emulator.GetAsync("/_emulator/stats", key: null);
        var health = await emulator.GetAsync("/_emulator/health", key: null);

        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        Assert.Equal("ok", (await health.JsonAsync()).GetProperty("status").GetString());
    }
}
