using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Tests.Domain.Tickets;

/// <summary>Builds tickets in any status through the aggregate's own methods.</summary>
internal static class TicketFactory
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    public static readonly PersonRef Ana = new("ana", "Ana García");
    public static readonly PersonRef Luis = new("luis", "Luis Pérez");
    public static readonly Requester Employee = new("emp-1", "Marta Ruiz", "es-ES", "Finanzas");
    public static readonly TicketSlaTargets Targets = new("default", "madrid", TimeSpan.FromHours(1), TimeSpan.FromHours(8));

    public static Ticket New(TicketKind kind = TicketKind.Incident, long sequence = 1)
    {
        var t = Ticket.Open(Guid.NewGuid(), kind, "El portátil no arranca", "Desde esta mañana", Employee,
            Impact.Medium, Urgency.Medium, "hardware", "laptops", "service-desk", SupportLevel.L1, Targets, T0);
        t.AssignNumber(sequence);
        return t;
    }

    public static Ticket In(TicketStatus status)
    {
        var t = New();
        var at = T0;
        DateTimeOffset Next() => at = at.AddMinutes(5);
        switch (status)
        {
            case TicketStatus.New:
                break;
            case TicketStatus.Assigned:
                t.Claim(Ana, Next());
                break;
            case TicketStatus.InProgress:
                t.Claim(Ana, Next());
                t.Start(Ana, Next());
                break;
            case TicketStatus.Pending:
                t.Claim(Ana, Next());
                t.PutOnHold("waiting for the user", Ana, Next());
                break;
            case TicketStatus.Resolved:
                t.Claim(Ana, Next());
                t.Resolve(new Resolution(ResolutionCode.Fixed, "Replaced the charger", false, true), Ana, Next());
                break;
            case TicketStatus.Closed:
                t.Claim(Ana, Next());
                t.Resolve(new Resolution(ResolutionCode.Fixed, "Replaced the charger", false, true), Ana, Next());
                t.Close(Ana, Next());
                break;
            case TicketStatus.Cancelled:
                t.Cancel("no longer needed", Employee.AsPerson(), Next());
                break;
        }
        Assert.Equal(status, t.Status);
        return t;
    }
}
