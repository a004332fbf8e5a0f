using System.Text.Json.Serialization;

namespace ServiceDesk.Cards.AdaptiveCards;

// Input ids double as payload property names (see Actions/ActionData), so every input needs one.

public sealed record TextInput : Element
{
    public TextInput(string id) => Id = id;

    public string? Label { get; init; }
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public bool? IsMultiline { get; init; }
    public int? MaxLength { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}

/// <summary>Sends "true" or "false" (strings, as every input value is).</summary>
public sealed record ToggleInput : Element
{
    public ToggleInput(string id, string title)
    {
        Id = id;
        Title = title;
    }

    public string Title { get; init; }
    public string? Label { get; init; }
    public string? Value { get; init; }
    public string ValueOn => "true";
    public string ValueOff => "false";
    public bool? Wrap { get; init; } = true;
}

public sealed record ChoiceSetInput : Element
{
    public ChoiceSetInput(string id, IReadOnlyList<Choice> choices)
    {
        Id = id;
        Choices = choices;
    }

    public IReadOnlyList<Choice> Choices { get; init; }
    public string? Label { get; init; }
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public ChoiceInputStyle? Style { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
    public bool? Wrap { get; init; } = true;
}

public sealed record Choice(string Title, string Value)
{
    [JsonPropertyOrder(-10)]
    public string Type => "Input.Choice";
}
