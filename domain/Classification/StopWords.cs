namespace ServiceDesk.Domain.Classification;

/// <summary>
/// Words that say nothing about what is broken or wanted, in folded form (no accents, apostrophes
/// joined: "can't" is "cant"). Greetings and courtesy are here too: every ticket has them.
/// Each list also tells the language apart, counting only the words the other list lacks.
/// </summary>
public static class StopWords
{
    public static IReadOnlySet<string> Spanish { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "al", "algo", "algun", "alguna", "algunas", "alguno", "algunos", "ante", "antes", "aqui", "asi", "aun", "aunque",
        "ayer", "bien", "cada", "casi", "como", "con", "contra", "cual", "cuales", "cuando", "cuanto", "de", "del", "desde",
        "donde", "dos", "el", "ella", "ellas", "ello", "ellos", "en", "entonces", "entre", "era", "eran", "eres", "es", "esa",
        "esas", "ese", "eso", "esos", "esta", "estaba", "estado", "estamos", "estan", "estar", "estas", "este", "esto", "estos",
        "estoy", "fue", "fueron", "ha", "habia", "han", "has", "hasta", "hay", "he", "hemos", "hoy", "la", "las", "le", "les",
        "lo", "los", "luego", "mas", "me", "mi", "mia", "mio", "mis", "mismo", "misma", "muy", "mucho", "muchos", "nada", "ni",
        "no", "nos", "nosotros", "nuestra", "nuestro", "o", "os", "otra", "otras", "otro", "otros", "para", "pero", "poco",
        "por", "porque", "pues", "puedo", "puede", "pueden", "que", "quien", "se", "sea", "ser", "si", "sido", "siempre",
        "sin", "sino", "sobre", "solo", "son", "su", "sus", "tambien", "tampoco", "tan", "tanto", "te", "tenemos", "tengo",
        "tiene", "tienen", "todo", "todos", "toda", "todas", "tu", "tus", "un", "una", "unas", "uno", "unos", "usted", "vez",
        "vosotros", "y", "ya", "yo", "ahora", "cosa", "dia", "hace", "vale", "igual", "pasa", "sale",
        // everyday verbs and fillers
        "da", "dar", "doy", "hacer", "hago", "tener", "poner", "pone", "salen", "salta", "falta", "veces", "rato", "despues",
        "tras", "nuevo", "nueva", "veo", "ver", "dice", "decir", "sigue", "ningun", "ninguna", "ninguno", "alguien",
        "ademas", "mientras", "parece", "creo", "sabe", "va", "van", "voy",
        // courtesy
        "hola", "buenas", "buenos", "dias", "tardes", "gracias", "saludos", "favor", "porfa", "porfavor", "ayuda",
        "chicos", "gente", "muchas", "mil", "urgente",
    };

    public static IReadOnlySet<string> English { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been",
        "before", "being", "but", "by", "can", "cant", "cannot", "could", "couldnt", "did", "didnt", "do", "does", "doesnt",
        "doing", "dont", "for", "from", "get", "got", "had", "has", "have", "havent", "having", "he", "her", "here", "him",
        "his", "how", "however", "if", "im", "in", "into", "is", "isnt", "it", "its", "ive", "just", "keep", "keeps", "like",
        "me", "might", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
        "other", "our", "out", "over", "really", "same", "she", "should", "so", "some", "still", "such", "than", "that",
        "thats", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "today",
        "under", "until", "up", "us", "very", "was", "wasnt", "we", "were", "what", "when", "where", "which", "while", "who",
        "why", "will", "with", "wont", "would", "yesterday", "you", "your", "anyone", "anything", "since", "ever", "every",
        "thing", "things", "way", "yet", "seems", "want", "need",
        // everyday verbs and fillers
        "new", "gets", "getting", "go", "going", "make", "made", "use", "using", "used", "try", "tried", "trying", "take",
        "taking", "ask", "come", "comes", "see", "says", "say", "said", "know", "think", "one", "two", "around",
        "already", "anymore", "always", "never", "sometimes", "someone", "something", "let", "look", "ok", "okay", "well",
        // courtesy
        "hi", "hello", "hey", "thanks", "thank", "cheers", "regards", "please", "pls", "plz", "help", "team", "guys",
        "morning", "afternoon", "urgent",
    };

    public static bool Contains(string foldedWord) => Spanish.Contains(foldedWord) || English.Contains(foldedWord);
}
