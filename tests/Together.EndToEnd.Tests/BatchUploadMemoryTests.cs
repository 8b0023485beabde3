using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Together.Generated;
using Together.Models;
using Together.Quickstart;

namespace Together.EndToEnd.Tests;

/// <summary>Runs alone, so that no other test's allocations count against the upload's.</summary>
[CollectionDefinition(nameof(MemoryCollection), DisableParallelization = true)]
public sealed class MemoryCollection;

/// <summary>A 90 MB batch file is streamed from disk to the server, never held whole in the process's memory.</summary>
[Collection(nameof(MemoryCollection))]
public sealed class BatchUploadMemoryTests
{
    private const long FileBytes = 90L * 1024 * 1024;
    private const string Model = "meta-llama/Llama-3.3-70B-Instruct-Turbo";

    [Fact]
    public async Task RunBatchFile_90MegabyteFile_UploadsWithPeakMemoryGrowthWellUnderTheFileSize()
    {
        // Together's own figure: up to 50,000 requests a batch; the default file's 100 is a starting budget.
        await using var rig = await BatchApiTests.StartAsync(limits => limits.Batches.MaxRequestsPerBatch = 50_000);
        var path = Path.Combine(Path.GetTempPath(), $"batch-90mb-{Guid.NewGuid():N}.jsonl");
        try
        {
            var requests = await WriteFileAsync(path);
            using var created = new CancellationTokenSource();
            var process = Process.GetCurrentProcess();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            process.Refresh();
            var baseline = (Heap: GC.GetTotalMemory(true), WorkingSet: process.WorkingSet64);
            using var sampler = new MemorySampler(process);

            // The first progress report comes after the batch was created: the upload is done by then.
            var run = rig.Client.Batches.RunBatchFileAsync<ChatCompletionResponse>(
                path, "/v1/chat/completions", progress: new InlineProgress<BatchState>(_ => created.Cancel()),
                cancellationToken: created.Token);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            var (heapPeak, workingSetPeak) = await sampler.StopAsync();

            var heapGrowth = (heapPeak - baseline.Heap) / (1024.0 * 1024);
            var workingSetGrowth = (workingSetPeak - baseline.WorkingSet) / (1024.0 * 1024);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{requests} requests, {FileBytes / (1024 * 1024)} MB: peak managed heap growth {heapGrowth:F1} MB, "
                + $"peak working set growth {workingSetGrowth:F1} MB");
            Assert.Equal(1, rig.State.GetStats().RequestsByEndpoint["POST /files/upload"]);
            Assert.Equal(1, rig.State.GetStats().RequestsByEndpoint["POST /batches"]);
            Assert.True(heapGrowth < 30, $"managed heap grew {heapGrowth:F1} MB for a 90 MB file");
            Assert.True(workingSetGrowth < 45, $"working set grew {workingSetGrowth:F1} MB for a 90 MB file");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<int> WriteFileAsync(string path)
    {
        var padding = new string('x', 1900);
        var requests = 0;
        await using var file = new StreamWriter(path, false, new UTF8Encoding(false));
        while (file.BaseStream.Position < FileBytes - 4096)
        {
            requests++;
            await file.WriteAsync("{\"custom_id\":\"req-" + requests + "\",\"body\":{\"model\":\"" + Model
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + padding + "\"}],\"max_tokens\":8}}\n");
        }

        return requests;
    }

    /// <summary>Samples the managed heap and the working set every few milliseconds until stopped.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<(long Heap, long WorkingSet)> _loop;

        public MemorySampler(Process process) => _loop = Task.Run(async () =>
        {
            var (heap, workingSet) = (0L, 0L);
            while (!_stop.IsCancellationRequested)
            {
                process.Refresh();
                heap = Math.Max(heap, GC.GetTotalMemory(false));
                workingSet = Math.Max(workingSet, process.WorkingSet64);
                await Task.Delay(2);
            }

            return (heap, workingSet);
        });

        public async Task<(long Heap, long WorkingSet)> StopAsync()
        {
            await _stop.CancelAsync();
            return await _loop;
        }

        public void Dispose() => _stop.Dispose();
    }
}
