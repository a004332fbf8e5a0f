using NodaTime;
using ServiceDesk.Domain.Sla;

namespace ServiceDesk.Domain.Tickets;

/// <summary>
/// The ticket aggregate: every change goes through a method that guards the transition and
/// appends one event. <see cref="Version"/> counts the events, so a card that carries it can
/// tell whether it is stale.
/// </summary>
public sealed class Ticket
{
    private readonly List<TicketEvent> _events = [];

    private Ticket() { }

    public Guid Id { get; private set; }
    public long Sequence { get; private set; }
    public TicketKind Kind { get; private set; }
    public TicketNumber Number => new(Kind, Sequence);
    public bool HasNumber => Sequence > 0;
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public Requester Requester { get; private set; } = null!;
    public Impact Impact { get; private set; }
    public Urgency Urgency { get; private set; }
    public Priority Priority { get; private set; }
    public bool IsMajor { get; private set; }
    public string? CategoryKey { get; private set; }
    public string? ServiceKey { get; private set; }
    public string Group { get; private set; } = "";
    public SupportLevel Level { get; private set; }
    public TicketStatus Status { get; private set; }
    public PersonRef? Assignee { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Resolution? Resolution { get; private set; }
    public Guid? ProblemId { get; private set; }

    /// <summary>The major incident this one is part of: its requester follows the major incident's updates.</summary>
    public Guid? MajorIncidentId { get; private set; }
    public TicketSlaTargets Sla { get; private set; } = null!;
    public int Version { get; private set; }
    public IReadOnlyList<TicketEvent> Events => _events;

    public static Ticket Open(
        Guid id,
        TicketKind kind,
        string title,
        string description,
        Requester requester,
        Impact impact,
        Urgency urgency,
        string? categoryKey,
        string? serviceKey,
        string group,
        SupportLevel level,
        TicketSlaTargets sla,
        DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("ticket.titleRequired", "A ticket needs a title.");
        if (string.IsNullOrWhiteSpace(group)) throw new DomainException("ticket.groupRequired", "A ticket needs a group.");
        var ticket = new Ticket
        {
            Id = id,
            Kind = kind,
            Title = title.Trim(),
            Description = description?.Trim() ?? "",
            Requester = requester,
            Impact = impact,
            Urgency = urgency,
            Priority = PriorityMatrix.For(impact, urgency),
            CategoryKey = categoryKey,
            ServiceKey = serviceKey,
            Group = group,
            Level = level,
            Status = TicketStatus.New,
            CreatedAt = now,
            Sla = sla,
        };
        ticket.Append(TicketEventType.Created, now, requester.AsPerson(), to: TicketStatus.New, toLevel: level, group: group);
        return ticket;
    }

    /// <summary>Storage allocates the gapless per-kind sequence inside the insert's transaction.</summary>
    public void AssignNumber(long sequence)
    {
        if (HasNumber) throw new DomainException("ticket.numberAssigned", $"Ticket {Number} already has a number.");
        if (sequence <= 0) throw new ArgumentOutOfRangeException(nameof(sequence));
        Sequence = sequence;
    }

    public PersonRef? LastEscalatedBy => _events.LastOrDefault(e => e.Type == TicketEventType.Escalated)?.Actor;

    public IEnumerable<Escalation> Escalations => _events
        .Where(e => e.Type == TicketEventType.Escalated)
        .Select(e => new Escalation(e.FromLevel!.Value, e.ToLevel!.Value, e.Group!, e.Text ?? "", e.Actor, e.At));

    public string? PendingReason =>
        Status == TicketStatus.Pending ? _events.Last(e => e.Type == TicketEventType.PutOnHold).Text : null;

    public bool NeverLeftFirstLevel => _events.All(e => e.ToLevel is null or SupportLevel.L1);

    public void Categorize(string categoryKey, string? serviceKey, PersonRef actor, DateTimeOffset now)
    {
        EnsureNotTerminal(TicketTransition.Assign);
        if (string.IsNullOrWhiteSpace(categoryKey)) throw new DomainException("ticket.categoryRequired", "A category is required.");
        CategoryKey = categoryKey;
        ServiceKey = serviceKey;
        Append(TicketEventType.Categorized, now, actor, text: serviceKey is null ? categoryKey : $"{categoryKey}/{serviceKey}");
    }

    /// <param name="sla">The targets of the new priority: deadlines follow the priority the desk agreed.</param>
    public void ChangePriority(Impact impact, Urgency urgency, TicketSlaTargets sla, PersonRef actor, DateTimeOffset now)
    {
        EnsureNotTerminal(TicketTransition.Assign);
        Impact = impact;
        Urgency = urgency;
        var before = Priority;
        Priority = IsMajor ? Priority.P1 : PriorityMatrix.For(impact, urgency);
        Sla = sla;
        Append(TicketEventType.PriorityChanged, now, actor, text: $"{before}->{Priority}");
    }

    public void Claim(PersonRef agent, DateTimeOffset now)
    {
        if (Assignee is not null && Assignee.Key != agent.Key && Status is TicketStatus.Assigned or TicketStatus.InProgress or TicketStatus.Pending)
            throw new AlreadyClaimedException(Number, Assignee);
        Move(TicketTransition.Claim, TicketEventType.Claimed, agent, now);
        Assignee = agent;
    }

    public void AssignTo(PersonRef agent, PersonRef by, DateTimeOffset now)
    {
        Move(TicketTransition.Assign, TicketEventType.Assigned, by, now, text: agent.Key);
        Assignee = agent;
    }

    public void Start(PersonRef actor, DateTimeOffset now) =>
        Move(TicketTransition.Start, TicketEventType.Started, actor, now);

    public void AddInternalNote(PersonRef author, string text, DateTimeOffset now) =>
        Say(TicketEventType.InternalNote, author, text, now);

    public void MessageRequester(PersonRef author, string text, DateTimeOffset now) =>
        Say(TicketEventType.MessageToRequester, author, text, now);

    public void AskRequester(PersonRef author, string question, DateTimeOffset now) =>
        Say(TicketEventType.QuestionToRequester, author, question, now);

    public void RecordRequesterReply(string text, DateTimeOffset now) =>
        Say(TicketEventType.RequesterReplied, Requester.AsPerson(), text, now);

    public void Escalate(SupportLevel toLevel, string toGroup, string reason, PersonRef actor, DateTimeOffset now)
    {
        if (toLevel <= Level)
            throw new DomainException("ticket.escalateUpward", $"{Number}: escalation goes to a higher level than {Level}.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("ticket.reasonRequired", "An escalation needs a reason.");
        var fromLevel = Level;
        Move(TicketTransition.Escalate, TicketEventType.Escalated, actor, now, fromLevel: fromLevel, toLevel: toLevel, group: toGroup, text: reason.Trim());
        Level = toLevel;
        Group = toGroup;
        Assignee = null;
    }

    public void PutOnHold(string reason, PersonRef actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("ticket.reasonRequired", "Putting a ticket on hold needs a reason.");
        Move(TicketTransition.Hold, TicketEventType.PutOnHold, actor, now, text: reason.Trim());
    }

    public void Resume(PersonRef actor, DateTimeOffset now) =>
        Move(TicketTransition.Resume, TicketEventType.Resumed, actor, now);

    public void Resolve(Resolution resolution, PersonRef actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(resolution.Notes))
            throw new DomainException("ticket.notesRequired", "A resolution needs notes.");
        Move(TicketTransition.Resolve, TicketEventType.Resolved, actor, now, text: $"{resolution.Code}: {resolution.Notes}");
        Resolution = resolution;
        ResolvedAt = now;
    }

    public void Reopen(string reason, PersonRef actor, DateTimeOffset now)
    {
        Move(TicketTransition.Reopen, TicketEventType.Reopened, actor, now, text: reason);
        ResolvedAt = null;
    }

    public void RejectClosure(string reason, PersonRef auditor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("ticket.reasonRequired", "Rejecting a closure needs a reason.");
        Move(TicketTransition.Reopen, TicketEventType.ClosureRejected, auditor, now, text: reason.Trim());
        ResolvedAt = null;
    }

    public void ApproveClosure(PersonRef auditor, DateTimeOffset now)
    {
        EnsureClosable(TicketTransition.Close);
        Append(TicketEventType.ClosureApproved, now, auditor);
        Close(auditor, now);
    }

    public void Close(PersonRef actor, DateTimeOffset now)
    {
        EnsureClosable(TicketTransition.Close);
        Move(TicketTransition.Close, TicketEventType.Closed, actor, now);
        ClosedAt = now;
    }

    public void Cancel(string reason, PersonRef actor, DateTimeOffset now)
    {
        Move(TicketTransition.Cancel, TicketEventType.Cancelled, actor, now, text: reason);
        ClosedAt = now;
    }

    /// <param name="p1Sla">The P1 targets that now apply.</param>
    public void DeclareMajor(TicketSlaTargets p1Sla, PersonRef actor, DateTimeOffset now)
    {
        if (Kind != TicketKind.Incident)
            throw new DomainException("ticket.majorOnlyIncident", $"{Number}: only incidents can be major.");
        if (IsMajor) throw new DomainException("ticket.alreadyMajor", $"{Number} is already a major incident.");
        if (!Status.IsOpen()) throw new InvalidTransitionException(Number, Status, TicketTransition.Escalate);
        IsMajor = true;
        Priority = Priority.P1;
        Sla = p1Sla;
        Append(TicketEventType.MajorDeclared, now, actor);
    }

    public void LinkToProblem(Guid problemId, string problemNumber, PersonRef actor, DateTimeOffset now)
    {
        if (Kind != TicketKind.Incident)
            throw new DomainException("ticket.problemOnlyIncident", $"{Number}: only incidents link to problems.");
        EnsureNotTerminal(TicketTransition.Assign);
        if (ProblemId == problemId) throw new DomainException("ticket.alreadyLinked", $"{Number} is already linked to {problemNumber}.");
        ProblemId = problemId;
        Append(TicketEventType.LinkedToProblem, now, actor, text: problemNumber);
    }

    /// <summary>
    /// Records that this incident is one more report of <paramref name="major"/> (a burst of similar tickets,
    /// or someone who said "I'm affected" to an outage notice).
    /// </summary>
    public void LinkToMajorIncident(Ticket major, PersonRef actor, DateTimeOffset now)
    {
        if (Kind != TicketKind.Incident || major.Kind != TicketKind.Incident)
            throw new DomainException("ticket.majorLinkOnlyIncident", $"{Number}: only incidents link to a major incident.");
        if (!major.IsMajor) throw new DomainException("ticket.notMajor", $"{major.Number} is not a major incident.");
        if (major.Id == Id) throw new DomainException("ticket.majorLinkSelf", $"{Number} cannot be linked to itself.");
        EnsureNotTerminal(TicketTransition.Assign);
        if (MajorIncidentId == major.Id) throw new DomainException("ticket.alreadyLinked", $"{Number} is already linked to {major.Number}.");
        MajorIncidentId = major.Id;
        Append(TicketEventType.LinkedToMajorIncident, now, actor, text: major.Number.ToString());
    }

    public void CallCoordinator(string reason, PersonRef actor, DateTimeOffset now)
    {
        EnsureNotTerminal(TicketTransition.Assign);
        Append(TicketEventType.CoordinatorCalled, now, actor, text: reason);
    }

    public void RecordSurveyAnswer(int rating, string? comment, DateTimeOffset now)
    {
        if (rating is < 1 or > 5) throw new DomainException("survey.rating", "A rating is 1 to 5.");
        if (Status is not (TicketStatus.Resolved or TicketStatus.Closed))
            throw new DomainException("survey.notResolved", $"{Number} is not resolved.");
        Append(TicketEventType.SurveyAnswered, now, Requester.AsPerson(), text: string.IsNullOrWhiteSpace(comment) ? $"{rating}" : $"{rating}: {comment.Trim()}");
    }

    /// <summary>Each SLA threshold is recorded once per target ("response" or "resolution").</summary>
    public bool HasSlaEvent(TicketEventType type, SlaTarget target) =>
        _events.Any(e => e.Type == type && e.Text == target.ToString());

    public void RecordSlaWarning(SlaTarget target, DateTimeOffset now) => RecordSla(TicketEventType.SlaWarning, target, now);

    public void RecordSlaBreach(SlaTarget target, DateTimeOffset now) => RecordSla(TicketEventType.SlaBreached, target, now);

    private void RecordSla(TicketEventType type, SlaTarget target, DateTimeOffset now)
    {
        if (HasSlaEvent(type, target))
            throw new DomainException("sla.alreadyRecorded", $"{Number}: {type} for {target} already recorded.");
        Append(type, now, PersonRef.System, text: target.ToString());
    }

    /// <summary>First claim, assignment or message to the requester: what meets the response target.</summary>
    public DateTimeOffset? FirstResponseAt => _events
        .FirstOrDefault(e => e.Type is TicketEventType.Claimed or TicketEventType.Assigned
            or TicketEventType.MessageToRequester or TicketEventType.QuestionToRequester)?.At;

    /// <summary>What the SLA clocks need: pauses are Pending spells and the spells between a resolution and its reopen.</summary>
    public SlaTimeline ToSlaTimeline()
    {
        var pauses = new List<SlaPause>();
        Instant? pausedSince = null;
        string pauseReason = "";
        foreach (var e in _events)
        {
            var at = Instant.FromDateTimeOffset(e.At);
            if (pausedSince is null && e.ToStatus is TicketStatus.Pending or TicketStatus.Resolved)
            {
                pausedSince = at;
                pauseReason = e.ToStatus == TicketStatus.Pending ? e.Text ?? "" : "resolved";
            }
            else if (pausedSince is not null && e.ToStatus is not null && e.ToStatus is not (TicketStatus.Pending or TicketStatus.Resolved or TicketStatus.Closed))
            {
                pauses.Add(new SlaPause(pausedSince.Value, at, pauseReason));
                pausedSince = null;
            }
        }
        Instant? resolved = Status is TicketStatus.Resolved or TicketStatus.Closed ? Instant.FromDateTimeOffset(ResolvedAt!.Value) : null;
        // The spell after the final resolution is not a pause: the clock stopped there.
        if (pausedSince is not null && resolved is null)
            pauses.Add(new SlaPause(pausedSince.Value, null, pauseReason));
        var firstResponse = FirstResponseAt is { } r ? Instant.FromDateTimeOffset(r) : (Instant?)null;
        return new SlaTimeline(Instant.FromDateTimeOffset(CreatedAt), firstResponse, pauses, resolved);
    }

    private void EnsureClosable(TicketTransition transition)
    {
        if (!TicketLifecycle.Allows(Status, transition)) throw new InvalidTransitionException(Number, Status, transition);
        if (CategoryKey is null)
            throw new DomainException("ticket.categoryRequired", $"{Number}: closing needs a category.");
        if (Resolution is null || string.IsNullOrWhiteSpace(Resolution.Notes))
            throw new DomainException("ticket.notesRequired", $"{Number}: closing needs resolution notes.");
    }

    private void Say(TicketEventType type, PersonRef author, string text, DateTimeOffset now)
    {
        EnsureNotTerminal(TicketTransition.Assign);
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("ticket.textRequired", "A message needs text.");
        Append(type, now, author, text: text.Trim());
    }

    private void EnsureNotTerminal(TicketTransition attempted)
    {
        if (Status.IsTerminal()) throw new InvalidTransitionException(Number, Status, attempted);
    }

    private void Move(TicketTransition transition, TicketEventType type, PersonRef actor, DateTimeOffset now,
        SupportLevel? fromLevel = null, SupportLevel? toLevel = null, string? group = null, string? text = null)
    {
        if (!TicketLifecycle.Allows(Status, transition)) throw new InvalidTransitionException(Number, Status, transition);
        var from = Status;
        Status = TicketLifecycle.Target(transition);
        Append(type, now, actor, from, Status, fromLevel, toLevel, group, text);
    }

    private void Append(TicketEventType type, DateTimeOffset now, PersonRef actor,
        TicketStatus? from = null, TicketStatus? to = null, SupportLevel? fromLevel = null, SupportLevel? toLevel = null,
        string? group = null, string? text = null)
    {
        if (_events.Count > 0 && now < _events[^1].At)
            now = _events[^1].At; // clocks of several instances may disagree by a little; the log stays ordered
        _events.Add(new TicketEvent(_events.Count + 1, type, now, actor, from, to, fromLevel, toLevel, group, text));
        Version = _events.Count;
    }
}

public enum SlaTarget { Response, Resolution }

public sealed record Escalation(SupportLevel From, SupportLevel To, string ToGroup, string Reason, PersonRef By, DateTimeOffset At);
