using System.Collections.Concurrent;
using System.Text.Json;
using ServiceDesk.Bot.Channels.Teams.Connector;
using ServiceDesk.Bot.Turns;

namespace ServiceDesk.Tests.Channels.Teams.Support;

/// <summary>
/// Records every turn and, like a real flow would through the outbox, replies once through the
/// Connector client; card actions are answered with a refreshed card.
/// </summary>
internal sealed class RecordingTurnHandler(ConnectorClient connector) : ITurnHandler
{
    private readonly ConcurrentQueue<Turn> _turns = new();

    public IReadOnlyList<Turn> Turns => _turns.ToList();
    public bool Reply { get; set; } = true;
    public bool AnswerInvokes { get; set; } = true;
    public Func<Turn, Task>? Before { get; set; }

    public static readonly JsonElement RefreshedCard = JsonDocument.Parse(
        """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Claimed"}]}""").RootElement;

    public async Task<TurnResult> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        _turns.Enqueue(turn);
        if (Before is not null)
            await Before(turn);
        if (Reply && turn.Kind == TurnKind.Message)
            await connector.SendAsync(ConnectorConversation.From(turn.Conversation), new OutgoingActivity { Text = "echo: " + turn.Text }, cancellationToken);
        return turn.ExpectsInvokeResponse && AnswerInvokes
            ? TurnResult.WithInvokeResponse(InvokeResponse.Card(RefreshedCard))
            : TurnResult.Done;
    }
}

internal sealed class FixedConnectorToken(params string[] tokens) : IConnectorTokenSource
{
    private int _next;
    public int ForcedRefreshes { get; private set; }

    public ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (forceRefresh)
        {
            ForcedRefreshes++;
            _next++;
        }
        return ValueTask.FromResult<string?>(tokens[Math.Min(_next, tokens.Length - 1)]);
    }
}
