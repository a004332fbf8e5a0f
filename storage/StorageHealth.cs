using Microsoft.EntityFrameworkCore;

namespace ServiceDesk.Storage;

public sealed record StorageHealthReport(bool IsReady, string Description);

/// <summary>What the host's /healthz asks: can we reach the database, and is it migrated.</summary>
public sealed class StorageHealth(ServiceDeskContext db)
{
    public Task<bool> CanConnectAsync(CancellationToken ct = default) => db.Database.CanConnectAsync(ct);

    public async Task<StorageHealthReport> CheckAsync(CancellationToken ct = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(ct))
                return new StorageHealthReport(false, "database unreachable");
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0
                ? new StorageHealthReport(true, "ok")
                : new StorageHealthReport(false, $"{pending.Count} migration(s) pending");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only the type: connection errors can carry host names and user names.
            return new StorageHealthReport(false, $"database check failed ({e.GetType().Name})");
        }
    }
}
