namespace ServiceDesk.Bot.Flows.Intake;

/// <summary>A ticket title from what the person wrote: its first sentence, short enough for a card header.</summary>
internal static class Summaries
{
    public const int MaxTitle = 120;

    /// <summary>What the form's description box takes (IntakeFormCard): more could not be sent back anyway.</summary>
    public const int MaxDescription = 4000;

    /// <summary>
    /// What the person said so far, with what they say now: a new line, unless they said it before (a message
    /// sent again, the same words repeated) or the description is full.
    /// </summary>
    public static string Combine(string? earlier, string text)
    {
        text = text.Trim();
        if (string.IsNullOrWhiteSpace(earlier)) return Cut(text);
        foreach (var line in earlier.AsSpan().EnumerateLines())
        {
            if (line.Trim().Equals(text, StringComparison.OrdinalIgnoreCase)) return earlier;
        }
        var combined = Cut($"{earlier}\n{text}");
        // Cut at a word, the new words may not fit at all; what was there stays whole.
        return combined.Length < earlier.Length ? earlier : combined;
    }

    private static string Cut(string text)
    {
        if (text.Length <= MaxDescription) return text;
        var cut = text[..MaxDescription];
        var space = cut.LastIndexOfAny([' ', '\n']);
        return (space > MaxDescription / 2 ? cut[..space] : cut).TrimEnd();
    }

    public static string TitleOf(string text)
    {
        var first = text.Trim().Split('\n', 2)[0].Trim();
        var end = first.IndexOfAny(['.', '?', '!'], Math.Min(20, first.Length));
        // Keep a question's mark; drop a full stop.
        if (end > 0 && end < first.Length - 1) first = first[..(first[end] == '?' ? end + 1 : end)];
        if (first.Length <= MaxTitle) return first.TrimEnd('.');
        var cut = first[..MaxTitle];
        var space = cut.LastIndexOf(' ');
        return (space > MaxTitle / 2 ? cut[..space] : cut).TrimEnd(',', ';', ':') + "…";
    }

    /// <summary>The whole text as the description, unless the title already says all of it.</summary>
    public static string DescriptionOf(string text, string title) =>
        text.Trim() == title || text.Trim().TrimEnd('.') == title ? "" : text.Trim();
}
