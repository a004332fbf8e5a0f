using NodaTime;
using ServiceDesk.Cards.Localization;

namespace ServiceDesk.Cards.AdaptiveCards;

/// <summary>How the channel runs a card's buttons.</summary>
public enum ActionKind
{
    /// <summary>Action.Execute (Teams universal actions, answered with the refreshed card) with an Action.Submit fallback.</summary>
    Execute,
    /// <summary>Action.Submit only: Web Chat does not run universal actions.</summary>
    Submit,
}

/// <summary>Who reads the card and where: their language and time zone, the instant it is rendered, the channel's buttons.</summary>
public sealed record CardContext(Texts Texts, DateTimeZone Zone, Instant Now)
{
    /// <summary>Teams' limit for <see cref="Refresh.UserIds"/>.</summary>
    public const int MaxRefreshUsers = 60;

    private readonly IReadOnlyList<string>? _refreshUserIds;

    public ActionKind Actions { get; init; } = ActionKind.Execute;

    /// <summary>The desk's zone (<c>ServiceDesk:TimeZone</c>): times in another <see cref="Zone"/> say their UTC offset.</summary>
    public DateTimeZone? DeskZone { get; init; }

    /// <summary>
    /// Teams users (<c>29:</c> ids, at most 60) whose client refreshes the card by itself; empty
    /// offers only "refresh card"; null leaves it to Teams (everyone, in chats of up to 60).
    /// </summary>
    public IReadOnlyList<string>? RefreshUserIds
    {
        get => _refreshUserIds;
        init => _refreshUserIds = value is { Count: > MaxRefreshUsers }
            ? throw new ArgumentException($"Teams refreshes a card automatically for at most {MaxRefreshUsers} users, not {value.Count}.", nameof(RefreshUserIds))
            : value;
    }

    /// <param name="defaultLocale">The host's <c>ServiceDesk:DefaultLocale</c>.</param>
    public static CardContext For(string? locale, string defaultLocale, DateTimeZone zone, Instant now) =>
        new(Texts.For(locale, defaultLocale), zone, now);

    /// <summary>The IANA zone a channel gave for a person, else <paramref name="fallback"/> (none, unknown or malformed).</summary>
    public static DateTimeZone ZoneOr(string? zoneId, DateTimeZone fallback) =>
        string.IsNullOrWhiteSpace(zoneId) ? fallback : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId.Trim()) ?? fallback;

    public string this[string key] => Texts[key];

    /// <summary>
    /// An instant as the reader reads it: "lun 16 nov, 10:00"; with the offset when the reader's zone is not
    /// the desk's ("mié 25 nov, 01:00 (UTC-8)"), so a time read next to an agent's is not taken for Madrid's.
    /// </summary>
    public string When(Instant at)
    {
        var local = Texts.DayAndTime(at, Zone, Now);
        return DeskZone is null || DeskZone.Id == Zone.Id
            ? local
            : Texts.Format("date.inZone", ("when", local), ("offset", UtcOffset(Zone.GetUtcOffset(at))));
    }

    // "UTC-8", "UTC+5:30", "UTC": the same in both languages.
    private static string UtcOffset(Offset offset)
    {
        if (offset == Offset.Zero) return "UTC";
        var span = offset.ToTimeSpan();
        var sign = span < TimeSpan.Zero ? "-" : "+";
        span = span.Duration();
        return span.Minutes == 0 ? $"UTC{sign}{span.Hours}" : $"UTC{sign}{span.Hours}:{span.Minutes:00}";
    }

    public string When(DateTimeOffset at) => When(Instant.FromDateTimeOffset(at));
}
