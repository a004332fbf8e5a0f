using System.Text.Json.Nodes;

namespace ServiceDesk.Tests.Flows;

/// <summary>"Help" and "cancel" work at every step, and nothing typed goes unanswered.</summary>
public sealed class CommandTests : FlowTest
{
    [Fact]
    public async Task Help_mid_form_keeps_the_step_and_cancel_ends_it()
    {
        var bot = StartBot();
        Assert.Single(await SayAsync(bot, "La impresora de la segunda planta no imprime", "es-ES"));

        var help = Assert.Single(await SayAsync(bot, "ayuda", "es-ES"));
        Assert.Contains("Cómo puedo ayudarte", Text(help));
        Assert.Equal(1, await DeflectionTests.FlowCountAsync(bot));

        var cancelled = Assert.Single(await SayAsync(bot, "cancelar", "es-ES"));
        Assert.Contains("Lo dejamos aquí", Text(cancelled));
        Assert.Equal(0, await DeflectionTests.FlowCountAsync(bot));

        // What comes next starts afresh: the printer is forgotten.
        var form = Assert.Single(await SayAsync(bot, "Necesito acceso a la carpeta compartida de finanzas", "es-ES"));
        Assert.DoesNotContain("impresora", InputValue(form, "submitIntake.title") + InputValue(form, "submitIntake.description"));
        Assert.Equal("ServiceRequest", InputValue(form, "submitIntake.kind"));
        Assert.Empty(await MeganTicketsAsync(bot));
        AssertAllCardsValid();
    }

    [Theory]
    [InlineData("es-ES", "asdf qwerty", "No te he entendido")]
    [InlineData("en-US", "asdf qwerty", "I didn't get that")]
    [InlineData("es-ES", "hola", "¡Hola!")]
    [InlineData("en-US", "Hello Teams TestBot", "Hi! Tell me")]
    [InlineData("en-US", "thanks!", "You're welcome!")]
    [InlineData("en-US", "cancel", "We weren't in the middle of anything")]
    [InlineData("es-ES", "INC-000999", "No encuentro INC-000999")]
    [InlineData("en-US", "my tickets", "You have no tickets yet")]
    public async Task Every_message_gets_a_helpful_answer(string locale, string text, string expected)
    {
        var bot = StartBot();

        var answer = Assert.Single(await SayAsync(bot, text, locale));

        Assert.Equal(locale[..2], (string?)answer["lang"]);
        Assert.Contains(expected, Text(answer));
        Assert.Equal(0, await DeflectionTests.FlowCountAsync(bot));
        AssertAllCardsValid();
    }

    [Fact]
    public async Task The_start_buttons_turn_the_card_into_the_form_and_text_typed_next_fills_it()
    {
        var bot = StartBot();
        var start = Assert.Single(await SayAsync(bot, "new", "en-US"));

        var form = await ClickAsync(bot, start, "startIntake", "en-US", which: data => (string?)data["kind"] == "ServiceRequest");
        Assert.Contains("Request something", Text(form));
        var filled = Assert.Single(await SayAsync(bot, "I need a Visio licence installed", "en-US"));

        Assert.Equal("ServiceRequest", InputValue(filled, "submitIntake.kind"));
        Assert.Equal("software", InputValue(filled, "submitIntake.category"));
        AssertAllCardsValid();
    }

    private static string? InputValue(JsonObject card, string id) =>
        (string?)ServiceDesk.Tests.Cards.CardWalk.Objects(card).SingleOrDefault(o => (string?)o["id"] == id)?["value"];
}
