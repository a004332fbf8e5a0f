using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ServiceDesk.Tests.Schemas;

/// <summary>manifest/teams: the Teams app manifest template, its Spanish strings and its icons.</summary>
public sealed partial class TeamsManifestTests
{
    internal const string SampleAppId = "8a0c3e52-1b7d-4f7e-9c65-2d1e0f4b9a31";
    internal const string SampleDomain = "desk.example.com";

    private static readonly string Folder = Path.Combine(NodeScript.RepoRoot, "manifest", "teams");
    private static readonly string Template = File.ReadAllText(Path.Combine(Folder, "manifest.json"));

    /// <summary>The template as manifest/package.mjs fills it.</summary>
    private static string Filled => Template.Replace("{{BOT_APP_ID}}", SampleAppId).Replace("{{BOT_DOMAIN}}", SampleDomain);

    [Fact]
    public void The_filled_manifest_and_its_spanish_strings_are_valid()
    {
        SchemaValidator.AssertValid(SchemaValidator.TeamsManifest, ("manifest.json", Filled));
        SchemaValidator.AssertValidFiles(SchemaValidator.TeamsLocalization, Path.Combine(Folder, "es-es.json"));
    }

    [Fact]
    public void The_manifest_targets_the_newest_schema_in_the_oracle()
    {
        var newest = Directory.GetFiles(Path.Combine(NodeScript.Oracle, "teams-manifest"), "MicrosoftTeams.schema.v*.json")
            .Select(f => Version.Parse(SchemaFileVersion().Match(Path.GetFileName(f)).Groups[1].Value))
            .Max()!;
        var manifest = JsonNode.Parse(Template)!;

        Assert.Equal(newest.ToString(), (string?)manifest["manifestVersion"]);
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{newest}/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
    }

    [Fact]
    public void Only_the_app_id_and_the_domain_are_left_to_the_packager()
    {
        var manifest = JsonNode.Parse(Template)!;

        Assert.Equal(["{{BOT_APP_ID}}", "{{BOT_DOMAIN}}"], Placeholder().Matches(Template).Select(m => m.Value).Distinct().Order());
        Assert.Equal("{{BOT_APP_ID}}", (string?)manifest["id"]);
        Assert.Equal("{{BOT_APP_ID}}", (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(["{{BOT_DOMAIN}}"], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void The_bot_offers_commands_in_personal_chats_and_in_team_channels()
    {
        var bot = JsonNode.Parse(Template)!["bots"]![0]!;
        var scopes = bot["scopes"]!.AsArray().Select(s => (string)s!).ToList();
        var commandScopes = bot["commandLists"]!.AsArray()
            .Where(list => list!["commands"]!.AsArray().Count > 0)
            .SelectMany(list => list!["scopes"]!.AsArray().Select(s => (string)s!));

        Assert.Contains("personal", scopes);
        Assert.Contains("team", scopes);
        Assert.Equal(scopes.Order(), commandScopes.Order());
    }

    [Fact]
    public void The_spanish_file_translates_every_string_of_the_manifest()
    {
        var manifest = JsonNode.Parse(Template)!;
        var spanish = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "es-es.json")))!.AsObject();
        var localizable = new Dictionary<string, string?>
        {
            ["name.short"] = (string?)manifest["name"]!["short"],
            ["name.full"] = (string?)manifest["name"]!["full"],
            ["description.short"] = (string?)manifest["description"]!["short"],
            ["description.full"] = (string?)manifest["description"]!["full"],
        };
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var l = 0; l < lists.Count; l++)
        {
            var commands = lists[l]!["commands"]!.AsArray();
            for (var c = 0; c < commands.Count; c++)
                foreach (var field in new[] { "title", "description" })
                    localizable[$"bots[0].commandLists[{l}].commands[{c}].{field}"] = (string?)commands[c]![field];
        }
        var translated = spanish.Where(p => p.Key != "$schema").ToDictionary(p => p.Key, p => (string?)p.Value);

        Assert.Equal(localizable.Keys.Order(), translated.Keys.Order());
        Assert.All(localizable, p => Assert.NotEqual(p.Value, translated[p.Key]));
        Assert.Contains(manifest["localizationInfo"]!["additionalLanguages"]!.AsArray(),
            language => (string?)language!["languageTag"] == "es-es" && (string?)language["file"] == "es-es.json");
    }

    [Fact]
    public void A_broken_manifest_fails_with_the_reasons()
    {
        var broken = new (string Name, Action<JsonNode> Break, string Reason)[]
        {
            ("old-manifest-version.json", m => m["manifestVersion"] = "1.28", "/manifestVersion must be equal to constant (\"1.29\")"),
            ("app-id-not-a-guid.json", m => m["bots"]![0]!["botId"] = "servicedeskbot", "/bots/0/botId must match pattern"),
            ("name-too-long.json", m => m["name"]!["short"] = "Service Desk of the IT department", "/name/short must NOT have more than 30 characters"),
            ("unknown-scope.json", m => m["bots"]![0]!["scopes"]!.AsArray().Add("channel"), "/bots/0/scopes/2 must be equal to one of the allowed values"),
            ("no-privacy-url.json", m => m["developer"]!.AsObject().Remove("privacyUrl"), "/developer must have required property 'privacyUrl'"),
            ("accent-not-hex.json", m => m["accentColor"] = "teal", "/accentColor must match pattern"),
        };

        var report = SchemaValidator.Validate(SchemaValidator.TeamsManifest, broken.Select(b =>
        {
            var manifest = JsonNode.Parse(Filled)!;
            b.Break(manifest);
            return (b.Name, manifest.ToJsonString());
        }).ToArray());

        Assert.All(broken, b => Assert.Contains(b.Reason, report.Failures[b.Name]));
    }

    [Fact]
    public void A_localization_file_with_an_unknown_key_fails()
    {
        var spanish = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "es-es.json")))!;
        spanish["bots[0].commandLists[0].commands[12].title"] = "demasiados";

        var report = SchemaValidator.Validate(SchemaValidator.TeamsLocalization, ("es-es.json", spanish.ToJsonString()));

        Assert.Contains("must NOT have additional properties (\"bots[0].commandLists[0].commands[12].title\")", report.Failures["es-es.json"]);
    }

    [Fact]
    public void The_colour_icon_is_192_pixels_square_on_the_accent_colour()
    {
        var icon = PngImage.Read(File.ReadAllBytes(Path.Combine(Folder, "color.png")));
        var accent = Convert.FromHexString(((string)JsonNode.Parse(Template)!["accentColor"]!)[1..]);

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.Equal((accent[0], accent[1], accent[2], (byte)255), icon[0, 0]);
        Assert.All(icon.Pixels(), p => Assert.Equal(255, p.A));
    }

    [Fact]
    public void The_outline_icon_is_32_pixels_square_white_on_transparent()
    {
        var icon = PngImage.Read(File.ReadAllBytes(Path.Combine(Folder, "outline.png")));
        var pixels = icon.Pixels().ToList();

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.True(icon.HasAlphaChannel);
        Assert.Equal(0, icon[0, 0].A);
        Assert.Contains(pixels, p => p.A == 255);
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
    }

    [GeneratedRegex(@"^MicrosoftTeams\.schema\.v(\d+\.\d+)\.json$")]
    private static partial Regex SchemaFileVersion();

    [GeneratedRegex(@"\{\{[^}]*\}\}")]
    private static partial Regex Placeholder();
}
