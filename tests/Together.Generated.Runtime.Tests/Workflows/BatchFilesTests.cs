using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Together.Generated.Runtime.Tests;

public sealed class BatchFilesTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"batch-{Guid.NewGuid():N}.jsonl");

    [Fact]
    public async Task WriteAsync_Items_OneJsonLinePerRequestWithCustomIdAndBody()
    {
        var items = new[]
        {
            new BatchItem<Named>("a", new Named { Name = "one" }), new("b", new Named { Name = "two" }),
        };

        var (requests, bytes) = await BatchFiles.WriteAsync(_path, items, BatchJson.Default.Named, new BatchLimits(),
            CancellationToken.None);

        var lines = await File.ReadAllLinesAsync(_path, TestContext.Current.CancellationToken);
        Assert.Equal(2, requests);
        Assert.Equal(new FileInfo(_path).Length, bytes);
        Assert.Equal("""{"custom_id":"a","body":{"name":"one"}}""", lines[0]);
        Assert.Equal("""{"custom_id":"b","body":{"name":"two"}}""", lines[1]);
    }

    [Fact]
    public async Task WriteAsync_OverTheFileSizeLimit_RefusedAndNoFileLeft()
    {
        var items = Enumerable.Range(0, 100).Select(i => new BatchItem<Named>($"id-{i}", new Named { Name = "x" }));

        var error = await Assert.ThrowsAsync<BatchLimitException>(() => BatchFiles.WriteAsync(
            _path, items, BatchJson.Default.Named, new BatchLimits { MaxFileBytes = 200 }, CancellationToken.None));

        Assert.Equal("max_file_size", error.Limit);
        Assert.False(File.Exists(_path));
    }

    [Fact]
    public async Task WriteAsync_DuplicateCustomId_Refused()
    {
        var items = new[] { new BatchItem<Named>("a", new Named()), new("a", new Named()) };

        await Assert.ThrowsAsync<ArgumentException>(() => BatchFiles.WriteAsync(
            _path, items, BatchJson.Default.Named, new BatchLimits(), CancellationToken.None));
    }

    [Fact]
    public async Task ReadResultsAsync_SuccessFailureErrorAndGarbageLines_GoodOnesKeyedBadOnesReported()
    {
        const string Output = """
            {"custom_id":"ok","response":{"status_code":200,"body":{"name":"answer"}}}
            {"custom_id":"bad","response":{"status_code":400,"body":{"error":{"message":"no"}}}}

            <html>502 Bad Gateway</html>
            {"response":{}}
            {"custom_id":"err","error":{"message":"model overloaded","code":"503"}}
            {"custom_id":"ok","error":{"message":"a late duplicate must not replace the success"}}
            """;
        var results = new Dictionary<string, BatchItemResult<Named>>();
        var unreadable = new List<string>();

        await BatchFiles.ReadResultsAsync(new MemoryStream(Encoding.UTF8.GetBytes(Output)), BatchJson.Default.Named,
            results, unreadable, CancellationToken.None);

        Assert.Equal(3, results.Count);
        Assert.True(results["ok"].Succeeded);
        Assert.Equal("answer", results["ok"].Response!.Name);
        Assert.False(results["bad"].Succeeded);
        Assert.Equal(400, results["bad"].StatusCode);
        Assert.Contains("no", results["bad"].Error, StringComparison.Ordinal);
        Assert.Equal("model overloaded", results["err"].Error);
        Assert.Equal(2, unreadable.Count);
        Assert.StartsWith("Line 4 ", unreadable[0], StringComparison.Ordinal);
        Assert.StartsWith("Line 5 ", unreadable[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_NoRequestsOrANullCustomId_RefusedAndNoFileLeft()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => BatchFiles.WriteAsync(
            _path, Array.Empty<BatchItem<Named>>(), BatchJson.Default.Named, new BatchLimits(),
            CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => BatchFiles.WriteAsync(
            _path, new[] { new BatchItem<Named>(null!, new Named()) }, BatchJson.Default.Named, new BatchLimits(),
            CancellationToken.None));

        Assert.False(File.Exists(_path));
    }

    [Fact]
    public async Task CheckAsync_BlankLinesOnly_Refused()
    {
        await File.WriteAllTextAsync(_path, "\n  \n\n", TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            BatchFiles.CheckAsync(_path, new BatchLimits(), CancellationToken.None));
    }

    public void Dispose() => File.Delete(_path);
}

public sealed class Named
{
    public string? Name { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Named))]
internal sealed partial class BatchJson : JsonSerializerContext;
