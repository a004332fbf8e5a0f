using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Bursts;

/// <summary>The <c>Bursts</c> section: when similar tickets about one service count as a burst worth a coordinator's look.</summary>
public sealed class BurstOptions
{
    public const string Section = "Bursts";

    public bool Enabled { get; set; } = true;

    /// <summary>How many similar open incidents of one service, within <see cref="Window"/>, make a burst.</summary>
    public int Threshold { get; set; } = 5;

    /// <summary>How close together they must arrive.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How alike two tickets' words must be (0–1, see Domain.Bursts.TicketSimilarity).</summary>
    public double Similarity { get; set; } = Domain.Bursts.TicketSimilarity.DefaultThreshold;
}

internal sealed class BurstOptionsValidator : IValidateOptions<BurstOptions>
{
    public ValidateOptionsResult Validate(string? name, BurstOptions options)
    {
        var failures = new List<string>();
        if (options.Threshold is < 2 or > 1000)
            failures.Add($"Bursts:Threshold must be a whole number of tickets from 2 to 1000 (was {options.Threshold}).");
        if (options.Window < TimeSpan.FromMinutes(1) || options.Window > TimeSpan.FromDays(1))
            failures.Add($"Bursts:Window must be a duration between 00:01:00 and 1.00:00:00 (was '{options.Window}').");
        if (double.IsNaN(options.Similarity) || options.Similarity is <= 0 or > 1)
            failures.Add($"Bursts:Similarity must be a number above 0 and at most 1 (was {options.Similarity}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
