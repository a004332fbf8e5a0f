using System.Text.Json;
using ServiceDesk.Tests.AgentDesk.Support;

namespace ServiceDesk.Tests.Admin;

/// <summary>/openapi/v1.json describes the automation APIs (design.md §5), and only describes them: the key is still needed to call one.</summary>
public sealed class ApiDescriptionTests : DeskTest
{
    [Fact]
    public async Task The_openapi_document_lists_the_admin_ticket_outage_and_kpi_routes()
    {
        Bot = StartBot(new Dictionary<string, string?> { ["Admin:ApiKey"] = ApiKey });
        var client = Bot.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/admin/groups/{name}", paths);
        Assert.Contains("/api/tickets/{number}", paths);
        Assert.Contains("/api/outages", paths);
        Assert.Contains("/api/kpis", paths);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("/api/kpis")).StatusCode);
    }
}
