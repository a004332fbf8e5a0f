namespace ServiceDesk.Domain.Classification;

/// <summary>
/// Something the desk taught the classifier: a ticket's text and the category it turned out to be.
/// These are the classifier's whole learned state; the model is recomputed from them and the catalog.
/// </summary>
public sealed record LearnedExample(string Text, string CategoryKey, double Weight, DateTimeOffset At);

/// <summary>Keeps what the classifier learned across restarts.</summary>
public interface IClassifierExampleStore
{
    Task AddAsync(LearnedExample example, CancellationToken ct = default);

    /// <summary>Oldest first, as they were learned.</summary>
    Task<IReadOnlyList<LearnedExample>> ListAsync(CancellationToken ct = default);
}
