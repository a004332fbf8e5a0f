using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Storage.Sqlite;

namespace ServiceDesk.Storage;

public static class DatabaseInitializer
{
    /// <summary>
    /// Brings the database to the latest migration; a no-op when it is already there. Safe to run
    /// from several instances at once (EF takes a migration lock).
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<StorageOptions>();
        if (options.Provider == StorageProvider.Sqlite)
            await SqliteConnectionSetup.PrepareFileAsync(options.ConnectionString, ct);
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskContext>();
        await db.Database.MigrateAsync(ct);
    }
}
