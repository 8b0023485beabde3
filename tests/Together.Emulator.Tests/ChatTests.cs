using System.Net;
using System.Text.Json;
using System.Threading.Tasks;

namespace Together.Emulator.Tests;

public sealed class ChatTests
{
    [Fact]
    public async Task Chat_AnswersTogethersCompletionShape()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var response = await emulator.ChatAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.StartsWith("chatcmpl-", body.GetProperty("id").GetString());
        Assert.Equal("chat.completion", body.GetProperty("object").GetString());
        Assert.Equal(emulator.Clock.GetUtcNow().ToUnixTimeSeconds(), body.GetProperty("created").GetInt64());
        Assert.Equal(TestEmulator.Model, body.GetProperty("model").GetString());
        var choice = Assert.Single(body.GetProperty("choices").EnumerateArray());
        Assert.Equal(0, choice.GetProperty("index").GetInt32());
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        Assert.Equal(
            "Echo: Say hello in five words.", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        var usage = body.GetProperty("usage");

        // "Be brief.\nSay hello in five words." is 34 characters: 9 tokens at 4 characters each, rounded up.
        Assert.Equal(9, usage.GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(6, usage.GetProperty("completion_tokens").GetInt32());
        Assert.Equal(15, usage.GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task Chat_WithMaxTokens_StopsThereWithLength()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var response = await emulator.PostAsync("/v1/chat/completions", TestEmulator.ChatBody(maxTokens: 3));

        var body = await response.JsonAsync();
        var choice = body.GetProperty("choices")[0];
        Assert.Equal("Echo: Say hello", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("length", choice.GetProperty("finish_reason").GetString());
        Assert.Equal(3, body.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task Chat_WithMultimodalContent_EchoesTheTextParts()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var json = JsonSerializer.Serialize(new
        {
            model = "m",
            messages = new object[]
            {
                new
                {
                    role = "user",
                    content = new object[]
                    {
                        new { type = "text", text = "What is" },
                        new { type = "image_url", image_url = new { url = "https://example.test/a.png" } },
                        new { type = "text", text = "this?" },
                    },
                },
            },
        });

        var body = await (await emulator.PostAsync("/v1/chat/completions", json)).JsonAsync();

        Assert.Equal("Echo: What is this?", body.GetProperty("choices")[0].GetProperty("message")
            .GetProperty("content").GetString());
    }

    [Theory]
    [InlineData("{not json", null)]
    [InlineData("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "model")]
    [InlineData("{\"model\":\"m\",\"messages\":[]}", "messages")]
    public async Task Chat_WithBadBody_Answers400(string json, string? param)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var response = await emulator.PostAsync("/v1/chat/completions", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.JsonAsync()).Error();
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.Equal(0, emulator.State.GetStats().AcceptedRequests);
    }

    [Fact]
    public async Task Completions_AnswerTextCompletionShape()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var response = await emulator.PostAsync(
            "/v1/completions", "{\"model\":\"mistralai/Mixtral-8x7B-v0.1\",\"prompt\":\"Once upon a time\"}");

        var body = await response.JsonAsync();
        Assert.Equal("text.completion", body.GetProperty("object").GetString());
        Assert.Equal("Echo: Once upon a time", body.GetProperty("choices")[0].GetProperty("text").GetString());
        Assert.Equal(4, body.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(5, body.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task UnknownV1Path_Answers404AfterTheKeyCheck()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var anonymous = await emulator.GetAsync("/v1/nothing-here", key: null);
        var known = await emulator.GetAsync("/v1/nothing-here");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, known.StatusCode);
        Assert.Equal("not_found", (await known.JsonAsync()).Error().GetProperty("code").GetString());
    }
}
