namespace ServiceDesk.Bot.Health;

/// <summary>One part of the bot that can tell whether it works (database, scheduler, a channel).</summary>
public interface IHealthProbe
{
    string Name { get; }

    /// <summary>Whether /healthz may answer 200 while this part is unhealthy (a channel's delivery, not the database).</summary>
    bool Essential { get; }

    Task<HealthReport> CheckAsync(CancellationToken ct);
}

public sealed record HealthReport(bool Healthy, string Detail);

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        // 200 once every essential part works; ?detail=true lists each part so an operator sees what is wrong.
        endpoints.MapGet("/healthz", async (bool? detail, IEnumerable<IHealthProbe> probes, CancellationToken ct) =>
        {
            var results = new List<(IHealthProbe Probe, HealthReport Report)>();
            foreach (var probe in probes)
            {
                HealthReport report;
                try
                {
                    report = await probe.CheckAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    report = new HealthReport(false, e.Message);
                }
                results.Add((probe, report));
            }
            var healthy = results.All(r => r.Report.Healthy || !r.Probe.Essential);
            var status = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            if (detail != true)
                return Results.Text(healthy ? "ok" : "unhealthy", "text/plain", statusCode: status);
            return Results.Json(new
            {
                status = healthy ? "ok" : "unhealthy",
                checks = results.Select(r => new { name = r.Probe.Name, healthy = r.Report.Healthy, essential = r.Probe.Essential, detail = r.Report.Detail }),
            }, statusCode: status);
        }).ExcludeFromDescription();
        return endpoints;
    }
}
