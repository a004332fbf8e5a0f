using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Roster;

namespace ServiceDesk.Bot.Jobs.Delivery;

/// <summary>A conversation the bot may start talking in (an outbox destination) and the language to use there.</summary>
public sealed record Recipient(string ReferenceKey, string? Locale);

/// <summary>
/// Where the scheduled jobs reach people and groups without being spoken to first: outbox
/// destinations are conversation reference keys (domain/Conversations).
/// </summary>
public sealed class ProactiveAddresses(IRosterRepository roster, IConversationReferenceRepository references)
{
    // The channels a person can have a personal chat with the bot in, tried in this order.
    private static readonly string[] PersonalChannels = ["msteams", "slack", "directline", "webchat"];

    /// <summary>
    /// The person's reachable personal conversation. The key is a roster key (whose Entra object id
    /// and Slack id are tried), an Entra object id or channel user id (requesters are often not on
    /// the roster), or already a conversation reference key. Null when the bot cannot reach them.
    /// </summary>
    /// <param name="locale">The language the caller knows the person reads (a requester's), before the roster's and the channel's.</param>
    public async Task<Recipient?> PersonAsync(string personKey, string? locale, CancellationToken ct)
    {
        if (personKey.Contains('|'))
        {
            var direct = await references.FindAsync(personKey, ct);
            return direct is { IsUnreachable: false } ? new Recipient(direct.Key, locale ?? direct.Locale) : null;
        }
        var person = await roster.FindPersonAsync(personKey, ct);
        foreach (var channel in PersonalChannels)
        {
            var userId = channel == "slack" ? person?.SlackUserId ?? personKey : personKey;
            var reference = await references.FindPersonalAsync(channel, person?.AadObjectId ?? personKey, userId, ct);
            if (reference is { IsUnreachable: false })
                return new Recipient(reference.Key, locale ?? person?.Locale ?? reference.Locale);
        }
        return null;
    }

    /// <summary>The group's triage channel, in the group's language; null while the group has none.</summary>
    public static Recipient? GroupChannel(SupportGroup group) =>
        group.TriageChannel is { } channel
            ? new Recipient(ConversationReference.KeyFor(channel.ChannelId, ConversationType.Channel, channel.ConversationId, null), group.Locale)
            : null;
}
