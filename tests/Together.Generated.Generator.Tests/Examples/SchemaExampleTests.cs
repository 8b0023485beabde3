using System.Collections.Generic;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.Examples;

/// <summary>
/// Every example the five real specs give for a schema (component, property or nested) is checked against that
/// schema; each valid one must survive a round trip through the generated type that holds it.
/// </summary>
public sealed class SchemaExampleTests
{
    /// <summary>Per spec version, as measured: examples found, valid against their schema, round-tripped.</summary>
    public static TheoryData<string, int, int, int> Versions() => new()
    {
        { "openapi-2024-08-26.yaml", 51, 51, 51 },
        { "openapi-2025-07-07.yaml", 133, 133, 133 },

        // CreateVideoBody.frame_images gives an array of arrays for an array of frames.
        { "openapi-2025-11-26.yaml", 197, 196, 196 },

        // Also ten RL.* examples give numbers for int64 values the schema types as strings.
        { "openapi-2026-03-26.yaml", 270, 259, 259 },
        { SharedSpecs.Newest, 274, 273, 273 },
    };

    [Theory]
    [MemberData(nameof(Versions))]
    public void SchemaExamples_ValidOnesReadIntoGeneratedTypes_WriteBackTheSameJson(
        string file, int minimumFound, int minimumValid, int minimumRoundTripped)
    {
        var examples = new SpecExamples(SharedSpecs.PathOf(file));
        var client = GeneratedClient.For(file);
        var (valid, roundTripped) = (0, 0);
        var invalid = new List<string>();
        var failures = new List<string>();

        foreach (var example in examples.Examples)
        {
            if (!examples.IsValid(example))
            {
                invalid.Add(example.ToString());
                continue;
            }

            valid++;
            var type = SchemaTypes.Find(client, example.SchemaPath);
            var difference = type is null
                ? "no generated type holds it"
                : JsonRoundTrip.Difference(client, example.Value, type);
            if (difference is null)
            {
                roundTripped++;
            }
            else
            {
                failures.Add(example + "\n  " + difference);
            }
        }

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{file}: found {examples.Examples.Count}, valid {valid}, round-tripped {roundTripped}");
        invalid.ForEach(i => output?.WriteLine("invalid against its schema (skipped): " + i));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(examples.Examples.Count >= minimumFound, $"found {examples.Examples.Count}");
        Assert.True(valid >= minimumValid, $"valid {valid}");
        Assert.True(roundTripped >= minimumRoundTripped, $"round-tripped {roundTripped}");
    }
}
