using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Startup;

public static class StartupFailure
{
    /// <summary>
    /// Validates every bound option, then runs the host. A bad setting ends the start with one
    /// readable line per failure naming the configuration key, instead of a stack trace an
    /// operator must decode.
    /// </summary>
    public static async Task<int> RunOrExplainAsync(this WebApplication app)
    {
        var failures = new List<string>();
        try
        {
            // The host would run the same validation on start, but log it as a crash first.
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException e)
        {
            failures.AddRange(e.Failures);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            failures.AddRange(e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures));
        }
        if (failures.Count > 0)
        {
            Console.Error.WriteLine("ServiceDeskBot cannot start: the configuration is not valid.");
            foreach (var failure in failures) Console.Error.WriteLine($"  - {failure}");
            return 2;
        }
        await app.RunAsync();
        return 0;
    }
}
