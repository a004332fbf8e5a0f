using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using ServiceDesk.Bot.Channels.Teams.Activities;

namespace ServiceDesk.Bot.Channels.Teams.Connector;

/// <summary>
/// The Bot Connector REST API v3 (protocol.md §3) as the bot uses it: send, reply, update, delete and
/// open a 1:1 chat. Every call is rate limited, retried briefly, and fails with a
/// <see cref="ConnectorException"/> (or <see cref="RecipientUnreachableException"/>) the outbox acts on.
/// </summary>
public sealed partial class ConnectorClient
{
    // Teams' answers when the person blocked or removed the bot (protocol.md §3, Teams docs and Q&A).
    private static readonly HashSet<string> UnreachableCodes =
        new(["MessageWritesBlocked", "ConversationBlockedByUser", "BotDisabledByUser"], StringComparer.OrdinalIgnoreCase);

    private readonly HttpClient _http;
    private readonly IConnectorTokenSource _tokens;
    private readonly ConnectorRateLimits _limits;
    private readonly ServiceUrlAllowList _serviceUrls;
    private readonly BotFrameworkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ConnectorClient> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly ResiliencePipeline _attemptTimeout;

    public ConnectorClient(HttpClient http, IConnectorTokenSource tokens, ConnectorRateLimits limits, ServiceUrlAllowList serviceUrls,
        IOptions<BotFrameworkOptions> options, TimeProvider time, ILogger<ConnectorClient> logger)
    {
        _http = http;
        _tokens = tokens;
        _limits = limits;
        _serviceUrls = serviceUrls;
        _options = options.Value;
        _time = time;
        _logger = logger;
        // A typed client is made per use (per message): its pipelines are built once per configuration.
        var pipelines = Pipelines.GetValue(_options, _ => new PipelineSet(_options.Connector, time, logger));
        if (!ReferenceEquals(pipelines.Time, time) || !ReferenceEquals(pipelines.Logger, logger))
            pipelines = new PipelineSet(_options.Connector, time, logger);
        _retry = pipelines.Retry;
        _attemptTimeout = pipelines.AttemptTimeout;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<BotFrameworkOptions, PipelineSet> Pipelines = new();

    private sealed class PipelineSet(ConnectorOptions options, TimeProvider time, ILogger logger)
    {
        public TimeProvider Time { get; } = time;
        public ILogger Logger { get; } = logger;
        public ResiliencePipeline<HttpResponseMessage> Retry { get; } = ConnectorRetryPipeline.Build(options, time, logger);
        public ResiliencePipeline AttemptTimeout { get; } = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>Posts a new message to the conversation; returns the new activity's id.</summary>
    public async Task<string?> SendAsync(ConnectorConversation conversation, OutgoingActivity activity, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync(HttpMethod.Post, conversation, $"v3/conversations/{Escape(conversation.ConversationId)}/activities",
            Stamp(activity, conversation), TeamsJsonContext.Default.ResourceResponse, cancellationToken);
        return response?.Id;
    }

    /// <summary>Posts into the thread of <paramref name="replyToId"/>; returns the new activity's id.</summary>
    public async Task<string?> ReplyAsync(ConnectorConversation conversation, string replyToId, OutgoingActivity activity, CancellationToken cancellationToken = default)
    {
        var response = await CallAsync(HttpMethod.Post, conversation,
            $"v3/conversations/{Escape(conversation.ConversationId)}/activities/{Escape(replyToId)}",
            Stamp(activity, conversation) with { ReplyToId = replyToId }, TeamsJsonContext.Default.ResourceResponse, cancellationToken);
        return response?.Id;
    }

    /// <summary>Replaces a message the bot sent (e.g. a ticket card after a claim).</summary>
    public async Task UpdateAsync(ConnectorConversation conversation, string activityId, OutgoingActivity activity, CancellationToken cancellationToken = default)
    {
        await CallAsync(HttpMethod.Put, conversation,
            $"v3/conversations/{Escape(conversation.ConversationId)}/activities/{Escape(activityId)}",
            Stamp(activity, conversation) with { Id = activityId }, TeamsJsonContext.Default.ResourceResponse, cancellationToken);
    }

    public async Task DeleteAsync(ConnectorConversation conversation, string activityId, CancellationToken cancellationToken = default)
    {
        await CallAsync<OutgoingActivity, ResourceResponse>(HttpMethod.Delete, conversation,
            $"v3/conversations/{Escape(conversation.ConversationId)}/activities/{Escape(activityId)}",
            null, null, null, cancellationToken);
    }

    /// <summary>
    /// Opens (or finds) the bot's 1:1 chat with a person, for proactive messages. The bot must be
    /// installed for that person; use the returned id with <see cref="SendAsync"/>.
    /// </summary>
    /// <param name="userId">The person's Teams id (<c>29:...</c>) as learned from an activity.</param>
    public async Task<ConversationResourceResponse> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string userId, CancellationToken cancellationToken = default)
    {
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = BotAccountId() },
            Members = [new ChannelAccount { Id = userId }],
            TenantId = tenantId,
            ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = tenantId } }),
        };
        // Creating counts against the per-thread limit too; the thread does not exist yet, so key it by the person.
        var target = new ConnectorConversation(serviceUrl, userId, tenantId);
        var created = await CallAsync(HttpMethod.Post, target, "v3/conversations", parameters,
            TeamsJsonContext.Default.ConversationParameters, TeamsJsonContext.Default.ConversationResourceResponse, cancellationToken);
        if (string.IsNullOrEmpty(created?.Id))
            throw new ConnectorException("The Connector created a conversation without an id.", HttpStatusCode.OK, null, isTransient: true);
        return created;
    }

    private OutgoingActivity Stamp(OutgoingActivity activity, ConnectorConversation conversation) => activity with
    {
        From = activity.From ?? (BotAccountId() is { } bot ? new ChannelAccount { Id = bot } : null),
        Conversation = activity.Conversation ?? new ConversationAccount { Id = conversation.ConversationId },
    };

    private string? BotAccountId() => _options.IsDevelopmentMode ? null : "28:" + _options.AppId;

    private Task<TResponse?> CallAsync<TResponse>(HttpMethod method, ConnectorConversation conversation, string path,
        OutgoingActivity body, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken) where TResponse : class =>
        CallAsync(method, conversation, path, body, TeamsJsonContext.Default.OutgoingActivity, responseType, cancellationToken);

    private async Task<TResponse?> CallAsync<TBody, TResponse>(HttpMethod method, ConnectorConversation conversation, string path,
        TBody? body, JsonTypeInfo<TBody>? bodyType, JsonTypeInfo<TResponse>? responseType, CancellationToken cancellationToken)
        where TBody : class where TResponse : class
    {
        var uri = new Uri(BaseUri(conversation.ServiceUrl), path);
        var content = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, bodyType!);
        var token = await _tokens.GetTokenAsync(false, cancellationToken);
        // Also without a token (development mode): the allow list then admits this machine only.
        if (!_serviceUrls.IsTrusted(conversation.ServiceUrl))
            throw new ConnectorException($"Refusing to send to untrusted service URL {conversation.ServiceUrl}.",
                null, "UntrustedServiceUrl", isTransient: false);

        HttpResponseMessage response;
        try
        {
            response = await _retry.ExecuteAsync(async retryToken =>
            {
                var attempt = await SendInTurnAsync(method, conversation, uri, content, token, retryToken);
                if (attempt.StatusCode == HttpStatusCode.Unauthorized && token is not null)
                {
                    // protocol.md §3: on a 401 refresh the token once and try again.
                    attempt.Dispose();
                    token = await _tokens.GetTokenAsync(true, retryToken);
                    attempt = await SendInTurnAsync(method, conversation, uri, content, token, retryToken);
                }
                return attempt;
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            throw new ConnectorException($"The Connector at {uri.GetLeftPart(UriPartial.Authority)} could not be reached: {ex.Message}",
                null, null, isTransient: true, inner: ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                if (responseType is null)
                    return null;
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                if (bytes.Length == 0)
                    return null;
                try
                {
                    return JsonSerializer.Deserialize(bytes, responseType);
                }
                catch (JsonException)
                {
                    return null; // sent all the same; only the returned id is lost
                }
            }
            throw await FailureAsync(method, response, cancellationToken);
        }
    }

    // Waiting for a rate-limit turn does not count against the attempt's timeout; the request does. A request
    // on its way is not cancelled when the bot stops (only its timeout ends it): Teams may have shown it
    // already, and its outcome must be recorded, or the message would go again after the restart.
    private async Task<HttpResponseMessage> SendInTurnAsync(HttpMethod method, ConnectorConversation conversation, Uri uri, byte[]? content,
        string? token, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        using (_options.Connector.LocalRateLimits ? await WaitForTurnAsync(conversation, cancellationToken) : null)
            response = await _attemptTimeout.ExecuteAsync(
                async attemptToken => await SendOnceAsync(method, uri, content, token, attemptToken), CancellationToken.None);
        if (response.StatusCode == HttpStatusCode.TooManyRequests && _options.Connector.LocalRateLimits
            && _limits.Throttled(conversation.TenantId, ConnectorRetryPipeline.RetryAfter(response, _time.GetUtcNow())))
            LogTenantThrottled(conversation.TenantId);
        return response;
    }

    private async Task<IDisposable> WaitForTurnAsync(ConnectorConversation conversation, CancellationToken cancellationToken)
    {
        try
        {
            return await _limits.AcquireAsync(conversation.ConversationId, conversation.TenantId, cancellationToken);
        }
        catch (RateLimitWaitTooLongException e)
        {
            throw new ConnectorException("Too many messages are waiting for this conversation or tenant.", HttpStatusCode.TooManyRequests,
                "LocalRateLimit", isTransient: true, e.Wait);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri uri, byte[]? content, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (content is not null)
        {
            request.Content = new ByteArrayContent(content);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    private async Task<ConnectorException> FailureAsync(HttpMethod method, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var (code, message, codes) = ReadError(text);
        var status = response.StatusCode;
        LogFailure(method.Method, (int)status, code);

        if (status == HttpStatusCode.Forbidden && codes.Any(UnreachableCodes.Contains))
            return new RecipientUnreachableException($"The recipient cannot be reached: {message ?? code}",
                codes.First(UnreachableCodes.Contains));

        var transient = ConnectorRetryPipeline.IsRetried(status) || status is HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError;
        return new ConnectorException($"The Connector answered {(int)status} {code}: {message}", status, code, transient,
            ConnectorRetryPipeline.RetryAfter(response, _time.GetUtcNow()));
    }

    /// <summary>
    /// Teams nests its reason: <c>{error:{code, message, innerHttpError:{statusCode, body}}}</c>, the body sometimes
    /// a JSON string, with a <c>subCode</c>. All codes found are returned, the most specific first.
    /// </summary>
    internal static (string? Code, string? Message, IReadOnlyList<string> Codes) ReadError(string body)
    {
        var codes = new List<string>();
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            Collect(document.RootElement, 0);
        }
        catch (JsonException)
        {
            message = body.Length > 200 ? body[..200] : body;
        }
        codes.Reverse(); // inner errors are the specific ones
        return (codes.FirstOrDefault(), message, codes);

        void Collect(JsonElement element, int depth)
        {
            if (depth > 6)
                return;
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Value.ValueKind == JsonValueKind.String
                            && (property.NameEquals("code") || property.NameEquals("subCode")))
                            codes.Add(property.Value.GetString()!);
                        else if (property.NameEquals("message") && property.Value.ValueKind == JsonValueKind.String)
                            message ??= property.Value.GetString();
                        else if (property.Value.ValueKind == JsonValueKind.String && property.NameEquals("body"))
                            TryNested(property.Value.GetString()!, depth);
                        else
                            Collect(property.Value, depth + 1);
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                        Collect(item, depth + 1);
                    break;
            }
        }

        void TryNested(string nested, int depth)
        {
            try
            {
                using var inner = JsonDocument.Parse(nested);
                Collect(inner.RootElement, depth + 1);
            }
            catch (JsonException)
            {
            }
        }
    }

    // protocol.md §3: exactly one '/' between the service URL and v3, whatever the stored URL ends with.
    private static Uri BaseUri(string serviceUrl) => new(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/");

    private static string Escape(string id) => Uri.EscapeDataString(id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams throttles tenant {Tenant}: all its conversations wait the Retry-After")]
    private partial void LogTenantThrottled(string? tenant);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} failed with {Status} {Code}")]
    private partial void LogFailure(string method, int status, string? code);
}
