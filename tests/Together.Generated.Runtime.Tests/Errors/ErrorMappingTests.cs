using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated.Runtime.Tests;

public sealed class ErrorMappingTests
{
    private readonly FakeHandler _server = new();

    [Fact]
    public async Task SendAsync_401_ThrowsAuthenticationExceptionWithServerMessageAndNoKey()
    {
        using var core = Core();
        _server.Respond(HttpStatusCode.Unauthorized,
            $$$"""{"error":{"message":"Invalid API key provided: {{{TestClient.ApiKey}}}","""
                + """ "type":"invalid_request_error","code":"invalid_api_key"}}""",
            headers: ("x-request-id", "req-401"));

        var error = await Assert.ThrowsAsync<AuthenticationException>(
            () => core.SendAsync(TestClient.Post(), TestJson.Default.Thing, TestContext.Current.CancellationToken));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("Invalid API key provided: [redacted]", error.ErrorMessage);
        Assert.Equal("invalid_api_key", error.ErrorCode);
        Assert.Equal("req-401", error.RequestId);
        Assert.Contains("CreateThing", error.Message);
        Assert.Contains("Invalid API key provided", error.Message);
        Assert.DoesNotContain(TestClient.ApiKey, error.ToString());
        Assert.DoesNotContain(TestClient.ApiKey, error.RawBody);
    }

    [Theory]
    [InlineData(HttpStatusCode.PaymentRequired, typeof(PaymentRequiredException))]
    [InlineData(HttpStatusCode.Forbidden, typeof(PermissionDeniedException))]
    [InlineData(HttpStatusCode.NotFound, typeof(NotFoundException))]
    [InlineData(HttpStatusCode.TooManyRequests, typeof(RateLimitedException))]
    [InlineData(HttpStatusCode.InternalServerError, typeof(ServerException))]
    [InlineData(HttpStatusCode.Conflict, typeof(TogetherApiException))]
    [InlineData(HttpStatusCode.BadRequest, typeof(TogetherApiException))]
    public async Task SendAsync_ErrorStatus_ThrowsMatchingType(HttpStatusCode status, Type expected)
    {
        var limits = TestClient.Limits();
        limits.RetryPolicies["default"].MaxRetries = 0;
        using var core = TestClient.Create(_server, TestClient.NewClock(), limits);
        _server.Respond(status, """{"error":{"message":"nope"}}""");

        var error = await Assert.ThrowsAnyAsync<TogetherApiException>(
            () => core.SendAsync(TestClient.Post(), TestJson.Default.Thing, TestContext.Current.CancellationToken));

        Assert.Equal(expected, error.GetType());
        Assert.Equal("nope", error.ErrorMessage);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task SendAsync_HtmlErrorPage_NamesStatusAndKeepsRawBody()
    {
        using var core = Core();
        _server.Respond(HttpStatusCode.Forbidden, "<html><body>Access denied</body></html>", "text/html");

        var error = await Assert.ThrowsAsync<PermissionDeniedException>(
            () => core.SendAsync(TestClient.Post(), TestJson.Default.Thing, TestContext.Current.CancellationToken));

        Assert.Null(error.ErrorMessage);
        Assert.Contains("HTTP 403", error.Message);
        Assert.Contains("no error message", error.Message);
        Assert.Equal("<html><body>Access denied</body></html>", error.RawBody);
    }

    [Fact]
    public async Task SendAsync_InvalidJsonOnSuccess_ThrowsTogetherApiException()
    {
        using var core = Core();
        _server.Respond(HttpStatusCode.OK, "{not json");

        var error = await Assert.ThrowsAsync<TogetherApiException>(
            () => core.SendAsync(TestClient.Get(), TestJson.Default.Thing, TestContext.Current.CancellationToken));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("GetThing", error.Message);
    }

    private TogetherClientCore Core() => TestClient.Create(_server, TestClient.NewClock());

    [Theory]
    [InlineData("""{"error":{"message":"Unable to access model m.","code":"model_not_available"}}""", true)]
    [InlineData("""{"error":{"message":"Unable to access model m.","type":"invalid_request_error"}}""", true)]
    [InlineData("""{"error":{"message":"Training file file-1 not found; cannot fine-tune m"}}""", false)]
    [InlineData("""{"error":{"message":"No file with id 'm'."}}""", false)]
    public async Task SendAsync_404_ModelNotFoundOnlyWhenTheServerSaysTheModel(string body, bool aboutModel)
    {
        using var core = Core();
        _server.Respond(HttpStatusCode.NotFound, body);

        var error = await Assert.ThrowsAnyAsync<NotFoundException>(() => core.SendAsync(
            new ApiRequest(TestClient.Endpoint(), "/things").WithJsonBody(
                new ModelRequest { Model = "m" }, TestJson.Default.ModelRequest),
            TestJson.Default.Thing, TestContext.Current.CancellationToken));

        Assert.Equal(aboutModel, error is ModelNotFoundException { Model: "m" });
    }
}
