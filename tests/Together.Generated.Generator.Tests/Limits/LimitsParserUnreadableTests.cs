using System.Linq;

namespace Together.Generated.Generator.Tests.Limits;

/// <summary>Files that are not YAML, or not a limits mapping: a TG100 diagnostic, never an exception.</summary>
public sealed class LimitsParserUnreadableTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# only a comment\n")]
    [InlineData("just some words")]
    [InlineData("- a\n- list\n")]
    [InlineData("version: 1\nlimiters:\n  chat: {budget: 600, run_at: [1, 2\n")]
    [InlineData("version: 1\nlimiters:\n  chat:\n    budget: \"600\n")]
    [InlineData("version: 1\n\tlimiters: {}\n")]
    [InlineData("{{{{ ]]]] :::: ''''")]
    [InlineData("version: 1\nversion: 1\n")]
    [InlineData("version: *nowhere\n")]
    [InlineData("\u0000\u0001\u0002")]
    public void Parse_UnreadableText_ReportsTG100WithoutThrowing(string text)
    {
        var result = LimitsTestFiles.Parse(text);

        Assert.Null(result.Document);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("TG100", diagnostic.Id);
        Assert.Equal(LimitsTestFiles.FileName, diagnostic.Arguments[0]);
    }

    [Fact]
    public void Parse_TruncatedFlowMapping_ReportsTheLineWhereItBreaks()
    {
        var result = LimitsTestFiles.Parse("version: 1\nlimiters:\n  chat: {budget: 600,\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("TG100", diagnostic.Id);
        Assert.InRange(diagnostic.Line, 2, 3);
    }

    [Fact]
    public void Parse_EveryPrefixOfTheDefaultFile_NeverThrows()
    {
        var text = System.IO.File.ReadAllText(LimitsTestFiles.RepoDefaultPath);

        // Cutting the file anywhere mimics a file being typed; every cut must give a result, not an exception.
        var results = Enumerable.Range(0, text.Length / 7).Select(i => LimitsTestFiles.Parse(text.Substring(0, i * 7)));

        Assert.All(results, r => Assert.True(r.Document is not null || r.Diagnostics.Count > 0));
    }
}
