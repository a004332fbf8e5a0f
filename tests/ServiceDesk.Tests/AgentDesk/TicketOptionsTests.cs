using ServiceDesk.Bot.Tickets;

namespace ServiceDesk.Tests.AgentDesk;

public sealed class TicketOptionsTests
{
    [Fact]
    public void The_defaults_are_the_seeded_policy_and_level_1_group() =>
        Assert.True(new TicketOptionsValidator().Validate(null, new TicketOptions()).Succeeded);

    [Fact]
    public void Empty_settings_are_refused_at_start_naming_the_key()
    {
        var result = new TicketOptionsValidator().Validate(null, new TicketOptions { DefaultSlaPolicy = " ", FirstLevelGroup = "" });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("ServiceDesk:DefaultSlaPolicy", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("ServiceDesk:FirstLevelGroup", StringComparison.Ordinal));
    }
}
