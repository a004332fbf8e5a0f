using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Tests.Classification;

/// <summary>A hand-written ticket of tests/data/classification/tickets.tsv with the labels an agent gave it.</summary>
public sealed record LabelledTicket(string Text, string Language, string Category, TicketKind Kind, bool IsTest);

public static class LabelledTickets
{
    public static IReadOnlyList<LabelledTicket> All { get; } = Load();

    public static IEnumerable<LabelledTicket> Train => All.Where(t => !t.IsTest);
    public static IEnumerable<LabelledTicket> Test => All.Where(t => t.IsTest);

    private static List<LabelledTicket> Load()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoRoot(), "tests", "data", "classification", "tickets.tsv"));
        Assert.Equal("text\tlanguage\tcategory\tkind\tsplit", lines[0]);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var c = l.Split('\t');
            return new LabelledTicket(c[0], c[1], c[2], Enum.Parse<TicketKind>(c[3]), c[4] switch
            {
                "test" => true,
                "train" => false,
                _ => throw new FormatException($"Split must be train or test: {l}"),
            });
        }).ToList();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ServiceDeskBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("ServiceDeskBot.sln not found above the test binaries.");
    }
}
