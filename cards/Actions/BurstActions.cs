namespace ServiceDesk.Cards.Actions;

// A burst of similar tickets offered to the coordinators (cards/Bursts/BurstCard). The version is the
// burst's as the card showed it: a click on an older card is answered with the current one.

/// <param name="MajorTicketId">The ticket chosen on the card to become the major incident (the suggestion unless changed).</param>
/// <param name="Message">What the affected people read, as the coordinator left it on the card.</param>
public sealed record DeclareBurst(Guid BurstId, int Version, Guid MajorTicketId, string Message) : ICardVerb
{
    public static string Verb => "declareBurst";
}

/// <summary>"Not related": the burst is recorded as dismissed and not offered again.</summary>
public sealed record DismissBurst(Guid BurstId, int Version) : ICardVerb
{
    public static string Verb => "dismissBurst";
}
