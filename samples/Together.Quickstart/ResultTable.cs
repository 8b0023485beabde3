using System;
using System.Globalization;
using Spectre.Console;

namespace Together.Quickstart;

/// <summary>Renders a <see cref="LoadResult"/> as the quickstart's final table.</summary>
public static class ResultTable
{
    /// <summary>The table, one figure a row.</summary>
    public static Table Build(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = new Table().AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        Row(table, "calls", Number(result.Calls));
        Row(table, "succeeded", Number(result.Succeeded));
        Row(table, "failed", Number(result.FailedCount));
        Row(table, "429s met", Number(result.RateLimited));
        Row(table, "503s met", Number(result.Overloaded));
        Row(table, "retries", Number(result.Retries));
        Row(table, "p50 latency", Millis(result.Percentile(50)));
        Row(table, "p99 latency", Millis(result.Percentile(99)));
        Row(table, "wall time", result.Elapsed.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture));
        Row(table, "achieved rate", PerSecond(result.AchievedPerSecond));
        Row(table, "budget in force", PerSecond(result.BudgetPerSecond));
        Row(table, "achieved / budget", result.ShareOfBudget.ToString("0.0 %", CultureInfo.InvariantCulture));
        return table;
    }

    private static void Row(Table table, string name, string value) =>
        table.AddRow(Markup.Escape(name), Markup.Escape(value));

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Millis(TimeSpan value) =>
        value.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";

    private static string PerSecond(double value) =>
        value.ToString("0.00", CultureInfo.InvariantCulture) + " /s ("
        + (value * 60).ToString("N0", CultureInfo.InvariantCulture) + " /min)";
}
