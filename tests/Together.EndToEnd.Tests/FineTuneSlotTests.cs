using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Together.Emulator;
using Together.Generated;
using Together.Models;

namespace Together.EndToEnd.Tests;

/// <summary>
/// The default limits file's <c>fine_tunes</c> job-slot limiter (3 jobs at once) against the emulator's fine-tune
/// lifecycle (pending, running, then completed after <see cref="EmulatorOptions.JobDuration"/>), on a fake clock.
/// </summary>
public sealed class FineTuneSlotTests
{
    private static readonly TimeSpan JobDuration = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task CreateFineTune_FourJobsThreeSlots_FourthWaitsForTheFirstToFinish()
    {
        // The server refuses a fourth running job: a client that counted HTTP calls rather than jobs would fail.
        await using var rig = await StartAsync(serverCap: 3);

        var creates = Enumerable.Range(1, 4)
            .Select(i => rig.Client.FineTuning.PostFineTunesAsync(Job(i), TestContext.Current.CancellationToken))
            .ToArray();
        var jobs = await rig.DriveAsync(Task.WhenAll(creates), TimeSpan.FromMilliseconds(500), maxSteps: 400);

        var firstDone = jobs.Take(3).Min(j => j.CreatedAt) + JobDuration;
        var fourth = jobs.OrderBy(j => j.CreatedAt).Last();
        Assert.Equal(4, jobs.Select(j => j.Id).Distinct().Count());
        Assert.True(fourth.CreatedAt >= firstDone, $"fourth created {fourth.CreatedAt}, first done {firstDone}");
        Assert.Equal(0, rig.State.GetStats().RateLimited);
        Assert.Equal(4, rig.State.GetStats().RequestsByEndpoint["POST /fine-tunes"]);
        Assert.Contains(fourth.Id, rig.Client.Core.RunningJobs("fine_tunes"));
    }

    [Fact]
    public async Task CreateFineTune_SlotsFullAndWaitingOff_FailsFastWithoutSending()
    {
        await using var rig = await StartAsync(serverCap: 0, configure: o => o.JobSlots.WaitForSlot = false);
        var first = Enumerable.Range(1, 3)
            .Select(i => rig.Client.FineTuning.PostFineTunesAsync(Job(i), TestContext.Current.CancellationToken));
        var running = await rig.DriveAsync(Task.WhenAll(first), TimeSpan.FromMilliseconds(100), maxSteps: 100);

        var fourth = rig.Client.FineTuning.PostFineTunesAsync(Job(4), TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<JobSlotsFullException>(() =>
            rig.DriveAsync(fourth, TimeSpan.FromMilliseconds(100), maxSteps: 100));

        Assert.False(error.ServerRefused);
        Assert.Equal("fine_tunes", error.LimiterName);
        Assert.Equal(running.Select(j => j.Id).Order(), error.RunningJobs.Order());
        Assert.Equal(3, rig.State.GetStats().RequestsByEndpoint["POST /fine-tunes"]);
    }

    [Fact]
    public async Task CreateFineTune_AnotherProcessHoldsTheServersLastSlotWaitingOff_TypedRefusalWithServersMessage()
    {
        await using var rig = await StartAsync(serverCap: 1, configure: o => o.JobSlots.WaitForSlot = false);
        await CreateAsAnotherProcessAsync(rig);

        var create = rig.Client.FineTuning.PostFineTunesAsync(Job(1), TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<JobSlotsFullException>(() =>
            rig.DriveAsync(create, TimeSpan.FromMilliseconds(100), maxSteps: 100));

        Assert.True(error.ServerRefused);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal("job_limit_exceeded", error.ErrorCode);
        Assert.Contains("the most allowed at once", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Attempts);
        Assert.Single(error.RunningJobs);
    }

    [Fact]
    public async Task CreateFineTune_ServerRefusesForAJobThisClientHasNotSeen_WaitsUntilItFinishesThenCreates()
    {
        await using var rig = await StartAsync(serverCap: 1);

        // The other process's job starts after this client first looked, so only the server's refusal tells.
        var first = rig.Client.FineTuning.PostFineTunesAsync(Job(1), TestContext.Current.CancellationToken);
        var firstJob = await rig.DriveAsync(first, TimeSpan.FromMilliseconds(100), maxSteps: 100);
        rig.Clock.Advance(JobDuration);
        var otherCreated = rig.Clock.GetUtcNow();
        await CreateAsAnotherProcessAsync(rig);

        var second = rig.Client.FineTuning.PostFineTunesAsync(Job(2), TestContext.Current.CancellationToken);
        var secondJob = await rig.DriveAsync(second, TimeSpan.FromMilliseconds(500), maxSteps: 400);

        Assert.True(secondJob.CreatedAt >= otherCreated + JobDuration, $"created {secondJob.CreatedAt}");
        Assert.True(rig.State.GetStats().RateLimited >= 1);
        Assert.NotEqual(firstJob.Id, secondJob.Id);
    }

    private static async Task CreateAsAnotherProcessAsync(FakeClockRig rig)
    {
        using var other = rig.Other;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/fine-tunes")
        {
            Content = new StringContent(
                """{"training_file":"file-1","model":"meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "another-process");
        using var response = await other.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<FakeClockRig> StartAsync(int serverCap, Action<TogetherClientOptions>? configure = null) =>
        FakeClockRig.StartAsync(
            new EmulatorOptions { MaxRunningFineTunes = serverCap, JobDuration = JobDuration },
            requestsPerMinute: null,
            limiterToSettle: ("key", string.Empty),
            configure: configure);

    private static PostFineTunesRequest Job(int number) => new()
    {
        TrainingFile = $"file-{number}",
        Model = "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference",
    };
}
