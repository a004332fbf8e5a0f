using System.Reflection;
using System.Xml.Linq;

namespace ServiceDesk.Tests.Architecture;

/// <summary>domain references nothing; storage and cards only domain; bot composes them (design.md §3).</summary>
public class LayeringTests
{
    private static readonly string Root = FindRepoRoot();

    public static TheoryData<string, string[]> AllowedProjectReferences => new()
    {
        { "domain/ServiceDesk.Domain.csproj", [] },
        { "storage/ServiceDesk.Storage.csproj", ["ServiceDesk.Domain"] },
        { "cards/ServiceDesk.Cards.csproj", ["ServiceDesk.Domain"] },
        { "bot/ServiceDesk.Bot.csproj", ["ServiceDesk.Cards", "ServiceDesk.Domain", "ServiceDesk.Storage"] },
    };

    [Theory]
    [MemberData(nameof(AllowedProjectReferences))]
    public void Project_references_follow_the_layering(string project, string[] allowed)
    {
        var references = XDocument.Load(Path.Combine(Root, project))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .Order()
            .ToArray();
        Assert.Equal(allowed, references);
    }

    [Theory]
    [InlineData("ServiceDesk.Domain", new string[0])]
    [InlineData("ServiceDesk.Storage", new[] { "ServiceDesk.Domain" })]
    [InlineData("ServiceDesk.Cards", new[] { "ServiceDesk.Domain" })]
    public void Compiled_assemblies_reference_only_what_the_layering_allows(string assembly, string[] allowed)
    {
        var ours = Assembly.Load(assembly).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("ServiceDesk.", StringComparison.Ordinal))
            .ToHashSet();
        // A subset: the compiler drops a reference nothing uses yet.
        Assert.Subset(allowed.ToHashSet(), ours);
    }

    [Fact]
    public void Domain_knows_nothing_of_json_http_ef_or_quartz()
    {
        var forbidden = new[] { "System.Text.Json", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Quartz", "System.Net.Http" };
        var referenced = Assembly.Load("ServiceDesk.Domain").GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain(referenced, r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void Projects_fold_by_feature_not_by_kind()
    {
        string[] byKind = ["Helpers", "Helper", "Managers", "Utils", "Utilities", "Components", "Services", "Models"];
        var offenders = new[] { "domain", "storage", "cards", "bot" }
            .SelectMany(p => Directory.EnumerateDirectories(Path.Combine(Root, p), "*", SearchOption.AllDirectories))
            .Where(d => !d.Contains($"{Path.DirectorySeparatorChar}bin") && !d.Contains($"{Path.DirectorySeparatorChar}obj")
                && !d.Contains("node_modules") && !d.Contains("wwwroot"))
            .Where(d => byKind.Contains(Path.GetFileName(d)))
            .ToList();
        Assert.Empty(offenders);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ServiceDeskBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("ServiceDeskBot.sln not found above the test binaries.");
    }
}
