using System.Text.Json.Nodes;
using NodaTime;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Outages;
using ServiceDesk.Domain.Outages;
using ServiceDesk.Tests.Cards;
using ServiceDesk.Tests.Schemas;

namespace ServiceDesk.Tests.Outages;

/// <summary>Every outage card, in both languages and both button styles, against Adaptive Cards 1.5.</summary>
public sealed class OutageCardTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);
    private static readonly DateTimeOffset At = Now.ToDateTimeOffset();
    private static readonly Guid Id = Guid.Parse("0b9f3c5e-8d0a-4a51-9b7e-2f1d3c4b5a69");

    private static IEnumerable<(string Name, CardContext Context)> Readers() =>
        from language in new[] { Language.Spanish, Language.English }
        from actions in new[] { ActionKind.Execute, ActionKind.Submit }
        select ($"{language}-{actions}", new CardContext(Texts.For(language), DateTimeZoneProviders.Tzdb["Europe/Madrid"], Now) { Actions = actions });

    private static IEnumerable<(string Name, JsonObject Card)> Cards()
    {
        var progress = new OutageProgress(10, 3, 6, 1, 0);
        foreach (var (reader, context) in Readers())
        {
            foreach (var status in Enum.GetValues<OutageStatus>())
            foreach (var severity in Enum.GetValues<OutageSeverity>())
            {
                yield return ($"notice-{status}-{severity}-{reader}", OutageNoticeCard.Render(new OutageNoticeView(Id, "VPN", "VPN caída", "No conecta.", severity, status,
                    At, status == OutageStatus.Scheduled ? null : "Causa identificada", At.AddMinutes(5), status == OutageStatus.Ended ? At.AddHours(1) : null), context));
                yield return ($"progress-{status}-{severity}-{reader}", OutageProgressCard.Render(new OutageProgressView(Id, "VPN", "VPN caída", severity, status,
                    OutageAudienceKind.Departments, ["Finanzas", "Ventas"], At, progress, 2, status == OutageStatus.Active ? "INC-000042" : null, "Causa"), context));
            }
            yield return ($"notice-affected-{reader}", OutageNoticeCard.Render(new OutageNoticeView(Id, "VPN", "VPN caída", "No conecta.", OutageSeverity.Security,
                OutageStatus.Active, At, null, null, null, "INC-000042"), context));
            yield return ($"form-{reader}", OutageFormCard.Render([new("vpn", "VPN"), new("email", "Correo")], context));
        }
    }

    [Fact]
    public void Every_outage_card_validates_against_adaptive_cards_1_5()
    {
        var cards = Cards().ToList();
        SchemaValidator.AssertValid(SchemaValidator.AdaptiveCard, cards.Select(c => (c.Name + ".json", c.Card.ToJsonString())).ToArray());
        Assert.All(cards, c => Assert.Equal("1.5", (string?)c.Card["version"]));
    }

    [Fact]
    public void The_notice_offers_I_am_affected_only_while_the_outage_is_on_and_not_yet_pressed()
    {
        var context = Readers().First(r => r.Name == "English-Execute").Context;
        JsonObject Notice(OutageStatus status, string? affected = null) => OutageNoticeCard.Render(new OutageNoticeView(Id, "VPN", "VPN down", "No connection.",
            OutageSeverity.Major, status, At, null, null, status == OutageStatus.Ended ? At : null, affected), context);

        Assert.Contains(CardWalk.Clicks(Notice(OutageStatus.Active)), c => c.Verb == "imAffected");
        Assert.DoesNotContain(CardWalk.Clicks(Notice(OutageStatus.Ended)), c => c.Verb == "imAffected");
        Assert.DoesNotContain(CardWalk.Clicks(Notice(OutageStatus.Scheduled)), c => c.Verb == "imAffected");
        var pressed = Notice(OutageStatus.Active, "INC-000042");
        Assert.DoesNotContain(CardWalk.Clicks(pressed), c => c.Verb == "imAffected");
        Assert.Contains("INC-000042", string.Join("\n", CardWalk.VisibleStrings(pressed)));
    }

    [Fact]
    public void Every_outage_text_exists_in_both_languages()
    {
        var spanish = Texts.Spanish.Entries.Keys.Where(k => k.StartsWith("outage.", StringComparison.Ordinal)).Order().ToList();
        var english = Texts.English.Entries.Keys.Where(k => k.StartsWith("outage.", StringComparison.Ordinal)).Order().ToList();
        Assert.NotEmpty(spanish);
        Assert.Equal(spanish, english);
    }
}
