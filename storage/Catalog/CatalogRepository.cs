using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Storage.Catalog;

internal sealed class CatalogRepository(ServiceDeskContext db) : ICatalogRepository
{
    public async Task<IReadOnlyList<Service>> ServicesAsync(CancellationToken ct = default) =>
        await db.Services.OrderBy(s => s.Key).ToListAsync(ct);

    public Task<Service?> FindServiceAsync(string key, CancellationToken ct = default) =>
        db.Services.FirstOrDefaultAsync(s => s.Key == key, ct);

    public async Task<IReadOnlyList<Category>> CategoriesAsync(CancellationToken ct = default) =>
        await db.Categories.OrderBy(c => c.Key).ToListAsync(ct);

    public Task<Category?> FindCategoryAsync(string key, CancellationToken ct = default) =>
        db.Categories.FirstOrDefaultAsync(c => c.Key == key, ct);

    public void Add(Service service) => db.Services.Add(service);

    public void Add(Category category) => db.Categories.Add(category);

    public async Task<bool> IsEmptyAsync(CancellationToken ct = default) =>
        !await db.Services.AnyAsync(ct) && !await db.Categories.AnyAsync(ct);
}
