using ServiceDesk.Cards.Intake;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Classification;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Flows.Intake;

/// <summary>What the desk reads in a person's own words, ready to pre-fill the form.</summary>
/// <param name="CategoryKey">Only when the classifier is confident; otherwise the person chooses.</param>
/// <param name="Understood">Something in the text is known to the desk, or it is long enough to be a description anyway.</param>
internal sealed record Triage(TicketKind Kind, string? CategoryKey, string? ServiceKey, Impact Impact, Urgency Urgency,
    TextLanguage Language, bool Understood);

/// <summary>The form's choices: the catalog's categories and services, in key order.</summary>
internal sealed record IntakeChoices(IReadOnlyList<CatalogChoice> Categories, IReadOnlyList<CatalogChoice> Services);

/// <summary>
/// The classifier, built from the catalog and what the desk taught it, and the form's choices, shared
/// by every turn of this instance (a turn reads neither from the database). Rebuilt every few minutes,
/// so catalog changes and examples learned on other instances reach it without a restart.
/// </summary>
internal sealed class TriageModel(TimeProvider time)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);
    // Fewer known words than this and nothing known: a greeting, a typo, "help me". More is a description.
    private const int WordsOfADescription = 4;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _model;

    private sealed record Snapshot(TicketClassifier? Classifier, IntakeChoices Choices, DateTimeOffset BuiltAt);

    public async Task<Triage> ReadAsync(string text, TicketKind? chosenKind, ICatalogRepository catalog, IClassifierExampleStore examples, CancellationToken ct)
    {
        var classifier = await ClassifierAsync(catalog, examples, ct);
        // Read once: the classifier, the kind cues and the impact/urgency rules all work on the same words.
        var normalized = (classifier?.Normalizer ?? TextNormalizer.Default).Normalize(text);
        var words = normalized.Words.Count;
        if (classifier is null)
        {
            var kind = chosenKind ?? TicketKind.Incident;
            var guess = ImpactUrgencyEstimator.Estimate(normalized, kind);
            return new Triage(kind, null, null, guess.Impact, guess.Urgency, normalized.Language, words >= WordsOfADescription);
        }

        var proposal = TicketTriage.Propose(classifier, normalized);
        var suggestion = proposal.Classification;
        // A kind the person chose with a button outranks the wording.
        var estimate = chosenKind is { } chosen && chosen != proposal.Kind ? ImpactUrgencyEstimator.Estimate(normalized, chosen) : proposal.Estimate;
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

    /// <summary>The categories and services the form offers.</summary>
    public async Task<IntakeChoices> ChoicesAsync(ICatalogRepository catalog, IClassifierExampleStore examples, CancellationToken ct) =>
        (await SnapshotAsync(catalog, examples, ct)).Choices;

    private async Task<TicketClassifier?> ClassifierAsync(ICatalogRepository catalog, IClassifierExampleStore examples, CancellationToken ct) =>
        (await SnapshotAsync(catalog, examples, ct)).Classifier;

    private async Task<Snapshot> SnapshotAsync(ICatalogRepository catalog, IClassifierExampleStore examples, CancellationToken ct)
    {
        if (Fresh() is { } ready) return ready;
        await _gate.WaitAsync(ct);
        try
        {
            if (Fresh() is { } built) return built;
            var categories = await catalog.CategoriesAsync(ct);
            var services = await catalog.ServicesAsync(ct);
            var classifier = categories.Count == 0 ? null : new TicketClassifier(categories, await examples.ListAsync(ct));
            var choices = new IntakeChoices(categories.Select(CatalogChoice.From).ToList(), services.Select(CatalogChoice.From).ToList());
            return (_model = new Snapshot(classifier, choices, time.GetUtcNow()));
        }
        finally
        {
            _gate.Release();
        }
    }

    private Snapshot? Fresh() => _model is { } model && time.GetUtcNow() - model.BuiltAt < Freshness ? model : null;
}
