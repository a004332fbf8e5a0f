using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Surveys;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Tests.Reports;

/// <summary>
/// A small week of the desk (Mon 16 – Fri 20 Nov 2026, Madrid, UTC+1), written through the real aggregate
/// into the bot's database, with the KPIs worked out by hand beside each ticket:
///
/// T1 Mon 09:00 L1, claimed 09:30, resolved 11:00 (2 h, 2 business hours: SLA met), closed Wed 11:00 (50 h).
/// T2 Mon 09:40 L1, claimed 10:00, escalated to L2 10:30 (50 min), claimed by L2 12:00, resolved Tue 12:00
///    (26 h 20 min; 8 h 20 min of business time on Monday alone: SLA of 8 h breached).
/// T3 Tue 15:00 L1, never touched: backlog L1, 3 d 9 h old at the end.
/// T4 Thu 10:00 L1, claimed 10:10, on hold 11:00: backlog L1, 1 d 14 h old at the end.
/// T5 Fri 10:15, cancelled 10:20: volume only.
/// Surveys: T1's sent Wed 12:00 and answered 5 at 13:00; T2's sent Tue 13:00, never answered.
/// </summary>
internal static class KpiHistory
{
    public const string Calendar = "madrid-office";
    private static readonly TicketSlaTargets Standard = new("standard", Calendar, TimeSpan.FromHours(1), TimeSpan.FromHours(8));
    private static readonly PersonRef Ana = new("ana", "Ana Ruiz");
    private static readonly PersonRef Luis = new("luis", "Luis Pérez");
    private static readonly Requester Megan = new("aad-megan", "Megan Bowen", "en-US");
    private static readonly Resolution Fixed = new(ResolutionCode.Fixed, "Perfil VPN regenerado", false, false);

    /// <summary>Local Madrid time in November (UTC+1).</summary>
    public static DateTimeOffset At(string local) =>
        DateTimeOffset.ParseExact(local + " +01:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    public static async Task SeedAsync(IServiceProvider root)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var tickets = services.GetRequiredService<ITicketRepository>();
        var surveys = services.GetRequiredService<ISurveyRepository>();

        var t1 = Open("VPN drops", "2026-11-16 09:00", "vpn");
        t1.Claim(Ana, At("2026-11-16 09:30"));
        t1.Resolve(Fixed, Ana, At("2026-11-16 11:00"));
        t1.Close(Megan.AsPerson(), At("2026-11-18 11:00"));

        var t2 = Open("Switch port down", "2026-11-16 09:40", "vpn");
        t2.Claim(Ana, At("2026-11-16 10:00"));
        t2.Escalate(SupportLevel.L2, "network-l2", "Needs the network team", Ana, At("2026-11-16 10:30"));
        t2.Claim(Luis, At("2026-11-16 12:00"));
        t2.Resolve(Fixed, Luis, At("2026-11-17 12:00"));

        var t3 = Open("Printer jam", "2026-11-17 15:00", null);

        var t4 = Open("New monitor", "2026-11-19 10:00", null);
        t4.Claim(Ana, At("2026-11-19 10:10"));
        t4.PutOnHold("Waiting for the vendor", Ana, At("2026-11-19 11:00"));

        var t5 = Open("Never mind", "2026-11-20 10:15", null);
        t5.Cancel("Solved it myself", Megan.AsPerson(), At("2026-11-20 10:20"));

        foreach (var ticket in new[] { t1, t2, t3, t4, t5 }) await tickets.AddNumberedAsync(ticket);

        var answered = new Survey(Guid.NewGuid(), t1.Id, Megan.Key, At("2026-11-18 12:00"));
        answered.Answer(5, "Great", At("2026-11-18 13:00"));
        surveys.Add(answered);
        surveys.Add(new Survey(Guid.NewGuid(), t2.Id, Megan.Key, At("2026-11-17 13:00")));
        await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
    }

    private static Ticket Open(string title, string createdAt, string? category) => Ticket.Open(
        Guid.NewGuid(), TicketKind.Incident, title, "", Megan, Impact.Medium, Urgency.Medium, category, null,
        "service-desk", SupportLevel.L1, Standard, At(createdAt));
}
