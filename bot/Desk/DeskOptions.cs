using Microsoft.Extensions.Options;
using NodaTime;

namespace ServiceDesk.Bot.Desk;

/// <summary>The <c>ServiceDesk</c> section: the desk's language and zone when a person gives none.</summary>
public sealed class DeskOptions
{
    public const string Section = "ServiceDesk";
    public static readonly string[] SupportedLanguages = ["es", "en"];

    public string DefaultLocale { get; set; } = "es-ES";
    public string TimeZone { get; set; } = "Europe/Madrid";

    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[TimeZone];
}

internal sealed class DeskOptionsValidator : IValidateOptions<DeskOptions>
{
    public ValidateOptionsResult Validate(string? name, DeskOptions options)
    {
        var failures = new List<string>();
        var language = options.DefaultLocale?.Split('-')[0].ToLowerInvariant();
        if (language is null || !DeskOptions.SupportedLanguages.Contains(language))
            failures.Add($"ServiceDesk:DefaultLocale must be a Spanish or English locale such as 'es-ES' or 'en-US' (was '{options.DefaultLocale}').");
        if (string.IsNullOrWhiteSpace(options.TimeZone) || DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone) is null)
            failures.Add($"ServiceDesk:TimeZone must be an IANA time zone such as 'Europe/Madrid' (was '{options.TimeZone}').");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

public sealed class SurveyOptions
{
    public const string Section = "Surveys";

    public TimeSpan Delay { get; set; } = TimeSpan.FromHours(1);
}

internal sealed class SurveyOptionsValidator : IValidateOptions<SurveyOptions>
{
    public ValidateOptionsResult Validate(string? name, SurveyOptions options) =>
        options.Delay < TimeSpan.Zero || options.Delay > TimeSpan.FromDays(30)
            ? ValidateOptionsResult.Fail($"Surveys:Delay must be a duration between 00:00:00 and 30.00:00:00 (was '{options.Delay}').")
            : ValidateOptionsResult.Success;
}

public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Empty keeps the admin API closed.</summary>
    public string ApiKey { get; set; } = "";
}

internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options) =>
        options.ApiKey.Length is > 0 and < 16
            ? ValidateOptionsResult.Fail("Admin:ApiKey must be empty (admin API closed) or at least 16 characters long.")
            : ValidateOptionsResult.Success;
}

public static class DeskSetup
{
    public static IServiceCollection AddDeskOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeskOptions>().Bind(configuration.GetSection(DeskOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeskOptions>, DeskOptionsValidator>();
        services.AddOptions<SurveyOptions>().Bind(configuration.GetSection(SurveyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SurveyOptions>, SurveyOptionsValidator>();
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
