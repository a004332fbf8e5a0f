using ServiceDesk.Bot.AgentDesk;
using ServiceDesk.Bot.AgentDesk.Commands;
using ServiceDesk.Bot.Outbox;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Cards.Outages;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Bot.Outages;

/// <summary>"@bot outage" / "@bot aviso de caída" in a channel or group chat: the declaration form (coordinators only).</summary>
internal sealed class OutageCommand(DeskAuthorization authorization, ICatalogRepository catalog) : IChannelCommand
{
    public async Task<bool> TryHandleAsync(TurnContext context, string text, CancellationToken ct)
    {
        if (ChannelCommands.After(text, Texts.Spanish["outage.command"], Texts.English["outage.command"]) is not "") return false;
        var decision = await authorization.CoordinatorAsync(context, ct);
        if (decision.Refusal is { } refusal)
        {
            context.Reply(OutboundMessage.FromCard(MessageCard.Render(
                new MessageView(context.Texts["message.notAllowed"], DeskTexts.Reason(context.Texts, refusal), MessageTone.Error), context.Cards)));
            return true;
        }
        var services = (await catalog.ServicesAsync(ct))
            .Select(s => new OutageServiceChoice(s.Key, s.Name.For(context.Texts.LanguageCode)))
            .OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        context.Reply(OutboundMessage.FromCard(OutageFormCard.Render(services, context.Cards)));
        return true;
    }
}
