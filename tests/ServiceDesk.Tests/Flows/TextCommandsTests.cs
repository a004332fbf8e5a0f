using ServiceDesk.Bot.Flows;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Tests.Flows;

public class TextCommandsTests
{
    [Theory]
    [InlineData("ayuda", "Help")]
    [InlineData("Help", "Help")]
    [InlineData("?", "Help")]
    [InlineData("Cancelar.", "Cancel")]
    [InlineData("cancel", "Cancel")]
    [InlineData("Mis tickets", "MyTickets")]
    [InlineData("my tickets", "MyTickets")]
    [InlineData("nuevo", "New")]
    [InlineData("new", "New")]
    [InlineData("¡Hola!", "Greeting")]
    [InlineData("buenos días", "Greeting")]
    [InlineData("muchas gracias", "Thanks")]
    [InlineData("thank you", "Thanks")]
    [InlineData("no puedo cancelar la reunión en Outlook", "None")]
    [InlineData("ayuda con la impresora", "None")]
    // Kinds by name: the command types are the bot's own, not public.
    public void Commands_are_understood_in_both_languages_whatever_the_case_and_punctuation(string text, string expected) =>
        Assert.Equal(expected, TextCommands.Parse(text).Kind.ToString());

    [Theory]
    [InlineData("Hola ServiceDesk", "ServiceDesk", "Greeting")]
    [InlineData("gracias, Mesa de Ayuda", "Mesa de Ayuda", "Thanks")]
    [InlineData("help ServiceDesk", "ServiceDesk", "Help")]
    public void The_bots_name_around_a_command_changes_nothing(string text, string botName, string expected) =>
        Assert.Equal(expected, TextCommands.Parse(text, botName).Kind.ToString());

    [Theory]
    [InlineData("incidencia", TicketKind.Incident)]
    [InlineData("problem", TicketKind.Incident)]
    [InlineData("solicitud", TicketKind.ServiceRequest)]
    [InlineData("request", TicketKind.ServiceRequest)]
    [InlineData("consulta", TicketKind.InformationRequest)]
    [InlineData("question", TicketKind.InformationRequest)]
    public void The_kind_commands_start_that_form(string text, TicketKind kind) =>
        Assert.Equal(new TextCommand(CommandKind.Start, kind), TextCommands.Parse(text));

    [Theory]
    [InlineData("INC-000042", "INC-000042")]
    [InlineData("inc-42", "INC-000042")]
    [InlineData("ver REQ 7", "REQ-000007")]
    [InlineData("¿cómo va INF-000003?", "INF-000003")]
    public void A_ticket_number_with_few_words_around_it_asks_for_that_ticket(string text, string number)
    {
        var command = TextCommands.Parse(text);
        Assert.Equal(CommandKind.ShowTicket, command.Kind);
        Assert.Equal(number, command.Number.ToString());
    }

    [Fact]
    public void A_longer_text_that_mentions_a_ticket_is_not_a_lookup() =>
        Assert.Equal(CommandKind.None, TextCommands.Parse("INC-000042 sigue sin funcionar después de reiniciar el portátil").Kind);
}
