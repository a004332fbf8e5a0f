using System.Globalization;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Domain.Classification;

/// <summary>A vote for a kind: where it came from and how much it counts.</summary>
public sealed record KindVote(TicketKind Kind, string Source, double Weight);

/// <summary>The kind with the most votes, and the votes, so an agent sees why.</summary>
public sealed record KindDecision(TicketKind Kind, IReadOnlyList<KindVote> Votes)
{
    public string Reason => string.Join("; ", Votes.Select(v => $"{v.Kind} +{v.Weight.ToString("0.##", CultureInfo.InvariantCulture)} ({v.Source})"));
}

/// <summary>
/// Decides the kind by votes. The suggested category votes for its usual kind (1.5, or 0.5 when the
/// category is unsure); the wording adds one vote per kind of cue: a strong failure ("no funciona",
/// "error", "crashes") 2, or else a weak one ("no puedo", "can't") 1, since people asking for a
/// password reset write "no puedo entrar"; a question ("¿cómo puedo…?", a "?" after a question word) 2;
/// a request ("necesito", "please install") 1.75. The highest sum wins; a tie keeps the category's kind.
/// </summary>
public static class KindCues
{
    public const double CategoryWeight = 1.5;
    public const double UnsureCategoryWeight = 0.5;
    public const double StrongFailureWeight = 2.0;
    public const double WeakFailureWeight = 1.0;
    public const double QuestionWeight = 2.0;
    public const double RequestWeight = 1.75;

    // Folded, matched as whole words. A phrase counts once, however many times it appears.
    public static IReadOnlyList<string> StrongFailure { get; } =
    [
        "no funciona", "no funcionan", "no me funciona", "no va", "no me va", "deja de funcionar", "dejado de funcionar",
        "dejo de funcionar", "no arranca", "no enciende", "no carga", "no abre", "no se abre", "no conecta", "no se conecta",
        "no responde", "no imprime", "no llegan", "no me llegan", "no llega", "no recibo", "no sincroniza", "se cuelga",
        "se queda colgado", "se queda pillado", "se cierra", "se corta", "se desconecta", "error", "errores", "fallo",
        "falla", "caido", "caida", "roto", "rota", "atascado", "atasca", "pantalla azul", "muy lento", "muy lenta",
        "lentisimo", "not working", "doesnt work", "isnt working", "stopped working", "wont start", "wont turn on",
        "wont boot", "wont connect", "wont open", "wont print", "broken", "broke", "crash", "crashes", "crashed",
        "crashing", "freezes", "frozen", "freezing", "errors", "fails", "failed", "failing", "is down",
        "went down", "outage", "not responding", "not receiving", "not syncing", "keeps disconnecting", "drops",
        "dropping", "jammed", "blue screen", "very slow", "super slow", "so slow", "no reconoce", "no acepta",
        "no es valido", "invalid", "not recognised", "not recognized", "stopped responding", "ya no", "no longer",
        "de repente", "suddenly", "all of a sudden",
    ];

    public static IReadOnlyList<string> WeakFailure { get; } =
    [
        "no puedo", "no podemos", "no me deja", "no nos deja", "no consigo", "cant", "cannot", "can not", "unable to",
        "couldnt", "problema", "problemas", "problem", "problems", "issue", "issues", "lento", "lenta", "slow",
    ];

    public static IReadOnlyList<string> Question { get; } =
    [
        "como puedo", "como se", "como hago", "como hacer", "como configuro", "como cambio", "como pongo", "como activo",
        "como accedo", "como instalo", "como comparto", "donde puedo", "donde esta", "donde estan", "donde encuentro",
        "donde se", "se puede", "es posible", "hay forma", "hay alguna forma", "hay manera", "alguien sabe", "sabeis si",
        "cual es", "que tengo que hacer", "que pasos", "how do i", "how can i", "how to", "how do you", "how do we",
        "where can i", "where do i", "where is", "where are", "is it possible", "is there a way", "is there any way",
        "what is the", "whats the", "do you know", "does anyone know", "what do i need to do", "what are the steps",
        "queria saber", "quisiera saber", "me gustaria saber", "i would like to know", "id like to know", "wanted to know",
        "wondering",
    ];

    /// <summary>Words that open a question asking for information; "can"/"could" also open requests, so they are not here.</summary>
    public static IReadOnlySet<string> QuestionOpeners { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "como", "donde", "cual", "cuales", "cuando", "cuanto", "cuantos", "quien", "quienes", "que", "hay", "existe", "es",
        "se", "sabeis", "sabes", "alguien", "how", "where", "what", "whats", "which", "who", "when", "why", "is", "are",
        "does", "do",
    };

    public static IReadOnlyList<string> Request { get; } =
    [
        "necesito", "necesitaria", "necesitamos", "quiero", "quisiera", "querria", "queria", "solicito", "solicitar",
        "solicitud", "me podeis", "podriais", "podeis", "me gustaria", "dar de alta", "dame", "pedir", "anadir", "anadirme",
        "nuevo empleado", "nueva incorporacion", "i need", "we need", "i would like", "id like", "i want", "could you",
        "can you", "can i get", "can i have", "could i get", "request", "requesting", "please install", "please add",
        "please grant", "please reset", "give me", "add me", "new starter", "new joiner", "please", "por favor", "porfa",
        "porfavor", "pls", "plz", "pedimos", "necesita", "necesitan", "needs", "could we get", "out of", "run out",
        "running out", "nos hemos quedado sin", "se ha acabado", "se han acabado",
    ];

    public static KindDecision Decide(NormalizedText text, TicketKind categoryKind, string categoryKey, bool categoryIsSure)
    {
        var votes = new List<KindVote>
        {
            new(categoryKind, $"category {categoryKey}", categoryIsSure ? CategoryWeight : UnsureCategoryWeight),
        };
        if (!AddVote(votes, text, StrongFailure, TicketKind.Incident, StrongFailureWeight))
            AddVote(votes, text, WeakFailure, TicketKind.Incident, WeakFailureWeight);
        if (!AddVote(votes, text, Question, TicketKind.InformationRequest, QuestionWeight))
        {
            var asked = text.Questions.FirstOrDefault(q => q.Take(2).Any(QuestionOpeners.Contains));
            if (asked is not null) votes.Add(new KindVote(TicketKind.InformationRequest, $"question \"{string.Join(' ', asked.Take(3))}…?\"", QuestionWeight));
        }
        AddVote(votes, text, Request, TicketKind.ServiceRequest, RequestWeight);

        var kind = votes
            .GroupBy(v => v.Kind)
            .OrderByDescending(g => g.Sum(v => v.Weight))
            .ThenBy(g => g.Key == categoryKind ? 0 : 1) // a tie keeps the category's kind
            .First().Key;
        return new KindDecision(kind, votes);
    }

    /// <summary>One vote per cue list, naming the phrases found: a second failure word adds no weight.</summary>
    private static bool AddVote(List<KindVote> votes, NormalizedText text, IReadOnlyList<string> cues, TicketKind kind, double weight)
    {
        var found = cues.Where(text.Says).ToList();
        if (found.Count == 0) return false;
        votes.Add(new KindVote(kind, "\"" + string.Join("\", \"", found) + "\"", weight));
        return true;
    }
}
