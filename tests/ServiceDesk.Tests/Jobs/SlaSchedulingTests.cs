using ServiceDesk.Bot.Jobs.Sla;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Tests.Jobs.Support;

namespace ServiceDesk.Tests.Jobs;

/// <summary>
/// Quartz really firing the SLA watch on SQLite, with second-long targets around the clock:
/// resolution 6 s, so its warning falls at 4.5 s.
/// </summary>
public sealed class SlaSchedulingTests
{
    private static readonly PersonRef Ana = new(JobsHost.Agent, "Ana García");

    private static async Task<(JobsHost Desk, Guid Ticket)> ClaimedTicketAsync(IDictionary<string, string?>? settings = null)
    {
        var desk = await JobsHost.StartAsync(JobsHost.SqliteFile(Directory.CreateTempSubdirectory("sdjobs-slaq-").FullName), settings: settings);
        var now = DateTimeOffset.UtcNow;
        await desk.SeedDeskAsync(now);
        var id = await desk.OpenTicketAsync(now, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6));
        await desk.ChangeAsync(id, t => t.Claim(Ana, now));
        return (desk, id);
    }

    private static async Task AssertEachThresholdOnceAsync(JobsHost desk, Guid id)
    {
        await JobsHost.EventuallyAsync(async () => (await desk.TicketAsync(id)).HasSlaEvent(TicketEventType.SlaBreached, SlaTarget.Resolution),
            TimeSpan.FromSeconds(20), "the resolution breach is recorded");
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for any duplicate to show up

        var ticket = await desk.TicketAsync(id);
        Assert.Equal([(TicketEventType.SlaWarning, "Resolution"), (TicketEventType.SlaBreached, "Resolution")],
            ticket.Events.Where(e => e.Type is TicketEventType.SlaWarning or TicketEventType.SlaBreached).Select(e => (e.Type, e.Text)));
        var warning = ticket.Events.Single(e => e.Type == TicketEventType.SlaWarning);
        Assert.True(warning.At >= ticket.CreatedAt.AddSeconds(4.5), $"warned at {warning.At:O}, created {ticket.CreatedAt:O}");
        Assert.Equal((SupportLevel.L2, "workplace-l2"), (ticket.Level, ticket.Group));
        Assert.Single(ticket.Escalations);
        JobsHost.AssertWarnedThenEscalated(await desk.OutboxAsync(), ticket);
    }

    [Fact]
    public async Task A_rescheduled_ticket_is_warned_then_escalated_once_each_at_its_thresholds()
    {
        var (desk, id) = await ClaimedTicketAsync();
        await using var _ = desk;

        // What the claim handler does after saving.
        await desk.Get<ISlaWatchScheduler>().RescheduleAsync(id);

        await AssertEachThresholdOnceAsync(desk, id);
    }

    [Fact]
    public async Task The_sweep_watches_a_ticket_nobody_rescheduled_and_racing_with_the_ticket_triggers_records_once()
    {
        var (desk, id) = await ClaimedTicketAsync(new Dictionary<string, string?> { ["Scheduler:SlaSweepInterval"] = "00:00:01" });
        await using var _ = desk;

        await AssertEachThresholdOnceAsync(desk, id);
    }
}
