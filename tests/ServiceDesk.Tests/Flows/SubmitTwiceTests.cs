namespace ServiceDesk.Tests.Flows;

public sealed class SubmitTwiceTests : FlowTest
{
    [Fact]
    public async Task Sending_the_same_form_twice_registers_one_ticket()
    {
        var bot = StartBot();
        var form = Assert.Single(await SayAsync(bot, "Mi portátil no arranca desde esta mañana", "es-ES"));

        var first = await ClickAsync(bot, form, "submitIntake", "es-ES");
        var second = await ClickAsync(bot, form, "submitIntake", "es-ES");

        Assert.Contains("INC-000001", Text(first));
        Assert.Contains("INC-000001", Text(second));
        Assert.Single(await MeganTicketsAsync(bot));
        Assert.Single(await NextCardsAsync(1)); // one ticket card
        await AssertNothingMoreAsync();
    }
}
