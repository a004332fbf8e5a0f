using System.Text.Json;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Domain.Conversations;

namespace ServiceDesk.Bot.Channels.Teams.Activities;

/// <summary>The outcome of reading an activity: a turn, or why the activity is malformed (a 400).</summary>
public readonly record struct TranslatedActivity(Turn? Turn, string? Error)
{
    public static TranslatedActivity Malformed(string reason) => new(null, reason);
}

/// <summary>Maps a Bot Framework activity (Teams, and the Emulator/Playground speaking the same protocol) to a <see cref="Turn"/>.</summary>
public static class TeamsActivityTranslator
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement;

    public static TranslatedActivity Translate(InboundActivity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type)) return TranslatedActivity.Malformed("The activity has no 'type'.");
        if (string.IsNullOrWhiteSpace(activity.ChannelId)) return TranslatedActivity.Malformed("The activity has no 'channelId'.");
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl) || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUri)
            || (serviceUri.Scheme != Uri.UriSchemeHttps && serviceUri.Scheme != Uri.UriSchemeHttp))
            return TranslatedActivity.Malformed("The activity has no absolute http(s) 'serviceUrl'.");
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id)) return TranslatedActivity.Malformed("The activity has no 'conversation.id'.");
        if (string.IsNullOrWhiteSpace(activity.From?.Id)) return TranslatedActivity.Malformed("The activity has no 'from.id'.");

        var botId = activity.Recipient?.Id;
        var turn = new Turn
        {
            Kind = TurnKind.Ignored,
            ChannelId = activity.ChannelId,
            ActivityId = activity.Id,
            Conversation = Address(activity, botId),
            From = Account(activity.From),
            Locale = activity.Locale ?? ClientInfoLocale(activity.Entities),
            TimeZone = activity.LocalTimezone ?? ClientInfo(activity.Entities, "timezone"),
            Timestamp = activity.Timestamp,
            ReplyToId = activity.ReplyToId,
        };

        return activity.Type switch
        {
            "message" => new(Message(activity, turn, botId), null),
            "invoke" => Invoke(activity, turn),
            "conversationUpdate" => new(ConversationUpdate(activity, turn, botId), null),
            "installationUpdate" => new(InstallationUpdate(activity, turn), null),
            // Reactions, typing, events, edits and deletes: acknowledged, not acted on.
            _ => new(turn, null),
        };
    }

    private static Turn Message(InboundActivity activity, Turn turn, string? botId)
    {
        var (text, mentions) = MentionText.Strip(activity.Text, activity.Entities, botId);
        turn = turn with { Text = text, Mentions = mentions };

        // Action.Submit and messageBack arrive as messages whose value is the card data.
        if (activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            var action = new CardAction(StringProperty(value, "verb"), value.Clone(), CardActionSource.Submit, IsRefresh: false);
            return turn with { Kind = TurnKind.CardAction, Action = action };
        }
        return turn with { Kind = TurnKind.Message };
    }

    private static TranslatedActivity Invoke(InboundActivity activity, Turn turn)
    {
        turn = turn with { ExpectsInvokeResponse = true };
        if (!string.Equals(activity.Name, AdaptiveCardActionInvoke, StringComparison.Ordinal))
            return new(turn, null);

        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
            return TranslatedActivity.Malformed("An adaptiveCard/action invoke needs 'value.action'.");

        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d.Clone() : EmptyObject;
        // Teams' captured invoke has no verb (oracle README); our cards repeat the verb in data for the Action.Submit fallback.
        var verb = StringProperty(action, "verb") ?? StringProperty(data, "verb");
        var isRefresh = string.Equals(StringProperty(value, "trigger"), "automatic", StringComparison.Ordinal);
        return new(turn with
        {
            Kind = TurnKind.CardAction,
            Action = new CardAction(verb, data, CardActionSource.Execute, isRefresh),
        }, null);
    }

    private static Turn ConversationUpdate(InboundActivity activity, Turn turn, string? botId)
    {
        // In a personal chat the only bot account (Teams "28:") there can be is this bot.
        var personal = turn.Conversation.ConversationType == ConversationType.Personal;
        bool IsBot(ChannelAccount member) =>
            (botId is not null && string.Equals(member.Id, botId, StringComparison.Ordinal))
            || (personal && member.Id?.StartsWith("28:", StringComparison.Ordinal) == true);

        var removed = activity.MembersRemoved ?? [];
        if (removed.Exists(IsBot))
            return turn with { Kind = TurnKind.Uninstalled };

        var added = activity.MembersAdded ?? [];
        var people = added.Where(m => !string.IsNullOrWhiteSpace(m.Id) && !IsBot(m)).Select(Account).ToList();
        if (added.Exists(IsBot))
            return turn with { Kind = TurnKind.Installed, MembersAdded = people };
        if (people.Count > 0)
            return turn with { Kind = TurnKind.MembersAdded, MembersAdded = people };
        return turn;
    }

    private static Turn InstallationUpdate(InboundActivity activity, Turn turn) => activity.Action switch
    {
        "add" or "add-upgrade" => turn with { Kind = TurnKind.Installed },
        "remove" or "remove-upgrade" => turn with { Kind = TurnKind.Uninstalled },
        _ => turn,
    };

    private static ConversationAddress Address(InboundActivity activity, string? botId)
    {
        var conversation = activity.Conversation!;
        var channelData = activity.ChannelData is { ValueKind: JsonValueKind.Object } cd ? cd : default;
        var teamChannelId = Nested(channelData, "channel", "id") ?? StringProperty(channelData, "teamsChannelId");
        var type = conversation.ConversationType?.ToLowerInvariant() switch
        {
            "personal" => ConversationType.Personal,
            "groupchat" => ConversationType.GroupChat,
            "channel" => ConversationType.Channel,
            // Older payloads omit the type: a channel thread still names its channel.
            _ when teamChannelId is not null => ConversationType.Channel,
            _ when conversation.IsGroup == true => ConversationType.GroupChat,
            _ => ConversationType.Personal,
        };
        // A channel message is addressed to its thread ("19:...@thread.tacv2;messageid=..."): the channel is the part before.
        if (type == ConversationType.Channel)
            teamChannelId ??= conversation.Id!.Split(";messageid=", 2)[0];
        return new ConversationAddress(
            activity.ChannelId!,
            activity.ServiceUrl!,
            conversation.Id!,
            type,
            conversation.TenantId ?? Nested(channelData, "tenant", "id"),
            botId,
            Nested(channelData, "team", "id") ?? StringProperty(channelData, "teamsTeamId"),
            teamChannelId,
            activity.Recipient?.Name,
            Nested(channelData, "team", "name"));
    }

    private static TurnUser Account(ChannelAccount account) => new(account.Id!, account.Name, account.AadObjectId);

    private static string? ClientInfoLocale(List<JsonElement>? entities) => ClientInfo(entities, "locale");

    private static string? ClientInfo(List<JsonElement>? entities, string property) =>
        entities?.Where(e => e.ValueKind == JsonValueKind.Object && StringProperty(e, "type") == "clientInfo")
            .Select(e => StringProperty(e, property))
            .FirstOrDefault(l => l is not null);

    private static string? Nested(JsonElement element, string property, string inner) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var child) ? StringProperty(child, inner) : null;

    private static string? StringProperty(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
