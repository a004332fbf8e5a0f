using System.Text.Json.Nodes;

namespace ServiceDesk.Tests.Cards;

/// <summary>One clickable action with the inputs a client would send along with it.</summary>
internal sealed record CardClick(JsonObject Action, IReadOnlyList<JsonObject> Inputs, bool IsRefresh)
{
    public string Type => (string)Action["type"]!;
    public string? Verb => (string?)Action["verb"];
    public JsonObject Data => Action["data"]!.AsObject();
}

/// <summary>Reads rendered card JSON the way a client does: what it shows, and what a click sends.</summary>
internal static class CardWalk
{
    private static readonly string[] VisibleProperties = ["text", "title", "label", "placeholder", "errorMessage", "fallbackText"];

    /// <summary>Every string a reader can see: texts, titles, labels, placeholders, fact values.</summary>
    public static IEnumerable<string> VisibleStrings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in VisibleProperties)
                    if (obj[name] is JsonValue v && v.TryGetValue<string>(out var s)) yield return s;
                // Facts are {title, value}; input values are data (prefills), not catalog text.
                if (obj.Count == 2 && obj["title"] is not null && obj["value"] is JsonValue fact && fact.TryGetValue<string>(out var factValue))
                    yield return factValue;
                foreach (var (name, child) in obj)
                    if (name is not ("data" or "verb"))
                        foreach (var text in VisibleStrings(child)) yield return text;
                break;
            case JsonArray array:
                foreach (var item in array)
                    foreach (var text in VisibleStrings(item)) yield return text;
                break;
        }
    }

    /// <summary>Every element and action id in the card, ShowCard cards included.</summary>
    public static IEnumerable<string> Ids(JsonNode? node) => Objects(node)
        .Where(o => o["id"] is JsonValue && o["type"] is not null && (string?)o["type"] != "AdaptiveCard")
        .Select(o => (string)o["id"]!);

    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (name, child) in obj)
                    if (name != "data")
                        foreach (var o in Objects(child)) yield return o;
                break;
            case JsonArray array:
                foreach (var item in array)
                    foreach (var o in Objects(item)) yield return o;
                break;
        }
    }

    /// <summary>
    /// Every Action.Execute / Action.Submit (not the fallbacks, which repeat their action) and the
    /// refresh action, each with the inputs "auto" associates: those of its own card and of the
    /// cards around it, not those of sibling ShowCards.
    /// </summary>
    public static IEnumerable<CardClick> Clicks(JsonObject card)
    {
        if (card["refresh"]?["action"] is JsonObject refresh) yield return new CardClick(refresh, [], IsRefresh: true);
        foreach (var click in ClicksIn(card, [])) yield return click;
    }

    private static IEnumerable<CardClick> ClicksIn(JsonObject card, IReadOnlyList<JsonObject> outerInputs)
    {
        var inputs = outerInputs.Concat(InputsOf(card["body"])).ToArray();
        foreach (var action in ActionsOf(card["body"]).Concat(card["actions"]?.AsArray().Select(a => a!.AsObject()) ?? []))
        {
            switch ((string)action["type"]!)
            {
                case "Action.ShowCard":
                    foreach (var click in ClicksIn(action["card"]!.AsObject(), inputs)) yield return click;
                    break;
                case "Action.Execute" or "Action.Submit":
                    var associated = (string?)action["associatedInputs"] is { } mode && mode.Equals("none", StringComparison.OrdinalIgnoreCase)
                        ? []
                        : inputs;
                    yield return new CardClick(action, associated, IsRefresh: false);
                    break;
            }
        }
    }

    // Inputs of one card's body, not descending into ShowCard cards.
    private static IEnumerable<JsonObject> InputsOf(JsonNode? node) => ElementsOf(node).Where(e => ((string?)e["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true && e["id"] is not null);

    private static IEnumerable<JsonObject> ActionsOf(JsonNode? body) =>
        ElementsOf(body).Where(e => (string?)e["type"] == "ActionSet").SelectMany(set => set["actions"]!.AsArray().Select(a => a!.AsObject()));

    private static IEnumerable<JsonObject> ElementsOf(JsonNode? node)
    {
        if (node is not JsonArray elements) yield break;
        foreach (var element in elements.Select(e => e!.AsObject()))
        {
            yield return element;
            foreach (var nested in ElementsOf(element["items"])) yield return nested;
            if (element["columns"] is JsonArray columns)
                foreach (var column in columns)
                    foreach (var nested in ElementsOf(column!["items"])) yield return nested;
        }
    }
}
