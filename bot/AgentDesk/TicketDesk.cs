using System.Text.Json.Nodes;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Cards.Tickets;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.AgentDesk;

/// <summary>Who may run a verb on a ticket.</summary>
public enum TicketPermission
{
    /// <summary>An agent or specialist of the ticket's group, or a coordinator.</summary>
    Agent,
    Requester,
    RequesterOrAgent,
    Auditor,
}

/// <summary>One change being made by a handler: the ticket, who does it, and what to tell whom once it holds.</summary>
public sealed class TicketStep(Ticket ticket, DeskActor actor, TurnContext context)
{
    internal readonly List<Func<Texts, MessageView>> RequesterNotices = [];
    internal readonly List<Func<TicketView, Task>> Afterwards = [];

    public Ticket Ticket { get; } = ticket;
    public DeskActor Actor { get; } = actor;
    public TurnContext Context { get; } = context;
    public DateTimeOffset Now => Context.Now;

    /// <summary>Set when the step escalated the ticket: the group whose card now shows where it went.</summary>
    internal string? MovedFrom { get; set; }

    internal bool WasResolved { get; private set; }
    internal bool WasReopened { get; private set; }

    /// <summary>A notice for the requester in their chat and language, sent once the change holds.</summary>
    public void TellRequester(Func<Texts, MessageView> notice) => RequesterNotices.Add(notice);

    /// <summary>More messages (coordinators, auditors, the thread), composed with the ticket as it ends up.</summary>
    public void Then(Func<TicketView, Task> action) => Afterwards.Add(action);

    public void Resolved() => WasResolved = true;

    public void Reopened() => WasReopened = true;

    /// <summary>Refuses with a reason for the person; nothing must have changed yet.</summary>
    public static DeskActionRefused Refuse(string text) => new(text);
}

/// <summary>A handler's refusal in the reader's words, thrown before anything changed.</summary>
public sealed class DeskActionRefused(string text) : Exception(text)
{
    public string Text { get; } = text;
}

/// <summary>
/// How every ticket verb runs: find the ticket, authorize the clicking person from the roster and
/// tenant, refuse a stale card (refreshing it, and naming the owner when someone claimed it first),
/// make the change, then let everyone see it: the card answered to the clicker, the channel's card and
/// the requester's card edited in place, the requester told in their language. The router commits.
/// </summary>
public sealed partial class TicketDesk(
    ITicketRepository tickets,
    DeskAuthorization authorization,
    TicketCards cards,
    TicketFollowUps followUps,
    ILogger<TicketDesk> log)
{
    /// <param name="additive">
    /// The verb only adds to the ticket (a comment, the requester's answer): a card drawn before later
    /// changes is still a fine place to write from, so its version is not checked.
    /// </param>
    public async Task<CardActionOutcome> RunAsync<TAction>(TAction action, TurnContext context, TicketPermission permission,
        Func<TicketStep, Task> change, CancellationToken ct, bool additive = false)
        where TAction : ITicketAction, ICardVerb
    {
        var texts = context.Texts;
        var ticket = await tickets.FindAsync(action.TicketId, ct);
        if (ticket is null) return new CardActionOutcome.Notice(DeskTexts.NotFound(texts, action.TicketId.ToString()));

        var decision = permission switch
        {
            TicketPermission.Agent => await authorization.AgentAsync(context, ticket, ct),
            TicketPermission.Requester => await authorization.RequesterAsync(context, ticket, ct),
            TicketPermission.RequesterOrAgent => await authorization.RequesterOrAgentAsync(context, ticket, ct),
            TicketPermission.Auditor => await authorization.AuditorAsync(context, ticket, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, null),
        };
        if (decision.Refusal is { } refusal)
        {
            LogRefused(TAction.Verb, ticket.Number.ToString(), decision.Actor.Ref.Key, refusal);
            return new CardActionOutcome.Notice(DeskTexts.Refused(texts, refusal, ticket.Number.ToString(), ticket.Group));
        }
        // The requester clicked their own card in their chat; anyone else clicked the agents' card.
        var asRequester = decision.Actor.IsRequester && permission is TicketPermission.Requester or TicketPermission.RequesterOrAgent
            && context.Conversation.Type == ConversationType.Personal;

        if (!additive && action.Version != ticket.Version)
        {
            // Someone changed it since this card was drawn: show everyone the current card and say what happened.
            LogStale(TAction.Verb, ticket.Number.ToString(), action.Version, ticket.Version);
            var current = await cards.ViewAsync(ticket, ct);
            await cards.RefreshAgentCardAsync(ticket, current, ct);
            await cards.RefreshRequesterCardAsync(ticket, current, ct);
            return new CardActionOutcome.Notice(action is ClaimTicket && ticket.Assignee is { } owner
                ? DeskTexts.AlreadyClaimed(texts, ticket.Number, owner.DisplayName)
                : DeskTexts.Stale(texts, ticket.Number));
        }

        var step = new TicketStep(ticket, decision.Actor, context);
        var before = ticket.Version;
        try
        {
            await change(step);
        }
        catch (DeskActionRefused refused) when (ticket.Version == before)
        {
            return new CardActionOutcome.Notice(refused.Text);
        }
        catch (DomainException e) when (ticket.Version == before)
        {
            // The rule refused before anything changed: the ticket is as it was, the person reads why.
            LogRuleRefused(TAction.Verb, ticket.Number.ToString(), e.Code, e.Message);
            return new CardActionOutcome.Notice(DeskTexts.Explain(texts, e, ticket));
        }

        if (step.WasResolved) followUps.Resolved(ticket);
        else if (step.WasReopened) followUps.Reopened(ticket);
        else followUps.Changed(ticket);

        var view = await cards.ViewAsync(ticket, ct);
        JsonObject answer;
        if (step.MovedFrom is { } fromGroup)
        {
            answer = await cards.MoveAgentCardAsync(ticket, view, fromGroup, context.Cards, ct);
        }
        else
        {
            await cards.RefreshAgentCardAsync(ticket, view, ct);
            answer = asRequester ? cards.RequesterCard(view, context.Cards) : cards.AgentCard(view, context.Cards);
        }
        await cards.RefreshRequesterCardAsync(ticket, view, ct);
        foreach (var notice in step.RequesterNotices)
            await cards.TellRequesterAsync(ticket, notice, ct);
        foreach (var then in step.Afterwards)
            await then(view);
        LogDone(TAction.Verb, ticket.Number.ToString(), decision.Actor.Ref.Key, ticket.Version);
        return new CardActionOutcome.RefreshedCard(answer);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Verb} on {Ticket} refused to {Person}: {Refusal}")]
    private partial void LogRefused(string verb, string ticket, string person, DeskRefusal refusal);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Verb} on {Ticket} came from a stale card (version {CardVersion}, ticket at {Version}); answered with the current one")]
    private partial void LogStale(string verb, string ticket, int cardVersion, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Verb} on {Ticket} refused by the rules ({Code}): {Reason}")]
    private partial void LogRuleRefused(string verb, string ticket, string code, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Verb} on {Ticket} by {Person}; now at version {Version}")]
    private partial void LogDone(string verb, string ticket, string person, int version);
}
