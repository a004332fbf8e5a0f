using ServiceDesk.Bot.Turns;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Roster;

namespace ServiceDesk.Bot.AgentDesk;

/// <summary>
/// A coordinator makes the team channel they are in the triage channel of a group (from the team's
/// welcome card or by writing "@bot use this channel for network-l2"). The channel's reference was
/// stored by the router from this authenticated turn, so cards can be posted to it from now on.
/// </summary>
public sealed partial class TriageChannels(IRosterRepository roster, DeskAuthorization authorization, ILogger<TriageChannels> log)
{
    /// <summary>Registers this turn's channel for the group; the answer (done or why not) in the reader's language.</summary>
    public async Task<MessageView> RegisterAsync(TurnContext context, string groupName, CancellationToken ct)
    {
        var texts = context.Texts;
        var decision = await authorization.CoordinatorAsync(context, ct);
        if (decision.Refusal is { } refusal)
        {
            LogRefused(decision.Actor.Ref.Key, groupName, refusal);
            return new MessageView(texts["message.notAllowed"], DeskTexts.Reason(texts, refusal), MessageTone.Error);
        }
        if (context.Conversation.Type != ConversationType.Channel || context.Conversation.ConversationId is not { } conversationId)
            return new MessageView(texts["message.notAllowed"], texts["desk.error.notInChannel"], MessageTone.Error);
        var name = groupName.Trim();
        var group = (await roster.GroupsAsync(ct)).FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase));
        if (group is null) return new MessageView(texts["message.failed"], texts.Format("desk.error.unknownGroup", ("group", name)), MessageTone.Error);

        var reference = context.Conversation;
        // A group's channel stays in its organisation: a coordinator of another tenant cannot take it over.
        if (group.TriageChannel?.TenantId is { Length: > 0 } tenant && !string.Equals(tenant, reference.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            LogRefused(decision.Actor.Ref.Key, group.Name, DeskRefusal.OtherTenant);
            return new MessageView(texts["message.notAllowed"], DeskTexts.Reason(texts, DeskRefusal.OtherTenant), MessageTone.Error);
        }
        group.UseChannel(new ChannelAddress(reference.ChannelId, conversationId, reference.ServiceUrl, reference.TenantId));
        LogRegistered(group.Name, reference.Key, decision.Actor.Ref.Key);
        return new MessageView(
            texts.Format("notice.channelRegistered.title", ("group", group.Name)),
            texts.Format("notice.channelRegistered.text", ("group", group.Name)), MessageTone.Success);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Person} may not register a triage channel for {Group}: {Refusal}")]
    private partial void LogRefused(string person, string group, DeskRefusal refusal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Group {Group} now posts its tickets to {Channel} (registered by {Person})")]
    private partial void LogRegistered(string group, string channel, string person);
}
