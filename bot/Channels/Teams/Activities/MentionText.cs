using System.Text.Json;
using System.Text.RegularExpressions;
using ServiceDesk.Bot.Turns;

namespace ServiceDesk.Bot.Channels.Teams.Activities;

/// <summary>
/// Teams puts <c>&lt;at&gt;Name&lt;/at&gt;</c> in the text for every mention; the mention entities say
/// which span is whom (protocol.md §4: don't trust the text alone).
/// </summary>
internal static partial class MentionText
{
    /// <summary>Removes the bot's own mention and reduces other mentions to the plain name.</summary>
    public static (string? Text, IReadOnlyList<TurnUser> Mentions) Strip(string? text, IReadOnlyList<JsonElement>? entities, string? botId)
    {
        if (entities is null || entities.Count == 0)
            return (text?.Trim(), []);

        var mentions = new List<TurnUser>();
        var result = text ?? "";
        foreach (var entity in entities)
        {
            if (entity.ValueKind != JsonValueKind.Object || Str(entity, "type") != "mention")
                continue;
            if (!entity.TryGetProperty("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object)
                continue;
            var id = Str(mentioned, "id");
            var name = Str(mentioned, "name");
            var span = Str(entity, "text");
            var isBot = id is not null && botId is not null && string.Equals(id, botId, StringComparison.Ordinal);

            if (!isBot && id is not null && !mentions.Exists(m => m.Id == id))
                mentions.Add(new TurnUser(id, name, null));

            if (string.IsNullOrEmpty(span) || !result.Contains(span, StringComparison.Ordinal))
                continue;
            var replacement = isBot ? " " : name ?? AtTag().Replace(span, "$1");
            result = result.Replace(span, replacement, StringComparison.Ordinal);
        }

        return (Spaces().Replace(result, " ").Trim(), mentions);
    }

    private static string? Str(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("<at[^>]*>(.*?)</at>", RegexOptions.Singleline)]
    private static partial Regex AtTag();

    // Removing a mention leaves doubled spaces; line breaks the person typed are kept.
    [GeneratedRegex("[ \\t\\u00A0]{2,}")]
    private static partial Regex Spaces();
}
