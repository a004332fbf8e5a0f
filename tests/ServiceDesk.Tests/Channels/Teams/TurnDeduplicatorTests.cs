using ServiceDesk.Bot.Turns;
using ServiceDesk.Tests.Channels.Teams.Support;

namespace ServiceDesk.Tests.Channels.Teams;

public sealed class TurnDeduplicatorTests
{
    private readonly ManualTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task The_same_activity_runs_once_and_the_redelivery_gets_its_result()
    {
        var dedupe = new InMemoryTurnDeduplicator(_time);
        var runs = 0;
        var answer = TurnResult.WithInvokeResponse(InvokeResponse.Message("claimed"));

        var first = await dedupe.RunOnceAsync("msteams", "1", () => { runs++; return Task.FromResult(answer); });
        var second = await dedupe.RunOnceAsync("msteams", "1", () => { runs++; return Task.FromResult(TurnResult.Done); });

        Assert.Equal(1, runs);
        Assert.False(first.WasRedelivery);
        Assert.True(second.WasRedelivery);
        Assert.Same(answer, second.Result);
    }

    [Fact]
    public async Task Ids_are_per_channel()
    {
        var dedupe = new InMemoryTurnDeduplicator(_time);
        var runs = 0;

        await dedupe.RunOnceAsync("msteams", "1", () => { runs++; return Task.FromResult(TurnResult.Done); });
        await dedupe.RunOnceAsync("slack", "1", () => { runs++; return Task.FromResult(TurnResult.Done); });

        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task A_failure_is_forgotten_so_the_retry_runs()
    {
        var dedupe = new InMemoryTurnDeduplicator(_time);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            dedupe.RunOnceAsync("msteams", "1", () => throw new InvalidOperationException()));
        var retry = await dedupe.RunOnceAsync("msteams", "1", () => Task.FromResult(TurnResult.Done));

        Assert.False(retry.WasRedelivery);
    }

    [Fact]
    public async Task Ids_are_forgotten_after_the_window()
    {
        var dedupe = new InMemoryTurnDeduplicator(_time);
        await dedupe.RunOnceAsync("msteams", "1", () => Task.FromResult(TurnResult.Done));

        _time.Advance(InMemoryTurnDeduplicator.Window + TimeSpan.FromSeconds(1));

        Assert.False((await dedupe.RunOnceAsync("msteams", "1", () => Task.FromResult(TurnResult.Done))).WasRedelivery);
    }

    [Fact]
    public async Task Memory_is_bounded_by_forgetting_the_oldest()
    {
        var dedupe = new InMemoryTurnDeduplicator(_time);
        for (var i = 0; i <= InMemoryTurnDeduplicator.Capacity + 1; i++)
            await dedupe.RunOnceAsync("msteams", i.ToString(System.Globalization.CultureInfo.InvariantCulture), () => Task.FromResult(TurnResult.Done));

        Assert.False((await dedupe.RunOnceAsync("msteams", "0", () => Task.FromResult(TurnResult.Done))).WasRedelivery);
        Assert.True((await dedupe.RunOnceAsync("msteams", "100", () => Task.FromResult(TurnResult.Done))).WasRedelivery);
    }
}
