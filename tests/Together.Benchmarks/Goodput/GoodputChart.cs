using System.Collections.Generic;
using System.Linq;

namespace Together.Benchmarks;

/// <summary>Draws accepted calls per second over each client's run, with the server's limit as a line.</summary>
internal static class GoodputChart
{
    public static void Save(IReadOnlyList<GoodputResult> results, GoodputSettings settings, string path)
    {
        var plot = new ScottPlot.Plot();
        foreach (var result in results)
        {
            var perSecond = result.PerSecond().ToArray();
            var seconds = Enumerable.Range(1, perSecond.Length).Select(s => (double)s).ToArray();
            var line = plot.Add.ScatterLine(seconds, perSecond);
            line.LegendText = result.Client;
            line.LineWidth = 2;
        }

        var limit = plot.Add.HorizontalLine(settings.Limit);
        limit.LegendText = $"server limit ({settings.Limit}/s)";
        limit.LinePattern = ScottPlot.LinePattern.Dashed;
        plot.Title($"Goodput over time: {settings.Calls} chat calls at concurrency {settings.Concurrency}");
        plot.XLabel("seconds since the client started");
        plot.YLabel("calls accepted per second (5 s average)");
        plot.Axes.SetLimitsY(0, settings.Limit * 1.6);
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        plot.SavePng(path, 1000, 560);
    }
}
