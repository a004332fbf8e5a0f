namespace ServiceDesk.Domain.Classification;

public sealed record ClassifierOptions
{
    /// <summary>How many tickets one catalog keyword is worth; enough to lead before the desk has taught anything.</summary>
    public double KeywordWeight { get; init; } = 3;

    /// <summary>An agent moving a ticket to another category says the suggestion was wrong: it counts like several tickets.</summary>
    public double RecategorizationWeight { get; init; } = 5;

    public double ResolvedTicketWeight { get; init; } = 1;

    /// <summary>Additive (Laplace) smoothing: a word never seen in a category is rare there, not impossible. Chosen by cross-validation (docs/benchmarks.md).</summary>
    public double Smoothing { get; init; } = 0.25;

    /// <summary>Below this probability the UI asks the user to pick the category.</summary>
    public double MinimumConfidence { get; init; } = 0.4;

    /// <summary>The best category must also lead the runner-up by this factor: two near-equal candidates are a question for the user.</summary>
    public double MinimumLead { get; init; } = 1.5;

    public int EvidenceWords { get; init; } = 3;
}
