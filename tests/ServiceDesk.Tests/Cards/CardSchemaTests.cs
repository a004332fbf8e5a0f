using System.Text.Json.Nodes;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Tests.Schemas;

namespace ServiceDesk.Tests.Cards;

/// <summary>Every card of the gallery against the official Adaptive Cards 1.5 schema, in one validator run.</summary>
public class CardSchemaTests
{
    [Fact]
    public void Every_card_in_both_languages_and_both_button_styles_validates_against_adaptive_cards_1_5()
    {
        var documents = CardGallery.All.Select(c => (c.FileName, c.Card.ToJsonString())).ToArray();
        SchemaValidator.AssertValid(SchemaValidator.AdaptiveCard, documents);
    }

    [Fact]
    public void Every_card_declares_the_schema_version_1_5_and_its_language()
    {
        Assert.All(CardGallery.All, c =>
        {
            Assert.Equal("AdaptiveCard", (string?)c.Card["type"]);
            Assert.Equal(AdaptiveCard.SchemaUrl, (string?)c.Card["$schema"]);
            Assert.Equal("1.5", (string?)c.Card["version"]);
            Assert.Equal(c.Language == ServiceDesk.Cards.Localization.Language.Spanish ? "es" : "en", (string?)c.Card["lang"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)c.Card["fallbackText"]), $"{c}: no fallbackText");
        });
    }

    [Fact]
    public void Every_element_and_action_says_its_type()
    {
        // The official schema does not require "type" everywhere (e.g. refresh.action); clients do.
        Assert.All(CardGallery.All, c =>
        {
            var untyped = CardWalk.Objects(c.Card)
                .Where(o => o["type"] is null && !(o.Count == 2 && o["title"] is not null && o["value"] is not null))
                .Select(o => o.GetPath())
                .ToArray();
            Assert.True(untyped.Length == 0, $"{c}: no type at {string.Join(", ", untyped)}");
        });
    }

    [Fact]
    public void Ids_are_unique_on_every_card()
    {
        Assert.All(CardGallery.All, c =>
        {
            var duplicates = CardWalk.Ids(c.Card).GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
            Assert.True(duplicates.Length == 0, $"{c}: duplicate ids {string.Join(", ", duplicates)}");
        });
    }

    [Fact]
    public void Each_execute_action_falls_back_to_a_submit_with_the_same_data()
    {
        var executes = CardGallery.All.SelectMany(c => CardWalk.Objects(c.Card).Select(o => (Card: c, Action: o)))
            .Where(x => (string?)x.Action["type"] == "Action.Execute" && !(x.Action.Parent is JsonObject && x.Action.GetPropertyName() == "action"))
            .ToArray();
        Assert.NotEmpty(executes);
        Assert.All(executes, x =>
        {
            var fallback = x.Action["fallback"] as JsonObject;
            Assert.True(fallback is not null, $"{x.Card}: Action.Execute '{x.Action["title"]}' has no fallback");
            Assert.Equal("Action.Submit", (string?)fallback["type"]);
            Assert.Equal((string?)x.Action["title"], (string?)fallback["title"]);
            Assert.True(JsonNode.DeepEquals(x.Action["data"], fallback["data"]), $"{x.Card}: fallback data differs");
            Assert.Equal((string?)x.Action["verb"], (string?)x.Action["data"]!["verb"]);
        });
    }

    [Fact]
    public void Submit_only_cards_have_no_execute_actions_and_no_refresh()
    {
        Assert.All(CardGallery.All.Where(c => c.Actions == ActionKind.Submit), c =>
        {
            Assert.DoesNotContain(CardWalk.Objects(c.Card), o => (string?)o["type"] == "Action.Execute");
            Assert.Null(c.Card["refresh"]);
        });
    }
}
