using System.ComponentModel;
using System.Diagnostics;

namespace ServiceDesk.Tests.Schemas;

/// <summary>
/// Runs the repository's node scripts (tests/schemas, manifest) as a developer would run them,
/// with the packages of tests/package.json.
/// </summary>
internal static class NodeScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The oracle data (real payloads, official schemas): tests/oracle, the repository's copy of ../shared/oracle.</summary>
    public static string Oracle { get; } = Path.Combine(RepoRoot, "tests", "oracle");

    /// <param name="script">Path relative to the repository root.</param>
    /// <param name="environment">Variables to set; a null value removes an inherited one.</param>
    public static NodeResult Run(
        string script,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var nodeModules = Path.Combine(RepoRoot, "tests", "node_modules");
        if (!File.Exists(Path.Combine(nodeModules, "ajv", "package.json")))
            throw new InvalidOperationException(
                $"{nodeModules} is missing or incomplete: run npm ci --prefix tests (in {RepoRoot}).");

        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory ?? RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(RepoRoot, script));
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "node was not found on PATH: install Node.js 20 or later, then run npm ci --prefix tests.", e);
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {Timeout}.");
        }
        return new NodeResult(process.ExitCode, output.GetAwaiter().GetResult() + errors.GetAwaiter().GetResult());
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ServiceDeskBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("ServiceDeskBot.sln not found above the test binaries.");
    }
}

/// <summary>Exit code and everything the script printed (standard output, then standard error).</summary>
internal sealed record NodeResult(int ExitCode, string Output);
