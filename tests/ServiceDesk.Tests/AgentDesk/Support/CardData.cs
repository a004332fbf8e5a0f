using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServiceDesk.Tests.AgentDesk.Support;

/// <summary>Finds a button on a rendered card and fills its form, the way Teams builds the invoke's data.</summary>
internal static class CardData
{
    /// <summary>The data of the card's Action.Execute with this verb, with <paramref name="inputs"/> merged in (input id → value).</summary>
    public static JsonObject Click(JsonElement card, string verb, params (string Input, string Value)[] inputs)
    {
        var data = Find(JsonNode.Parse(card.GetRawText())!, verb)
            ?? throw new InvalidOperationException($"The card has no '{verb}' button: {card}");
        foreach (var (input, value) in inputs) data[input] = value;
        return data;
    }

    public static bool Has(JsonElement card, string verb) => Find(JsonNode.Parse(card.GetRawText())!, verb) is not null;

    /// <summary>The values a choice input offers.</summary>
    public static IReadOnlyList<string> Choices(JsonElement card, string inputId)
    {
        var found = new List<string>();
        Walk(JsonNode.Parse(card.GetRawText())!, node =>
        {
            if (node is JsonObject o && o["id"]?.GetValue<string>() == inputId && o["choices"] is JsonArray choices)
                found.AddRange(choices.Select(c => c!["value"]!.GetValue<string>()));
        });
        return found;
    }

    private static JsonObject? Find(JsonNode node, string verb)
    {
        JsonObject? data = null;
        Walk(node, n =>
        {
            if (data is null && n is JsonObject o && o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb)
                data = (JsonObject)o["data"]!.DeepClone();
        });
        return data;
    }

    private static void Walk(JsonNode node, Action<JsonNode> visit)
    {
        visit(node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                    if (child is not null) Walk(child, visit);
                break;
            case JsonArray a:
                foreach (var child in a)
                    if (child is not null) Walk(child, visit);
                break;
        }
    }
}
