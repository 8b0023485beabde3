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
    public async Task ReadResultsAsync_SuccessFailureAndErrorLines_EachKeyedByCustomId()
    {
        const string Output = """
            {"custom_id":"ok","response":{"status_code":200,"body":{"name":"answer"}}}
            {"custom_id":"bad","response":{"status_code":400,"body":{"error":{"message":"no"}}}}

            {"custom_id":"err","error":{"message":"model overloaded","code":"503"}}
            """;
        var results = new Dictionary<string, BatchItemResult<Named>>();

        await BatchFiles.ReadResultsAsync(new MemoryStream(Encoding.UTF8.GetBytes(Output)), BatchJson.Default.Named,
            results, CancellationToken.None);

        Assert.Equal(3, results.Count);
        Assert.True(results["ok"].Succeeded);
        Assert.Equal("answer", results["ok"].Response!.Name);
        Assert.False(results["bad"].Succeeded);
        Assert.Equal(400, results["bad"].StatusCode);
        Assert.Contains("no", results["bad"].Error, StringComparison.Ordinal);
        Assert.Equal("model overloaded", results["err"].Error);
    }

    [Fact]
    public async Task ReadResultsAsync_LineWithoutCustomId_ClearErrorNamingTheLine()
    {
        var results = new Dictionary<string, BatchItemResult<Named>>();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => BatchFiles.ReadResultsAsync(
            new MemoryStream("{\"response\":{}}\n"u8.ToArray()), BatchJson.Default.Named, results,
            CancellationToken.None));

        Assert.Contains("Line 1", error.Message, StringComparison.Ordinal);
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
