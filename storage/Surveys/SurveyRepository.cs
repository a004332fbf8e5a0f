using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Surveys;

namespace ServiceDesk.Storage.Surveys;

internal sealed class SurveyRepository(ServiceDeskContext db) : ISurveyRepository
{
    public void Add(Survey survey) => db.Surveys.Add(survey);

    public Task<Survey?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Surveys.FirstOrDefaultAsync(s => s.Id == id, ct);

    public Task<Survey?> ForTicketAsync(Guid ticketId, CancellationToken ct = default) =>
        db.Surveys.Where(s => s.TicketId == ticketId).OrderByDescending(s => s.SentAt).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<Survey>> SentBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default) =>
        await db.Surveys.Where(s => s.SentAt >= from && s.SentAt < to).OrderBy(s => s.SentAt).ToListAsync(ct);

    public async Task<IReadOnlyList<Survey>> AnsweredBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default) =>
        await db.Surveys.Where(s => s.AnsweredAt >= from && s.AnsweredAt < to).OrderBy(s => s.AnsweredAt).ToListAsync(ct);
}
