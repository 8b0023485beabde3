using System;

namespace Together.Quickstart;

/// <summary>
/// Reports at once, on the reporting thread and one report at a time, unlike <see cref="Progress{T}"/>, which posts
/// to a context and can deliver reports out of order.
/// </summary>
/// <typeparam name="T">The report type.</typeparam>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly object _sync = new();

    /// <inheritdoc />
    public void Report(T value)
    {
        lock (_sync)
        {
            report(value);
        }
    }
}
