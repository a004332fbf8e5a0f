using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using NodaTime;
using ServiceDesk.Bot.Desk;
using ServiceDesk.Bot.Outbox;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Outages;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Outages;

namespace ServiceDesk.Bot.Outages;

/// <summary>
/// Renders an outage's notice for each reader (their language; Teams runs Action.Execute, the other
/// channels plain submits) and names each recipient's copy with <see cref="NoticeKey"/>, so updates
/// and the end edit the message that person got.
/// </summary>
public sealed class OutageNotices(ICatalogRepository catalog, IOptions<DeskOptions> desk, TimeProvider time)
{
    public const string KeyPrefix = "outage:";

    /// <summary>The correlation key of one recipient's notice (the outbox finds the sent message by it).</summary>
    public static string NoticeKey(Guid outageId, string referenceKey) => $"{KeyPrefix}{outageId:N}:{referenceKey}";

    /// <summary>The outage a notice key names; false for any other key.</summary>
    public static bool TryReadKey(string? key, out Guid outageId)
    {
        outageId = Guid.Empty;
        return key is not null && key.StartsWith(KeyPrefix, StringComparison.Ordinal) && key.Length > KeyPrefix.Length + 32
            && key[KeyPrefix.Length + 32] == ':' && Guid.TryParseExact(key.AsSpan(KeyPrefix.Length, 32), "N", out outageId);
    }

    public CardContext ContextFor(string? locale, string channelId)
    {
        var settings = desk.Value;
        return CardContext.For(locale, settings.DefaultLocale, settings.Zone, Instant.FromDateTimeOffset(time.GetUtcNow())) with
        {
            Actions = channelId == "msteams" ? ActionKind.Execute : ActionKind.Submit,
        };
    }

    public async Task<string> ServiceNameAsync(string serviceKey, string locale, CancellationToken ct) =>
        (await catalog.FindServiceAsync(serviceKey, ct))?.Name.For(locale) ?? serviceKey;

    /// <summary>One rendering per language and kind of buttons: a fan-out to thousands draws a handful of cards.</summary>
    public Renderer For(Outage outage) => new(this, outage);

    public sealed class Renderer(OutageNotices notices, Outage outage)
    {
        private readonly Dictionary<(string Language, ActionKind Actions), OutboundMessage> _drawn = [];

        public async Task<OutboundMessage> MessageForAsync(string channelId, string? locale, CancellationToken ct)
        {
            var context = notices.ContextFor(locale, channelId);
            var key = (context.Texts.LanguageCode, context.Actions);
            if (_drawn.TryGetValue(key, out var drawn)) return drawn;
            var card = await notices.CardAsync(outage, context, null, ct);
            drawn = OutboundMessage.FromCard(card);
            _drawn[key] = drawn;
            return drawn;
        }
    }

    /// <param name="affectedTicket">The reader said "I'm affected": their linked incident, shown instead of the button.</param>
    public async Task<JsonObject> CardAsync(Outage outage, CardContext context, string? affectedTicket, CancellationToken ct)
    {
        var last = outage.LastUpdate;
        var view = new OutageNoticeView(outage.Id, await ServiceNameAsync(outage.ServiceKey, context.Texts.LanguageCode, ct), outage.Title, outage.Message,
            outage.Severity, outage.Status, outage.StartsAt, last?.Text, last?.At, outage.EndedAt, affectedTicket);
        return OutageNoticeCard.Render(view, context);
    }
}
