namespace ServiceDesk.Domain.Tickets;

public enum TicketKind
{
    Incident,
    ServiceRequest,
    InformationRequest,
}

public static class TicketKindPrefix
{
    public static string Of(TicketKind kind) => kind switch
    {
        TicketKind.Incident => "INC",
        TicketKind.ServiceRequest => "REQ",
        TicketKind.InformationRequest => "INF",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string prefix, out TicketKind kind)
    {
        foreach (var k in Enum.GetValues<TicketKind>())
        {
            if (string.Equals(Of(k), prefix, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
