using Microsoft.Extensions.Logging;
using ServiceDesk.Bot.People;
using ServiceDesk.Tests.Channels.Teams.Support;
using ServiceDesk.Tests.People.Support;

namespace ServiceDesk.Tests.People;

public sealed class GraphRequesterDirectoryTests : IAsyncLifetime
{
    private const string AnaId = "0b8f5a6e-1111-4000-8000-0000000000a1";
    private const string LuisId = "0b8f5a6e-2222-4000-8000-0000000000b2";
    private const string CarmenId = "0b8f5a6e-3333-4000-8000-0000000000c3";
    private const string UnknownId = "0b8f5a6e-9999-4000-8000-0000000000ff";

    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private FakeGraphServer _graph = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _graph.Add(new(CarmenId, "Carmen Ruiz", "IT", "Head of Operations", "Madrid HQ", "carmen.ruiz@contoso.example", "es-ES"));
        _graph.Add(new(AnaId, "Ana García", "Finance", "Accountant", "Madrid HQ - 3rd floor", "ana.garcia@contoso.example", "es-ES", ManagerId: CarmenId));
        _graph.Add(new(LuisId, "Luis Pérez", "Board", "CEO", "Madrid HQ", "luis.perez@contoso.example", "en-US"));
    }

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Fact]
    public async Task A_profile_comes_with_department_job_office_language_and_manager()
    {
        await using var host = await StartAsync();

        var profile = await host.Directory.FindAsync(AnaId, default);

        Assert.Equal(new RequesterProfile("Ana García", "Finance", "Accountant", "Madrid HQ - 3rd floor", "ana.garcia@contoso.example", "es-ES",
            new RequesterManager(CarmenId, "Carmen Ruiz", "carmen.ruiz@contoso.example")), profile);

        Assert.Collection(_graph.Requests,
            user =>
            {
                Assert.Equal($"/v1.0/users/{AnaId}", user.Path);
                Assert.Equal(["department", "displayName", "jobTitle", "mail", "officeLocation", "preferredLanguage"], user.Select!.Split(',').Order());
            },
            manager =>
            {
                Assert.Equal($"/v1.0/users/{AnaId}/manager", manager.Path);
                Assert.Equal(["displayName", "id", "mail"], manager.Select!.Split(',').Order());
            });
        Assert.All(_graph.Requests, r => Assert.Equal("Bearer " + FakeGraphServer.AccessToken, r.Authorization));
        Assert.Empty(_graph.UnexpectedPaths);
    }

    [Fact]
    public async Task The_token_is_an_app_only_client_credentials_token_for_the_graph_host_and_is_reused()
    {
        await using var host = await StartAsync();

        await host.Directory.FindAsync(AnaId, default);
        await host.Directory.FindAsync(LuisId, default);

        var token = Assert.Single(_graph.TokenRequests);
        Assert.Equal("client_credentials", token["grant_type"]);
        Assert.Equal(FakeGraphServer.ClientId, token["client_id"]);
        Assert.Equal(FakeGraphServer.ClientSecret, token["client_secret"]);
        Assert.Equal(_graph.ExpectedScope, token["scope"]);
    }

    [Fact]
    public async Task A_user_without_a_manager_has_a_profile_and_no_manager()
    {
        await using var host = await StartAsync();

        var profile = await host.Directory.FindAsync(LuisId, default);

        Assert.NotNull(profile);
        Assert.Equal("Board", profile.Department);
        Assert.Null(profile.Manager);
        Assert.True((await host.GraphProbe.CheckAsync(default)).Healthy);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task An_unknown_user_is_null_and_remembered_briefly()
    {
        await using var host = await StartAsync(new() { ["Graph:NotFoundCacheDuration"] = "00:10:00" });

        Assert.Null(await host.Directory.FindAsync(UnknownId, default));
        Assert.Null(await host.Directory.FindAsync(UnknownId, default));
        Assert.Single(_graph.Requests);
        Assert.Equal($"/v1.0/users/{UnknownId}", _graph.Requests[0].Path);

        // Synced since: found once the short memory of "not found" has passed.
        _graph.Add(new(UnknownId, "Nuevo Empleado", Department: "Sales"));
        _time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        Assert.Equal("Sales", (await host.Directory.FindAsync(UnknownId, default))?.Department);
        Assert.True((await host.GraphProbe.CheckAsync(default)).Healthy);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_second_lookup_within_the_cache_duration_makes_no_request()
    {
        await using var host = await StartAsync(new() { ["Graph:CacheDuration"] = "06:00:00" });

        var first = await host.Directory.FindAsync(AnaId, default);
        _time.Advance(TimeSpan.FromHours(5));
        var second = await host.Directory.FindAsync(AnaId, default);

        Assert.Equal(first, second);
        Assert.Equal(2, _graph.Requests.Count);

        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await host.Directory.FindAsync(AnaId, default);
        Assert.Equal(4, _graph.Requests.Count);
    }

    [Fact]
    public async Task Throttling_is_waited_out_as_Retry_After_says()
    {
        await using var host = await StartAsync();
        _graph.Then(new FakeGraphServer.Reply(429, RetryAfter: "1"));

        var profile = await host.Directory.FindAsync(LuisId, default);

        Assert.Equal("Luis Pérez", profile?.DisplayName);
        var attempts = _graph.Requests.Where(r => r.Path == $"/v1.0/users/{LuisId}").ToList();
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(0.9), $"retried after {attempts[1].At - attempts[0].At}");
        Assert.True((await host.GraphProbe.CheckAsync(default)).Healthy);
    }

    [Fact]
    public async Task Throttling_longer_than_a_lookup_may_wait_gives_up_at_once()
    {
        await using var host = await StartAsync(new() { ["Graph:LookupTimeout"] = "00:00:05" });
        _graph.Then(new FakeGraphServer.Reply(429, RetryAfter: "120"));

        var started = DateTimeOffset.UtcNow;
        Assert.Null(await host.Directory.FindAsync(LuisId, default));

        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(4));
        Assert.Single(_graph.Requests);
        var health = await host.GraphProbe.CheckAsync(default);
        Assert.False(health.Healthy);
        Assert.Contains("429", health.Detail);
    }

    [Fact]
    public async Task Repeated_unavailability_ends_after_the_retries()
    {
        await using var host = await StartAsync();
        _graph.Then(Enumerable.Repeat(new FakeGraphServer.Reply(503, RetryAfter: "0"), 4).ToArray());

        Assert.Null(await host.Directory.FindAsync(LuisId, default));

        Assert.Equal(4, _graph.Requests.Count);
        Assert.Contains("503", (await host.GraphProbe.CheckAsync(default)).Detail);
    }

    [Fact]
    public async Task A_Graph_error_gives_no_profile_a_warning_and_an_unhealthy_probe_until_the_next_success()
    {
        await using var host = await StartAsync();
        _graph.Then(new FakeGraphServer.Reply(500));

        Assert.Null(await host.Directory.FindAsync(AnaId, default));

        var health = await host.GraphProbe.CheckAsync(default);
        Assert.False(health.Healthy);
        Assert.Contains("500", health.Detail);
        Assert.False(host.GraphProbe.Essential);
        var warning = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains(AnaId, warning.Message);

        // Failures are not cached: the next lookup asks Graph again and succeeds.
        Assert.Equal("Finance", (await host.Directory.FindAsync(AnaId, default))?.Department);
        health = await host.GraphProbe.CheckAsync(default);
        Assert.True(health.Healthy);
        Assert.Contains("last error", health.Detail);
    }

    [Fact]
    public async Task Graph_down_gives_no_profile_and_no_exception()
    {
        await using var host = await StartAsync();
        Assert.NotNull(await host.Directory.FindAsync(LuisId, default));
        await _graph.DisposeAsync();

        var profile = await host.Directory.FindAsync(AnaId, default);

        Assert.Null(profile);
        var health = await host.GraphProbe.CheckAsync(default);
        Assert.False(health.Healthy);
        Assert.StartsWith("last error at ", health.Detail);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(AnaId));
        // Cached profiles keep being served while Graph is away.
        Assert.Equal("Luis Pérez", (await host.Directory.FindAsync(LuisId, default))?.DisplayName);
    }

    [Fact]
    public async Task A_hanging_Graph_does_not_hold_the_caller_past_the_lookup_timeout()
    {
        await using var host = await StartAsync(new() { ["Graph:LookupTimeout"] = "00:00:00.500" });
        _graph.Then(new FakeGraphServer.Reply(200, Delay: TimeSpan.FromSeconds(30)));

        var started = DateTimeOffset.UtcNow;
        Assert.Null(await host.Directory.FindAsync(AnaId, default));

        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(10));
        Assert.Contains("within", (await host.GraphProbe.CheckAsync(default)).Detail);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_swallowed()
    {
        await using var host = await StartAsync();
        _graph.Then(new FakeGraphServer.Reply(200, Delay: TimeSpan.FromSeconds(30)));
        using var cancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Directory.FindAsync(AnaId, cancelled.Token));
    }

    [Fact]
    public async Task A_rejected_secret_gives_no_profile_and_never_reaches_the_logs()
    {
        const string wrongSecret = "a-wrong-secret-that-must-not-be-logged-either";
        await using var host = await StartAsync(new() { ["Graph:ClientSecret"] = wrongSecret });

        Assert.Null(await host.Directory.FindAsync(AnaId, default));

        Assert.Empty(_graph.Requests);
        var health = await host.GraphProbe.CheckAsync(default);
        Assert.False(health.Healthy);
        Assert.Contains("no Graph token", health.Detail);
        Assert.Contains("AADSTS7000215", health.Detail);
        Assert.DoesNotContain(wrongSecret, health.Detail);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(wrongSecret) || e.Message.Contains(FakeGraphServer.ClientSecret));
    }

    [Fact]
    public async Task The_start_says_where_profiles_come_from_without_the_secret()
    {
        await using var host = await StartAsync();
        await host.Directory.FindAsync(AnaId, default);

        Assert.IsType<GraphRequesterDirectory>(host.Directory);
        Assert.Contains(host.Logs.Entries, e => e.Message.StartsWith("Requester profiles from Microsoft Graph at ", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(FakeGraphServer.ClientSecret) || e.Message.Contains(FakeGraphServer.AccessToken));
    }

    [Fact]
    public async Task A_base_url_with_a_trailing_slash_reaches_the_same_paths()
    {
        await using var host = await StartAsync(new() { ["Graph:BaseUrl"] = new Uri(_graph.BaseAddress, "v1.0/").ToString() });

        Assert.NotNull(await host.Directory.FindAsync(AnaId, default));

        Assert.Equal([$"/v1.0/users/{AnaId}", $"/v1.0/users/{AnaId}/manager"], _graph.Requests.Select(r => r.Path));
        Assert.Empty(_graph.UnexpectedPaths);
    }

    [Fact]
    public async Task An_empty_id_is_nobody_and_asks_nothing()
    {
        await using var host = await StartAsync();

        Assert.Null(await host.Directory.FindAsync("", default));
        Assert.Null(await host.Directory.FindAsync("  ", default));

        Assert.Empty(_graph.Requests);
        Assert.Empty(_graph.TokenRequests);
    }

    private Task<PeopleHost> StartAsync(Dictionary<string, string?>? overrides = null)
    {
        var settings = _graph.Settings;
        settings["Graph:LookupTimeout"] = "00:00:15";
        foreach (var (key, value) in overrides ?? [])
            settings[key] = value;
        return PeopleHost.StartAsync(settings, _time);
    }
}
