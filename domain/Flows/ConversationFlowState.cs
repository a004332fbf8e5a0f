using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Domain.Flows;

/// <summary>The conversations a person can be in the middle of with the bot.</summary>
public enum FlowName
{
    /// <summary>Telling the desk about a problem, a need or a question, up to a registered ticket.</summary>
    Intake,
    /// <summary>The person wrote while the desk waits for their answer on a ticket: answer, or something new?</summary>
    Reply,
}

public enum FlowStep
{
    /// <summary>The intake form is out (pre-filled or empty); more text refines it.</summary>
    Form,
    /// <summary>Knowledge answers are out; "this solved it" ends without a ticket, "I still need help" registers one.</summary>
    Deflecting,
    /// <summary>The person chooses whether what they wrote answers the desk's question.</summary>
    ReplyOrNew,
}

/// <summary>
/// What a flow remembers between turns: what the person wrote and what the desk proposed from it,
/// so a restart (or another instance) continues with exactly what the person saw.
/// </summary>
public sealed record FlowData
{
    public static FlowData Empty { get; } = new();

    /// <summary>Everything the person wrote in this flow, in order.</summary>
    public string? Text { get; init; }
    public TicketKind? Kind { get; init; }
    public string? CategoryKey { get; init; }
    public string? ServiceKey { get; init; }
    public Impact? Impact { get; init; }
    public Urgency? Urgency { get; init; }
    /// <summary>The ticket the flow is about (the one whose question may be answered).</summary>
    public Guid? TicketId { get; init; }
    /// <summary>Knowledge articles already offered, so they are neither offered again nor forgotten when asked for feedback.</summary>
    public IReadOnlyList<Guid> OfferedArticles { get; init; } = [];
}

/// <summary>
/// Where one conversation stands in a multi-step flow. One per conversation (the personal chat's
/// reference key); none means the person is not in the middle of anything. <see cref="Version"/>
/// changes with every step, so two turns of one conversation cannot both move it on.
/// </summary>
public sealed class ConversationFlowState
{
    public const int MaxTextLength = 4000;

    private ConversationFlowState() { }

    public string ConversationKey { get; private set; } = "";
    public FlowName Flow { get; private set; }
    public FlowStep Step { get; private set; }
    public FlowData Data { get; private set; } = FlowData.Empty;
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static ConversationFlowState Begin(string conversationKey, FlowName flow, FlowStep step, FlowData data, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(conversationKey))
            throw new DomainException("flow.conversation", "A flow belongs to a conversation.");
        var state = new ConversationFlowState { ConversationKey = conversationKey, StartedAt = now };
        state.MoveTo(flow, step, data, now);
        return state;
    }

    public void MoveTo(FlowName flow, FlowStep step, FlowData data, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Text is { Length: > MaxTextLength })
            data = data with { Text = data.Text[..MaxTextLength] };
        if (Flow != flow || Version == 0) StartedAt = now;
        Flow = flow;
        Step = step;
        Data = data;
        UpdatedAt = now < UpdatedAt ? UpdatedAt : now;
        Version++;
    }

    /// <summary>Left alone so long that carrying on would surprise the person more than starting again.</summary>
    public bool IsStale(DateTimeOffset now, TimeSpan maxIdle) => now - UpdatedAt > maxIdle;
}

/// <summary>Flow states by conversation; changes are saved with the unit of work.</summary>
public interface IConversationFlowRepository
{
    Task<ConversationFlowState?> FindAsync(string conversationKey, CancellationToken ct = default);

    void Add(ConversationFlowState state);

    /// <summary>The flow ended (ticket registered, question answered, cancelled).</summary>
    void Remove(ConversationFlowState state);
}
