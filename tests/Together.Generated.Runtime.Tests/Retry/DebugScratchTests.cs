using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;

namespace Together.Generated.Runtime.Tests;

public sealed class DebugScratchTests
{
    private static string Internals(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock)
    {
        var t = clock.GetType();
        var fields = t.GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance);
        return string.Join("; ", fields.Select(f => f.Name + "=" + Describe(f.GetValue(clock))));
    }

    private static string Describe(object? o)
    {
        if (o is System.Collections.IEnumerable e && o is not string)
        {
            var items = new System.Collections.Generic.List<string>();
            foreach (var x in e)
            {
                var wt = x.GetType().GetProperty("WakeupTime", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)?.GetValue(x);
                items.Add(wt is long l ? new DateTime(l).ToString("HH:mm:ss.fff") : x.ToString()!);
            }
            return "[" + string.Join(",", items) + "]";
        }
        return o?.ToString() ?? "null";
    }

    [Fact]
    public async Task Scratch()
    {
        for (var run = 0; run < 30; run++)
        {
            var clock = TestClient.NewClock();
            var server = new FakeHandler(clock);
            var logs = new RecordingLoggerFactory();
            using var core = TestClient.Create(server, clock, configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(10), loggerFactory: logs);
            var cancelled = false; server.Respond(async (_, token) => { try { await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, token); } catch { cancelled = true; throw; } throw new InvalidOperationException(); });
            server.Respond(HttpStatusCode.OK, """{"id":"t2"}""");
            var request = new ApiRequest(TestClient.Endpoint("POST", "/things", idempotent: true), "/things");
            var task = core.SendAsync(request, TestJson.Default.Thing, TestContext.Current.CancellationToken);
            try { await clock.Drive(task, TimeSpan.FromSeconds(1), 100); } catch (Exception) { }

            Assert.True(task.IsCompleted, $"run {run}: {Internals(clock)} cancelled={cancelled} now={clock.GetUtcNow():HH:mm:ss} status={task.Status} ctx={System.Threading.SynchronizationContext.Current?.GetType().Name} hits {server.Hits} at {string.Join(",", server.Requests.Select(r => r.At.ToString("HH:mm:ss.fff")))} logs: {string.Join(" | ", logs.Entries.Select(e => e.Message))}");
        }
    }
}
