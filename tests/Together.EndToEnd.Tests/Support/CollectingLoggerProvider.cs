using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Together.EndToEnd.Tests;

/// <summary>
/// Keeps every log entry at every level as text: its category, message and each structured value, which is what a
/// structured sink would write out.
/// </summary>
internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CollectingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            owner.Entries.Enqueue(string.Join(" | ", new[] { category, formatter(state, exception) }
                .Concat(values.Select(v => $"{v.Key}={Flatten(v.Value)}"))));
        }

        private static string Flatten(object? value) =>
            value is IEnumerable<string> many ? string.Join(",", many) : value?.ToString() ?? string.Empty;
    }
}
