using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace Together.Benchmarks;

/// <summary>
/// The generated call against the hand-written one in alternating rounds of the same size, in one process: on a
/// shared machine whose speed drifts from second to second (BenchmarkDotNet's iterations here differ by 2x), each
/// round's ratio compares the two under the same conditions, and the median of the ratios is the robust figure.
/// </summary>
internal static class PairedRounds
{
    public static async Task<string> RunAsync(int rounds = 40, int callsPerRound = 300)
    {
        var benchmark = new CallOverheadBenchmarks();
        benchmark.Setup();
        try
        {
            // Warm both paths (JIT, connections) before anything counts.
            await TimeAsync(benchmark.HandWritten, callsPerRound);
            await TimeAsync(benchmark.Generated, callsPerRound);
            var ratios = new double[rounds];
            for (var round = 0; round < rounds; round++)
            {
                // Alternate which goes first, so that neither always meets the other's leftovers.
                var first = round % 2 == 0;
                var a = await TimeAsync(first ? benchmark.HandWritten : benchmark.Generated, callsPerRound);
                var b = await TimeAsync(first ? benchmark.Generated : benchmark.HandWritten, callsPerRound);
                ratios[round] = first ? b / a : a / b;
            }

            Array.Sort(ratios);
            return $"Paired rounds ({rounds} rounds of {callsPerRound} calls each way, alternating): generated / "
                + $"hand-written, median {Quantile(ratios, 0.5):F3} (interquartile range {Quantile(ratios, 0.25):F3}"
                + $"-{Quantile(ratios, 0.75):F3}).";
        }
        finally
        {
            benchmark.Cleanup();
        }
    }

    private static async Task<double> TimeAsync(Func<Task<string?>> call, int calls)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        return Stopwatch.GetElapsedTime(started).TotalMicroseconds / calls;
    }

    private static double Quantile(double[] sorted, double q) =>
        sorted[Math.Clamp((int)Math.Round(q * (sorted.Length - 1)), 0, sorted.Length - 1)];
}
