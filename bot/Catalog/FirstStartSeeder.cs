using ServiceDesk.Domain;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Knowledge;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Sla;

namespace ServiceDesk.Bot.Catalog;

/// <summary>Writes <see cref="FirstStartCatalog"/> and the starter knowledge into an empty database, once.</summary>
internal sealed class FirstStartSeeder(ICatalogRepository catalog, IRosterRepository roster, ISlaRepository sla, IKnowledgeBase knowledge, IUnitOfWork unitOfWork)
{
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        if (!await catalog.IsEmptyAsync(ct)) return false;

        await sla.SaveCalendarAsync(FirstStartCatalog.MadridCalendar(), ct);
        await sla.SavePolicyAsync(FirstStartCatalog.StandardPolicy(), ct);
        await sla.SavePolicyAsync(FirstStartCatalog.EmailPolicy(), ct);
        foreach (var group in FirstStartCatalog.Groups())
            if (await roster.FindGroupAsync(group.Name, ct) is null) roster.Add(group);
        foreach (var service in FirstStartCatalog.Services()) catalog.Add(service);
        foreach (var category in FirstStartCatalog.Categories()) catalog.Add(category);
        // Deflection has answers to offer from the first question, before agents mark resolutions reusable.
        if (await knowledge.IsEmptyAsync(ct))
            foreach (var article in StarterKnowledge.StarterArticles()) knowledge.Add(article);
        await unitOfWork.SaveChangesAsync(ct);
        await knowledge.CompactIndexAsync(ct);
        return true;
    }
}
