using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;
using ServiceDesk.Bot.Desk;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Sla;
using ServiceDesk.Domain.Surveys;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Jobs.Surveys;

/// <summary>Two durable one-shot triggers per resolved ticket: <c>survey.&lt;id&gt;</c> and <c>survey-close.&lt;id&gt;</c>.</summary>
public sealed class QuartzSurveyScheduler(
    ISchedulerFactory schedulers,
    IServiceScopeFactory scopes,
    IOptions<SurveyOptions> surveys,
    IOptions<SurveyClosingOptions> closing) : ISurveyScheduler
{
    public const string TicketIdKey = "ticketId";
    public const string ResolvedAtKey = "resolvedAt";

    public static TriggerKey SurveyTriggerKey(Guid ticketId) => new(ticketId.ToString("N"), "survey");

    public static TriggerKey AutoCloseTriggerKey(Guid ticketId) => new(ticketId.ToString("N"), "survey-close");

    public async Task ScheduleAsync(Guid ticketId, DateTimeOffset resolvedAt, CancellationToken ct = default)
    {
        var closesAt = AutoClose.DueAt(await CalendarOfAsync(ticketId, ct), resolvedAt, closing.Value.AutoCloseAfterBusinessDays);
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.ScheduleTrigger(Trigger(SurveyTriggerKey(ticketId), SurveyJob.Key, ticketId, resolvedAt, resolvedAt + surveys.Value.Delay),
            TriggerConflict.Replace, ct);
        await scheduler.ScheduleTrigger(Trigger(AutoCloseTriggerKey(ticketId), SurveyAutoCloseJob.Key, ticketId, resolvedAt, closesAt),
            TriggerConflict.Replace, ct);
    }

    public async Task CancelAsync(Guid ticketId, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.UnscheduleJobs([SurveyTriggerKey(ticketId), AutoCloseTriggerKey(ticketId)], ct);
    }

    /// <summary>The resolution a trigger was scheduled for, so a job can tell it from a later one.</summary>
    internal static (Guid TicketId, DateTimeOffset ResolvedAt) Read(JobDataMap data) =>
        (Guid.Parse(data.GetString(TicketIdKey)!),
            DateTimeOffset.Parse(data.GetString(ResolvedAtKey)!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

    private async Task<BusinessCalendar> CalendarOfAsync(Guid ticketId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var ticket = await scope.ServiceProvider.GetRequiredService<ITicketRepository>().FindAsync(ticketId, ct)
            ?? throw new DomainException("ticket.notFound", $"Ticket {ticketId} does not exist.");
        return await scope.ServiceProvider.GetRequiredService<ISlaRepository>().FindCalendarAsync(ticket.Sla.CalendarKey, ct)
            ?? throw new DomainException("sla.calendar.missing", $"{ticket.Number} counts in calendar {ticket.Sla.CalendarKey}, which does not exist.");
    }

    private static ITrigger Trigger(TriggerKey key, JobKey job, Guid ticketId, DateTimeOffset resolvedAt, DateTimeOffset at) => TriggerBuilder.Create()
        .WithIdentity(key)
        .ForJob(job)
        .UsingJobData(TicketIdKey, ticketId.ToString())
        .UsingJobData(ResolvedAtKey, resolvedAt.ToString("O", CultureInfo.InvariantCulture))
        .StartAt(at)
        .WithRetryPolicy(JobsSetup.RetryOnFailure)
        // Due while the bot was down: run as soon as it is back.
        .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
        .Build();
}
