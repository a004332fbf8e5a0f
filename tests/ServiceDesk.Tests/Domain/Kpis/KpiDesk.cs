using System.Globalization;
using ServiceDesk.Domain.Kpis;
using ServiceDesk.Domain.Surveys;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Tests.Domain.Kpis;

// Builds tickets through the real aggregate so the KPIs read the same event logs production writes.
internal static class KpiDesk
{
    public const string Madrid = "Europe/Madrid";

    public static readonly PersonRef Ana = new("ana", "Ana (L1)");
    public static readonly PersonRef Luis = new("luis", "Luis (L2)");
    public static readonly PersonRef Vendor = new("vendor", "Vendor (L3)");
    public static readonly Requester Marta = new("marta", "Marta", "es-ES", "Finance");

    public static readonly Resolution Fixed = new(ResolutionCode.Fixed, "Replaced the cable.", false, false);

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static Ticket Open(string createdAt, SupportLevel level = SupportLevel.L1) =>
        Ticket.Open(
            Guid.NewGuid(), TicketKind.Incident, "Printer does not print", "", Marta,
            Impact.Medium, Urgency.Medium, "hardware", null,
            level == SupportLevel.L1 ? "service-desk" : $"specialists-{level}", level,
            new TicketSlaTargets("default", "business", TimeSpan.FromHours(1), TimeSpan.FromHours(8)),
            At(createdAt));

    public static Survey Survey(Ticket ticket, string sentAt, int? rating = null, string? answeredAt = null)
    {
        var survey = new Survey(Guid.NewGuid(), ticket.Id, ticket.Requester.Key, At(sentAt));
        if (rating is { } r) survey.Answer(r, null, At(answeredAt!));
        return survey;
    }

    public static readonly Func<Ticket, DateTimeOffset?> NoDue = _ => null;

    public static KpiReport Compute(KpiPeriod period, params Ticket[] tickets) =>
        KpiCalculator.Compute(tickets, [], period, NoDue);
}
