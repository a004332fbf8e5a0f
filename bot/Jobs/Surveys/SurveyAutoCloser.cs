using ServiceDesk.Domain;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Jobs.Surveys;

/// <summary>Closes a resolved ticket whose requester let the working days pass without a word.</summary>
public sealed class SurveyAutoCloser(IServiceScopeFactory scopes, TimeProvider time, ILogger<SurveyAutoCloser> log)
{
    /// <summary>True when this run closed the ticket.</summary>
    public Task<bool> CloseAsync(Guid ticketId, DateTimeOffset resolvedAt, CancellationToken ct) =>
        ConflictRetry.RunAsync(scopes, async services =>
        {
            var ticket = await services.GetRequiredService<ITicketRepository>().FindAsync(ticketId, ct);
            if (!SurveyDelivery.IsStillResolved(ticket, resolvedAt)) return false;
            // Where an auditor approves closures, the clock does not close for them.
            if (await services.GetRequiredService<IRosterRepository>().FindGroupAsync(ticket!.Group, ct) is { RequiresClosureApproval: true })
            {
                log.LogInformation("{Ticket} stays resolved: group {Group} closes only with an auditor's approval.", ticket.Number, ticket.Group);
                return false;
            }
            try
            {
                ticket.Close(PersonRef.System, time.GetUtcNow());
            }
            catch (DomainException e)
            {
                log.LogWarning("{Ticket} could not close by itself: {Reason}", ticket.Number, e.Message);
                return false;
            }
            await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(ct);
            log.LogInformation("{Ticket} closed: no answer from the requester.", ticket.Number);
            return true;
        }, ct);
}
