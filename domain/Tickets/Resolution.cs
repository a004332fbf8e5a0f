namespace ServiceDesk.Domain.Tickets;

public enum ResolutionCode
{
    Fixed,
    Workaround,
    Fulfilled,
    Answered,
    UserError,
    Duplicate,
    NotReproducible,
}

public sealed record Resolution(ResolutionCode Code, string Notes, bool IsWorkaround, bool ReusableAsKnowledge);
