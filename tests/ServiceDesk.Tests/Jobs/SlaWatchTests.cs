using ServiceDesk.Bot.Jobs.Sla;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Tests.Jobs.Support;

namespace ServiceDesk.Tests.Jobs;

/// <summary>
/// The SLA watch on a real SQLite desk with a hand-moved clock; the scheduler is built but not
/// started, so every run here is one the test makes (twice, or several at once, on purpose).
/// Targets: response 40 min (warning at 30), resolution 4 h (warning at 3 h), around the clock.
/// </summary>
public sealed class SlaWatchTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Ana = new(JobsHost.Agent, "Ana García");
    private readonly TestClock _clock = new(T0);
    private JobsHost _desk = null!;

    public async Task InitializeAsync()
    {
        var folder = Directory.CreateTempSubdirectory("sdjobs-sla-").FullName;
        _desk = await JobsHost.StartAsync(JobsHost.SqliteFile(folder), clock: _clock, runScheduler: false);
        await _desk.SeedDeskAsync(T0);
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private Task<Guid> OpenAsync(SupportLevel level = SupportLevel.L1, string group = "service-desk") =>
        _desk.OpenTicketAsync(T0, TimeSpan.FromMinutes(40), TimeSpan.FromHours(4), level: level, group: group);

    private async Task<NodaTime.Instant?> RunAtAsync(Guid ticketId, TimeSpan sinceT0)
    {
        _clock.Set(T0 + sinceT0);
        return await _desk.Get<SlaWatch>().RunAsync(ticketId, default);
    }

    private async Task<List<TicketEvent>> SlaEventsAsync(Guid ticketId) =>
        (await _desk.TicketAsync(ticketId)).Events.Where(e => e.Type is TicketEventType.SlaWarning or TicketEventType.SlaBreached).ToList();

    [Fact]
    public async Task Each_threshold_is_recorded_once_however_often_the_watch_runs()
    {
        var id = await OpenAsync();
        await _desk.ChangeAsync(id, t => t.Claim(Ana, T0.AddMinutes(5)));

        Assert.Equal((T0 + TimeSpan.FromHours(3)).ToUniversalTime(), (await RunAtAsync(id, TimeSpan.FromHours(1)))!.Value.ToDateTimeOffset());
        Assert.Empty(await SlaEventsAsync(id));

        var afterWarning = await RunAtAsync(id, TimeSpan.FromHours(3.5));
        await RunAtAsync(id, TimeSpan.FromHours(3.6));
        Assert.Equal((T0 + TimeSpan.FromHours(4)).ToUniversalTime(), afterWarning!.Value.ToDateTimeOffset());
        var events = await SlaEventsAsync(id);
        var warning = Assert.Single(events);
        Assert.Equal((TicketEventType.SlaWarning, "Resolution"), (warning.Type, warning.Text));

        Assert.Null(await RunAtAsync(id, TimeSpan.FromHours(4.5)));
        Assert.Null(await RunAtAsync(id, TimeSpan.FromHours(5)));
        events = await SlaEventsAsync(id);
        Assert.Equal([(TicketEventType.SlaWarning, "Resolution"), (TicketEventType.SlaBreached, "Resolution")], events.Select(e => (e.Type, e.Text)));

        // Ana reads English (her roster locale), workplace-l2's channel Spanish (the group's).
        JobsHost.AssertWarnedThenEscalated(await _desk.OutboxAsync(), await _desk.TicketAsync(id));
    }

    [Fact]
    public async Task Runs_racing_on_one_ticket_record_one_event_per_threshold()
    {
        var id = await OpenAsync();
        await _desk.ChangeAsync(id, t => t.Claim(Ana, T0.AddMinutes(5)));

        _clock.Set(T0.AddHours(3.5));
        var watch = _desk.Get<SlaWatch>();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => watch.RunAsync(id, default))));
        _clock.Set(T0.AddHours(4.5));
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => watch.RunAsync(id, default))));

        var ticket = await _desk.TicketAsync(id);
        Assert.Single(ticket.Events, e => e.Type == TicketEventType.SlaWarning);
        Assert.Single(ticket.Events, e => e.Type == TicketEventType.SlaBreached);
        Assert.Single(ticket.Events, e => e.Type == TicketEventType.Escalated);
        JobsHost.AssertWarnedThenEscalated(await _desk.OutboxAsync(), ticket);
    }

    [Fact]
    public async Task A_resolution_breach_escalates_from_L1_to_the_services_L2_group_once()
    {
        var id = await OpenAsync();
        await _desk.ChangeAsync(id, t => t.Claim(Ana, T0.AddMinutes(5)));

        await RunAtAsync(id, TimeSpan.FromHours(4));
        await RunAtAsync(id, TimeSpan.FromHours(4.1));

        var ticket = await _desk.TicketAsync(id);
        Assert.Equal((SupportLevel.L2, "workplace-l2", TicketStatus.New), (ticket.Level, ticket.Group, ticket.Status));
        Assert.Null(ticket.Assignee);
        var escalation = Assert.Single(ticket.Escalations);
        Assert.Equal((SupportLevel.L1, SupportLevel.L2, PersonRef.System.Key), (escalation.From, escalation.To, escalation.By.Key));
        Assert.Equal("Incumplido el plazo de resolución", escalation.Reason);
        // The warning was overtaken by the breach (nobody ran the watch in between): recorded, not told.
        Assert.Single(ticket.Events, e => e.Type == TicketEventType.SlaWarning);
        // The old card refreshed, the new card and a notice in workplace-l2's channel, Ana told, Marta's card refreshed.
        var outbox = await _desk.OutboxAsync();
        Assert.Equal([JobsHost.DeskChannel, JobsHost.WorkplaceChannel, JobsHost.WorkplaceChannel, JobsHost.AgentChat, JobsHost.RequesterChat],
            outbox.Select(m => m.Destination).Order());
        Assert.DoesNotContain(outbox, m => JobsHost.TextOf(m).Contains("SLA at risk") || JobsHost.TextOf(m).Contains("SLA en riesgo"));
    }

    [Fact]
    public async Task A_resolution_breach_at_L3_calls_the_coordinators_instead()
    {
        var id = await OpenAsync(SupportLevel.L3, "infrastructure-l3");
        await _desk.ChangeAsync(id, t => t.Claim(Ana, T0.AddMinutes(5)));

        await RunAtAsync(id, TimeSpan.FromHours(4));

        var ticket = await _desk.TicketAsync(id);
        Assert.Equal(SupportLevel.L3, ticket.Level);
        Assert.Empty(ticket.Escalations);
        Assert.Single(ticket.Events, e => e.Type == TicketEventType.CoordinatorCalled);
        var notice = Assert.Single(await _desk.OutboxAsync(), m => m.Destination == JobsHost.CoordinatorChat);
        Assert.Contains("decide un coordinador", JobsHost.TextOf(notice));
    }

    [Fact]
    public async Task A_ticket_nobody_takes_warns_its_group_then_calls_the_coordinators_on_the_response_breach()
    {
        var id = await OpenAsync();

        Assert.Equal((T0 + TimeSpan.FromMinutes(30)).ToUniversalTime(), (await RunAtAsync(id, TimeSpan.Zero))!.Value.ToDateTimeOffset());
        await RunAtAsync(id, TimeSpan.FromMinutes(31));
        await RunAtAsync(id, TimeSpan.FromMinutes(41));
        await RunAtAsync(id, TimeSpan.FromMinutes(45));

        var ticket = await _desk.TicketAsync(id);
        Assert.Equal([(TicketEventType.SlaWarning, "Response"), (TicketEventType.SlaBreached, "Response"), (TicketEventType.CoordinatorCalled, null)],
            ticket.Events.Where(e => e.Type is TicketEventType.SlaWarning or TicketEventType.SlaBreached or TicketEventType.CoordinatorCalled)
                .Select(e => (e.Type, e.Type == TicketEventType.CoordinatorCalled ? null : e.Text)));
        Assert.Equal(SupportLevel.L1, ticket.Level);
        // Each threshold refreshes the card in the desk's channel and posts under it; the coordinator is told too.
        var outbox = await _desk.OutboxAsync();
        Assert.Equal(5, outbox.Count);
        Assert.Equal(2, outbox.Count(m => m.Destination == JobsHost.DeskChannel && m.Operation == ServiceDesk.Domain.Outbox.OutboxOperation.Update));
        Assert.Equal(JobsHost.DeskChannel, Assert.Single(outbox, m => JobsHost.TextOf(m).Contains("SLA en riesgo")).Destination);
        Assert.Equal([JobsHost.DeskChannel, JobsHost.CoordinatorChat],
            outbox.Where(m => JobsHost.TextOf(m).Contains("nadie lo ha atendido")).Select(m => m.Destination).Order());
    }

    [Fact]
    public async Task A_paused_ticket_has_no_threshold_to_wait_for_until_it_resumes()
    {
        var id = await OpenAsync();
        await _desk.ChangeAsync(id, t => t.Claim(Ana, T0.AddMinutes(5)));
        await _desk.ChangeAsync(id, t => t.PutOnHold("waiting for the user", Ana, T0.AddHours(1)));

        Assert.Null(await RunAtAsync(id, TimeSpan.FromHours(10)));
        Assert.Empty(await SlaEventsAsync(id));

        await _desk.ChangeAsync(id, t => t.Resume(Ana, T0.AddHours(10)));
        // 1 h used before the hold: the warning falls 2 h after the resume.
        Assert.Equal((T0 + TimeSpan.FromHours(12)).ToUniversalTime(), (await RunAtAsync(id, TimeSpan.FromHours(10)))!.Value.ToDateTimeOffset());
    }

    [Fact]
    public async Task A_resolved_ticket_is_not_watched()
    {
        var id = await OpenAsync();
        await _desk.ChangeAsync(id, t => t.Claim(Ana, T0.AddMinutes(5)));
        await _desk.ChangeAsync(id, t => t.Resolve(new Resolution(ResolutionCode.Fixed, "Cargador cambiado", false, false), Ana, T0.AddHours(1)));

        Assert.Null(await RunAtAsync(id, TimeSpan.FromHours(9)));
        Assert.Empty(await SlaEventsAsync(id));
        Assert.Empty(await _desk.OutboxAsync());
    }
}
