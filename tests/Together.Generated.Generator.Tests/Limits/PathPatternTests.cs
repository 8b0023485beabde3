using Together.Generated.Generator.Limits;

namespace Together.Generated.Generator.Tests.Limits;

/// <summary>How a rule's path glob meets the spec's path templates.</summary>
public sealed class PathPatternTests
{
    [Theory]
    [InlineData("/fine-tunes", "/fine-tunes", true)]
    [InlineData("/fine-tunes", "/fine-tunes/{id}", false)]
    [InlineData("/fine-tunes/*", "/fine-tunes/{id}", true)]
    [InlineData("/fine-tunes/*", "/fine-tunes", false)]
    [InlineData("/fine-tunes/*", "/fine-tunes/{id}/events", false)]
    [InlineData("/fine-tunes/**", "/fine-tunes", true)]
    [InlineData("/fine-tunes/**", "/fine-tunes/{id}/events", true)]
    [InlineData("/fine-tunes/**", "/finetune/download", false)]
    [InlineData("/fine-tunes/**/cancel", "/fine-tunes/{id}/cancel", true)]
    [InlineData("/fine-tunes/**/cancel", "/fine-tunes/{id}/events", false)]
    [InlineData("/files/{file_id}", "/files/{id}", true)]
    [InlineData("/files/{file_id}", "/files/upload", false)]
    [InlineData("/deploy*", "/deployments", true)]
    [InlineData("/deploy*", "/deployments/{id}", false)]
    [InlineData("/Chat/completions", "/chat/completions", false)]
    [InlineData("/chat/completions/", "/chat/completions", true)]
    [InlineData("/**", "/rl/training-sessions/{session_id}/operations/sample", true)]
    public void Matches_PatternAndTemplate_GivesExpected(string pattern, string path, bool expected) =>
        Assert.Equal(expected, PathPattern.Matches(pattern, path));

    [Theory]
    [InlineData("fine-tunes")]
    [InlineData("/fine-tunes/a**")]
    [InlineData("/fine-tunes//events")]
    public void IsValid_MalformedPattern_FailsWithReason(string pattern)
    {
        Assert.False(PathPattern.IsValid(pattern, out var why));
        Assert.NotEmpty(why);
    }
}
