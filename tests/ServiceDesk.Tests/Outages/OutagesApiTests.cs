using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServiceDesk.Tests.AgentDesk.Support;

namespace ServiceDesk.Tests.Outages;

/// <summary>/api/outages: 201 with the outage, 400 naming the field and why, 401 without the key, 404 and 409 where they belong.</summary>
public sealed class OutagesApiTests : DeskTest
{
    private static Dictionary<string, object?> Valid() => new()
    {
        ["service"] = "email",
        ["title"] = "Correo caído",
        ["message"] = "No se puede enviar correo.",
        ["severity"] = "security",
        ["audience"] = "departments",
        ["departments"] = new[] { "Finanzas" },
    };

    private static Dictionary<string, object?> With(string field, object? value)
    {
        var body = Valid();
        body[field] = value;
        return body;
    }

    public static TheoryData<string, object?, string> BadFields => new()
    {
        { "service", "fax", "service" },
        { "service", null, "service" },
        { "message", "  ", "message" },
        { "title", "", "title" },
        { "severity", "apocalyptic", "severity" },
        { "severity", "1", "severity" },
        { "audience", "friends", "audience" },
        { "departments", Array.Empty<string>(), "departments" },
        { "startsAt", DateTimeOffset.UtcNow.AddHours(-2), "startsAt" },
        { "majorIncident", "INC-999999", "majorIncident" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_body_that_does_not_fit_is_a_400_naming_the_field(string field, object? value, string reported)
    {
        await StartDeskAsync();
        var response = await Admin().PostAsJsonAsync("/api/outages", With(field, value));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(reported, out var reasons), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(reasons[0].GetString()));
    }

    [Fact]
    public async Task Malformed_json_and_an_empty_patch_are_400s_unknown_ids_404_and_no_key_401()
    {
        await StartDeskAsync();
        var admin = Admin();
        var malformed = await admin.PostAsync("/api/outages", new StringContent("{\"service\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/outages/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/outages/not-a-guid")).StatusCode);

        var created = await admin.PostAsJsonAsync("/api/outages", Valid());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var outage = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var id = outage.GetProperty("id").GetGuid();
        Assert.Equal($"/api/outages/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(("Security", "Departments", "Active"), (outage.GetProperty("severity").GetString(), outage.GetProperty("audience").GetString(), outage.GetProperty("status").GetString()));
        Assert.Equal("Finanzas", outage.GetProperty("departments")[0].GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PatchAsJsonAsync($"/api/outages/{id}", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/outages/{id}", new { end = true })).StatusCode);
        // Over: no more updates, no second end.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PatchAsJsonAsync($"/api/outages/{id}", new { update = "¿sigue?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PatchAsJsonAsync($"/api/outages/{id}", new { end = true })).StatusCode);

        var anonymous = Bot.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/outages", Valid())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/outages/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PatchAsJsonAsync($"/api/outages/{id}", new { update = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_scheduled_outage_is_accepted_for_later_and_can_be_called_off_before_it_starts()
    {
        await StartDeskAsync();
        var admin = Admin();
        var startsAt = DateTimeOffset.UtcNow.AddHours(3);
        var created = await admin.PostAsJsonAsync("/api/outages", With("startsAt", startsAt));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var outage = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Scheduled", outage.GetProperty("status").GetString());
        Assert.Equal(0, outage.GetProperty("progress").GetProperty("total").GetInt32());
        var id = outage.GetProperty("id").GetGuid();
        // Updates are for outages in progress; calling it off is not.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PatchAsJsonAsync($"/api/outages/{id}", new { update = "antes de tiempo" })).StatusCode);
        var ended = await admin.PatchAsJsonAsync($"/api/outages/{id}", new { end = true });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var read = JsonDocument.Parse(await ended.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Ended", read.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("publishedAt").ValueKind);
    }
}
