namespace ServiceDesk.Domain.Tickets;

public enum TicketEventType
{
    Created,
    Categorized,
    PriorityChanged,
    Claimed,
    Assigned,
    Started,
    InternalNote,
    MessageToRequester,
    QuestionToRequester,
    RequesterReplied,
    Escalated,
    PutOnHold,
    Resumed,
    Resolved,
    Reopened,
    ClosureApproved,
    ClosureRejected,
    Closed,
    Cancelled,
    SurveyAnswered,
    SlaWarning,
    SlaBreached,
    LinkedToProblem,
    MajorDeclared,
    CoordinatorCalled,
    LinkedToMajorIncident,
}

/// <summary>
/// One appended fact. Kept flat (not one class per type) so the log is a single table and the
/// KPI and SLA code read it without casts; fields a type does not use stay null.
/// </summary>
public sealed record TicketEvent(
    int Sequence,
    TicketEventType Type,
    DateTimeOffset At,
    PersonRef Actor,
    TicketStatus? FromStatus = null,
    TicketStatus? ToStatus = null,
    SupportLevel? FromLevel = null,
    SupportLevel? ToLevel = null,
    string? Group = null,
    string? Text = null)
{
    // For materializers that set properties after construction (EF cannot bind the Actor value object to a parameter).
    private TicketEvent() : this(0, default, default, PersonRef.System) { }
}
