namespace Together.Generated.Runtime.Tests;

public sealed class ErrorBodyParserTests
{
    [Fact]
    public void Parse_NestedErrorObject_ReadsAllFields() =>
        Assert.Equal(
            new ErrorDetails("Invalid model", "invalid_request_error", "model_not_found", "model"),
            ErrorBodyParser.Parse(
                """{"error":{"message":"Invalid model","type":"invalid_request_error","param":"model","""
                + """ "code":"model_not_found"}}"""));

    [Fact]
    public void Parse_NestedErrorWithNullParamAndNumericCode_ReadsCodeAsText() =>
        Assert.Equal(
            new ErrorDetails("Too many", "rate_limit", "429", null),
            ErrorBodyParser.Parse("""{"error":{"message":"Too many","type":"rate_limit","param":null,"code":429}}"""));

    [Fact]
    public void Parse_ErrorString_ReadsMessage() =>
        Assert.Equal(new ErrorDetails("batch not found", null, null, null),
            ErrorBodyParser.Parse("""{"error":"batch not found"}"""));

    [Fact]
    public void Parse_FlatObject_ReadsAllFields() =>
        Assert.Equal(
            new ErrorDetails("job is not pending", "conflict", "job_state", "request_id"),
            ErrorBodyParser.Parse(
                """{"code":"job_state","message":"job is not pending","param":"request_id","type":"conflict"}"""));

    [Fact]
    public void Parse_IntegerCodeAndMessage_ReadsBoth() =>
        Assert.Equal(new ErrorDetails("deployment missing", null, "404", null),
            ErrorBodyParser.Parse("""{"code":404,"message":"deployment missing"}"""));

    [Fact]
    public void Parse_UntypedObjectWithDetail_ReadsDetailAsMessage() =>
        Assert.Equal("bad hardware id", ErrorBodyParser.Parse("""{"detail":"bad hardware id"}""").Message);

    [Fact]
    public void Parse_HtmlFromProxy_HasNoMessage() =>
        Assert.Equal(ErrorDetails.None,
            ErrorBodyParser.Parse("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"));

    [Fact]
    public void Parse_PlainText_UsesFirstLine() =>
        Assert.Equal("upstream connect error",
            ErrorBodyParser.Parse("upstream connect error\nreset reason: overflow").Message);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_EmptyBody_HasNoMessage(string? body) =>
        Assert.Equal(ErrorDetails.None, ErrorBodyParser.Parse(body));

    [Fact]
    public void Parse_BrokenJson_FallsBackToText() =>
        Assert.Equal("{\"error\": trunc", ErrorBodyParser.Parse("{\"error\": trunc").Message);
}
