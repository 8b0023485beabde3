using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Together.Generated.Generator.Tests.Infrastructure;

namespace Together.Generated.Generator.Tests.Incremental;

/// <summary>
/// Runs the generator twice through one driver: what did not change must come from the cache, so a keystroke in
/// an unrelated file never re-reads the spec, and a limits edit never re-parses it.
/// </summary>
public sealed class GeneratorCachingTests
{
    private static readonly (string, string)[] Files =
    {
        (IncrementalInputs.SpecPath, IncrementalInputs.Spec),
        (IncrementalInputs.LimitsPath, IncrementalInputs.Limits),
    };

    [Fact]
    public void RunGenerators_UnrelatedSourceEdit_ServesEveryStepFromTheCache()
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { "class Existing { }" });
        var driver = Run(GeneratorHarness.CreateDriver(Files, trackSteps: true), compilation);
        var first = IncrementalInputs.Source(driver, "TogetherEndpoints.g.cs");

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }",
            GeneratorHarness.ParseOptions, cancellationToken: TestContext.Current.CancellationToken));
        driver = Run(driver, edited);

        var steps = driver.GetRunResult().Results[0].TrackedSteps;
        Assert.All(IncrementalInputs.NamedSteps, name => Assert.True(steps.ContainsKey(name), name + " did not run"));
        // The compiler's own Compilation input changes with every edit; what must hold is that the generator's
        // steps after it (AIReferenced among them) stay cached.
        foreach (var (name, runs) in steps.Where(s => s.Key != "Compilation"))
        {
            var reasons = runs.SelectMany(r => r.Outputs).Select(o => o.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {name} was {reason}"));
        }

        var outputs = driver.GetRunResult().Results[0].TrackedOutputSteps.SelectMany(s => s.Value)
            .SelectMany(r => r.Outputs).Select(o => o.Reason);
        Assert.All(outputs, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.Equal(first, IncrementalInputs.Source(driver, "TogetherEndpoints.g.cs"));
    }

    [Fact]
    public void RunGenerators_LimitsFileReplaced_ReparsesOnlyTheLimitsAndRegeneratesTheEndpoints()
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { "class Existing { }" });
        var driver = Run(GeneratorHarness.CreateDriver(Files, trackSteps: true), compilation);
        var before = IncrementalInputs.Source(driver, "TogetherEndpoints.g.cs");
        var oldLimits = FindAdditionalText(driver, IncrementalInputs.LimitsPath);

        driver = driver.ReplaceAdditionalText(oldLimits,
            new TestAdditionalText(IncrementalInputs.LimitsPath, IncrementalInputs.EditedLimits));
        driver = Run(driver, compilation);

        Assert.All(IncrementalInputs.Reasons(driver, TogetherClientGenerator.Steps.Spec), reason => Assert.True(
            reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "Spec was " + reason));
        Assert.Contains(IncrementalStepRunReason.Modified,
            IncrementalInputs.Reasons(driver, TogetherClientGenerator.Steps.Limits));
        var after = IncrementalInputs.Source(driver, "TogetherEndpoints.g.cs");
        Assert.NotEqual(before, after);
        Assert.Contains("new[] { \"key\", \"chat\" }", after);
        Assert.Contains("idempotent: true", after);
        Assert.Empty(driver.GetRunResult().Diagnostics);
    }

    [Fact]
    public void RunGenerators_SpecReplaced_ReparsesTheSpecButNotTheLimits()
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { "class Existing { }" });
        var driver = Run(GeneratorHarness.CreateDriver(Files, trackSteps: true), compilation);

        var edited = IncrementalInputs.Spec.Replace("        max_tokens: {type: integer}\n",
            "        max_tokens: {type: integer}\n        temperature: {type: number}\n");
        Assert.NotEqual(IncrementalInputs.Spec, edited);
        driver = driver.ReplaceAdditionalText(FindAdditionalText(driver, IncrementalInputs.SpecPath),
            new TestAdditionalText(IncrementalInputs.SpecPath, edited));
        driver = Run(driver, compilation);

        Assert.Contains(IncrementalStepRunReason.Modified,
            IncrementalInputs.Reasons(driver, TogetherClientGenerator.Steps.Spec));
        Assert.All(IncrementalInputs.Reasons(driver, TogetherClientGenerator.Steps.Limits), reason => Assert.True(
            reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "Limits was " + reason));
        Assert.Contains("Temperature", IncrementalInputs.Source(driver, "Models.ChatRequest.g.cs"));
    }

    [Fact]
    public void RunGenerators_SpecCommentAppended_ReparsesToAnEqualModelAndKeepsTheOutputCached()
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { "class Existing { }" });
        var driver = Run(GeneratorHarness.CreateDriver(Files, trackSteps: true), compilation);

        driver = driver.ReplaceAdditionalText(FindAdditionalText(driver, IncrementalInputs.SpecPath),
            new TestAdditionalText(IncrementalInputs.SpecPath, IncrementalInputs.Spec + "\n# A trailing comment.\n"));
        driver = Run(driver, compilation);

        Assert.Contains(IncrementalStepRunReason.Unchanged,
            IncrementalInputs.Reasons(driver, TogetherClientGenerator.Steps.Spec));
        Assert.DoesNotContain(IncrementalStepRunReason.Modified,
            IncrementalInputs.Reasons(driver, TogetherClientGenerator.Steps.Spec));
        var outputs = driver.GetRunResult().Results[0].TrackedOutputSteps.SelectMany(s => s.Value)
            .SelectMany(r => r.Outputs).Select(o => o.Reason);
        Assert.All(outputs, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    private static GeneratorDriver Run(GeneratorDriver driver, Compilation compilation) =>
        driver.RunGenerators(compilation, TestContext.Current.CancellationToken);

    /// <summary>The additional text the driver holds for <paramref name="path"/>, found via its step inputs.</summary>
    private static AdditionalText FindAdditionalText(GeneratorDriver driver, string path)
    {
        var files = driver.GetRunResult().Results[0].TrackedSteps[TogetherClientGenerator.Steps.Files];
        return files.SelectMany(step => step.Inputs)
            .Select(input => input.Source.Outputs[input.OutputIndex].Value)
            .OfType<AdditionalText>()
            .Single(text => text.Path == path);
    }

    private sealed class TestAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public TestAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
    }
}
