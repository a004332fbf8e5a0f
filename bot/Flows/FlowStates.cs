using ServiceDesk.Bot.Turns;
using ServiceDesk.Domain.Flows;

namespace ServiceDesk.Bot.Flows;

/// <summary>
/// The conversation's flow state for one turn: read once, changed in memory, saved by the router's
/// unit of work with the answer. Per turn (scoped), so a click and the text of one turn agree.
/// </summary>
internal sealed class FlowStates(IConversationFlowRepository repository)
{
    /// <summary>A form or an offer left this long is better started again than continued.</summary>
    public static readonly TimeSpan MaxIdle = TimeSpan.FromHours(12);

    private ConversationFlowState? _state;
    private bool _loaded;
    private bool _ended;

    public async Task<ConversationFlowState?> CurrentAsync(TurnContext context, CancellationToken ct)
    {
        if (!_loaded)
        {
            _loaded = true;
            _state = await repository.FindAsync(context.Conversation.Key, ct);
            if (_state is not null && _state.IsStale(context.Now, MaxIdle)) End();
        }
        return _ended ? null : _state;
    }

    /// <summary>The current state when it is at <paramref name="step"/>; null otherwise.</summary>
    public async Task<ConversationFlowState?> AtAsync(TurnContext context, FlowStep step, CancellationToken ct) =>
        await CurrentAsync(context, ct) is { } state && state.Step == step ? state : null;

    public async Task MoveToAsync(TurnContext context, FlowName flow, FlowStep step, FlowData data, CancellationToken ct)
    {
        await CurrentAsync(context, ct);
        if (_state is null)
        {
            _state = ConversationFlowState.Begin(context.Conversation.Key, flow, step, data, context.Now);
            repository.Add(_state);
        }
        else
        {
            _state.MoveTo(flow, step, data, context.Now);
            // Ended earlier in this turn (a stale flow, a cancel) and begun again: the row stays.
            if (_ended) repository.Add(_state);
        }
        _ended = false;
    }

    public async Task EndAsync(TurnContext context, CancellationToken ct)
    {
        await CurrentAsync(context, ct);
        End();
    }

    private void End()
    {
        if (_state is not null && !_ended) repository.Remove(_state);
        _ended = true;
    }
}
