using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace ServiceDesk.Cards.Actions;

/// <summary>
/// The verbs cards send and the payload record of each: the one table the router and the card
/// renderers share. <see cref="Parse"/> turns what a channel received back into the record.
/// </summary>
public static class CardActionContract
{
    private sealed record Entry(string Verb, Type PayloadType, JsonTypeInfo TypeInfo);

    private static readonly CardActionJsonContext Json = CardActionJsonContext.Default;

    private static readonly Entry[] Table =
    [
        For(Json.ClaimTicket),
        For(Json.StartWork),
        For(Json.AssignTicket),
        For(Json.CommentOnTicket),
        For(Json.AskRequester),
        For(Json.PutOnHold),
        For(Json.ResumeTicket),
        For(Json.ResolveTicket),
        For(Json.EscalateTicket),
        For(Json.DeclareMajor),
        For(Json.OpenProblem),
        For(Json.LinkProblem),
        For(Json.CallCoordinator),
        For(Json.ApproveClosure),
        For(Json.RejectClosure),
        For(Json.ReplyOnTicket),
        For(Json.ConfirmFix),
        For(Json.ReopenTicket),
        For(Json.CancelTicket),
        For(Json.RefreshTicket),
        For(Json.Help),
        For(Json.ShowMyTickets),
        For(Json.ShowTicket),
        For(Json.StartIntake),
        For(Json.SubmitIntake),
        For(Json.DeflectionSolved),
        For(Json.AnswerSurvey),
        For(Json.RegisterTriageChannel),
        For(Json.ResolveProblem),
        For(Json.CategorizeTicket),
        For(Json.DeclareBurst),
        For(Json.DismissBurst),
        For(Json.DeclareOutage),
        For(Json.UpdateOutage),
        For(Json.EndOutage),
        For(Json.ImAffected),
        For(Json.RefreshOutage),
    ];

    private static readonly FrozenDictionary<string, Entry> ByVerb = Table.ToFrozenDictionary(e => e.Verb, StringComparer.Ordinal);
    private static readonly FrozenDictionary<Type, Entry> ByType = Table.ToFrozenDictionary(e => e.PayloadType);

    public const string VerbProperty = "verb";

    public static IReadOnlyList<string> Verbs { get; } = Table.Select(e => e.Verb).ToArray();

    public static bool IsKnown(string verb) => ByVerb.ContainsKey(verb);

    public static Type PayloadTypeOf(string verb) =>
        ByVerb.TryGetValue(verb, out var entry) ? entry.PayloadType : throw Unknown(verb);

    public static string VerbOf(ICardAction action) => EntryOf(action.GetType()).Verb;

    /// <summary>
    /// Reads a card action. The verb comes from the action (Action.Execute) or, when the channel
    /// gives none (Action.Submit, Teams invokes without one), from the data's <c>verb</c>. Input
    /// values arrive merged into the data under their ids: a property name, or
    /// <c>verb.property</c> for cards that hold several forms (see <see cref="ActionData"/>).
    /// </summary>
    /// <exception cref="CardActionException">No verb, an unknown verb, or data that does not fit its payload.</exception>
    public static ICardAction Parse(string? verb, JsonElement data)
    {
        if (data.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
            throw new CardActionException(CardActionProblem.MalformedPayload, verb, null, $"Card action data must be a JSON object, not {data.ValueKind}.");

        var dataVerb = data.ValueKind == JsonValueKind.Object && data.TryGetProperty(VerbProperty, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;
        verb = string.IsNullOrWhiteSpace(verb) ? dataVerb : verb;
        if (string.IsNullOrWhiteSpace(verb))
            throw new CardActionException(CardActionProblem.MissingVerb, null, null, "The card action names no verb, neither in the action nor in its data.");
        if (!ByVerb.TryGetValue(verb, out var entry)) throw Unknown(verb);

        var payload = PayloadFields(verb, data);
        try
        {
            return (ICardAction)(payload.Deserialize(entry.TypeInfo)
                ?? throw new JsonException("the payload is null"));
        }
        catch (JsonException e)
        {
            var field = FieldOf(e);
            var where = field is null ? "" : $" (field '{field}')";
            throw new CardActionException(CardActionProblem.MalformedPayload, verb, field,
                $"Card action '{verb}' does not fit {entry.PayloadType.Name}{where}: {e.Message}", e);
        }
    }

    /// <summary>The payload as JSON with camelCase names, without the verb.</summary>
    internal static JsonObject Write(ICardAction action) =>
        JsonSerializer.SerializeToNode(action, EntryOf(action.GetType()).TypeInfo)!.AsObject();

    internal static bool HasProperty(Type payloadType, string jsonName) =>
        EntryOf(payloadType).TypeInfo.Properties.Any(p => p.Name == jsonName);

    private static Entry For<T>(JsonTypeInfo<T> typeInfo) where T : ICardVerb => new(T.Verb, typeof(T), typeInfo);

    private static Entry EntryOf(Type payloadType) =>
        ByType.TryGetValue(payloadType, out var entry)
            ? entry
            : throw new ArgumentException($"{payloadType.Name} is not in the card action table.", nameof(payloadType));

    // Plain names, with "verb.name" overriding them; other verbs' scoped inputs belong to other forms of the card.
    private static JsonObject PayloadFields(string verb, JsonElement data)
    {
        var plain = new JsonObject();
        var scoped = new List<(string Name, JsonElement Value)>();
        if (data.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in data.EnumerateObject())
            {
                if (property.NameEquals(VerbProperty)) continue;
                var dot = property.Name.IndexOf('.');
                if (dot < 0)
                    plain[property.Name] = JsonNode.Parse(property.Value.GetRawText());
                else if (property.Name.AsSpan(0, dot).SequenceEqual(verb))
                    scoped.Add((property.Name[(dot + 1)..], property.Value));
            }
        }
        foreach (var (name, value) in scoped)
            plain[name] = JsonNode.Parse(value.GetRawText());
        return plain;
    }

    private static string? FieldOf(JsonException e)
    {
        if (e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal)) return path[2..];
        // Missing required properties are reported on the object itself, with their names in the message.
        var quoted = e.Message.Split('\'');
        return quoted.Length >= 3 && e.Message.Contains("missing required", StringComparison.OrdinalIgnoreCase) ? quoted[^2] : null;
    }

    private static CardActionException Unknown(string verb) =>
        new(CardActionProblem.UnknownVerb, verb, null, $"Unknown card verb '{verb}'; known: {string.Join(", ", ByVerb.Keys.Order(StringComparer.Ordinal))}.");
}
