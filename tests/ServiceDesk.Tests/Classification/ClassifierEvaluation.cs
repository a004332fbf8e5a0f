using System.Globalization;
using System.Text;
using ServiceDesk.Bot.Catalog;
using ServiceDesk.Domain.Classification;

namespace ServiceDesk.Tests.Classification;

/// <summary>How a classifier does on labelled tickets: top-1, top-3, kind, per language, and what it mixes up.</summary>
public sealed class ClassifierEvaluation
{
    private readonly List<(LabelledTicket Ticket, ClassificationSuggestion Suggestion)> _results;

    public ClassifierEvaluation(TicketClassifier classifier, IEnumerable<LabelledTicket> tickets)
    {
        _results = tickets.Select(t => (t, classifier.Suggest(t.Text))).ToList();
    }

    public static readonly DateTimeOffset TrainedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    public static TicketClassifier KeywordsOnly() => new(FirstStartCatalog.Categories());

    /// <summary>The catalog's keywords plus the train split (or a stratified share of it), each ticket learned as a resolved one.</summary>
    public static TicketClassifier Trained(double share = 1.0)
    {
        var classifier = KeywordsOnly();
        foreach (var group in LabelledTickets.Train.GroupBy(t => (t.Category, t.Language)))
        {
            var tickets = group.ToList();
            foreach (var t in tickets.Take((int)Math.Round(tickets.Count * share))) classifier.LearnResolved(t.Text, t.Category, TrainedAt);
        }
        return classifier;
    }

    /// <summary>
    /// The train split fed as the desk would feed it: each ticket suggested first, then learned as a
    /// resolved ticket when the suggestion was right and as an agent's re-categorization when it was not.
    /// </summary>
    public static TicketClassifier ReplayedAsTheDesk()
    {
        var classifier = KeywordsOnly();
        foreach (var t in LabelledTickets.Train)
        {
            if (classifier.Suggest(t.Text).CategoryKey == t.Category) classifier.LearnResolved(t.Text, t.Category, TrainedAt);
            else classifier.LearnRecategorization(t.Text, t.Category, TrainedAt);
        }
        return classifier;
    }

    /// <summary>
    /// 5-fold cross-validation inside the train split, the way the options were chosen without
    /// looking at the test split: each fold suggested by the keywords plus the other four folds.
    /// </summary>
    public static ClassifierEvaluation CrossValidatedOnTrain()
    {
        var train = LabelledTickets.Train.ToList();
        var results = new List<(LabelledTicket, ClassificationSuggestion)>();
        for (var fold = 0; fold < 5; fold++)
        {
            var classifier = KeywordsOnly();
            for (var i = 0; i < train.Count; i++)
                if (i % 5 != fold) classifier.LearnResolved(train[i].Text, train[i].Category, TrainedAt);
            for (var i = fold; i < train.Count; i += 5) results.Add((train[i], classifier.Suggest(train[i].Text)));
        }
        return new ClassifierEvaluation(results);
    }

    private ClassifierEvaluation(List<(LabelledTicket Ticket, ClassificationSuggestion Suggestion)> results) => _results = results;

    public int Count => _results.Count;
    public double Top1 => Share(r => r.Suggestion.CategoryKey == r.Ticket.Category);
    public double Top3 => Share(r => r.Suggestion.Ranked.Take(3).Any(s => s.CategoryKey == r.Ticket.Category));
    public double Kind => Share(r => r.Suggestion.Kind == r.Ticket.Kind);
    public double Confident => Share(r => r.Suggestion.IsConfident);
    public double Top1WhenConfident => Share(r => r.Suggestion.CategoryKey == r.Ticket.Category, r => r.Suggestion.IsConfident);
    public double Top1In(string language) => Share(r => r.Suggestion.CategoryKey == r.Ticket.Category, r => r.Ticket.Language == language);

    public IEnumerable<(string Expected, string Suggested, int Count)> Confusions =>
        _results.Where(r => r.Suggestion.CategoryKey != r.Ticket.Category)
            .GroupBy(r => (r.Ticket.Category, r.Suggestion.CategoryKey))
            .Select(g => (g.Key.Category, g.Key.CategoryKey, g.Count()))
            .OrderByDescending(c => c.Item3).ThenBy(c => c.Category);

    public IEnumerable<(LabelledTicket Ticket, ClassificationSuggestion Suggestion)> Misses =>
        _results.Where(r => r.Suggestion.CategoryKey != r.Ticket.Category);

    public string Report(string title)
    {
        var s = new StringBuilder();
        s.AppendLine(Invariant($"{title}: {Count} tickets"));
        s.AppendLine(Invariant($"  top-1 {Top1:P1}  top-3 {Top3:P1}  kind {Kind:P1}"));
        s.AppendLine(Invariant($"  top-1 es {Top1In("es"):P1}  en {Top1In("en"):P1}"));
        s.AppendLine(Invariant($"  confident on {Confident:P1}, top-1 there {Top1WhenConfident:P1}"));
        s.AppendLine("  top-1 per category: " + string.Join(", ", _results.GroupBy(r => r.Ticket.Category)
            .Select(g => Invariant($"{g.Key} {g.Count(r => r.Suggestion.CategoryKey == g.Key)}/{g.Count()}"))));
        s.AppendLine("  confusions (expected -> suggested): " +
            string.Join(", ", Confusions.Take(8).Select(c => Invariant($"{c.Expected}->{c.Suggested} x{c.Count}"))));
        return s.ToString();
    }

    private double Share(Func<(LabelledTicket Ticket, ClassificationSuggestion Suggestion), bool> hit,
        Func<(LabelledTicket Ticket, ClassificationSuggestion Suggestion), bool>? among = null)
    {
        var pool = _results.Where(among ?? (_ => true)).ToList();
        return pool.Count == 0 ? 0 : (double)pool.Count(hit) / pool.Count;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
