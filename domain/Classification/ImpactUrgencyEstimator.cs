using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Domain.Classification;

public sealed record ImpactUrgencyEstimate(Impact Impact, Urgency Urgency, IReadOnlyList<string> Reasons)
{
    public Priority Priority => PriorityMatrix.For(Impact, Urgency);
}

/// <summary>
/// Proposes impact and urgency from the wording, by rules an agent can check. Impact is how many
/// people are hit: one person is Low (the least the matrix has; "I can't work" raises the urgency,
/// not the scope), "several colleagues" or a service reported down is Medium, "the whole office"
/// or "nobody can" is High. Urgency is how soon work suffers: "no puedo trabajar", "urgent", "asap"
/// or a deadline today is High; a deadline this week is Medium; without a cue an incident is
/// Medium (something is broken) and a request or question Low. "No es urgente" wins over "urgente".
/// </summary>
public static class ImpactUrgencyEstimator
{
    public static IReadOnlyList<string> NotUrgent { get; } =
    [
        "no es urgente", "nada urgente", "no urgente", "no corre prisa", "sin prisa", "no hay prisa", "cuando podais",
        "cuando puedas", "cuando tengais un momento", "cuando tengais tiempo", "not urgent", "no rush", "no hurry",
        "whenever you can", "when you get a chance", "when you have time", "when you can", "low priority",
        "not a priority",
    ];

    public static IReadOnlyList<string> UrgentNow { get; } =
    [
        "no puedo trabajar", "no podemos trabajar", "nadie puede trabajar", "no puedo hacer nada",
        "sin poder trabajar", "estamos parados", "estoy parado", "estoy parada", "estoy bloqueado", "estoy bloqueada",
        "me tiene bloqueado", "me tiene bloqueada", "totalmente bloqueado", "completamente bloqueado", "urgente",
        "urgentemente", "urge", "ahora mismo", "ya mismo", "cuanto antes", "lo antes posible", "inmediatamente",
        "critico", "emergencia", "me corre prisa", "cant work", "cannot work", "unable to work", "nobody can work",
        "no one can work", "cant do anything", "cant do my job", "im blocked", "i am blocked", "completely blocked",
        "totally blocked", "blocked from working", "urgent", "urgently", "asap", "right now", "immediately",
        "critical", "emergency", "as soon as possible",
    ];

    public static IReadOnlyList<string> DeadlineToday { get; } =
    [
        "para hoy", "hoy mismo", "antes de las", "esta tarde", "en una hora", "en media hora", "antes de la reunion",
        "tengo una reunion", "tengo reunion", "tengo una presentacion", "cierre de mes", "for today", "by today",
        "end of day", "by eod", "eod", "this afternoon", "within the hour", "in an hour", "before my meeting",
        "i have a meeting", "i have a presentation", "month end", "month end close",
    ];

    public static IReadOnlyList<string> DeadlineSoon { get; } =
    [
        "para manana", "manana por la manana", "esta semana", "pronto", "by tomorrow", "for tomorrow", "this week",
        "soon", "next week", "la semana que viene", "el lunes", "on monday",
    ];

    public static IReadOnlyList<string> EveryoneHit { get; } =
    [
        "todo el departamento", "todo el equipo", "toda la oficina", "toda la planta", "toda la empresa",
        "todo el edificio", "todo el mundo", "todos los usuarios", "todos los companeros", "todos en la oficina",
        "nadie puede", "nadie tiene", "nadie consigue", "a nadie", "ninguno podemos", "everyone", "everybody",
        "nobody can", "no one can", "nobody in", "no one in", "whole team", "whole office", "whole floor",
        "whole department", "whole company", "entire office", "entire team", "entire floor", "entire department",
        "all users", "all of us", "all staff", "company wide", "for anyone",
    ];

    public static IReadOnlyList<string> SeveralHit { get; } =
    [
        "varios companeros", "varias companeras", "varias personas", "varios usuarios", "algunos companeros",
        "otros companeros", "mis companeros", "mi companero tambien", "mi companera tambien", "tambien le pasa",
        "tambien les pasa", "tambien a mi companero", "tambien a mi companera", "tampoco le", "tampoco les",
        "mas gente", "several", "a few of us", "a couple of us", "some colleagues", "my colleagues", "my colleague",
        "others too", "other people", "my team", "our team", "same problem", "same issue", "mismo problema",
    ];

    public static IReadOnlyList<string> ServiceDown { get; } =
    [
        "esta caido", "esta caida", "estan caidos", "se ha caido", "se cayo", "is down", "went down", "are down",
        "outage",
    ];

    public static ImpactUrgencyEstimate Estimate(string text, TicketKind kind) => Estimate(TextNormalizer.Default.Normalize(text), kind);

    public static ImpactUrgencyEstimate Estimate(NormalizedText text, TicketKind kind)
    {
        var reasons = new List<string>();
        var phrase = text.Phrase;

        var calm = Found(phrase, NotUrgent);
        // Masked so that "no es urgente" does not also read as "urgente".
        foreach (var cue in calm) phrase = phrase.Replace(" " + cue + " ", " | ", StringComparison.Ordinal);

        Urgency urgency;
        if (Found(phrase, UrgentNow) is { Count: > 0 } now)
        {
            urgency = Urgency.High;
            reasons.Add($"urgency High: {Quote(now)} (work is stopped or cannot wait)");
        }
        else if (Found(phrase, DeadlineToday) is { Count: > 0 } today)
        {
            urgency = Urgency.High;
            reasons.Add($"urgency High: {Quote(today)} (needed today)");
        }
        else if (calm.Count > 0)
        {
            urgency = Urgency.Low;
            reasons.Add($"urgency Low: {Quote(calm)} (it can wait)");
        }
        else if (Found(phrase, DeadlineSoon) is { Count: > 0 } soon)
        {
            urgency = Urgency.Medium;
            reasons.Add($"urgency Medium: {Quote(soon)} (needed within days)");
        }
        else
        {
            urgency = kind == TicketKind.Incident ? Urgency.Medium : Urgency.Low;
            reasons.Add(kind == TicketKind.Incident
                ? "urgency Medium: something is broken, and nothing says it stops work"
                : $"urgency Low: a {(kind == TicketKind.ServiceRequest ? "request" : "question")} with no deadline");
        }

        Impact impact;
        if (Found(phrase, EveryoneHit) is { Count: > 0 } everyone)
        {
            impact = Impact.High;
            reasons.Add($"impact High: {Quote(everyone)} (a whole group is affected)");
        }
        else if (Found(phrase, SeveralHit) is { Count: > 0 } several)
        {
            impact = Impact.Medium;
            reasons.Add($"impact Medium: {Quote(several)} (more than one person)");
        }
        else if (Found(phrase, ServiceDown) is { Count: > 0 } down)
        {
            impact = Impact.Medium;
            reasons.Add($"impact Medium: {Quote(down)} (a service down rarely hits one person)");
        }
        else
        {
            impact = Impact.Low;
            reasons.Add("impact Low: nobody else is mentioned, so one person");
        }

        return new ImpactUrgencyEstimate(impact, urgency, reasons);
    }

    private static List<string> Found(string phrase, IReadOnlyList<string> cues) =>
        cues.Where(c => NormalizedText.Says(phrase, c)).ToList();

    private static string Quote(IEnumerable<string> cues) => "\"" + string.Join("\", \"", cues) + "\"";
}
