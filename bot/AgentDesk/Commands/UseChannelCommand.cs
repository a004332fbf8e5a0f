using ServiceDesk.Bot.Outbox;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Messages;

namespace ServiceDesk.Bot.AgentDesk.Commands;

/// <summary>"@bot use this channel for network-l2" / "@bot usar este canal para network-l2" (coordinators).</summary>
internal sealed class UseChannelCommand(TriageChannels channels) : IChannelCommand
{
    public async Task<bool> TryHandleAsync(TurnContext context, string text, CancellationToken ct)
    {
        var group = ChannelCommands.After(text, Texts.Spanish["command.useChannel"], Texts.English["command.useChannel"]);
        if (group is null) return false;
        if (group.Length == 0) return false; // the help card says how to write it
        var answer = await channels.RegisterAsync(context, group, ct);
        context.Reply(OutboundMessage.FromCard(MessageCard.Render(answer, context.Cards)));
        return true;
    }
}
