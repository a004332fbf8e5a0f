using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceDesk.Cards.Actions;

// Adaptive Card inputs send every value as a string ("true", "3", "Fixed"), while the card's own
// data holds real JSON values; the payloads accept both, and nothing looser.

/// <summary>A JSON boolean, or an Input.Toggle's "true"/"false".</summary>
internal sealed class InputBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String when bool.TryParse(reader.GetString(), out var value) => value,
        _ => throw new JsonException("expected true or false"),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

/// <summary>An enum by member name (any case), as choice values carry it; numbers and undefined names are refused.</summary>
internal sealed class NamedEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        // Enum.TryParse also takes "3" and "Fixed, Workaround"; a choice value is a single name.
        if (text is { Length: > 0 } && char.IsLetter(text[0]) && !text.Contains(',')
            && Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value))
            return value;
        throw new JsonException($"expected one of {string.Join(", ", Enum.GetNames<TEnum>())}");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
