using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Storage;

namespace ServiceDesk.Bench.FanOut;

/// <summary>
/// People who installed the bot in their personal scope: what the bot would have recorded from their
/// installation updates (which carry the 1:1 chat's id), written straight into its database.
/// </summary>
internal static class Seeding
{
    /// <summary>Chat ids are <c>a:&lt;prefix&gt;-&lt;i&gt;</c>.</summary>
    public static async Task PeopleAsync(string database, string folder, string serviceUrl, string tenant, string prefix, int n)
    {
        await using var services = Storage(database, folder);
        await DatabaseInitializer.MigrateAsync(services);
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        for (var first = 0; first < n; first += 1000)
        {
            await using var scope = services.CreateAsyncScope();
            var references = scope.ServiceProvider.GetRequiredService<IConversationReferenceRepository>();
            for (var i = first; i < Math.Min(n, first + 1000); i++)
            {
                var reference = await references.RecordAsync(new ConversationSighting("msteams", ConversationType.Personal, $"a:{prefix}-{i}", serviceUrl, at)
                {
                    TenantId = tenant,
                    UserId = $"29:{prefix}-{i}",
                    UserAadObjectId = $"aad-{prefix}-{i}",
                    UserName = $"Person {i}",
                    Locale = i % 4 == 0 ? "en-US" : "es-ES",
                });
                reference.RecordInstallation(at);
            }
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        }
    }

    /// <summary>The warm-up's people leave the audience: known unreachable, they get no notice.</summary>
    public static async Task RetireAsync(string database, string folder, string prefix, int n)
    {
        await using var services = Storage(database, folder);
        await using var scope = services.CreateAsyncScope();
        var references = scope.ServiceProvider.GetRequiredService<IConversationReferenceRepository>();
        for (var i = 0; i < n; i++)
            await references.MarkUnreachableAsync($"msteams|user|29:{prefix}-{i}", "warm-up over", DateTimeOffset.UtcNow);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
    }

    private static ServiceProvider Storage(string database, string folder) => new ServiceCollection()
        .AddServiceDeskStorage(new StorageOptions { ConnectionString = $"Data Source={database}", BaseDirectory = folder })
        .BuildServiceProvider();
}
