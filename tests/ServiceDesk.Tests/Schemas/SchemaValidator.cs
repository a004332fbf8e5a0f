using System.Text.RegularExpressions;

namespace ServiceDesk.Tests.Schemas;

/// <summary>
/// Validates JSON against the official schemas in shared/oracle with tests/schemas/validate.mjs
/// (ajv), the validator every card and manifest test uses: the .NET packages that could do it are
/// not available here. One node process per call, so pass a whole batch at once.
/// </summary>
/// <example><code>
/// SchemaValidator.AssertValid(SchemaValidator.AdaptiveCard, ("ticket-card", json));
/// </code></example>
internal static partial class SchemaValidator
{
    /// <summary>Adaptive Cards 1.5 (what Teams renders), for a top-level card.</summary>
    public const string AdaptiveCard = "adaptive-card-1.5";
    /// <summary>Teams app manifest v1.29.</summary>
    public const string TeamsManifest = "teams-manifest";
    /// <summary>Teams manifest localization (strings) file v1.29.</summary>
    public const string TeamsLocalization = "teams-localization";

    private const string Script = "tests/schemas/validate.mjs";
    private static readonly string[] Schemas = [AdaptiveCard, TeamsManifest, TeamsLocalization];

    /// <summary>Fails the test with the validator's report unless every document is valid.</summary>
    /// <param name="documents">Name (a file name, shown in the report) and JSON text of each document.</param>
    public static void AssertValid(string schema, params (string Name, string Json)[] documents) =>
        Validate(schema, documents).AssertPassed();

    /// <summary>Fails the test with the validator's report unless every file is valid.</summary>
    public static void AssertValidFiles(string schema, params string[] paths) =>
        ValidateFiles(schema, paths).AssertPassed();

    public static SchemaReport Validate(string schema, params (string Name, string Json)[] documents)
    {
        ArgumentOutOfRangeException.ThrowIfZero(documents.Length);
        var names = documents.Select(d => d.Name).ToList();
        foreach (var name in names.Where(n => !SimpleFileName().IsMatch(n)))
            throw new ArgumentException($"Document name \"{name}\" must be a plain file name (letters, digits, . _ -).", nameof(documents));
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
            throw new ArgumentException("Document names must be unique within a batch.", nameof(documents));

        var folder = Directory.CreateTempSubdirectory("sdbot-schema-");
        try
        {
            foreach (var (name, json) in documents)
                File.WriteAllText(Path.Combine(folder.FullName, name), json);
            // Run inside the folder so the report shows the names the caller chose.
            return Run(schema, names.Select(n => (n, n)).ToList(), folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static SchemaReport ValidateFiles(string schema, params string[] paths)
    {
        ArgumentOutOfRangeException.ThrowIfZero(paths.Length);
        return Run(schema, paths.Select(p => (p, Path.GetFullPath(p))).ToList(), NodeScript.RepoRoot);
    }

    /// <param name="files">Each file as the report names it, and as node is given it.</param>
    private static SchemaReport Run(string schema, IReadOnlyList<(string Key, string Argument)> files, string workingDirectory)
    {
        if (!Schemas.Contains(schema))
            throw new ArgumentException($"Unknown schema \"{schema}\"; known: {string.Join(", ", Schemas)}.", nameof(schema));

        var result = NodeScript.Run(Script, [schema, .. files.Select(f => f.Argument)], workingDirectory);
        var lines = result.Output.Split('\n', StringSplitOptions.TrimEntries);
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, file) in files)
        {
            var failure = lines.FirstOrDefault(l => l.StartsWith($"FAIL {file}: ", StringComparison.Ordinal));
            if (failure is not null)
                failures[key] = failure[$"FAIL {file}: ".Length..];
            else if (!lines.Contains($"OK {file}"))
                throw ValidatorBroke(result);
        }
        // Exit 1 means "some document failed"; anything else that is not 0 is the tool itself.
        if (result.ExitCode != (failures.Count == 0 ? 0 : 1))
            throw ValidatorBroke(result);
        return new SchemaReport(schema, failures, result.Output);
    }

    private static InvalidOperationException ValidatorBroke(NodeResult result) =>
        new($"{Script} failed (exit code {result.ExitCode}) without a verdict for every document:\n{result.Output}");

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SimpleFileName();
}

/// <summary>The validator's verdict on a batch.</summary>
/// <param name="Failures">Document name (or path as given) → the schema errors, "instancePath message; ...".</param>
internal sealed record SchemaReport(string Schema, IReadOnlyDictionary<string, string> Failures, string Output)
{
    public bool Passed => Failures.Count == 0;

    public void AssertPassed()
    {
        if (!Passed)
            Assert.Fail($"{Failures.Count} document(s) do not validate against {Schema}:\n{Output}");
    }
}
