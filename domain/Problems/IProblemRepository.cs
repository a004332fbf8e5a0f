namespace ServiceDesk.Domain.Problems;

public interface IProblemRepository
{
    void Add(Problem problem);

    Task<Problem?> FindAsync(Guid id, CancellationToken ct = default);

    Task<Problem?> FindByNumberAsync(string number, CancellationToken ct = default);
}
