using System.Buffers;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Channels.Teams.Activities;
using ServiceDesk.Bot.Channels.Teams.Authentication;
using ServiceDesk.Bot.Channels.Teams.Connector;
using ServiceDesk.Bot.Turns;

namespace ServiceDesk.Bot.Channels.Teams;

/// <summary>
/// <c>POST /api/messages</c>: authenticate, read the activity, hand one turn to the handler once,
/// acknowledge. Order matters: nothing of the body is interpreted for a caller without a genuine token.
/// </summary>
internal sealed partial class MessagesEndpoint(
    BotFrameworkTokenValidator tokens,
    ITurnDeduplicator deduplicator,
    ITurnHandler handler,
    ServiceUrlAllowList serviceUrls,
    IOptions<BotFrameworkOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<MessagesEndpoint> logger)
{
    public const string Route = "/api/messages";

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var settings = options.Value;
        TokenCheck? token = null;

        if (settings.IsDevelopmentMode)
        {
            if (!IsLoopback(context.Connection.RemoteIpAddress))
            {
                LogNonLoopbackInDevelopment(context.Connection.RemoteIpAddress);
                return Results.Unauthorized();
            }
        }
        else
        {
            if (!request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                LogNoBearerToken();
                return Results.Unauthorized();
            }
        }

        var body = await ReadBodyAsync(request, settings.MaxActivityBytes, context.RequestAborted);
        if (body is null)
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
                detail: $"The activity is larger than {settings.MaxActivityBytes} bytes.");

        if (!settings.IsDevelopmentMode)
        {
            try
            {
                token = await tokens.ValidateTokenAsync(request.Headers.Authorization.ToString(), context.RequestAborted);
            }
            catch (SigningKeysUnavailableException ex)
            {
                LogKeysUnavailable(ex.Message);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            if (RejectionFor(token) is { } rejected)
                return rejected;
        }

        InboundActivity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body, TeamsJsonContext.Default.InboundActivity);
        }
        catch (JsonException ex)
        {
            return BadRequest($"The body is not a valid activity: {ex.Message}");
        }
        if (activity is null)
            return BadRequest("The body is not a JSON object.");

        var translated = TeamsActivityTranslator.Translate(activity);
        if (translated.Turn is not { } turn)
        {
            if (string.Equals(activity.Type, "invoke", StringComparison.Ordinal))
                return InvokeResult(InvokeResponse.Error(StatusCodes.Status400BadRequest, "BadRequest", translated.Error!), StatusCodes.Status400BadRequest);
            return BadRequest(translated.Error!);
        }

        if (token is not null)
        {
            token = tokens.ValidateActivity(token, turn.ChannelId, turn.Conversation.ServiceUrl);
            if (RejectionFor(token) is { } rejected)
                return rejected;
            // Only now is the serviceUrl vouched for by the channel (design.md §6).
            serviceUrls.Trust(turn.Conversation.ServiceUrl);
        }
        else if (!serviceUrls.IsTrusted(turn.Conversation.ServiceUrl))
        {
            // Development mode: nobody vouches for the serviceUrl, so it is stored only when it is this machine.
            return BadRequest($"In development mode the serviceUrl must be a loopback address (got '{turn.Conversation.ServiceUrl}').");
        }

        if (turn.Kind == TurnKind.Ignored)
        {
            LogIgnored(activity.Type!, activity.Name, turn.ActivityId);
            return turn.ExpectsInvokeResponse ? Results.StatusCode(StatusCodes.Status501NotImplemented) : Results.Ok();
        }

        // The handler only persists and enqueues; it is not cancelled when the channel stops waiting,
        // so that work a redelivery will find already done is not left half-way.
        var stopping = lifetime.ApplicationStopping;
        TurnResult result;
        if (turn.ActivityId is { Length: > 0 } activityId)
        {
            var outcome = await deduplicator.RunOnceAsync(turn.ChannelId, activityId, () => handler.HandleAsync(turn, stopping));
            if (outcome.WasRedelivery)
                LogRedelivery(turn.ChannelId, activityId);
            result = outcome.Result;
        }
        else
        {
            result = await handler.HandleAsync(turn, stopping);
        }

        if (!turn.ExpectsInvokeResponse)
            return Results.Ok();
        return result.InvokeResponse is { } invoke
            ? InvokeResult(invoke, StatusCodes.Status200OK)
            : Results.StatusCode(StatusCodes.Status501NotImplemented); // as BotBuilder: an invoke nobody answered
    }

    private static IResult? RejectionFor(TokenCheck token) => token.Verdict switch
    {
        TokenVerdict.Accepted => null,
        TokenVerdict.Forbidden => Results.StatusCode(StatusCodes.Status403Forbidden),
        _ => Results.Unauthorized(),
    };

    private static IResult BadRequest(string reason) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed activity", detail: reason);

    private static IResult InvokeResult(InvokeResponse response, int httpStatus) =>
        Results.Json(response, TeamsJsonContext.Default.InvokeResponse, statusCode: httpStatus);

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>The body, or null when it exceeds the limit (counted as read, whatever Content-Length says).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
            return null;
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            if (read.Buffer.Length > limit)
            {
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                return null;
            }
            if (read.IsCompleted || read.IsCanceled)
            {
                var body = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return body;
            }
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development mode accepts requests from loopback only; rejected one from {Address}")]
    private partial void LogNonLoopbackInDevelopment(IPAddress? address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a Bot Framework request without a bearer token")]
    private partial void LogNoBearerToken();

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot authenticate Bot Framework requests: {Reason}")]
    private partial void LogKeysUnavailable(string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored activity {Type} {Name} {ActivityId}")]
    private partial void LogIgnored(string type, string? name, string? activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redelivered activity {ChannelId}/{ActivityId} was answered from the first delivery")]
    private partial void LogRedelivery(string channelId, string activityId);
}
