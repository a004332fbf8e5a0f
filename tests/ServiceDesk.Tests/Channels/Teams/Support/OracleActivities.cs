namespace ServiceDesk.Tests.Channels.Teams.Support;

/// <summary>The real Teams activities in shared/oracle (beside the repository), used as they are.</summary>
internal static class OracleActivities
{
    public static string Folder { get; } = Find();

    public static IReadOnlyList<string> Names =>
        Directory.GetFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()!;

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name + ".json"));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "oracle", "teams", "activities");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("shared/oracle/teams/activities was not found above " + AppContext.BaseDirectory);
    }
}
