namespace ServiceDesk.Cards.Actions;

// Problem records (root causes), worked by their owner group from the problem's card.

/// <param name="Version">The problem's version as the card showed it.</param>
public sealed record ResolveProblem(Guid ProblemId, int Version, string RootCause) : ICardVerb
{
    public static string Verb => "resolveProblem";
}
