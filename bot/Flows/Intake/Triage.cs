using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Classification;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Flows.Intake;

/// <summary>What the desk reads in a person's own words, ready to pre-fill the form.</summary>
/// <param name="CategoryKey">Only when the classifier is confident; otherwise the person chooses.</param>
/// <param name="Understood">Something in the text is known to the desk, or it is long enough to be a description anyway.</param>
internal sealed record Triage(TicketKind Kind, string? CategoryKey, string? ServiceKey, Impact Impact, Urgency Urgency,
    TextLanguage Language, bool Understood);

/// <summary>
/// The classifier, built from the catalog and what the desk taught it, shared by every turn of this
/// instance. Rebuilt every few minutes, so catalog changes and examples learned on other instances
/// reach it without a restart.
/// </summary>
internal sealed class TriageModel(TimeProvider time)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);
    // Fewer known words than this and nothing known: a greeting, a typo, "help me". More is a description.
    private const int WordsOfADescription = 4;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (TicketClassifier? Classifier, DateTimeOffset BuiltAt)? _model;

    public async Task<Triage> ReadAsync(string text, TicketKind? chosenKind, ICatalogRepository catalog, IClassifierExampleStore examples, CancellationToken ct)
    {
        var words = TextNormalizer.Words(text).Count;
        var classifier = await ClassifierAsync(catalog, examples, ct);
        if (classifier is null)
        {
            var kind = chosenKind ?? TicketKind.Incident;
            var guess = ImpactUrgencyEstimator.Estimate(text, kind);
            return new Triage(kind, null, null, guess.Impact, guess.Urgency,
                TextNormalizer.Default.Normalize(text).Language, words >= WordsOfADescription);
        }

        var proposal = TicketTriage.Propose(classifier, text);
        var suggestion = proposal.Classification;
        // A kind the person chose with a button outranks the wording.
        var estimate = chosenKind is { } chosen && chosen != proposal.Kind ? ImpactUrgencyEstimator.Estimate(text, chosen) : proposal.Estimate;
        return new Triage(chosenKind ?? proposal.Kind,
            suggestion.IsConfident ? suggestion.CategoryKey : null,
            suggestion.IsConfident ? suggestion.ServiceKey : null,
            estimate.Impact, estimate.Urgency, suggestion.Language,
            suggestion.KnownWords > 0 || words >= WordsOfADescription);
    }

    /// <summary>Teaches the shared model at once; the caller persists the example with its unit of work.</summary>
    public async Task<LearnedExample?> LearnAsync(Func<TicketClassifier, LearnedExample> teach, ICatalogRepository catalog,
        IClassifierExampleStore examples, CancellationToken ct) =>
        await ClassifierAsync(catalog, examples, ct) is { } classifier ? teach(classifier) : null;

    private async Task<TicketClassifier?> ClassifierAsync(ICatalogRepository catalog, IClassifierExampleStore examples, CancellationToken ct)
    {
        if (Fresh() is { } ready) return ready.Classifier;
        await _gate.WaitAsync(ct);
        try
        {
            if (Fresh() is { } built) return built.Classifier;
            var categories = await catalog.CategoriesAsync(ct);
            var classifier = categories.Count == 0 ? null : new TicketClassifier(categories, await examples.ListAsync(ct));
            _model = (classifier, time.GetUtcNow());
            return classifier;
        }
        finally
        {
            _gate.Release();
        }
    }

    private (TicketClassifier? Classifier, DateTimeOffset BuiltAt)? Fresh() =>
        _model is { } model && time.GetUtcNow() - model.BuiltAt < Freshness ? model : null;
}
