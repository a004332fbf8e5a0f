using Microsoft.Extensions.Options;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Tickets;

/// <summary>A conversation the bot can post in (an outbox destination) and the language read there.</summary>
/// <param name="TimeZone">The person's zone in a personal chat (as their client gave it); null: the desk's.</param>
public sealed record TicketAudience(string ReferenceKey, string ChannelId, string? Locale, string? TimeZone = null);

/// <summary>
/// Where a ticket's cards go: the group's triage channel (else level 1's, so a group without a channel
/// still gets its tickets seen), the requester's personal chat, a roster person's personal chat.
/// Only conversations the bot has a reachable reference for count.
/// </summary>
public sealed class TicketAddresses(IRosterRepository roster, IConversationReferenceRepository references, IOptions<TicketOptions> options)
{
    // The channels a person may have a personal chat with the bot in, tried in this order.
    private static readonly string[] PersonalChannels = ["msteams", "slack", "directline", "webchat"];

    /// <summary>The triage channel a group's cards are posted in, and the group whose channel it is; null when neither it nor level 1 has one.</summary>
    public async Task<(TicketAudience Channel, SupportGroup Owner)?> TriageChannelAsync(string groupName, CancellationToken ct)
    {
        var group = await roster.FindGroupAsync(groupName, ct);
        if (group is not null && await ChannelOfAsync(group, ct) is { } own) return (own, group);
        if (string.Equals(groupName, options.Value.FirstLevelGroup, StringComparison.OrdinalIgnoreCase)) return null;
        var firstLevel = await roster.FindGroupAsync(options.Value.FirstLevelGroup, ct);
        return firstLevel is not null && await ChannelOfAsync(firstLevel, ct) is { } fallback ? (fallback, firstLevel) : null;
    }

    /// <summary>The group's own triage channel, when it has a reachable one.</summary>
    public async Task<TicketAudience?> ChannelOfAsync(SupportGroup group, CancellationToken ct)
    {
        if (group.TriageChannel is not { } channel) return null;
        var key = ConversationReference.KeyFor(channel.ChannelId, ConversationType.Channel, channel.ConversationId, null);
        var reference = await references.FindAsync(key, ct);
        return reference is { IsUnreachable: false } ? new TicketAudience(key, channel.ChannelId, group.Locale) : null;
    }

    /// <summary>The requester's personal chat (its last locale; the ticket's own locale comes first where it is known).</summary>
    public Task<TicketAudience?> RequesterAsync(Requester requester, CancellationToken ct) =>
        PersonalAsync(requester.Key, requester.Key, null, ct);

    /// <summary>A roster person's personal chat, in their roster language (else the chat's).</summary>
    public Task<TicketAudience?> PersonAsync(Person person, CancellationToken ct) =>
        PersonalAsync(person.AadObjectId ?? person.Key, person.SlackUserId ?? person.AadObjectId ?? person.Key, person.Locale, ct);

    /// <summary>Someone known only by their Entra object id (a requester's manager).</summary>
    public Task<TicketAudience?> DirectoryUserAsync(string aadObjectId, CancellationToken ct) =>
        PersonalAsync(aadObjectId, aadObjectId, null, ct);

    private async Task<TicketAudience?> PersonalAsync(string aadObjectId, string userId, string? locale, CancellationToken ct)
    {
        foreach (var channel in PersonalChannels)
        {
            var reference = await references.FindPersonalAsync(channel, aadObjectId, userId, ct);
            if (reference is { IsUnreachable: false })
                return new TicketAudience(reference.Key, reference.ChannelId, locale ?? reference.Locale, reference.TimeZone);
        }
        return null;
    }
}
