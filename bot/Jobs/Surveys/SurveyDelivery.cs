using ServiceDesk.Bot.Tickets;
using ServiceDesk.Cards.Surveys;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Surveys;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Jobs.Surveys;

/// <summary>
/// Sends the survey of a resolution: a <see cref="Survey"/> row and the survey card to the
/// requester's chat, in their language, saved together. Once per resolution: the survey's id is
/// the resolution's (<see cref="Survey.IdFor"/>), so a second run finds it, and a concurrent one
/// fails on the key and finds it then.
/// </summary>
public sealed class SurveyDelivery(IServiceScopeFactory scopes, TimeProvider time, ILogger<SurveyDelivery> log)
{
    /// <summary>The survey sent now; null when there was nothing to send (already sent, reopened, requester unreachable).</summary>
    public async Task<Survey?> SendAsync(Guid ticketId, DateTimeOffset resolvedAt, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var ticket = await services.GetRequiredService<ITicketRepository>().FindAsync(ticketId, ct);
        if (!IsStillResolved(ticket, resolvedAt)) return null;
        var surveys = services.GetRequiredService<ISurveyRepository>();
        var surveyId = Survey.IdFor(ticket!);
        if (await surveys.FindAsync(surveyId, ct) is not null) return null;

        var requester = ticket!.Requester;
        if (await services.GetRequiredService<TicketAddresses>().RequesterAsync(requester, ct) is not { } chat)
        {
            log.LogWarning("{Ticket}: the requester {Requester} has no chat the bot can reach, so the satisfaction survey was not sent.", ticket.Number, requester.Key);
            return null;
        }

        var survey = Survey.ForResolution(ticket, time.GetUtcNow());
        surveys.Add(survey);
        var view = new SurveyView(survey.Id, ticket.Id, ticket.Version, ticket.Number, ticket.Title);
        // In the language the requester wrote the ticket in; the chat's last one when the ticket does not say.
        var reader = string.IsNullOrWhiteSpace(requester.Locale) ? chat : chat with { Locale = requester.Locale };
        services.GetRequiredService<TicketCards>().Send(reader, context => SurveyCard.Render(view, context), SurveyCorrelationKey(survey.Id));
        try
        {
            await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            if (await WasSentAsync(surveyId, ct)) return null; // another run sent it first
            throw;
        }
        log.LogInformation("{Ticket}: satisfaction survey sent to {Requester}.", ticket.Number, requester.Key);
        return survey;
    }

    /// <summary>Names the survey card, so the answer can update it.</summary>
    public static string SurveyCorrelationKey(Guid surveyId) => $"survey:{surveyId:N}";

    /// <summary>The trigger belongs to the ticket's current resolution: not reopened, closed, or resolved again since.</summary>
    internal static bool IsStillResolved(Ticket? ticket, DateTimeOffset resolvedAt) =>
        ticket is { Status: TicketStatus.Resolved, ResolvedAt: { } current }
        // The database keeps microseconds; the caller's instant may carry ticks.
        && (current - resolvedAt).Duration() < TimeSpan.FromMilliseconds(1);

    private async Task<bool> WasSentAsync(Guid surveyId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISurveyRepository>().FindAsync(surveyId, ct) is not null;
    }
}
