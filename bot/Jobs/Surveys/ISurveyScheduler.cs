namespace ServiceDesk.Bot.Jobs.Surveys;

/// <summary>What follows a resolution, kept in the scheduler's store so a restart loses none of it.</summary>
public interface ISurveyScheduler
{
    /// <summary>
    /// After a resolution is saved: the satisfaction survey goes to the requester <c>Surveys:Delay</c>
    /// later, and the ticket closes by itself after <c>Surveys:AutoCloseAfterBusinessDays</c> working
    /// days (its SLA calendar) unless answered first. Scheduling the same ticket again replaces both.
    /// </summary>
    Task ScheduleAsync(Guid ticketId, DateTimeOffset resolvedAt, CancellationToken ct = default);

    /// <summary>After a reopen (or anything else that undoes the resolution): neither happens.</summary>
    Task CancelAsync(Guid ticketId, CancellationToken ct = default);
}
