using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Domain.Classification;

/// <summary>What the desk proposes for a new ticket from the user's own words.</summary>
public sealed record TriageProposal(ClassificationSuggestion Classification, ImpactUrgencyEstimate Estimate)
{
    public TicketKind Kind => Classification.Kind;
    public string CategoryKey => Classification.CategoryKey;
    public string? ServiceKey => Classification.ServiceKey;
    public Impact Impact => Estimate.Impact;
    public Urgency Urgency => Estimate.Urgency;
    public Priority Priority => Estimate.Priority;
}

public static class TicketTriage
{
    public static TriageProposal Propose(TicketClassifier classifier, string text) => Propose(classifier, classifier.Normalizer.Normalize(text));

    /// <param name="normalized">The text as the classifier's <see cref="TicketClassifier.Normalizer"/> reads it, read once for both.</param>
    public static TriageProposal Propose(TicketClassifier classifier, NormalizedText normalized)
    {
        var classification = classifier.Suggest(normalized);
        return new TriageProposal(classification, ImpactUrgencyEstimator.Estimate(normalized, classification.Kind));
    }
}
