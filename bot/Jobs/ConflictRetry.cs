using ServiceDesk.Domain;

namespace ServiceDesk.Bot.Jobs;

/// <summary>
/// Runs a unit of work in a fresh scope and, when another writer changed the record first
/// (another instance's job, an agent's click), runs it again on what that writer left: the
/// re-read is what makes a duplicate see the first run's events and do nothing.
/// </summary>
internal static class ConflictRetry
{
    private const int Attempts = 5;

    public static async Task<T> RunAsync<T>(IServiceScopeFactory scopes, Func<IServiceProvider, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                return await work(scope.ServiceProvider);
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // A little jitter, so two instances that collided do not collide again in step.
                await Task.Delay(Random.Shared.Next(10, 50 * attempt), ct);
            }
        }
    }
}
