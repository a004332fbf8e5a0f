using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Actions;

// Verbs that are not about one existing ticket: entry points, intake, surveys, channel setup.

public sealed record Help : ICardVerb
{
    public static string Verb => "help";
}

public sealed record ShowMyTickets : ICardVerb
{
    public static string Verb => "showMyTickets";
}

public sealed record ShowTicket(Guid TicketId) : ICardVerb
{
    public static string Verb => "showTicket";
}

/// <summary>Report a problem (Incident), request something (ServiceRequest) or ask a question (InformationRequest).</summary>
public sealed record StartIntake(TicketKind Kind) : ICardVerb
{
    public static string Verb => "startIntake";
}

/// <param name="Category">A catalog category key; null when the person did not choose (the bot classifies).</param>
/// <param name="Service">A catalog service key, or null.</param>
public sealed record SubmitIntake(
    TicketKind Kind,
    string Title,
    string Description,
    Impact Impact,
    Urgency Urgency,
    string? Category = null,
    string? Service = null) : ICardVerb
{
    public static string Verb => "submitIntake";
}

/// <param name="Rating">1 (bad) to 5 (excellent).</param>
public sealed record AnswerSurvey(Guid SurveyId, int Rating, string? Comment = null) : ICardVerb
{
    public static string Verb => "answerSurvey";
}

/// <summary>A coordinator makes the channel the card was posted in the triage channel of a group.</summary>
public sealed record RegisterTriageChannel(string Group) : ICardVerb
{
    public static string Verb => "registerTriageChannel";
}
