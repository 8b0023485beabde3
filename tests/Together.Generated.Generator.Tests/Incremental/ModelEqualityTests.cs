using System;
using System.IO;
using Together.Generated.Generator.Limits;
using Together.Generated.Generator.Reading;

namespace Together.Generated.Generator.Tests.Incremental;

/// <summary>
/// The pipeline caches by value: reading the same text twice must give equal models, or every run regenerates.
/// The repository's own spec and limits file exercise every part of the models.
/// </summary>
public sealed class ModelEqualityTests
{
    private static string RepoFile(string name) => Path.Combine(AppContext.BaseDirectory, "RepoSpec", name);

    [Fact]
    public void SpecReaderRead_SameTextTwice_GivesEqualModelsWithEqualHashCodes()
    {
        var path = RepoFile("openapi.yaml");
        var text = File.ReadAllText(path);

        var first = SpecReader.Read(path, text);
        var second = SpecReader.Read(path, text);

        Assert.NotSame(first, second);
        Assert.NotEmpty(first.Operations);
        Assert.NotEmpty(first.Types);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void SpecReaderRead_OneOperationSummaryChanged_GivesUnequalModels()
    {
        var path = RepoFile("openapi.yaml");
        var text = File.ReadAllText(path);
        var edited = text.Replace("summary: Create a chat completion", "summary: Create one chat completion");

        Assert.NotEqual(text, edited);
        Assert.NotEqual(SpecReader.Read(path, text), SpecReader.Read(path, edited));
    }

    [Fact]
    public void SpecReaderRead_SameUnreadableTextTwice_GivesEqualModelsWithTheirDiagnostics()
    {
        const string Text = "openapi: 3.1.0\npaths: [\n";

        var first = SpecReader.Read("/specs/broken.yaml", Text);
        var second = SpecReader.Read("/specs/broken.yaml", Text);

        Assert.NotEmpty(first.Diagnostics);
        Assert.Equal(first, second);
    }

    [Fact]
    public void LimitsParserParse_SameTextTwice_GivesEqualResultsWithEqualHashCodes()
    {
        var path = RepoFile("together.limits.yaml");
        var text = File.ReadAllText(path);

        var first = LimitsParser.Parse(path, text);
        var second = LimitsParser.Parse(path, text);

        Assert.NotSame(first, second);
        Assert.NotNull(first.Document);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }
}
