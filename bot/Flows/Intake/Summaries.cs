namespace ServiceDesk.Bot.Flows.Intake;

/// <summary>A ticket title from what the person wrote: its first sentence, short enough for a card header.</summary>
internal static class Summaries
{
    public const int MaxTitle = 120;

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
