using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Tickets;

/// <summary>The ticket routing settings of the <c>ServiceDesk</c> section.</summary>
public sealed class TicketOptions
{
    public const string Section = "ServiceDesk";

    /// <summary><c>ServiceDesk:DefaultSlaPolicy</c>: the base policy every ticket gets, before its service's overrides.</summary>
    public string DefaultSlaPolicy { get; set; } = "standard";

    /// <summary><c>ServiceDesk:FirstLevelGroup</c>: where tickets without a category (or whose group is unknown) go, and whose channel takes the cards of groups without one.</summary>
    public string FirstLevelGroup { get; set; } = "service-desk";
}

internal sealed class TicketOptionsValidator : IValidateOptions<TicketOptions>
{
    public ValidateOptionsResult Validate(string? name, TicketOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DefaultSlaPolicy))
            failures.Add("ServiceDesk:DefaultSlaPolicy must name an SLA policy such as 'standard' (it was empty).");
        if (string.IsNullOrWhiteSpace(options.FirstLevelGroup))
            failures.Add("ServiceDesk:FirstLevelGroup must name the level-1 support group such as 'service-desk' (it was empty).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
