using System.Text.RegularExpressions;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Domain.Classification;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Flows;

internal enum CommandKind
{
    /// <summary>Not a command: what the person needs, in their own words.</summary>
    None,
    Help,
    Cancel,
    MyTickets,
    /// <summary>Start again: what do you need?</summary>
    New,
    /// <summary>Report a problem, request something, ask a question: the empty form of that kind.</summary>
    Start,
    ShowTicket,
    Greeting,
    Thanks,
}

internal readonly record struct TextCommand(CommandKind Kind, TicketKind? IntakeKind = null, TicketNumber? Number = null)
{
    public static TextCommand Text { get; } = new(CommandKind.None);
}

/// <summary>
/// What typed commands mean. Both languages' commands work whatever the reader's language (people
/// mix them), matched on folded text so "Mis Tickets." and "mis tickets" are one command.
/// </summary>
internal static partial class TextCommands
{
    // Few words around a ticket number ("ver INC-42", "status of REQ-000007") still ask for it;
    // a longer text that mentions one is about something else.
    private const int MaxWordsAroundNumber = 4;

    private static readonly Dictionary<string, TextCommand> Exact = Build();

    /// <param name="botName">What people call the bot: "Hola ServiceDesk" is a greeting.</param>
    public static TextCommand Parse(string? text, string? botName = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(CommandKind.Help);
        var words = TextNormalizer.Words(text);
        var phrase = string.Join(' ', words);
        if (Exact.TryGetValue(phrase, out var command)) return command;
        if (botName is not null && TextNormalizer.Words(botName) is { Count: > 0 } name
            && Exact.TryGetValue(string.Join(' ', words.Where(w => !name.Contains(w))), out var addressed))
            return addressed;
        if (TicketNumberPattern().Match(text) is { Success: true } match && words.Count <= MaxWordsAroundNumber
            && TicketNumber.TryParse($"{match.Groups[1].Value}-{match.Groups[2].Value}", out var number))
            return new(CommandKind.ShowTicket, Number: number);
        return TextCommand.Text;
    }

    private static Dictionary<string, TextCommand> Build()
    {
        var commands = new Dictionary<string, TextCommand>(StringComparer.Ordinal);
        void Add(TextCommand command, params string[] phrases)
        {
            foreach (var phrase in phrases) commands[string.Join(' ', TextNormalizer.Words(phrase))] = command;
        }
        foreach (var texts in new[] { Texts.Spanish, Texts.English })
        {
            Add(new(CommandKind.Help), texts["command.help"]);
            Add(new(CommandKind.Cancel), texts["command.cancel"]);
            Add(new(CommandKind.MyTickets), texts["command.myTickets"]);
            Add(new(CommandKind.New), texts["command.new"]);
            Add(new(CommandKind.Start, TicketKind.Incident), texts["command.report"]);
            Add(new(CommandKind.Start, TicketKind.ServiceRequest), texts["command.request"]);
            Add(new(CommandKind.Start, TicketKind.InformationRequest), texts["command.question"]);
        }
        // What people type besides the documented commands.
        Add(new(CommandKind.Help), "?", "menu", "menú", "opciones", "options", "qué puedes hacer", "what can you do");
        Add(new(CommandKind.Cancel), "salir", "dejalo", "déjalo", "olvidalo", "olvídalo", "stop", "exit", "quit", "never mind", "nevermind");
        Add(new(CommandKind.MyTickets), "mis incidencias", "mis solicitudes", "mis peticiones", "tickets", "estado", "my requests", "status");
        Add(new(CommandKind.New), "nueva", "empezar", "otra cosa", "start", "start over");
        Add(new(CommandKind.Greeting), "hola", "buenas", "buenos días", "buenas tardes", "buenas noches", "hola buenos días",
            "hi", "hello", "hey", "good morning", "good afternoon", "hi there");
        Add(new(CommandKind.Thanks), "gracias", "muchas gracias", "mil gracias", "ok gracias", "vale gracias", "perfecto gracias", "genial gracias",
            "thanks", "thank you", "thanks a lot", "thank you very much", "ok thanks", "great thanks", "cheers", "thx", "ty");
        return commands;
    }

    [GeneratedRegex(@"\b(INC|REQ|INF)[-\s]?0*(\d{1,9})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TicketNumberPattern();
}
