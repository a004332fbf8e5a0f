using System.Text.Json;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.AgentDesk.Commands;
using ServiceDesk.Bot.Flows;
using ServiceDesk.Bot.Outbox;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Roster;

namespace ServiceDesk.Bot.Turns;

/// <summary>
/// Routes every accepted turn in one unit of work: the conversation reference is stored or
/// refreshed, the turn's kind decides the answer (welcome, help, the one handler of a card verb), and
/// the answer's outbox messages, the reference and the processed-activity record commit together. A
/// redelivered activity finds its record and gets the first answer again, with no second effect; a
/// turn that failed left no record, so its redelivery is handled. A conflict with a concurrent turn
/// (both creating one reference, both claiming one ticket) runs the turn again on fresh data.
/// </summary>
internal sealed partial class TurnRouter(IServiceScopeFactory scopes, TurnCards cards, TimeProvider time, ILogger<TurnRouter> logger,
    OutboxWakeUp? outbox = null, IOptions<OutboxOptions>? outboxOptions = null) : ITurnHandler
{
    internal const int MaxAttempts = 3;

    private readonly ConversationGates _conversations = new();

    /// <summary>
    /// Turns of one conversation are handled one after the other in this process: run at once, each would
    /// refresh the conversation's reference (and its flow) from the same version, and all but one would
    /// conflict and run again, or fail after <see cref="MaxAttempts"/>. Other instances' turns still can
    /// conflict; those are what the attempts are for.
    /// </summary>
    public async Task<TurnResult> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        // Answers waiting to be sent are the bot's debt: past a bound, take no more until some are paid.
        if (outbox is not null && outboxOptions?.Value is { } settings)
            await outbox.WaitForRoomAsync(settings.BacklogLimit, settings.BacklogWait, time, cancellationToken);
        using (await _conversations.EnterAsync(GateKeyOf(turn), cancellationToken))
            return await HandleInTurnAsync(turn, cancellationToken);
    }

    private static string GateKeyOf(Turn turn)
    {
        var address = turn.Conversation;
        // The reference's key when the turn has one; a turn without it fails in RecordAsync, gated by its conversation id.
        return address.ConversationType == ConversationType.Personal && !string.IsNullOrWhiteSpace(turn.From.Id)
            ? ConversationReference.KeyFor(address.ChannelId, ConversationType.Personal, null, turn.From.Id)
            : $"{address.ChannelId}|{address.ReferenceConversationId}";
    }

    private async Task<TurnResult> HandleInTurnAsync(Turn turn, CancellationToken cancellationToken)
    {
        CardActionOutcome? refusal = null;
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var processed = services.GetRequiredService<IProcessedActivities>();
            // No look for an earlier record first: this process's redeliveries are answered before they get
            // here (ITurnDeduplicator), and another's or one after a restart fails the save on the record's key
            // (DuplicateActivityException below), with nothing of this run kept, and gets the first answer.

            var now = time.GetUtcNow();
            var references = services.GetRequiredService<IConversationReferenceRepository>();
            var sighting = SightingOf(turn, now);
            // Tracked: RecordAsync then finds it without a second query.
            var localeBefore = (await references.FindAsync(sighting.Key, cancellationToken))?.Locale;
            var reference = await references.RecordAsync(sighting, cancellationToken);
            var context = new TurnContext(turn, reference, cards.ContextFor(turn, reference, now), now, services.GetRequiredService<IOutbound>())
            {
                LocaleBefore = localeBefore,
            };
            TurnResult result;
            try
            {
                result = refusal is null ? await RouteAsync(context, services, cancellationToken) : Answer(context, turn.Action!, refusal);
            }
            catch (ActionRefusedException refused)
            {
                // Whatever the handler changed before the rule refused is dropped with this scope; the refusal is answered in a fresh one.
                refusal = refused.Outcome;
                continue;
            }
            if (turn.ActivityId is { Length: > 0 } activityId)
                processed.Record(new ProcessedActivity(turn.ChannelId, activityId, now, Serialize(result)));

            try
            {
                await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(cancellationToken);
                return result;
            }
            catch (DuplicateActivityException duplicate)
            {
                // Another delivery of the same activity (on another instance) committed first.
                await using var read = scopes.CreateAsyncScope();
                var first = await read.ServiceProvider.GetRequiredService<IProcessedActivities>()
                    .FindAsync(duplicate.ChannelId, duplicate.ActivityId, cancellationToken);
                return first is null ? TurnResult.Done : AlreadyHandled(first);
            }
            catch (ConcurrencyConflictException conflict) when (attempt < MaxAttempts)
            {
                LogConflict(turn.ChannelId, turn.ActivityId, conflict.RecordKey, attempt);
            }
        }
    }

    private async Task<TurnResult> RouteAsync(TurnContext context, IServiceProvider services, CancellationToken ct)
    {
        var turn = context.Turn;
        switch (turn.Kind)
        {
            case TurnKind.Installed:
                await WelcomeAsync(context, services, ct);
                return TurnResult.Done;
            case TurnKind.Uninstalled:
                context.Conversation.RecordRemoval("The bot was removed from this conversation.", context.Now);
                return TurnResult.Done;
            case TurnKind.MembersAdded:
                await RecordTeamMembersAsync(context, services, ct);
                return TurnResult.Done;
            case TurnKind.Message when context.Conversation.Type == ConversationType.Personal
                && services.GetService<IConversationFlows>() is { } flows:
                await flows.HandleTextAsync(context, ct);
                return TurnResult.Done;
            case TurnKind.Message:
                // In team channels and group chats the desk's commands come first (the queue, "use this channel for ...").
                if (await ChannelCommands.TryHandleAsync(context, services, ct)) return TurnResult.Done;
                // Until the employee flows exist, every message gets what the bot can do, in the reader's language.
                context.Reply(OutboundMessage.FromCard(TurnCards.Help(context)));
                return TurnResult.Done;
            case TurnKind.CardAction when turn.Action is { } action:
                return await CardActionAsync(context, action, services, ct);
            default:
                return TurnResult.Done;
        }
    }

    private async Task WelcomeAsync(TurnContext context, IServiceProvider services, CancellationToken ct)
    {
        var conversation = context.Conversation;
        var key = TurnCards.WelcomeKey(conversation);
        // Teams announces one install twice (installationUpdate and conversationUpdate): welcome once.
        if (conversation.RecordInstallation(context.Now))
        {
            context.Outbound.Send(context.Here, await WelcomeCardAsync(context, services, ct), key);
            return;
        }
        // Only one of the two says the person's language, and either may come first: a welcome drawn in the
        // desk's language before the person's was known is redrawn in theirs.
        if (Languages.TryParse(context.LocaleBefore) is null && Languages.TryParse(context.Turn.Locale) is { } language
            && language != cards.DefaultLanguage && context.Now - conversation.InstalledAt < TimeSpan.FromMinutes(1))
            context.Outbound.UpdateCorrelated(context.Here, key, await WelcomeCardAsync(context, services, ct));
    }

    private static async Task<OutboundMessage> WelcomeCardAsync(TurnContext context, IServiceProvider services, CancellationToken ct)
    {
        if (context.Conversation.Type == ConversationType.Personal)
            return OutboundMessage.FromCard(TurnCards.Welcome(context));
        var groups = await services.GetRequiredService<IRosterRepository>().GroupsAsync(ct);
        return OutboundMessage.FromCard(TurnCards.TeamWelcome(context, groups.Select(g => g.Name).ToList()));
    }

    // People who join a team the bot is in can be messaged one to one (the bot opens the chat).
    private static async Task RecordTeamMembersAsync(TurnContext context, IServiceProvider services, CancellationToken ct)
    {
        if (context.Conversation.Type != ConversationType.Channel) return;
        var references = services.GetRequiredService<IConversationReferenceRepository>();
        var address = context.Turn.Conversation;
        foreach (var member in context.Turn.MembersAdded)
            await references.RecordAsync(new ConversationSighting(address.ChannelId, ConversationType.Personal, null, address.ServiceUrl, context.Now)
            {
                TenantId = address.TenantId,
                BotId = address.BotId,
                BotName = address.BotName,
                UserId = member.Id,
                UserAadObjectId = member.AadObjectId,
                UserName = member.Name,
                IsActivityInConversation = false,
            }, ct);
    }

    private async Task<TurnResult> CardActionAsync(TurnContext context, CardAction action, IServiceProvider services, CancellationToken ct)
    {
        ICardAction parsed;
        try
        {
            parsed = CardActionContract.Parse(action.Verb, action.Data);
        }
        catch (CardActionException e)
        {
            LogUnreadableAction(e.Problem, e.Verb, e.Field, e.Message);
            // A card without any verb is not one of ours (or predates the contract): replace it with a notice.
            if (e.Problem == CardActionProblem.MissingVerb && action.Source == CardActionSource.Execute)
                return Answer(context, action, new CardActionOutcome.RefreshedCard(TurnCards.OutOfDateCard(context)));
            return Answer(context, action, new CardActionOutcome.Notice(TurnCards.OutOfDate(context.Texts)));
        }

        CardActionOutcome outcome;
        try
        {
            outcome = await (CardActionDispatcher.TryHandleAsync(services, parsed, context, ct)
                ?? Task.FromResult<CardActionOutcome>(new CardActionOutcome.Notice(TurnCards.NotAvailable(context.Texts))));
        }
        catch (DomainException e)
        {
            LogRefused(CardActionContract.VerbOf(parsed), e.Code, e.Message);
            throw new ActionRefusedException(new CardActionOutcome.Notice(TurnCards.Failed(context.Texts)));
        }
        return Answer(context, action, outcome);
    }

    private sealed class ActionRefusedException(CardActionOutcome outcome) : Exception
    {
        public CardActionOutcome Outcome { get; } = outcome;
    }

    /// <summary>Execute: in the invoke response. Submit: the card message is updated (PUT on replyToId), a notice is a reply.</summary>
    private static TurnResult Answer(TurnContext context, CardAction action, CardActionOutcome outcome)
    {
        if (action.Source == CardActionSource.Execute)
            return TurnResult.WithInvokeResponse(outcome switch
            {
                CardActionOutcome.RefreshedCard card => InvokeResponse.Card(JsonSerializer.SerializeToElement(card.Card, TurnJsonContext.Default.JsonObject)),
                CardActionOutcome.Notice notice => InvokeResponse.Message(notice.Text),
                _ => throw new InvalidOperationException($"Unknown card action outcome {outcome.GetType().Name}."),
            });

        switch (outcome)
        {
            case CardActionOutcome.RefreshedCard card when context.Turn.ReplyToId is { } cardMessage:
                context.Outbound.Update(context.Here, cardMessage, OutboundMessage.FromCard(card.Card));
                break;
            case CardActionOutcome.RefreshedCard card:
                context.Reply(OutboundMessage.FromCard(card.Card));
                break;
            case CardActionOutcome.Notice notice:
                context.Reply(OutboundMessage.FromText(notice.Text));
                break;
        }
        return TurnResult.Done;
    }

    private static ConversationSighting SightingOf(Turn turn, DateTimeOffset now)
    {
        var address = turn.Conversation;
        var personal = address.ConversationType == ConversationType.Personal;
        return new ConversationSighting(address.ChannelId, address.ConversationType, address.ReferenceConversationId, address.ServiceUrl,
            // The channel's timestamp orders sightings (a late redelivery is older); the clock when it gives none.
            turn.Timestamp ?? now)
        {
            TenantId = address.TenantId,
            BotId = address.BotId,
            BotName = address.BotName,
            UserId = personal ? turn.From.Id : null,
            UserAadObjectId = personal ? turn.From.AadObjectId : null,
            UserName = personal ? turn.From.Name : null,
            TeamId = address.TeamId,
            TeamName = address.TeamName,
            TeamChannelId = address.TeamChannelId,
            Locale = turn.Locale,
            TimeZone = personal ? turn.TimeZone : null,
        };
    }

    private static string? Serialize(TurnResult result) =>
        result.InvokeResponse is { } invoke ? JsonSerializer.Serialize(invoke, TurnJsonContext.Default.InvokeResponse) : null;

    private TurnResult AlreadyHandled(ProcessedActivity earlier)
    {
        LogRedelivery(earlier.ChannelId, earlier.ActivityId);
        return earlier.Response is { } json
            ? TurnResult.WithInvokeResponse(JsonSerializer.Deserialize(json, TurnJsonContext.Default.InvokeResponse)!)
            : TurnResult.Done;
    }

    /// <summary>One async gate per conversation key with someone in it or waiting; forgotten when the last one leaves.</summary>
    private sealed class ConversationGates
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

        public async ValueTask<Leaving> EnterAsync(string key, CancellationToken ct)
        {
            Gate? gate;
            lock (_lock)
            {
                if (!_gates.TryGetValue(key, out gate)) _gates[key] = gate = new Gate();
                gate.Users++;
            }
            try
            {
                await gate.Turn.WaitAsync(ct);
            }
            catch
            {
                Forget(key, gate);
                throw;
            }
            return new Leaving(this, key, gate);
        }

        private void Forget(string key, Gate gate)
        {
            lock (_lock)
                if (--gate.Users == 0) _gates.Remove(key);
        }

        public sealed class Gate
        {
            public readonly SemaphoreSlim Turn = new(1, 1);
            public int Users;
        }

        public readonly struct Leaving(ConversationGates gates, string key, Gate gate) : IDisposable
        {
            public void Dispose()
            {
                gate.Turn.Release();
                gates.Forget(key, gate);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ChannelId}/{ActivityId} was handled before; answered as then, nothing done again")]
    private partial void LogRedelivery(string channelId, string activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn {ChannelId}/{ActivityId} conflicted with a concurrent change of {RecordKey} (attempt {Attempt}); running it again")]
    private partial void LogConflict(string channelId, string? activityId, string recordKey, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card action not understood ({Problem}, verb {Verb}, field {Field}): {Reason}")]
    private partial void LogUnreadableAction(CardActionProblem problem, string? verb, string? field, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card action {Verb} refused ({Code}): {Reason}")]
    private partial void LogRefused(string verb, string code, string reason);
}
