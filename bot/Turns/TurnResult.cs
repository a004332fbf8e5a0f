using System.Text.Json;

namespace ServiceDesk.Bot.Turns;

/// <summary>
/// What a handler answers synchronously. Everything else the bot says goes through the outbox;
/// the only synchronous answer is an invoke response (design.md §3).
/// </summary>
public sealed record TurnResult(InvokeResponse? InvokeResponse = null)
{
    public static TurnResult Done { get; } = new();

    public static TurnResult WithInvokeResponse(InvokeResponse response) => new(response);
}

/// <summary>The body of an Adaptive Card universal action response: <c>{statusCode, type, value}</c>.</summary>
public sealed record InvokeResponse(int StatusCode, string Type, JsonElement Value)
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>Replaces the card the person clicked on, for that person.</summary>
    public static InvokeResponse Card(JsonElement adaptiveCard) => new(200, AdaptiveCardType, adaptiveCard);

    /// <summary>Shows a short message instead of changing the card.</summary>
    public static InvokeResponse Message(string text) =>
        new(200, MessageType, JsonSerializer.SerializeToElement(text, TurnJsonContext.Default.String));

    public static InvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorType, JsonSerializer.SerializeToElement(new InvokeError(code, message), TurnJsonContext.Default.InvokeError));
}

public sealed record InvokeError(string Code, string Message);
