namespace ServiceDesk.Domain.Tickets;

public enum Impact { High, Medium, Low }

public enum Urgency { High, Medium, Low }

public enum Priority { P1 = 1, P2 = 2, P3 = 3, P4 = 4, P5 = 5 }

/// <summary>The ITIL impact × urgency matrix.</summary>
public static class PriorityMatrix
{
    public static Priority For(Impact impact, Urgency urgency)
    {
        // Each step down in impact or urgency lowers priority by one: H/H=P1 ... L/L=P5.
        var rank = (int)impact + (int)urgency;
        return (Priority)(rank + 1);
    }
}
