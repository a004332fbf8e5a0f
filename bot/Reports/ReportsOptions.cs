using Microsoft.Extensions.Options;
using Quartz;

namespace ServiceDesk.Bot.Reports;

/// <summary>The <c>Reports</c> section: when the KPI reports go to the coordinators' channel.</summary>
public sealed class ReportsOptions
{
    public const string Section = "Reports";

    /// <summary>Off: the jobs still fire (their triggers live in the scheduler's store) but post nothing.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz cron in <c>ServiceDesk:TimeZone</c>; each firing reports the business day before it.</summary>
    public string DailyCron { get; set; } = "0 0 8 ? * MON-FRI";

    /// <summary>Quartz cron in <c>ServiceDesk:TimeZone</c>; each firing reports the Monday–Sunday week before it.</summary>
    public string WeeklyCron { get; set; } = "0 0 8 ? * MON";

    /// <summary>The support group whose channel is the coordinators' channel (registered like any triage channel).</summary>
    public string CoordinatorsGroup { get; set; } = "coordinators";

    internal static bool TryParseCron(string? expression, out CronExpression? cron, out string? reason)
    {
        cron = null;
        reason = null;
        if (string.IsNullOrWhiteSpace(expression))
        {
            reason = "it is empty";
            return false;
        }
        try
        {
            cron = new CronExpression(expression);
            return true;
        }
        catch (FormatException e)
        {
            reason = e.Message;
            return false;
        }
    }
}

internal sealed class ReportsOptionsValidator : IValidateOptions<ReportsOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportsOptions options)
    {
        var failures = new List<string>();
        if (!ReportsOptions.TryParseCron(options.DailyCron, out _, out var daily))
            failures.Add($"Reports:DailyCron must be a Quartz cron expression such as '0 0 8 ? * MON-FRI' (was '{options.DailyCron}': {daily}).");
        if (!ReportsOptions.TryParseCron(options.WeeklyCron, out _, out var weekly))
            failures.Add($"Reports:WeeklyCron must be a Quartz cron expression such as '0 0 8 ? * MON' (was '{options.WeeklyCron}': {weekly}).");
        if (string.IsNullOrWhiteSpace(options.CoordinatorsGroup) || options.CoordinatorsGroup.Length > 100)
            failures.Add($"Reports:CoordinatorsGroup must name a support group, 1 to 100 characters (was '{options.CoordinatorsGroup}').");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
