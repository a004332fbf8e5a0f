namespace ServiceDesk.Bot.Startup;

public static class HostDefaults
{
    public const string DefaultUrls = "http://localhost:3978";

    /// <summary>The Bot Framework convention's port when nothing else is configured, however the bot is started.</summary>
    public static WebApplicationBuilder UseDeskDefaults(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls(DefaultUrls);
        // Every SQL statement at Information drowns what an operator needs to read.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        return builder;
    }
}
