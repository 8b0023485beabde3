using System;
using System.IO;
using Together.Generated.Generator.Limits;

namespace Together.Generated.Generator.Tests.Limits;

/// <summary>The limits files the tests read, and a shorthand to parse YAML written inline.</summary>
internal static class LimitsTestFiles
{
    public const string FileName = "test.limits.yaml";

    /// <summary>spec/together.limits.yaml as the test project copies it beside the tests.</summary>
    public static string RepoDefaultPath => Path.Combine(AppContext.BaseDirectory, "RepoSpec", "together.limits.yaml");

    public static LimitsParseResult Parse(string yaml) => LimitsParser.Parse(FileName, yaml);

    public static LimitsParseResult ParseRepoDefault() =>
        LimitsParser.Parse(RepoDefaultPath, File.ReadAllText(RepoDefaultPath));

    /// <summary>Parses a file that must have no diagnostics at all, failing with them otherwise.</summary>
    public static LimitsDocument ParseClean(string yaml)
    {
        var result = Parse(yaml);
        Assert.Empty(result.Diagnostics);
        return Assert.IsType<LimitsDocument>(result.Document);
    }
}
