using System.IO;
using System.Linq;

namespace Together.Generated.Generator.Tests.Limits;

/// <summary>
/// The parse result is a pipeline model: equal text must give equal results, or the incremental generator
/// regenerates the client on every keystroke elsewhere.
/// </summary>
public sealed class LimitsDocumentEqualityTests
{
    [Fact]
    public void Parse_SameTextTwice_GivesEqualResultsAndHashCodes()
    {
        var text = File.ReadAllText(LimitsTestFiles.RepoDefaultPath) + "bogus: 1\nbatches: { max_file_size: 1XB }\n";

        var first = LimitsTestFiles.Parse(text);
        var second = LimitsTestFiles.Parse(text);

        Assert.NotEmpty(first.Diagnostics);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Parse_CommentChangedOnALine_GivesAnEqualDocument()
    {
        var text = File.ReadAllText(LimitsTestFiles.RepoDefaultPath);
        var edited = text.Replace("# One budget for the whole API key", "# A reworded comment");

        Assert.NotEqual(text, edited);
        Assert.Equal(LimitsTestFiles.Parse(text), LimitsTestFiles.Parse(edited));
    }

    [Fact]
    public void Parse_BudgetChanged_GivesADifferentDocument()
    {
        var text = File.ReadAllText(LimitsTestFiles.RepoDefaultPath);
        var edited = text.Replace("    budget: 300\n", "    budget: 301\n");

        Assert.NotEqual(LimitsTestFiles.Parse(text).Document, LimitsTestFiles.Parse(edited).Document);
    }

    [Fact]
    public void Parse_AliasToSharedSettings_ReadsTheSameValuesForBoth()
    {
        var doc = LimitsTestFiles.ParseClean(
            "version: 1\nlimiters:\n  chat: &std { budget: 600, run_at: 500 }\n  embeddings: *std\n");

        Assert.All(doc.Limiters, l => Assert.Equal((600, 500), (l.Budget, l.RunAt)));
        Assert.Equal(new[] { "chat", "embeddings" }, doc.Limiters.Select(l => l.Name));
    }
}
