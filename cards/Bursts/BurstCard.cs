using System.Globalization;
using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Domain.Bursts;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Cards.Bursts;

/// <param name="Service">The service's name in both languages (its key when the catalog lost it).</param>
/// <param name="Tickets">The burst's tickets, earliest first.</param>
/// <param name="MajorNumber">The declared major incident's number.</param>
/// <param name="Notified">People told their ticket is part of the major incident (its own requester included).</param>
/// <param name="LinkedLater">Tickets linked automatically after the declaration.</param>
public sealed record BurstView(
    Guid Id,
    int Version,
    BurstState State,
    LocalizedText Service,
    IReadOnlyList<BurstTicket> Tickets,
    Guid SuggestedMajorId,
    string? MajorNumber = null,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null,
    int Notified = 0,
    int LinkedLater = 0);

/// <summary>
/// The coordinators' card for a burst of similar tickets: the service, how many in how long, the
/// tickets, the suggested major incident and a message for the affected people, with "declare and
/// notify" and "not related". Once decided, the same card says what was done.
/// </summary>
public static class BurstCard
{
    public const int MaxTicketsShown = 15;

    /// <summary>The message the card proposes, in the reader's language; left unchanged, each affected person reads it in theirs.</summary>
    public static string DefaultMessage(Texts texts, LocalizedText service) =>
        texts.Format("burst.defaultMessage", ("service", NameOf(service, texts)));

    public static JsonObject Render(BurstView burst, CardContext context)
    {
        var texts = context.Texts;
        var service = NameOf(burst.Service, texts);
        var first = burst.Tickets.Count > 0 ? burst.Tickets.Min(t => t.CreatedAt) : default;
        var last = burst.Tickets.Count > 0 ? burst.Tickets.Max(t => t.CreatedAt) : default;
        var summary = texts.Format("burst.summary", ("count", Count(burst.Tickets.Count)), ("service", service),
            ("duration", texts.Duration(NodaTime.Duration.FromTimeSpan(last - first))));
        var suggested = burst.Tickets.FirstOrDefault(t => t.Id == burst.SuggestedMajorId);

        List<Fact> facts =
        [
            new(context["burst.service"], service),
            new(context["burst.between"], texts.Format("burst.span", ("from", context.When(first)), ("to", context.When(last)))),
        ];
        if (suggested is not null && burst.State == BurstState.Offered)
            facts.Add(new(context["burst.suggested"], $"{suggested.Number} · {suggested.Title}"));

        List<Element> body =
        [
            new TextBlock(context["burst.heading"]) { IsSubtle = true, Size = TextSize.Small },
            new TextBlock(summary) { Weight = TextWeight.Bolder, Size = TextSize.Medium, Style = TextBlockStyle.Heading, Spacing = Spacing.None },
            new FactSet(facts),
            TicketList(burst, context),
        ];
        body.AddRange(State(burst, context, service));
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(texts.LanguageCode, $"{context["burst.heading"]}: {summary}", body));
    }

    private static Container TicketList(BurstView burst, CardContext context)
    {
        var lines = burst.Tickets.Take(MaxTicketsShown)
            .Select(t => new Fact(t.Number.ToString(), context.Texts.Format("burst.ticketLine",
                ("requester", t.RequesterName), ("title", t.Title), ("when", context.When(t.CreatedAt)))))
            .ToList();
        List<Element> items = [new TextBlock(context["burst.tickets"]) { Weight = TextWeight.Bolder, Size = TextSize.Small }, new FactSet(lines)];
        if (burst.Tickets.Count > MaxTicketsShown)
            items.Add(new TextBlock(context.Texts.Format("burst.more", ("count", Count(burst.Tickets.Count - MaxTicketsShown)))) { IsSubtle = true, Size = TextSize.Small });
        return new Container(items) { Separator = true };
    }

    private static IEnumerable<Element> State(BurstView burst, CardContext context, string service)
    {
        var texts = context.Texts;
        var when = burst.DecidedAt is { } at ? context.When(at) : "";
        switch (burst.State)
        {
            case BurstState.Offered:
                var choices = burst.Tickets.Select(t => new Choice($"{t.Number} · {t.Title}", t.Id.ToString())).ToList();
                yield return FormInputs.Choices<DeclareBurst>(context, nameof(DeclareBurst.MajorTicketId), context["burst.major"], choices,
                    value: burst.SuggestedMajorId.ToString()) with { Separator = true };
                yield return FormInputs.Text<DeclareBurst>(context, nameof(DeclareBurst.Message), context["burst.message"], multiline: true,
                    value: DefaultMessage(texts, burst.Service), maxLength: 1000);
                yield return new ActionSet(
                [
                    Buttons.Submit(context, context["burst.declare"], new DeclareBurst(burst.Id, burst.Version, burst.SuggestedMajorId, ""),
                        ButtonStyle.Positive, nameof(DeclareBurst.MajorTicketId), nameof(DeclareBurst.Message)),
                    Buttons.Run(context, context["burst.dismiss"], new DismissBurst(burst.Id, burst.Version)),
                ]) { Spacing = Spacing.Medium };
                break;
            case BurstState.Declared or BurstState.Ended:
                yield return Outcome(texts.Format("burst.declared", ("number", burst.MajorNumber ?? ""), ("by", burst.DecidedBy ?? ""),
                    ("when", when), ("count", Count(burst.Notified))), TextColor.Good);
                if (burst.LinkedLater > 0)
                    yield return new TextBlock(texts.Format("burst.linkedLater", ("count", Count(burst.LinkedLater)))) { Spacing = Spacing.Small };
                if (burst.State == BurstState.Ended)
                    yield return new TextBlock(texts.Format("burst.ended", ("number", burst.MajorNumber ?? ""))) { IsSubtle = true, Spacing = Spacing.Small };
                break;
            case BurstState.Dismissed:
                yield return Outcome(texts.Format("burst.dismissed", ("by", burst.DecidedBy ?? ""), ("when", when)), TextColor.Default);
                break;
        }
    }

    private static Container Outcome(string text, TextColor color) =>
        new([new TextBlock(text) { Weight = TextWeight.Bolder, Color = color }]) { Separator = true, Spacing = Spacing.Medium };

    private static string NameOf(LocalizedText service, Texts texts) => service.For(texts.LanguageCode);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
