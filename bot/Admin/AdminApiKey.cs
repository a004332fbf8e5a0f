using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Desk;

namespace ServiceDesk.Bot.Admin;

/// <summary>
/// Guards the admin and ticket APIs with <c>X-Api-Key</c> (<c>Admin:ApiKey</c>). No key configured: the
/// API is closed and answers 404, as if it were not there; a missing or wrong key: 401.
/// </summary>
internal sealed partial class AdminApiKey(IOptions<AdminOptions> options, ILogger<AdminApiKey> log) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var configured = options.Value.ApiKey;
        if (string.IsNullOrEmpty(configured)) return Results.NotFound();
        var given = context.HttpContext.Request.Headers[Header].ToString();
        // Constant time, so the key cannot be guessed a character at a time.
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(configured)))
        {
            LogRejected(context.HttpContext.Request.Method, context.HttpContext.Request.Path, given.Length == 0 ? "missing" : "wrong");
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: $"Send the admin key (Admin:ApiKey) in the {Header} header.");
        }
        return await next(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin API {Method} {Path} refused: {What} key")]
    private partial void LogRejected(string method, string path, string what);
}
