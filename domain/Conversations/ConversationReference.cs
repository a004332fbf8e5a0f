namespace ServiceDesk.Domain.Conversations;

/// <summary>
/// Where the bot can speak to a person or a channel without being spoken to first: learned from
/// authenticated activities (serviceUrl included) and kept per conversation. A personal reference is
/// keyed by the person, so it also exists before the bot has a chat with them (it then opens one).
/// <see cref="Version"/> changes with every change, so two turns refreshing the same reference at
/// once cannot both decide "first install, send the welcome".
/// </summary>
public sealed class ConversationReference
{
    private ConversationReference() { }

    public string Key { get; private set; } = "";
    public string ChannelId { get; private set; } = "";
    public ConversationType Type { get; private set; }
    /// <summary>Null: a person the bot may reach but has no personal chat with yet.</summary>
    public string? ConversationId { get; private set; }
    public string ServiceUrl { get; private set; } = "";
    public string? TenantId { get; private set; }
    public string? BotId { get; private set; }
    public string? BotName { get; private set; }
    /// <summary>Personal references: the person.</summary>
    public string? UserId { get; private set; }
    public string? UserAadObjectId { get; private set; }
    public string? UserName { get; private set; }
    public string? TeamId { get; private set; }
    public string? TeamName { get; private set; }
    public string? TeamChannelId { get; private set; }
    /// <summary>The last locale the conversation's activities carried.</summary>
    public string? Locale { get; private set; }
    /// <summary>Personal references: the last time zone the person's client gave (proactive messages show times in it).</summary>
    public string? TimeZone { get; private set; }
    public DateTimeOffset FirstSeenAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    /// <summary>Since when the bot is installed here; null before the install event and after a removal.</summary>
    public DateTimeOffset? InstalledAt { get; private set; }
    public bool IsUnreachable { get; private set; }
    public string? UnreachableReason { get; private set; }
    public DateTimeOffset? UnreachableSince { get; private set; }
    public int Version { get; private set; }

    /// <summary>
    /// Personal references are keyed by the person (one per person and channel, with or without a
    /// chat); the others by their conversation.
    /// </summary>
    public static string KeyFor(string channelId, ConversationType type, string? conversationId, string? userId)
    {
        if (string.IsNullOrWhiteSpace(channelId))
            throw new DomainException("conversation.channel", "A conversation reference needs a channel id.");
        if (type == ConversationType.Personal)
        {
            if (string.IsNullOrWhiteSpace(userId))
                throw new DomainException("conversation.user", "A personal conversation reference needs the person's id.");
            return $"{channelId}|user|{userId}";
        }
        if (string.IsNullOrWhiteSpace(conversationId))
            throw new DomainException("conversation.id", $"A {type} conversation reference needs a conversation id.");
        return $"{channelId}|{(type == ConversationType.Channel ? "channel" : "chat")}|{conversationId}";
    }

    /// <summary>The channel id a reference key (and so an outbox destination) starts with.</summary>
    public static string ChannelIdOf(string key)
    {
        var bar = key.IndexOf('|');
        return bar > 0 ? key[..bar] : throw new DomainException("conversation.key", $"'{key}' is not a conversation reference key.");
    }

    public static ConversationReference From(ConversationSighting seen)
    {
        var reference = new ConversationReference
        {
            Key = seen.Key,
            ChannelId = seen.ChannelId,
            Type = seen.Type,
            FirstSeenAt = seen.At,
            LastSeenAt = seen.At,
            ServiceUrl = RequireServiceUrl(seen.ServiceUrl),
        };
        reference.Apply(seen);
        reference.Version = 1;
        return reference;
    }

    /// <summary>
    /// Takes what a newer activity says (service URL, names, locale). An activity in the conversation
    /// also proves it reachable again: someone who blocked the bot and writes to it has unblocked it.
    /// Older activities (a late redelivery) change nothing.
    /// </summary>
    public void Refresh(ConversationSighting seen)
    {
        if (seen.Key != Key)
            throw new DomainException("conversation.key", $"A sighting of {seen.Key} cannot refresh {Key}.");
        if (seen.At < LastSeenAt) return;
        LastSeenAt = seen.At;
        ServiceUrl = RequireServiceUrl(seen.ServiceUrl);
        Apply(seen);
        if (seen.IsActivityInConversation && IsUnreachable)
        {
            IsUnreachable = false;
            UnreachableReason = null;
            UnreachableSince = null;
        }
        Version++;
    }

    /// <summary>Records that the bot was installed here; true when this is a new installation (worth a welcome).</summary>
    public bool RecordInstallation(DateTimeOffset at)
    {
        if (InstalledAt is not null) return false;
        InstalledAt = at;
        Version++;
        return true;
    }

    /// <summary>The bot was removed: nothing can be sent here until it is installed again.</summary>
    public void RecordRemoval(string reason, DateTimeOffset at)
    {
        InstalledAt = null;
        MarkUnreachable(reason, at);
    }

    /// <summary>The channel refused a message for good (blocked, removed); proactive messages skip this reference.</summary>
    public void MarkUnreachable(string reason, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("conversation.unreachableReason", "Say why the conversation is unreachable.");
        if (IsUnreachable && UnreachableReason == reason) return;
        UnreachableSince = IsUnreachable ? UnreachableSince : at;
        IsUnreachable = true;
        UnreachableReason = reason;
        Version++;
    }

    /// <summary>The bot opened its personal chat with the person (a proactive first message).</summary>
    /// <param name="serviceUrl">Where the channel said to send in the new chat, when it said.</param>
    public void OpenPersonalChat(string conversationId, string? serviceUrl)
    {
        if (Type != ConversationType.Personal)
            throw new DomainException("conversation.notPersonal", $"Only a personal reference opens a chat; {Key} is {Type}.");
        if (string.IsNullOrWhiteSpace(conversationId))
            throw new DomainException("conversation.id", "The new chat needs an id.");
        if (ConversationId == conversationId && (serviceUrl is null || serviceUrl == ServiceUrl)) return;
        ConversationId = conversationId;
        if (!string.IsNullOrWhiteSpace(serviceUrl)) ServiceUrl = serviceUrl;
        Version++;
    }

    // Unknown values (null) never erase known ones: a member list has no locale, an invoke no team name.
    private void Apply(ConversationSighting seen)
    {
        ConversationId = seen.ConversationId ?? ConversationId;
        TenantId = seen.TenantId ?? TenantId;
        BotId = seen.BotId ?? BotId;
        BotName = seen.BotName ?? BotName;
        UserId = Type == ConversationType.Personal ? seen.UserId ?? UserId : null;
        UserAadObjectId = Type == ConversationType.Personal ? seen.UserAadObjectId ?? UserAadObjectId : null;
        UserName = Type == ConversationType.Personal ? seen.UserName ?? UserName : null;
        TeamId = seen.TeamId ?? TeamId;
        TeamName = seen.TeamName ?? TeamName;
        TeamChannelId = seen.TeamChannelId ?? TeamChannelId;
        Locale = seen.Locale ?? Locale;
        TimeZone = Type == ConversationType.Personal ? seen.TimeZone ?? TimeZone : null;
    }

    private static string RequireServiceUrl(string serviceUrl) =>
        string.IsNullOrWhiteSpace(serviceUrl)
            ? throw new DomainException("conversation.serviceUrl", "A conversation reference needs the channel's service URL.")
            : serviceUrl;
}
