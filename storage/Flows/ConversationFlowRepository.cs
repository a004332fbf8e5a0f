using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Flows;

namespace ServiceDesk.Storage.Flows;

internal sealed class ConversationFlowRepository(ServiceDeskContext db) : IConversationFlowRepository
{
    public async Task<ConversationFlowState?> FindAsync(string conversationKey, CancellationToken ct = default) =>
        await db.ConversationFlows.FindAsync([conversationKey], ct);

    public void Add(ConversationFlowState state)
    {
        // Removed and begun again in one unit of work: the row is kept and updated, not deleted and re-inserted.
        var entry = db.Entry(state);
        if (entry.State == EntityState.Deleted) entry.State = EntityState.Modified;
        else db.ConversationFlows.Add(state);
    }

    public void Remove(ConversationFlowState state) => db.ConversationFlows.Remove(state);
}
