using System.IO;
using System.Linq;
using Together.Generated.Generator.Common;
using Together.Generated.Generator.Limits;

namespace Together.Generated.Generator.Tests.Limits;

/// <summary>The shipped spec/together.limits.yaml: it parses clean and holds the documented starting numbers.</summary>
public sealed class LimitsParserDefaultFileTests
{
    private static readonly LimitsDocument Doc = LimitsTestFiles.ParseRepoDefault().Document!;

    private static LimiterSpec Limiter(string name) => Doc.Limiters.Single(l => l.Name == name);

    [Fact]
    public void Parse_DefaultFile_HasNoDiagnostics()
    {
        var result = LimitsTestFiles.ParseRepoDefault();

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Document);
    }

    [Fact]
    public void Document_EmbeddedDefault_EqualsTheRepoFile()
    {
        var repo = LimitsTestFiles.ParseRepoDefault().Document;

        Assert.Equal(File.ReadAllText(LimitsTestFiles.RepoDefaultPath), LimitsDefaults.Text());
        Assert.Equal(repo, LimitsDefaults.Document);
    }

    [Fact]
    public void Parse_DefaultFile_KeyLimiterIs600RunAt500PerMinuteKeyWide()
    {
        var key = Limiter("key");

        Assert.Equal((600, 500, 60_000L), (key.Budget, key.RunAt, key.WindowMilliseconds));
        Assert.Equal(LimiterScope.Key, key.Scope);
        Assert.Equal(LimiterUnit.Requests, key.Unit);
    }

    [Fact]
    public void Parse_DefaultFile_ChatIs600RunAt500AndEmbeddingsIs300RunAt250()
    {
        Assert.Equal((600, 500), (Limiter("chat").Budget, Limiter("chat").RunAt));
        Assert.Equal((300, 250), (Limiter("embeddings").Budget, Limiter("embeddings").RunAt));
    }

    [Fact]
    public void Parse_DefaultFile_FluxSchnellHasPerModelBudgetOf60()
    {
        var images = Limiter("images");
        var flux = images.Models.Single(m => m.Model == "black-forest-labs/FLUX.1-schnell");

        Assert.Equal(LimiterScope.Model, images.Scope);
        Assert.Equal((60, 60), (flux.Budget, flux.RunAt));
        Assert.True(images.Models.Count >= 2, "similar FLUX models are listed too");
    }

    [Fact]
    public void Parse_DefaultFile_FineTunesAreThreeJobSlots()
    {
        var fineTunes = Limiter("fine_tunes");

        Assert.Equal(LimiterAlgorithm.JobSlots, fineTunes.Kind);
        Assert.Equal((3, 3), (fineTunes.Budget, fineTunes.RunAt));
    }

    [Fact]
    public void Parse_DefaultFile_BatchesAndEmbeddingBatchSizeHoldStartingNumbers()
    {
        Assert.Equal(100, Doc.Batches.MaxRequestsPerBatch);
        Assert.Equal(10, Doc.Batches.MaxBatchesInFlight);
        Assert.Equal(100L * 1024 * 1024, Doc.Batches.MaxFileBytes);
        Assert.Equal(20, Doc.EmbeddingBatchSize);
    }

    [Fact]
    public void Parse_DefaultFile_DefaultPolicyLeaves500Out()
    {
        var policy = Doc.RetryPolicies.Single(p => p.Name == "default");

        Assert.Equal(new[] { 408, 429, 502, 503, 504, 524, 529 }, policy.RetryOn);
        Assert.Equal((3, 1_000L, 30_000L, 60_000L), (policy.MaxRetries, policy.BaseDelayMilliseconds,
            policy.MaxDelayMilliseconds, policy.MaxWaitMilliseconds));
    }

    [Theory]
    [InlineData("POST", "/chat/completions", "chat-completions", "Chat", "key,chat", "default")]
    [InlineData("POST", "/completions", "completions", "Completion", "key,chat", "default")]
    [InlineData("POST", "/embeddings", "embeddings", "Embeddings", "key,embeddings", "default")]
    [InlineData("POST", "/images/generations", null, "Images", "images", "default")]
    [InlineData("POST", "/fine-tunes", null, "Fine-tuning", "fine_tunes", "jobs")]
    [InlineData("GET", "/fine-tunes/{id}", null, "Fine-tuning", "", "default")]
    [InlineData("POST", "/batches", null, "Batches", "", "jobs")]
    [InlineData("GET", "/models", "models", "Models", "", "default")]
    public void Resolve_DefaultFile_AssignsDocumentedLimitersAndPolicy(
        string method, string path, string? operationId, string tag, string limiters, string policy)
    {
        var op = new OperationKey(method, path, operationId, new[] { tag }.ToEquatableArray());

        var resolved = LimitsResolver.Resolve(Doc, op);

        Assert.Equal(limiters, string.Join(",", resolved.Limiters));
        Assert.Equal(policy, resolved.RetryPolicy);
    }
}
