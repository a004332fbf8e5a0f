using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Jobs;

/// <summary>The <c>Scheduler</c> section: how the Quartz scheduler runs.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>How often every open ticket's SLA is re-checked, as a safety net under the per-ticket triggers.</summary>
    public TimeSpan SlaSweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How late a trigger may fire before it counts as misfired (it then fires at once: nothing is skipped).</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);
}

internal sealed class SchedulerOptionsValidator : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        var failures = new List<string>();
        if (options.SlaSweepInterval < TimeSpan.FromSeconds(1) || options.SlaSweepInterval > TimeSpan.FromHours(1))
            failures.Add($"Scheduler:SlaSweepInterval must be between 00:00:01 and 01:00:00 (was '{options.SlaSweepInterval}').");
        if (options.MisfireThreshold < TimeSpan.FromSeconds(1) || options.MisfireThreshold > TimeSpan.FromHours(1)
            || options.MisfireThreshold.Ticks % TimeSpan.TicksPerMillisecond != 0)
            failures.Add($"Scheduler:MisfireThreshold must be whole milliseconds between 00:00:01 and 01:00:00 (was '{options.MisfireThreshold}').");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// What the survey jobs read from the <c>Surveys</c> section besides <c>Surveys:Delay</c>
/// (<see cref="Desk.SurveyOptions"/>).
/// </summary>
public sealed class SurveyClosingOptions
{
    public const string Section = "Surveys";

    /// <summary>Working days (the ticket's calendar) a resolved ticket waits for the requester before it closes by itself.</summary>
    public int AutoCloseAfterBusinessDays { get; set; } = 3;
}

internal sealed class SurveyClosingOptionsValidator : IValidateOptions<SurveyClosingOptions>
{
    public ValidateOptionsResult Validate(string? name, SurveyClosingOptions options) =>
        options.AutoCloseAfterBusinessDays is < 1 or > 60
            ? ValidateOptionsResult.Fail($"Surveys:AutoCloseAfterBusinessDays must be a whole number of working days from 1 to 60 (was {options.AutoCloseAfterBusinessDays}).")
            : ValidateOptionsResult.Success;
}

/// <summary>The <c>Sla</c> section: where a breached ticket goes when the catalog does not say.</summary>
public sealed class SlaEscalationOptions
{
    public const string Section = "Sla";

    /// <summary>
    /// The group a breached ticket of a group is escalated to (<c>Sla:EscalateTo:network-l2 = infrastructure-l3</c>),
    /// before the service's owner group and the only group of the next level are considered.
    /// </summary>
    public Dictionary<string, string> EscalateTo { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

internal sealed class SlaEscalationOptionsValidator : IValidateOptions<SlaEscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, SlaEscalationOptions options)
    {
        var failures = options.EscalateTo
            .Where(e => string.IsNullOrWhiteSpace(e.Value) || e.Value.Equals(e.Key, StringComparison.OrdinalIgnoreCase))
            .Select(e => $"Sla:EscalateTo:{e.Key} must name another support group (was '{e.Value}').")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
