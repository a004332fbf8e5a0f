using System.Net;
using System.Text.Json;
using ServiceDesk.Tests.AgentDesk.Support;

namespace ServiceDesk.Tests.Reports;

/// <summary>GET /api/kpis against a small week whose numbers are worked out by hand in <see cref="KpiHistory"/>.</summary>
public sealed class KpiApiTests : DeskTest
{
    internal static readonly Dictionary<string, string?> QuietReports = new() { ["Reports:Enabled"] = "false" };

    internal async Task<JsonElement> KpisAsync(string query)
    {
        var response = await Admin().GetAsync("/api/kpis" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task The_kpis_of_a_week_are_the_hand_computed_ones()
    {
        await StartDeskAsync(QuietReports);
        await KpiHistory.SeedAsync(Bot.Services);

        AssertHandComputedWeek(await KpisAsync("?from=2026-11-16&to=2026-11-20"));
    }

    /// <summary>The numbers of <see cref="KpiHistory"/>'s Monday to Friday.</summary>
    internal static void AssertHandComputedWeek(JsonElement k)
    {
        Assert.Equal("2026-11-16", k.GetProperty("from").GetString());
        Assert.Equal("2026-11-20", k.GetProperty("to").GetString());
        Assert.Equal("Europe/Madrid", k.GetProperty("timeZone").GetString());
        Assert.Equal(KpiHistory.At("2026-11-16 00:00"), k.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(KpiHistory.At("2026-11-21 00:00"), k.GetProperty("endsAt").GetDateTimeOffset());

        // T1 and T2 resolved; only T1 stayed at level 1.
        Assert.Equal(2, k.GetProperty("resolved").GetInt32());
        AssertRatio(k.GetProperty("resolvedAtFirstLevel"), 1, 2, 0.5);

        // 2 h and 26 h 20 min: mean and median (two values) 14 h 10 min.
        var resolve = k.GetProperty("timeToResolve");
        AssertDuration(resolve.GetProperty("overall"), 2, 51_000, 51_000);
        AssertDuration(resolve.GetProperty("byLevel").GetProperty("l1"), 1, 7_200, 7_200);
        AssertDuration(resolve.GetProperty("byLevel").GetProperty("l2"), 1, 94_800, 94_800);
        AssertDuration(resolve.GetProperty("byLevel").GetProperty("l3"), 0, null, null);

        // Only T1 closed in the window: Mon 09:00 → Wed 11:00.
        AssertDuration(k.GetProperty("timeToClose").GetProperty("overall"), 1, 180_000, 180_000);

        var volume = k.GetProperty("volume");
        Assert.Equal(5, volume.GetProperty("total").GetInt32()); // the cancelled T5 included
        Assert.Equal(["2026-11-16:2", "2026-11-17:1", "2026-11-18:0", "2026-11-19:1", "2026-11-20:1"],
            volume.GetProperty("byDate").EnumerateArray().Select(d => $"{d.GetProperty("date").GetString()}:{d.GetProperty("count").GetInt32()}"));
        var byHour = volume.GetProperty("byHour").EnumerateArray().Select(h => h.GetInt32()).ToArray();
        Assert.Equal(24, byHour.Length);
        Assert.Equal((2, 2, 1, 5), (byHour[9], byHour[10], byHour[15], byHour.Sum()));
        Assert.Equal(["Monday 9:2", "Tuesday 15:1", "Thursday 10:1", "Friday 10:1"],
            volume.GetProperty("byWeekdayHour").EnumerateArray()
                .Select(c => $"{c.GetProperty("weekday").GetString()} {c.GetProperty("hour").GetInt32()}:{c.GetProperty("count").GetInt32()}"));

        // Owned time: T1 1 h 30 min; T2 30 min before the escalation + 24 h at level 2 (the queue in between is not).
        AssertDuration(k.GetProperty("handleTime"), 2, 46_800, 46_800);

        var escalate = k.GetProperty("timeToEscalate");
        AssertDuration(escalate.GetProperty("overall"), 1, 3_000, 3_000);
        AssertDuration(escalate.GetProperty("byLevel").GetProperty("l2"), 1, 3_000, 3_000);

        // T1 within its 8 business hours, T2 not.
        var sla = k.GetProperty("slaCompliance");
        Assert.Equal((1, 2, 0.5, 0), (sla.GetProperty("met").GetInt32(), sla.GetProperty("resolved").GetInt32(),
            sla.GetProperty("share").GetDouble(), sla.GetProperty("withoutDue").GetInt32()));

        var backlog = k.GetProperty("backlog");
        Assert.Equal(2, backlog.GetProperty("total").GetInt32());
        Assert.Equal((2, 0, 0), (backlog.GetProperty("byLevel").GetProperty("l1").GetInt32(),
            backlog.GetProperty("byLevel").GetProperty("l2").GetInt32(), backlog.GetProperty("byLevel").GetProperty("l3").GetInt32()));
        var age = backlog.GetProperty("byAge");
        Assert.Equal((0, 1, 1, 0), (age.GetProperty("underOneDay").GetInt32(), age.GetProperty("oneToThreeDays").GetInt32(),
            age.GetProperty("threeToSevenDays").GetInt32(), age.GetProperty("sevenDaysOrMore").GetInt32()));

        var satisfaction = k.GetProperty("satisfaction");
        Assert.Equal(1, satisfaction.GetProperty("answered").GetInt32());
        Assert.Equal(5.0, satisfaction.GetProperty("meanRating").GetDouble());
        AssertRatio(satisfaction.GetProperty("responseRate"), 1, 2, 0.5);
    }

    [Fact]
    public async Task A_window_reads_only_its_own_days_and_an_empty_one_has_counts_without_shares()
    {
        await StartDeskAsync(QuietReports);
        await KpiHistory.SeedAsync(Bot.Services);

        // Tuesday alone: T3 created; T2 resolved (at level 2); T2's survey sent; T1 and T2 still open at its end.
        var tuesday = await KpisAsync("?from=2026-11-17&to=2026-11-17");
        Assert.Equal(1, tuesday.GetProperty("volume").GetProperty("total").GetInt32());
        Assert.Equal(1, tuesday.GetProperty("resolved").GetInt32());
        AssertRatio(tuesday.GetProperty("resolvedAtFirstLevel"), 0, 1, 0.0);
        Assert.Equal(1, tuesday.GetProperty("backlog").GetProperty("total").GetInt32()); // T3; T1 resolved Monday, T2 Tuesday
        AssertRatio(tuesday.GetProperty("satisfaction").GetProperty("responseRate"), 0, 1, 0.0);

        var before = await KpisAsync("?from=2026-11-09&to=2026-11-15");
        Assert.Equal(0, before.GetProperty("volume").GetProperty("total").GetInt32());
        Assert.Equal(7, before.GetProperty("volume").GetProperty("byDate").GetArrayLength());
        AssertRatio(before.GetProperty("resolvedAtFirstLevel"), 0, 0, null);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("satisfaction").GetProperty("meanRating").ValueKind);
        AssertDuration(before.GetProperty("timeToResolve").GetProperty("overall"), 0, null, null);
    }

    [Theory]
    [InlineData("", "from")]
    [InlineData("?to=2026-11-20", "from")]
    [InlineData("?from=2026-11-16", "to")]
    [InlineData("?from=16/11/2026&to=2026-11-20", "from")]
    [InlineData("?from=2026-11-16&to=2026-02-30", "to")]
    [InlineData("?from=2026-11-20&to=2026-11-16", "to")]
    [InlineData("?from=2025-01-01&to=2026-11-20", "to")]
    public async Task Bad_or_missing_dates_are_a_400_naming_the_parameter(string query, string field)
    {
        await StartDeskAsync(QuietReports);

        var response = await Admin().GetAsync("/api/kpis" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var reasons), problem.ToString());
        Assert.NotEmpty(reasons.EnumerateArray().Single().GetString()!);
    }

    [Fact]
    public async Task The_kpis_need_the_admin_key()
    {
        await StartDeskAsync(QuietReports);
        var anonymous = Bot.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/kpis?from=2026-11-16&to=2026-11-20")).StatusCode);
    }

    internal static void AssertRatio(JsonElement ratio, int count, int of, double? share)
    {
        Assert.Equal(count, ratio.GetProperty("count").GetInt32());
        Assert.Equal(of, ratio.GetProperty("of").GetInt32());
        if (share is null) Assert.Equal(JsonValueKind.Null, ratio.GetProperty("share").ValueKind);
        else Assert.Equal(share.Value, ratio.GetProperty("share").GetDouble(), 10);
    }

    internal static void AssertDuration(JsonElement stats, int count, double? meanSeconds, double? medianSeconds)
    {
        Assert.Equal(count, stats.GetProperty("count").GetInt32());
        AssertSeconds(meanSeconds, stats.GetProperty("meanSeconds"));
        AssertSeconds(medianSeconds, stats.GetProperty("medianSeconds"));
    }

    private static void AssertSeconds(double? expected, JsonElement actual)
    {
        if (expected is null) Assert.Equal(JsonValueKind.Null, actual.ValueKind);
        else Assert.Equal(expected.Value, actual.GetDouble(), 6);
    }
}
