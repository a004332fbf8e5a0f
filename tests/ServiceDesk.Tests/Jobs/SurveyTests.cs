using Microsoft.Extensions.DependencyInjection;
using Quartz;
using ServiceDesk.Bot.Catalog;
using ServiceDesk.Bot.Jobs.Surveys;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Kpis;
using ServiceDesk.Domain.Surveys;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Tests.Jobs.Support;

namespace ServiceDesk.Tests.Jobs;

/// <summary>
/// The survey's logic on a real SQLite desk with a hand-moved clock, the scheduler built but not
/// started: the tests run the jobs' work themselves and read the triggers the scheduler stored.
/// </summary>
public sealed class SurveyTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero); // a Monday
    private static readonly PersonRef Ana = new(JobsHost.Agent, "Ana García");
    private static readonly Resolution Fixed = new(ResolutionCode.Fixed, "Cargador cambiado", false, false);
    private readonly TestClock _clock = new(T0);
    private JobsHost _desk = null!;

    public async Task InitializeAsync()
    {
        var folder = Directory.CreateTempSubdirectory("sdjobs-survey-").FullName;
        _desk = await JobsHost.StartAsync(JobsHost.SqliteFile(folder), clock: _clock, runScheduler: false);
        await _desk.SeedDeskAsync(T0);
    }

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private async Task<(Guid Id, DateTimeOffset ResolvedAt)> ResolvedTicketAsync(string locale = "es-ES", string calendar = JobsHost.AroundTheClock)
    {
        var id = await _desk.OpenTicketAsync(T0, TimeSpan.FromHours(1), TimeSpan.FromHours(8), locale, calendar: calendar);
        await _desk.ChangeAsync(id, t => t.Claim(Ana, T0.AddMinutes(5)));
        var resolved = await _desk.ChangeAsync(id, t => t.Resolve(Fixed, Ana, T0.AddHours(1)));
        _clock.Set(T0.AddHours(2));
        return (id, resolved.ResolvedAt!.Value);
    }

    [Fact]
    public async Task Sending_twice_or_at_once_surveys_the_requester_once()
    {
        var (id, resolvedAt) = await ResolvedTicketAsync();
        var delivery = _desk.Get<SurveyDelivery>();

        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => delivery.SendAsync(id, resolvedAt, default))));
        var again = await delivery.SendAsync(id, resolvedAt, default);

        Assert.Single(sent, s => s is not null);
        Assert.Null(again);
        var survey = Assert.Single(await _desk.SurveysAsync(id));
        Assert.Equal((JobsHost.Requester, T0.AddHours(2)), (survey.RequesterKey, survey.SentAt));
        var message = Assert.Single(await _desk.OutboxAsync());
        Assert.Equal((JobsHost.RequesterChat, SurveyDelivery.SurveyCorrelationKey(survey.Id)), (message.Destination, message.CorrelationKey));
        Assert.Contains("¿Qué tal lo hemos hecho?", JobsHost.TextOf(message));
    }

    [Fact]
    public async Task The_card_speaks_the_requesters_language()
    {
        var (id, resolvedAt) = await ResolvedTicketAsync(locale: "en-GB");

        await _desk.Get<SurveyDelivery>().SendAsync(id, resolvedAt, default);

        var message = Assert.Single(await _desk.OutboxAsync());
        Assert.Contains("How did we do?", JobsHost.TextOf(message));
        Assert.Contains("\"lang\":\"en\"", message.Payload);
    }

    [Fact]
    public async Task A_reopened_or_re_resolved_ticket_gets_no_survey_from_the_earlier_resolution()
    {
        var (id, firstResolution) = await ResolvedTicketAsync();
        await _desk.ChangeAsync(id, t => t.Reopen("Sigue sin arrancar", new PersonRef(JobsHost.Requester, "Marta Ruiz"), T0.AddHours(2)));

        Assert.Null(await _desk.Get<SurveyDelivery>().SendAsync(id, firstResolution, default));

        var second = await _desk.ChangeAsync(id, t => t.Resolve(Fixed, Ana, T0.AddHours(3)));
        Assert.Null(await _desk.Get<SurveyDelivery>().SendAsync(id, firstResolution, default));
        Assert.NotNull(await _desk.Get<SurveyDelivery>().SendAsync(id, second.ResolvedAt!.Value, default));
        Assert.Single(await _desk.SurveysAsync(id));
    }

    [Fact]
    public async Task A_requester_the_bot_cannot_reach_gets_no_survey_row()
    {
        var id = await _desk.InScopeAsync(async services =>
        {
            var ticket = Ticket.Open(Guid.NewGuid(), TicketKind.Incident, "Sin correo", "", new Requester("aad-unknown", "Pedro", "es-ES"),
                Impact.Low, Urgency.Low, "email", null, "service-desk", SupportLevel.L1,
                new TicketSlaTargets("test", JobsHost.AroundTheClock, TimeSpan.FromHours(1), TimeSpan.FromHours(8)), T0);
            ticket.Claim(Ana, T0.AddMinutes(1));
            ticket.Resolve(Fixed, Ana, T0.AddMinutes(2));
            services.GetRequiredService<ITicketRepository>().Add(ticket);
            await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            return ticket.Id;
        });

        Assert.Null(await _desk.Get<SurveyDelivery>().SendAsync(id, T0.AddMinutes(2), default));
        Assert.Empty(await _desk.SurveysAsync(id));
        Assert.Empty(await _desk.OutboxAsync());
    }

    [Fact]
    public async Task Scheduling_stores_the_survey_after_the_delay_and_the_closing_after_three_working_days_and_a_reopen_removes_both()
    {
        // Resolved Friday 20 Nov 2026 17:00 Madrid, counted in the seeded office calendar.
        var id = await _desk.OpenTicketAsync(T0, TimeSpan.FromHours(1), TimeSpan.FromHours(8), calendar: FirstStartCatalog.CalendarId);
        await _desk.ChangeAsync(id, t => t.Claim(Ana, T0.AddMinutes(5)));
        var resolvedAt = new DateTimeOffset(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);
        await _desk.ChangeAsync(id, t => t.Resolve(Fixed, Ana, resolvedAt));
        var surveys = _desk.Get<ISurveyScheduler>();
        var scheduler = await _desk.SchedulerAsync();

        await surveys.ScheduleAsync(id, resolvedAt);

        var survey = await scheduler.GetTrigger(QuartzSurveyScheduler.SurveyTriggerKey(id));
        var closing = await scheduler.GetTrigger(QuartzSurveyScheduler.AutoCloseTriggerKey(id));
        Assert.Equal(resolvedAt.AddSeconds(2), survey!.StartTimeUtc);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero), closing!.StartTimeUtc); // Wednesday 17:00 Madrid

        await surveys.CancelAsync(id);

        Assert.False(await scheduler.Exists(QuartzSurveyScheduler.SurveyTriggerKey(id)));
        Assert.False(await scheduler.Exists(QuartzSurveyScheduler.AutoCloseTriggerKey(id)));
    }

    [Fact]
    public async Task An_unanswered_resolved_ticket_closes_by_itself_once_its_resolution_still_stands()
    {
        var (id, resolvedAt) = await ResolvedTicketAsync();
        var closer = _desk.Get<SurveyAutoCloser>();

        _clock.Set(T0.AddDays(3).AddHours(1));
        Assert.True(await closer.CloseAsync(id, resolvedAt, default));
        Assert.False(await closer.CloseAsync(id, resolvedAt, default));

        var ticket = await _desk.TicketAsync(id);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        var closed = Assert.Single(ticket.Events, e => e.Type == TicketEventType.Closed);
        Assert.Equal(PersonRef.System.Key, closed.Actor.Key);
    }

    [Fact]
    public async Task A_ticket_of_a_group_that_needs_an_auditor_is_not_closed_by_the_clock()
    {
        var id = await _desk.OpenTicketAsync(T0, TimeSpan.FromHours(1), TimeSpan.FromHours(8), level: SupportLevel.L3, group: "infrastructure-l3");
        await _desk.ChangeAsync(id, t => t.Claim(Ana, T0.AddMinutes(5)));
        var resolved = await _desk.ChangeAsync(id, t => t.Resolve(Fixed, Ana, T0.AddHours(1)));

        Assert.False(await _desk.Get<SurveyAutoCloser>().CloseAsync(id, resolved.ResolvedAt!.Value, default));
        Assert.Equal(TicketStatus.Resolved, (await _desk.TicketAsync(id)).Status);
    }

    [Fact]
    public async Task An_answer_is_recorded_on_the_survey_and_the_ticket_closes_the_ticket_and_feeds_the_kpis()
    {
        var (id, resolvedAt) = await ResolvedTicketAsync();
        var survey = (await _desk.Get<SurveyDelivery>().SendAsync(id, resolvedAt, default))!;
        _clock.Set(T0.AddHours(3));

        var answer = await _desk.Get<SurveyAnswers>().RecordAsync(survey.Id, 4, "  Rápido  ", default);
        var twice = await Assert.ThrowsAsync<DomainException>(() => _desk.Get<SurveyAnswers>().RecordAsync(survey.Id, 5, null, default));

        Assert.True(answer.Closed);
        Assert.Equal("survey.answered", twice.Code);
        var stored = Assert.Single(await _desk.SurveysAsync(id));
        Assert.Equal((4, "Rápido", T0.AddHours(3)), (stored.Rating, stored.Comment, stored.AnsweredAt));
        var ticket = await _desk.TicketAsync(id);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal("4: Rápido", Assert.Single(ticket.Events, e => e.Type == TicketEventType.SurveyAnswered).Text);

        var period = KpiPeriod.DayContaining(T0, "Europe/Madrid");
        var report = KpiCalculator.Compute([ticket], await _desk.SurveysAsync(id), period, _ => null);
        Assert.Equal((1, 4.0), (report.Satisfaction.Answered, report.Satisfaction.MeanRating));
        Assert.Equal(1.0, report.Satisfaction.ResponseRate.Share);
    }

    [Theory]
    [InlineData("2026-11-16T10:00", 3, "2026-11-19T10:00")] // Monday → Thursday
    [InlineData("2026-11-20T17:30", 3, "2026-11-25T17:30")] // Friday → Wednesday over the weekend
    [InlineData("2026-11-21T11:00", 1, "2026-11-23T11:00")] // resolved on a Saturday: Monday is the first working day after
    [InlineData("2026-12-04T09:00", 3, "2026-12-11T09:00")] // Friday before 7 and 8 December (holidays in Madrid)
    [InlineData("2026-03-27T02:30", 1, "2026-03-30T02:30")] // Friday → Monday; the DST change on Sunday is skipped
    public void Working_days_count_in_the_tickets_calendar(string resolvedLocal, int days, string expectedLocal)
    {
        var calendar = FirstStartCatalog.MadridCalendar();
        var resolved = NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(resolvedLocal + ":00").Value.InZoneStrictly(calendar.Zone).ToDateTimeOffset();

        var due = AutoClose.DueAt(calendar, resolved, days);

        Assert.Equal(expectedLocal + ":00", NodaTime.Instant.FromDateTimeOffset(due).InZone(calendar.Zone).LocalDateTime.ToString("uuuu-MM-dd'T'HH:mm:ss", null));
    }

    [Fact]
    public void Survey_ids_are_the_resolutions()
    {
        var ticket = Ticket.Open(Guid.NewGuid(), TicketKind.Incident, "x", "", new Requester("r", "R", "es-ES"), Impact.Low, Urgency.Low,
            "c", null, "g", SupportLevel.L1, new TicketSlaTargets("p", "c", TimeSpan.FromHours(1), TimeSpan.FromHours(2)), T0);
        ticket.Claim(Ana, T0);
        ticket.Resolve(Fixed, Ana, T0.AddMinutes(1));
        var first = Survey.IdFor(ticket);
        Assert.Equal(first, Survey.IdFor(ticket));

        ticket.Reopen("no", Ana, T0.AddMinutes(2));
        ticket.Resolve(Fixed, Ana, T0.AddMinutes(3));

        Assert.NotEqual(first, Survey.IdFor(ticket));
        Assert.Equal(8, Survey.IdFor(ticket).Version);
    }
}
