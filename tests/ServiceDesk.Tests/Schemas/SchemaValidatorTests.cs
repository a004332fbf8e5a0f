namespace ServiceDesk.Tests.Schemas;

public sealed class SchemaValidatorTests
{
    private static readonly string Samples = Path.Combine(NodeScript.Oracle, "adaptivecards", "samples-1.5");
    private static readonly string KnownGaps = Path.Combine(NodeScript.Oracle, "adaptivecards", "known-schema-gaps-1.5");

    [Fact]
    public void Every_official_1_5_sample_is_a_valid_card()
    {
        var samples = Directory.GetFiles(Samples, "*.json");

        Assert.Equal(10, samples.Length);
        SchemaValidator.AssertValidFiles(SchemaValidator.AdaptiveCard, samples);
    }

    public static TheoryData<string, string, string> BrokenCards => new()
    {
        { "body-not-an-array.json", Card(""" "body": { "type": "TextBlock", "text": "Hola" } """), "/body must be array" },
        { "unknown-element.json", Card(""" "body": [{ "type": "Countdown", "text": "5" }] """), "/body/0/type must be equal to one of the allowed values" },
        { "element-without-type.json", Card(""" "body": [{ "text": "Hola" }] """), "/body/0 must have required property 'type'" },
        { "misspelt-property.json", Card(""" "body": [{ "type": "TextBlock", "text": "Hola", "colour": "good" }] """), "/body/0 must NOT have additional properties (\"colour\")" },
        { "unknown-action-style.json", Card(""" "actions": [{ "type": "Action.Submit", "title": "OK", "style": "primary" }] """), "/actions/0/style must be equal to one of the allowed values" },
        { "card-without-type.json", """{ "version": "1.5", "body": [] }""", "/ must have required property 'type'" },
        { "card-for-1-6.json", """{ "type": "AdaptiveCard", "version": "1.6", "body": [] }""", "/version must be equal to one of the allowed values" },
        { "card-without-version.json", """{ "type": "AdaptiveCard", "body": [] }""", "/ must have required property 'version'" },
        { "not-json.json", """{ "type": "AdaptiveCard", """, "not readable JSON" },
    };

    [Theory]
    [MemberData(nameof(BrokenCards))]
    public void A_broken_card_fails_with_the_reason(string name, string json, string reason)
    {
        var report = SchemaValidator.Validate(SchemaValidator.AdaptiveCard, (name, json));

        Assert.False(report.Passed);
        Assert.Contains(reason, report.Failures[name]);
    }

    [Fact]
    public void A_batch_reports_only_its_failing_documents_and_the_assertion_shows_why()
    {
        var valid = File.ReadAllText(Path.Combine(Samples, "InputForm.json"));
        var broken = Card(""" "body": [{ "type": "TextBlock", "text": "Hola", "wrap": "yes" }] """);

        var report = SchemaValidator.Validate(SchemaValidator.AdaptiveCard, ("valid.json", valid), ("broken.json", broken));
        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
            SchemaValidator.AssertValid(SchemaValidator.AdaptiveCard, ("valid.json", valid), ("broken.json", broken)));

        Assert.Equal(["broken.json"], report.Failures.Keys);
        Assert.Equal("/body/0/wrap must be boolean", report.Failures["broken.json"]);
        Assert.Contains("FAIL broken.json: /body/0/wrap must be boolean", failure.Message);
        Assert.Contains("OK valid.json", failure.Message);
    }

    // Official 1.5 samples that renderers accept but both official schemas reject: cards of this
    // project must not use Table.firstRowAsHeaders or Container.rtl, or their schema test fails.
    [Theory]
    [InlineData("Table.json", "must NOT have additional properties (\"firstRowAsHeaders\")")]
    [InlineData("Container.Rtl.json", "must NOT have additional properties (\"rtl\")")]
    public void Known_schema_gaps_are_rejected(string sample, string reason)
    {
        var path = Path.Combine(KnownGaps, sample);

        var report = SchemaValidator.ValidateFiles(SchemaValidator.AdaptiveCard, path);

        Assert.Contains(reason, report.Failures[path]);
    }

    [Fact]
    public void An_unknown_schema_name_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            SchemaValidator.Validate("adaptive-card-1.6", ("card.json", Card(""" "body": [] """))));

        Assert.Contains(SchemaValidator.AdaptiveCard, error.Message);
    }

    private static string Card(string members) =>
        $$"""{ "type": "AdaptiveCard", "version": "1.5", {{members}} }""";
}
