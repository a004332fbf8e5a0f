using ServiceDesk.Domain;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Classification;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Flows.Intake;

/// <summary>
/// What the desk does to tickets teaches the classifier: an agent's (re)categorization says what the
/// ticket was about (and that the suggestion, if any, was wrong), a resolution confirms its category.
/// Read from the tickets' event logs every few minutes, kept in the example store, and taught to this
/// instance's model at once (other instances pick the examples up when they rebuild theirs).
/// </summary>
internal sealed partial class ClassifierLearning(IServiceScopeFactory scopes, TriageModel model, TimeProvider time, ILogger<ClassifierLearning> log)
    : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(10);
    // Where a desk without any example starts reading: every ticket it has.
    private static readonly DateTimeOffset Beginning = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private DateTimeOffset? _since;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                if (await LearnAsync(stoppingToken) is var learned and > 0) LogLearned(learned);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e.GetType().Name, e.Message);
            }
        }
    }

    /// <summary>Learns from the categorizations and resolutions since the last time; how many examples it added.</summary>
    internal async Task<int> LearnAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var store = services.GetRequiredService<IClassifierExampleStore>();
        var catalog = services.GetRequiredService<ICatalogRepository>();
        var known = await store.ListAsync(ct);
        var since = _since ?? (known.Count == 0 ? Beginning : known.Max(e => e.At));
        var until = time.GetUtcNow();
        // The same event read twice (a restart, an overlapping sweep) is the same example.
        var seen = known.Select(e => (e.Text, e.CategoryKey, e.At)).ToHashSet();
        var categories = (await catalog.CategoriesAsync(ct)).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

        var learned = 0;
        foreach (var ticket in await services.GetRequiredService<ITicketRepository>().ForPeriodAsync(since, until, ct))
        {
            foreach (var (category, at, recategorized) in LessonsOf(ticket, since, until))
            {
                var text = $"{ticket.Title}\n{ticket.Description}".Trim();
                if (!categories.Contains(category) || !seen.Add((text, category, at))) continue;
                var example = await model.LearnAsync(c => recategorized ? c.LearnRecategorization(text, category, at) : c.LearnResolved(text, category, at),
                    catalog, store, ct);
                if (example is null) continue;
                await store.AddAsync(example, ct);
                learned++;
            }
        }
        if (learned > 0) await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(ct);
        _since = until;
        return learned;
    }

    private static IEnumerable<(string Category, DateTimeOffset At, bool Recategorized)> LessonsOf(Ticket ticket, DateTimeOffset since, DateTimeOffset until)
    {
        var finalResolution = ticket.Status is TicketStatus.Resolved or TicketStatus.Closed
            ? ticket.Events.LastOrDefault(e => e.Type == TicketEventType.Resolved)
            : null;
        foreach (var e in ticket.Events.Where(e => e.At >= since && e.At < until))
        {
            // The requester's own choice on the form is not the desk's judgement; an agent's is.
            if (e.Type == TicketEventType.Categorized && e.Actor.Key != PersonRef.System.Key && e.Actor.Key != ticket.Requester.Key
                && e.Text is { Length: > 0 } text)
                yield return (text.Split('/', 2)[0], e.At, true);
            else if (ReferenceEquals(e, finalResolution) && ticket.CategoryKey is { } category)
                yield return (category, e.At, false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The classifier learned {Count} examples from categorized and resolved tickets")]
    private partial void LogLearned(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not learn from recent tickets ({Type}: {Reason}); trying again later")]
    private partial void LogFailed(string type, string reason);
}
