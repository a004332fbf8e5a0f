namespace ServiceDesk.Domain.Surveys;

public interface ISurveyRepository
{
    void Add(Survey survey);

    Task<Survey?> FindAsync(Guid id, CancellationToken ct = default);

    Task<Survey?> ForTicketAsync(Guid ticketId, CancellationToken ct = default);

    Task<IReadOnlyList<Survey>> SentBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default);

    Task<IReadOnlyList<Survey>> AnsweredBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default);
}
