using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Together.Generated.Runtime.Tests;

/// <summary>
/// Moves a fake clock forward in steps until a task completes. Timers on the fake clock fire inside
/// <see cref="FakeTimeProvider.Advance"/>, so backoff delays, limiter refills and timeouts elapse without real time.
/// Between steps the driver gives the thread pool a moment to run the continuations those timers released (a
/// pure <c>Task.Yield</c> loop can starve them); no assertion depends on how long that moment is.
/// </summary>
internal static class ClockDriver
{
    public static async Task<T> Drive<T>(this FakeTimeProvider clock, Task<T> task, TimeSpan step, int maxSteps = 400)
    {
        await DriveCore(clock, task, step, maxSteps);
        return await task;
    }

    public static async Task Drive(this FakeTimeProvider clock, Task task, TimeSpan step, int maxSteps = 400)
    {
        await DriveCore(clock, task, step, maxSteps);
        await task;
    }

    private static async Task DriveCore(FakeTimeProvider clock, Task task, TimeSpan step, int maxSteps)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(1)));

            if (!task.IsCompleted)
            {
                clock.Advance(step);
            }
        }

        Assert.True(task.IsCompleted, $"Still running after {maxSteps} steps of {step} on the fake clock.");
    }

    /// <summary>
    /// Drives <paramref name="task"/> like <see cref="Drive(FakeTimeProvider, Task, TimeSpan, int)"/>, but before each
    /// step waits (in real time, up to a second) until <paramref name="settled"/> holds, so that work released by
    /// one step has reached its next waiting point before the clock moves again. Without it, a continuation that
    /// runs late would see a later fake time than the one its timer fired at.
    /// </summary>
    public static async Task DriveSettled(
        this FakeTimeProvider clock, Task task, Func<bool> settled, TimeSpan step, int maxSteps)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            for (var spin = 0; spin < 1000 && !settled() && !task.IsCompleted; spin++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1));
            }

            if (!task.IsCompleted)
            {
                clock.Advance(step);
            }
        }

        Assert.True(task.IsCompleted, $"Still running after {maxSteps} steps of {step} on the fake clock.");
        await task;
    }
}
