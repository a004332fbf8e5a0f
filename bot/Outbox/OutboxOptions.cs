using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Outbox;

/// <summary>The <c>Outbox</c> section: how the dispatcher sends what the bot says.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>False keeps this instance from sending (another instance sends what it enqueues).</summary>
    public bool DispatcherEnabled { get; set; } = true;
    /// <summary>How often the dispatcher looks for due messages when nothing woke it (other instances' messages, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Messages in flight at once, each to a different conversation.</summary>
    public int MaxConcurrentSends { get; set; } = 64;
    /// <summary>
    /// Replies this instance committed and has not sent yet beyond which a new turn first waits (up to
    /// <see cref="BacklogWait"/>) for the dispatcher: the bot does not take messages in faster than it answers.
    /// </summary>
    public int BacklogLimit { get; set; } = 256;
    /// <summary>The longest a turn waits for the backlog to shrink (it cannot while a channel is down); zero: never waits.</summary>
    public TimeSpan BacklogWait { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>How long a claimed message is this instance's; longer than any send with its retries takes.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Attempts before a message that keeps failing is given up (dead letter).</summary>
    public int MaxAttempts { get; set; } = 12;
    /// <summary>Wait before the second attempt when the channel names none; doubled per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(15);
}

internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    private const string Prefix = OutboxOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.PollInterval > TimeSpan.FromMinutes(10))
            failures.Add($"{Prefix}PollInterval must be between 00:00:00.010 and 00:10:00 (was '{options.PollInterval}').");
        if (options.MaxConcurrentSends is < 1 or > 256)
            failures.Add($"{Prefix}MaxConcurrentSends must be between 1 and 256 (was {options.MaxConcurrentSends}).");
        if (options.BacklogLimit < 1)
            failures.Add($"{Prefix}BacklogLimit must be at least 1 (was {options.BacklogLimit}).");
        if (options.BacklogWait < TimeSpan.Zero || options.BacklogWait > TimeSpan.FromSeconds(10))
            failures.Add($"{Prefix}BacklogWait must be between 00:00:00 and 00:00:10 (was '{options.BacklogWait}').");
        if (options.LeaseDuration < TimeSpan.FromSeconds(1))
            failures.Add($"{Prefix}LeaseDuration must be at least 00:00:01 (was '{options.LeaseDuration}').");
        if (options.MaxAttempts is < 1 or > 100)
            failures.Add($"{Prefix}MaxAttempts must be between 1 and 100 (was {options.MaxAttempts}).");
        if (options.RetryBaseDelay < TimeSpan.Zero)
            failures.Add($"{Prefix}RetryBaseDelay must not be negative (was '{options.RetryBaseDelay}').");
        if (options.RetryMaxDelay < options.RetryBaseDelay)
            failures.Add($"{Prefix}RetryMaxDelay must not be shorter than {Prefix}RetryBaseDelay (was '{options.RetryMaxDelay}').");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
