using System.IO.Compression;
using System.Text.Json.Nodes;

namespace ServiceDesk.Tests.Schemas;

/// <summary>manifest/package.mjs, the command that builds the zip an admin uploads to Teams.</summary>
public sealed class TeamsPackageTests : IDisposable
{
    private const string Script = "manifest/package.mjs";
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("sdbot-package-");

    private string Zip => Path.Combine(_output.FullName, "servicedeskbot-teams.zip");

    public void Dispose() => _output.Delete(recursive: true);

    [Fact]
    public void Packages_the_filled_manifest_with_its_strings_and_icons_at_the_zip_root()
    {
        var result = Package(TeamsManifestTests.SampleAppId, TeamsManifestTests.SampleDomain);

        Assert.True(result.ExitCode == 0, result.Output);
        using var zip = ZipFile.OpenRead(Zip);
        Assert.Equal(["color.png", "es-es.json", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        var manifestJson = Read(zip, "manifest.json");
        var manifest = JsonNode.Parse(manifestJson)!;
        Assert.Equal(TeamsManifestTests.SampleAppId, (string?)manifest["id"]);
        Assert.Equal(TeamsManifestTests.SampleAppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal([TeamsManifestTests.SampleDomain], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.DoesNotContain("{{", manifestJson);
        SchemaValidator.AssertValid(SchemaValidator.TeamsManifest, ("manifest.json", manifestJson));
        SchemaValidator.AssertValid(SchemaValidator.TeamsLocalization, ("es-es.json", Read(zip, "es-es.json")));
        foreach (var icon in new[] { "color.png", "outline.png" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(NodeScript.RepoRoot, "manifest", "teams", icon)), ReadBytes(zip, icon));
    }

    [Fact]
    public void Arguments_win_over_the_environment()
    {
        const string argumentId = "0f8fad5b-d9cb-469f-a165-70867728950e";

        var result = Package(TeamsManifestTests.SampleAppId, "ignored.example.com", "--app-id", argumentId, "--domain", "bot.contoso.com");

        Assert.True(result.ExitCode == 0, result.Output);
        using var zip = ZipFile.OpenRead(Zip);
        var manifest = JsonNode.Parse(Read(zip, "manifest.json"))!;
        Assert.Equal(argumentId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(["bot.contoso.com"], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
    }

    [Theory]
    [InlineData(null, "app id is missing: set BotFramework__AppId")]
    [InlineData("", "app id is missing: set BotFramework__AppId")]
    [InlineData("servicedeskbot", "is not a GUID")]
    [InlineData("8a0c3e52-1b7d-4f7e-9c65-2d1e0f4b9a3", "is not a GUID")]
    [InlineData("{8a0c3e52-1b7d-4f7e-9c65-2d1e0f4b9a31}", "is not a GUID")]
    public void Refuses_a_missing_or_malformed_app_id(string? appId, string message)
    {
        var result = Package(appId, TeamsManifestTests.SampleDomain);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Output);
        Assert.False(File.Exists(Zip));
    }

    [Theory]
    [InlineData(null, "public domain is missing: set BOT_DOMAIN")]
    [InlineData("https://desk.example.com", "is not a host name")]
    [InlineData("desk.example.com/api/messages", "is not a host name")]
    public void Refuses_a_missing_domain_or_a_url_in_its_place(string? domain, string message)
    {
        var result = Package(TeamsManifestTests.SampleAppId, domain);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Output);
        Assert.False(File.Exists(Zip));
    }

    private NodeResult Package(string? appId, string? domain, params string[] arguments) =>
        NodeScript.Run(Script, ["--out", Zip, .. arguments], environment: new Dictionary<string, string?>
        {
            ["BotFramework__AppId"] = appId,
            ["BOT_DOMAIN"] = domain,
        });

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static byte[] ReadBytes(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
