using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Bot.People;
using ServiceDesk.Domain;
using ServiceDesk.Storage;
using ServiceDesk.Tests.AgentDesk.Support;

namespace ServiceDesk.Tests.Outages;

/// <summary>Who an outage's audience is: the service's subscribers, or the people of some departments (the directory's word).</summary>
public sealed class OutageAudienceTests : DeskTest
{
    private static readonly TestUser[] Everyone = [Ana, Pablo, Luis, Marta, Carmen, Olga, Megan, Jorge];

    private async Task<List<TestUser>> ToldAsync(string title, int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        List<TestUser> told;
        do
        {
            await Task.Delay(100);
            told = Everyone.Where(u => Connector.Delivered.Any(r => r.Method == "POST" && IsTo(r, u.PersonalChat) && r.Body.Contains(title, StringComparison.Ordinal))).ToList();
        } while (told.Count < expected && DateTime.UtcNow < deadline);
        await SettleAsync();
        return Everyone.Where(u => Connector.Delivered.Any(r => r.Method == "POST" && IsTo(r, u.PersonalChat) && r.Body.Contains(title, StringComparison.Ordinal))).ToList();
    }

    private async Task<JsonElement> DeclareAsync(object body)
    {
        var response = await Admin().PostAsJsonAsync("/api/outages", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Subscribers_of_the_service_are_told_and_nobody_else()
    {
        await StartDeskAsync();
        await using (var scope = Bot.Services.CreateAsyncScope())
        {
            // Subscribed by Entra object id (what the catalog keeps for people), plus someone the bot has never met.
            var vpn = await scope.ServiceProvider.GetRequiredService<ServiceDeskContext>().Services.SingleAsync(s => s.Key == "vpn");
            vpn.Subscribe(Luis.Aad);
            vpn.Subscribe(Jorge.Aad);
            vpn.Subscribe("aad-never-met");
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
        }
        var outage = await DeclareAsync(new { service = "vpn", title = "VPN-subs", message = "Mantenimiento", severity = "minor", audience = "subscribers" });

        Assert.Equal([Luis, Jorge], await ToldAsync("VPN-subs", 2));
        Assert.Equal(2, outage.GetProperty("progress").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task People_of_the_named_departments_are_told_as_the_directory_knows_them()
    {
        await StartDeskAsync(services: s => s.AddSingleton<IRequesterDirectory>(new Departments(new()
        {
            [Ana.Aad] = "Finanzas",
            [Megan.Aad] = "finanzas",
            [Marta.Aad] = "Ventas",
            [Pablo.Aad] = "Sistemas",
        })));
        await DeclareAsync(new
        {
            service = "erp", title = "ERP-deps", message = "Cierre contable parado", severity = "major", audience = "departments", departments = new[] { "Finanzas", "Ventas" },
        });

        Assert.Equal([Ana, Marta, Megan], await ToldAsync("ERP-deps", 3));
    }

    private sealed class Departments(Dictionary<string, string> byAad) : IRequesterDirectory
    {
        public Task<RequesterProfile?> FindAsync(string aadObjectId, CancellationToken cancellationToken) =>
            Task.FromResult(byAad.TryGetValue(aadObjectId, out var department)
                ? new RequesterProfile(null, department, null, null, null, null, null)
                : null);
    }
}
