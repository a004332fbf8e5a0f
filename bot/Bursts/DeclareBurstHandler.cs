using ServiceDesk.Bot.AgentDesk;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Bursts;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Bursts;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Bursts;

/// <summary>
/// "Declare major incident and notify" (coordinators): in the turn's one unit of work the chosen ticket
/// becomes the major incident (P1 with P1's targets, as the agent card's "declare major incident"),
/// every other open ticket of the burst is linked to it, each requester is told in their language,
/// the tickets' cards are refreshed, and the coordinators' cards say what was done. A second click
/// (or a click on an older card) gets the current card and changes nothing.
/// </summary>
internal sealed partial class DeclareBurstHandler(
    IBurstRepository bursts,
    ITicketRepository tickets,
    DeskAuthorization authorization,
    BurstCards burstCards,
    TicketCards cards,
    TicketSlaPolicies policies,
    TicketFollowUps followUps,
    ILogger<DeclareBurstHandler> log) : ICardActionHandler<DeclareBurst>
{
    public async Task<CardActionOutcome> HandleAsync(DeclareBurst action, TurnContext context, CancellationToken ct)
    {
        var texts = context.Texts;
        var burst = await bursts.FindAsync(action.BurstId, ct);
        if (burst is null) return new CardActionOutcome.Notice(texts["burst.notFound"]);
        var decision = await authorization.CoordinatorAsync(context, ct);
        if (decision.Allowed && !await burstCards.SameOrganisationAsync(burst, context.Turn.Conversation.TenantId, ct))
            decision = decision with { Refusal = DeskRefusal.OtherTenant };
        if (decision.Refusal is { } refusal)
        {
            LogRefused(decision.Actor.Ref.Key, refusal);
            return new CardActionOutcome.Notice(DeskTexts.Refused(texts, refusal));
        }
        if (action.Version != burst.Version || burst.State != BurstState.Offered)
        {
            LogStale(burst.Id, action.Version, burst.Version);
            return new CardActionOutcome.RefreshedCard(await burstCards.RenderAsync(burst, context.Cards, ct));
        }

        var major = burst.Contains(action.MajorTicketId) ? await tickets.FindAsync(action.MajorTicketId, ct) : null;
        if (major is null) return new CardActionOutcome.Notice(texts["burst.notFound"]);
        if (!major.Status.IsOpen()) return new CardActionOutcome.Notice(texts.Format("burst.majorNotOpen", ("number", major.Number.ToString())));

        var actor = decision.Actor.Ref;
        var service = await burstCards.ServiceNameAsync(burst.ServiceKey, ct);
        // Left as the card proposed it: each requester reads the proposal in their own language.
        var message = string.IsNullOrWhiteSpace(action.Message) || action.Message.Trim() == BurstCard.DefaultMessage(texts, service)
            ? null
            : action.Message.Trim();
        try
        {
            // Declared from its own card meanwhile: it is the major incident already, the others are linked to it.
            if (!major.IsMajor) major.DeclareMajor(await policies.ForAsync(Priority.P1, major.ServiceKey, ct), actor, context.Now);
        }
        catch (DomainException e)
        {
            return new CardActionOutcome.Notice(DeskTexts.Explain(texts, e, major));
        }

        var linked = new List<Ticket>();
        foreach (var id in burst.Tickets.Where(id => id != major.Id))
        {
            // Resolved, cancelled or already part of another major incident since the offer: left as they are.
            if (await tickets.FindAsync(id, ct) is not { Kind: TicketKind.Incident, IsMajor: false, MajorIncidentId: null } ticket || !ticket.Status.IsOpen())
                continue;
            ticket.LinkToMajorIncident(major, actor, context.Now);
            linked.Add(ticket);
        }

        var notified = new HashSet<string>(StringComparer.Ordinal);
        if (await burstCards.TellMajorAsync(major, message, service, ct)) notified.Add(major.Requester.Key);
        foreach (var ticket in linked)
            if (await burstCards.TellLinkedAsync(ticket, major, message, service, ct)) notified.Add(ticket.Requester.Key);
        burst.Declare(major.Id, actor, message, notified.Count, context.Now);

        foreach (var ticket in linked.Prepend(major))
        {
            followUps.Changed(ticket); // the major incident's SLA watch moves to P1's targets
            var view = await cards.ViewAsync(ticket, ct);
            await cards.RefreshAgentCardAsync(ticket, view, ct);
            await cards.RefreshRequesterCardAsync(ticket, view, ct);
        }
        await burstCards.RefreshAsync(burst, context.Conversation.Key, ct);
        LogDeclared(major.Number.ToString(), actor.Key, linked.Count, notified.Count);
        return new CardActionOutcome.RefreshedCard(await burstCards.RenderAsync(burst, context.Cards, ct));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "declareBurst refused to {Person}: {Refusal}")]
    private partial void LogRefused(string person, DeskRefusal refusal);

    [LoggerMessage(Level = LogLevel.Information, Message = "declareBurst on burst {BurstId} came from an older card (version {CardVersion}, burst at {Version}); answered with the current one")]
    private partial void LogStale(Guid burstId, int cardVersion, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Major incident {Ticket} declared from a burst by {Person}: {Linked} tickets linked, {Notified} requesters notified")]
    private partial void LogDeclared(string ticket, string person, int linked, int notified);
}
