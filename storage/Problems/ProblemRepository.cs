using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Problems;

namespace ServiceDesk.Storage.Problems;

internal sealed class ProblemRepository(ServiceDeskContext db) : IProblemRepository
{
    public void Add(Problem problem) => db.Problems.Add(problem);

    public Task<Problem?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Problems.FirstOrDefaultAsync(p => p.Id == id, ct);

    public Task<Problem?> FindByNumberAsync(string number, CancellationToken ct = default)
    {
        var parts = (number ?? "").Trim().Split('-', 2);
        if (parts.Length != 2 || !string.Equals(parts[0], Problem.Prefix, StringComparison.OrdinalIgnoreCase)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence <= 0)
            return Task.FromResult<Problem?>(null);
        return db.Problems.FirstOrDefaultAsync(p => p.Sequence == sequence, ct);
    }
}
