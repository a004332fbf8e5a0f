using ServiceDesk.Bot.Turns;
using ServiceDesk.Domain.Conversations;

namespace ServiceDesk.Bot.AgentDesk.Commands;

/// <summary>
/// Something the desk understands when it is written to the bot in a team channel or group chat (where
/// people @mention it; the mention is already gone from the text). Personal chats belong to the
/// employee flows.
/// </summary>
public interface IChannelCommand
{
    /// <summary>True when the text was this command and it was answered.</summary>
    Task<bool> TryHandleAsync(TurnContext context, string text, CancellationToken ct);
}

public static class ChannelCommands
{
    /// <summary>For the router: offers a channel or group-chat message to the desk's commands; false when none took it.</summary>
    public static async Task<bool> TryHandleAsync(TurnContext context, IServiceProvider services, CancellationToken ct)
    {
        if (context.Conversation.Type == ConversationType.Personal || string.IsNullOrWhiteSpace(context.Turn.Text)) return false;
        var text = context.Turn.Text.Trim();
        foreach (var command in services.GetServices<IChannelCommand>())
            if (await command.TryHandleAsync(context, text, ct)) return true;
        return false;
    }

    /// <summary>
    /// The rest of <paramref name="text"/> after one of the command's words, in either language
    /// ("usar este canal para", "use this channel for"), case and accents aside; null when it is not the command.
    /// </summary>
    public static string? After(string text, params string[] commands)
    {
        foreach (var command in commands)
            if (text.StartsWith(command, StringComparison.InvariantCultureIgnoreCase)
                && (text.Length == command.Length || !char.IsLetterOrDigit(text[command.Length])))
                return text[command.Length..].Trim().Trim('"', '\'', '«', '»', '“', '”', '.', ':', '!').Trim();
        return null;
    }
}
