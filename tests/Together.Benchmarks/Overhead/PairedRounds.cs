using System;
using System.Diagnostics;
using System.Linq;
using System.Runtime;
using System.Threading.Tasks;

namespace Together.Benchmarks;

/// <summary>
/// The generated call against the hand-written one in alternating rounds of the same size, in one process: on a
/// shared machine whose speed drifts from second to second (BenchmarkDotNet's iterations here differ by 2x), each
/// round's ratio compares the two under the same conditions, and the median of the ratios is the robust figure.
/// Rounds count only once both paths are warm: tiered compilation goes on recompiling them for seconds after their
/// first calls (about fifty rounds each way here, the calls getting three times faster meanwhile, each path at its
/// own pace), so earlier rounds would measure how far the JIT has got with each path rather than the path.
/// </summary>
internal static class PairedRounds
{
    // Warm-up ends after this many rounds in a row (each way) in which the JIT compiled nothing new.
    private const int SettledRounds = 3;
    private const int MaxWarmUpRounds = 300;

    public static async Task<string> RunAsync(int rounds = 40, int callsPerRound = 300)
    {
        var benchmark = new CallOverheadBenchmarks();
        benchmark.Setup();
        try
        {
            var warmUp = await WarmUpAsync(benchmark, callsPerRound);
            var ratios = new double[rounds];
            var hand = new Round[rounds];
            var generated = new Round[rounds];
            for (var round = 0; round < rounds; round++)
            {
                // Alternate which goes first, so that neither always meets the other's leftovers.
                if (round % 2 == 0)
                {
                    hand[round] = await TimeAsync(benchmark.HandWritten, callsPerRound);
                    generated[round] = await TimeAsync(benchmark.Generated, callsPerRound);
                }
                else
                {
                    generated[round] = await TimeAsync(benchmark.Generated, callsPerRound);
                    hand[round] = await TimeAsync(benchmark.HandWritten, callsPerRound);
                }

                ratios[round] = generated[round].Microseconds / hand[round].Microseconds;
            }

            Array.Sort(ratios);
            return $"Paired rounds ({rounds} rounds of {callsPerRound} calls each way, alternating, after {warmUp} "
                + "warm-up rounds each way, the last "
                + $"{SettledRounds} without a method compiled): generated / "
                + $"hand-written, median {Quantile(ratios, 0.5):F3} (interquartile range {Quantile(ratios, 0.25):F3}"
                + $"-{Quantile(ratios, 0.75):F3}); median round {Median(generated, r => r.Microseconds):F1} µs "
                + $"against {Median(hand, r => r.Microseconds):F1} µs a call; allocated "
                + $"{Median(generated, r => r.Bytes):N0} B against {Median(hand, r => r.Bytes):N0} B a call (the "
                + "whole process, the loopback server's share included).";
        }
        finally
        {
            benchmark.Cleanup();
        }
    }

    /// <summary>Alternating rounds until the JIT has settled; returns how many it took.</summary>
    private static async Task<int> WarmUpAsync(CallOverheadBenchmarks benchmark, int callsPerRound)
    {
        var quiet = 0;
        for (var round = 1; round < MaxWarmUpRounds; round++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            await TimeAsync(benchmark.HandWritten, callsPerRound);
            await TimeAsync(benchmark.Generated, callsPerRound);
            quiet = JitInfo.GetCompiledMethodCount() == compiled ? quiet + 1 : 0;
            if (quiet == SettledRounds)
            {
                return round;
            }
        }

        return MaxWarmUpRounds;
    }

    private static async Task<Round> TimeAsync(Func<Task<string?>> call, int calls)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        return new Round(
            elapsed.TotalMicroseconds / calls, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)calls);
    }

    private static double Median(Round[] rounds, Func<Round, double> figure)
    {
        var sorted = rounds.Select(figure).Order().ToArray();
        return Quantile(sorted, 0.5);
    }

    private static double Quantile(double[] sorted, double q) =>
        sorted[Math.Clamp((int)Math.Round(q * (sorted.Length - 1)), 0, sorted.Length - 1)];

    /// <summary>One round of one client: time and bytes allocated, each per call.</summary>
    private readonly record struct Round(double Microseconds, double Bytes);
}
