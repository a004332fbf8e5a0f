using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Channels.Teams.Connector;
using ServiceDesk.Bot.Health;

namespace ServiceDesk.Bot.Channels.Teams.Delivery;

/// <summary>
/// Teams delivery in /healthz?detail=true: does the token endpoint accept the credentials (asked
/// here, so an expired secret shows before the first reply fails), and what did the Connector last
/// refuse. Not essential: a delivery problem must not take the bot out of the load balancer.
/// </summary>
internal sealed class TeamsHealthProbe(
    IConnectorTokenSource tokens,
    TeamsDeliveryHealth health,
    IOptions<BotFrameworkOptions> options,
    TimeProvider time) : IHealthProbe
{
    // A health check polled every few seconds must not hammer a token endpoint that refuses us.
    internal static readonly TimeSpan RetryRefusedTokenAfter = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan TokenTimeout = TimeSpan.FromSeconds(10);

    public string Name => "teams";
    public bool Essential => false;

    public async Task<HealthReport> CheckAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        string tokenLine;
        var tokenOk = true;
        if (options.Value.IsDevelopmentMode)
        {
            tokenLine = "development mode, no credentials: replies go without a token to loopback service URLs";
        }
        else
        {
            await AskForTokenAsync(now, ct);
            var token = health.Token;
            tokenOk = token?.Accepted == true;
            tokenLine = token switch
            {
                null => "token endpoint not asked yet",
                { Accepted: true } => $"token endpoint accepts the credentials (at {Stamp(token.At)})",
                _ => $"token endpoint refused the credentials at {Stamp(token.At)}: {token.ErrorCode}",
            };
        }

        var refusal = health.LastRefusal;
        var delivered = health.LastDelivery;
        var refusalLine = refusal is null
            ? "connector refused nothing"
            : $"connector last refused: {(refusal.Status is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no answer")}"
              + $"{(refusal.ErrorCode is { } code ? " " + code : "")} in {refusal.ConversationId} at {Stamp(refusal.At)}";
        var deliveredLine = delivered is { } d ? $"last delivery at {Stamp(d)}" : "nothing delivered yet";
        // Refused credentials with nothing delivered since is the "bot died silently" case.
        var authRefused = refusal is { Status: 401 or 403 } && refusal.ErrorCode is not ("MessageWritesBlocked" or "ConversationBlockedByUser" or "BotDisabledByUser")
            && !(delivered > refusal.At);
        return new HealthReport(tokenOk && !authRefused, string.Join("; ", tokenLine, refusalLine, deliveredLine));
    }

    private async Task AskForTokenAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (health.Token is { Accepted: false } refused && now - refused.At < RetryRefusedTokenAfter) return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TokenTimeout);
        try
        {
            // Cached by the source: this asks the endpoint only when the token is due for renewal.
            if (await tokens.GetTokenAsync(false, timeout.Token) is not null) health.TokenAccepted(time.GetUtcNow());
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            health.TokenRefused(time.GetUtcNow(), e);
        }
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
