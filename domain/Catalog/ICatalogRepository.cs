namespace ServiceDesk.Domain.Catalog;

public interface ICatalogRepository
{
    Task<IReadOnlyList<Service>> ServicesAsync(CancellationToken ct = default);

    Task<Service?> FindServiceAsync(string key, CancellationToken ct = default);

    Task<IReadOnlyList<Category>> CategoriesAsync(CancellationToken ct = default);

    Task<Category?> FindCategoryAsync(string key, CancellationToken ct = default);

    void Add(Service service);

    void Add(Category category);

    Task<bool> IsEmptyAsync(CancellationToken ct = default);
}
