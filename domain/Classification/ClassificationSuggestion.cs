using System.Globalization;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Domain.Classification;

/// <param name="Evidence">The user's words that point to this category most, strongest first.</param>
public sealed record CategoryScore(string CategoryKey, double Probability, string? ServiceKey, TicketKind DefaultKind,
    IReadOnlyList<string> Evidence);

/// <summary>
/// Every category ranked by probability, the kind decided from the best one and the wording, and
/// whether the classifier is sure enough to propose rather than ask.
/// </summary>
public sealed record ClassificationSuggestion(IReadOnlyList<CategoryScore> Ranked, KindDecision KindDecision,
    TextLanguage Language, bool IsConfident, int KnownWords)
{
    public CategoryScore Top => Ranked[0];
    public string CategoryKey => Top.CategoryKey;
    public string? ServiceKey => Top.ServiceKey;
    public TicketKind Kind => KindDecision.Kind;

    /// <summary>For agents and logs, e.g. "laptop 91 % (portatil, arranca); Incident: …".</summary>
    public string Explanation
    {
        get
        {
            var category = KnownWords == 0
                ? "no word of the text is known to the catalog or to past tickets"
                : $"{Top.CategoryKey} {Percent(Top.Probability)} ({string.Join(", ", Top.Evidence)})";
            var doubt = IsConfident ? "" : $"; not sure, next: {string.Join(", ", Ranked.Skip(1).Take(2).Select(r => $"{r.CategoryKey} {Percent(r.Probability)}"))}";
            return $"{category}{doubt}; {Kind}: {KindDecision.Reason}";
        }
    }

    private static string Percent(double p) => (p * 100).ToString("0", CultureInfo.InvariantCulture) + " %";
}
