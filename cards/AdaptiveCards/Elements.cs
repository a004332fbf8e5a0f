using System.Text.Json.Serialization;

namespace ServiceDesk.Cards.AdaptiveCards;

/// <summary>A body element; the JSON <c>type</c> comes from the concrete record.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
public abstract record Element
{
    public string? Id { get; init; }
    public bool? Separator { get; init; }
    public Spacing? Spacing { get; init; }
}

public sealed record TextBlock(string Text) : Element
{
    // Cards are read on phones too: wrapping is the sensible default, clipping the exception.
    public bool? Wrap { get; init; } = true;
    public TextSize? Size { get; init; }
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public int? MaxLines { get; init; }
    public TextBlockStyle? Style { get; init; }
}

public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : Element;

public sealed record TextRun(string Text)
{
    [JsonPropertyOrder(-10)]
    public string Type => "TextRun";
    public TextSize? Size { get; init; }
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public bool? Italic { get; init; }
}

public sealed record Container(IReadOnlyList<Element> Items) : Element
{
    public ContainerStyle? Style { get; init; }
    public bool? Bleed { get; init; }
}

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : Element;

public sealed record Column(IReadOnlyList<Element> Items)
{
    [JsonPropertyOrder(-10)]
    public string Type => "Column";

    /// <summary>"auto", "stretch" or a pixel width such as "80px".</summary>
    public string? Width { get; init; }
    public VerticalAlignment? VerticalContentAlignment { get; init; }
    public Spacing? Spacing { get; init; }
}

public sealed record FactSet(IReadOnlyList<Fact> Facts) : Element;

public sealed record Fact(string Title, string Value);

/// <summary>Actions inside the body, where Teams and older clients render them reliably.</summary>
public sealed record ActionSet(IReadOnlyList<AdaptiveAction> Actions) : Element;
