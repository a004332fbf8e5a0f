using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Domain.Roster;

/// <summary>Where a group's triage channel lives, in any chat channel the bot speaks.</summary>
public sealed record ChannelAddress(string ChannelId, string ConversationId, string? ServiceUrl = null, string? TenantId = null);

/// <summary>A support group at one level, with the channel where its new tickets land.</summary>
public sealed class SupportGroup
{
    private SupportGroup() { }

    public SupportGroup(string name, SupportLevel level, ChannelAddress? triageChannel = null, string locale = "es-ES",
        bool requiresClosureApproval = false)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("roster.group", "A group needs a name.");
        Name = name;
        Configure(level, triageChannel, locale, requiresClosureApproval);
    }

    public string Name { get; private set; } = "";
    public SupportLevel Level { get; private set; }
    public ChannelAddress? TriageChannel { get; private set; }
    public string Locale { get; private set; } = "es-ES";
    public bool RequiresClosureApproval { get; private set; }

    public void Configure(SupportLevel level, ChannelAddress? triageChannel, string locale, bool requiresClosureApproval)
    {
        if (!Enum.IsDefined(level)) throw new DomainException("roster.level", "A level is 1, 2 or 3.");
        Level = level;
        TriageChannel = triageChannel;
        Locale = locale;
        RequiresClosureApproval = requiresClosureApproval;
    }

    public void UseChannel(ChannelAddress channel) => TriageChannel = channel;
}
