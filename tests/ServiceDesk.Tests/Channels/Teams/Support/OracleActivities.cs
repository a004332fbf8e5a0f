namespace ServiceDesk.Tests.Channels.Teams.Support;

/// <summary>The real Teams activities of the oracle (tests/oracle, a copy of ../shared/oracle), used as they are.</summary>
internal static class OracleActivities
{
    public static string Folder { get; } = Path.Combine(ServiceDesk.Tests.Schemas.NodeScript.Oracle, "teams", "activities");

    public static IReadOnlyList<string> Names =>
        Directory.GetFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()!;

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name + ".json"));
}
