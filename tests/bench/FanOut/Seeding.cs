using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Storage;

namespace ServiceDesk.Bench.FanOut;

/// <summary>
/// N people who installed the bot in their personal scope: what the bot would have recorded from their
/// installation updates (which carry the 1:1 chat's id), written before the bot starts.
/// </summary>
internal static class Seeding
{
    public static async Task PeopleAsync(string database, string folder, string serviceUrl, string tenant, int n)
    {
        await using var services = new ServiceCollection()
            .AddServiceDeskStorage(new StorageOptions { ConnectionString = $"Data Source={database}", BaseDirectory = folder })
            .BuildServiceProvider();
        await DatabaseInitializer.MigrateAsync(services);
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        for (var first = 0; first < n; first += 1000)
        {
            await using var scope = services.CreateAsyncScope();
            var references = scope.ServiceProvider.GetRequiredService<IConversationReferenceRepository>();
            for (var i = first; i < Math.Min(n, first + 1000); i++)
            {
                var reference = await references.RecordAsync(new ConversationSighting("msteams", ConversationType.Personal, $"a:fanout-{i}", serviceUrl, at)
                {
                    TenantId = tenant,
                    UserId = $"29:fanout-{i}",
                    UserAadObjectId = $"aad-fanout-{i}",
                    UserName = $"Person {i}",
                    Locale = i % 4 == 0 ? "en-US" : "es-ES",
                });
                reference.RecordInstallation(at);
            }
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        }
    }
}
