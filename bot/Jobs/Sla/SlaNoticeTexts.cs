using System.Collections.Frozen;
using ServiceDesk.Cards.Localization;

namespace ServiceDesk.Bot.Jobs.Sla;

/// <summary>
/// What the SLA notices say, in both languages. Kept here until the cards' catalog has SLA notices;
/// target names, dates and buttons come from the cards' catalog.
/// </summary>
internal static class SlaNoticeTexts
{
    private static readonly FrozenDictionary<string, string> Spanish = new Dictionary<string, string>
    {
        ["warning.title"] = "SLA en riesgo",
        ["warning.text"] = "{number} «{title}»: se ha consumido el 75 % del plazo de {target}; vence {due}.",
        ["escalated.title"] = "SLA incumplido: ticket escalado",
        ["escalated.text"] = "{number} «{title}» incumplió el plazo de {target} ({due}) y pasa de {from} a {group} ({level}).",
        ["coordinators.title"] = "SLA incumplido",
        ["coordinators.response"] = "{number} «{title}» ({group}) incumplió el plazo de {target} ({due}): nadie lo ha atendido.",
        ["coordinators.resolution"] = "{number} «{title}» ({group}, {level}) incumplió el plazo de {target} ({due}) y no hay a quién escalarlo: decide un coordinador.",
        ["reason"] = "Incumplido el plazo de {target}",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> English = new Dictionary<string, string>
    {
        ["warning.title"] = "SLA at risk",
        ["warning.text"] = "{number} \"{title}\": 75% of the {target} time is used; due {due}.",
        ["escalated.title"] = "SLA breached: ticket escalated",
        ["escalated.text"] = "{number} \"{title}\" breached its {target} target ({due}) and moves from {from} to {group} ({level}).",
        ["coordinators.title"] = "SLA breached",
        ["coordinators.response"] = "{number} \"{title}\" ({group}) breached its {target} target ({due}): nobody has taken it.",
        ["coordinators.resolution"] = "{number} \"{title}\" ({group}, {level}) breached its {target} target ({due}) and there is nobody to escalate it to: a coordinator decides.",
        ["reason"] = "{target} target breached",
    }.ToFrozenDictionary();

    public static string Format(Language language, string key, params ReadOnlySpan<(string Name, string Value)> values)
    {
        var text = (language == Language.Spanish ? Spanish : English)[key];
        foreach (var (name, value) in values) text = text.Replace($"{{{name}}}", value, StringComparison.Ordinal);
        // Sentence case where a placeholder opens the text ("first response target breached").
        return text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }
}
