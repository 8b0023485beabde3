using System;
using System.IO;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Together.Benchmarks;

/// <summary>The BenchmarkDotNet configuration every BenchmarkDotNet command here runs with.</summary>
internal static class InProcessConfig
{
    /// <summary>
    /// In this process (the project references a source generator, which BenchmarkDotNet's generated out-of-process
    /// project would have to rebuild; the same machine and runtime either way), with memory diagnosis, reports under
    /// <c>obj/BenchmarkDotNet</c>.
    /// </summary>
    public static IConfig Create(int warmups, int iterations) =>
        ManualConfig.CreateEmpty()
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(warmups).WithIterationCount(iterations).WithLaunchCount(1))
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
            .AddLogger(ConsoleLogger.Default)
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "obj", "BenchmarkDotNet"));
}
