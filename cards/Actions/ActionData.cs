using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServiceDesk.Cards.Actions;

/// <summary>
/// Builds the <c>data</c> of a card action and the ids of the inputs that complete it. A form's
/// inputs are named <c>verb.property</c> ("resolveTicket.notes"): ids must be unique on a card,
/// and the agent card holds several forms with a "reason" each. The contract maps them back.
/// </summary>
public static class ActionData
{
    /// <summary>
    /// <c>{"verb": ..., payload fields}</c>, leaving out <paramref name="fromInputs"/> (payload
    /// property names, e.g. <c>nameof(ResolveTicket.Notes)</c>), which the card's inputs supply.
    /// </summary>
    public static JsonObject For<T>(T payload, params ReadOnlySpan<string> fromInputs) where T : ICardVerb
    {
        var fields = CardActionContract.Write(payload);
        foreach (var property in fromInputs)
        {
            var name = JsonName(property);
            if (!CardActionContract.HasProperty(typeof(T), name))
                throw new ArgumentException($"{typeof(T).Name} has no property {property}.", nameof(fromInputs));
            fields.Remove(name);
        }
        var data = new JsonObject { [CardActionContract.VerbProperty] = T.Verb };
        foreach (var (name, value) in fields.ToArray())
        {
            fields.Remove(name);
            data[name] = value;
        }
        return data;
    }

    /// <summary>The whole payload as action data, for a payload whose type is known only at run time.</summary>
    public static JsonObject Of(ICardAction payload)
    {
        var data = new JsonObject { [CardActionContract.VerbProperty] = CardActionContract.VerbOf(payload) };
        foreach (var (name, value) in CardActionContract.Write(payload).ToArray())
            data[name] = value?.DeepClone();
        return data;
    }

    /// <summary>The id of the input that supplies <paramref name="property"/> of <typeparamref name="T"/>.</summary>
    public static string InputId<T>(string property) where T : ICardVerb
    {
        var name = JsonName(property);
        if (!CardActionContract.HasProperty(typeof(T), name))
            throw new ArgumentException($"{typeof(T).Name} has no property {property}.", nameof(property));
        return $"{T.Verb}.{name}";
    }

    private static string JsonName(string property) => JsonNamingPolicy.CamelCase.ConvertName(property);
}
