using ServiceDesk.Cards.Actions;

namespace ServiceDesk.Cards.AdaptiveCards;

/// <summary>Inputs whose ids name the payload property they fill, so the round trip needs no mapping.</summary>
public static class FormInputs
{
    public static TextInput Text<T>(CardContext context, string property, string label, bool required = true,
        bool multiline = false, string? placeholder = null, string? value = null, int maxLength = 2000) where T : ICardVerb =>
        new(ActionData.InputId<T>(property))
        {
            Label = label,
            Placeholder = placeholder,
            Value = value,
            IsMultiline = multiline ? true : null,
            MaxLength = maxLength,
            IsRequired = required ? true : null,
            ErrorMessage = required ? context["form.required"] : null,
        };

    public static ToggleInput Toggle<T>(string property, string title, bool on = false) where T : ICardVerb =>
        new(ActionData.InputId<T>(property), title) { Value = on ? "true" : "false" };

    public static ChoiceSetInput Choices<T>(CardContext context, string property, string label, IReadOnlyList<Choice> choices,
        string? value = null, bool expanded = false, bool required = true) where T : ICardVerb =>
        new(ActionData.InputId<T>(property), choices)
        {
            Label = label,
            Value = value,
            Style = expanded ? ChoiceInputStyle.Expanded : ChoiceInputStyle.Compact,
            IsRequired = required ? true : null,
            ErrorMessage = required ? context["form.required"] : null,
        };

    /// <summary>One choice per enum value, titled in the reader's language, valued by member name (what the contract reads).</summary>
    public static IReadOnlyList<Choice> EnumChoices<TEnum>(CardContext context, IEnumerable<TEnum>? values = null) where TEnum : struct, Enum =>
        (values ?? Enum.GetValues<TEnum>()).Select(v => new Choice(context.Texts.Name(v), v.ToString())).ToArray();
}
