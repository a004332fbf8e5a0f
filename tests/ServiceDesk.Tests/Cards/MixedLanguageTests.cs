using System.Text.RegularExpressions;
using ServiceDesk.Cards.Localization;

namespace ServiceDesk.Tests.Cards;

/// <summary>
/// No card mixes languages. Each catalog template is cut at its placeholders into literal
/// fragments; a fragment is evidence of its language when it has at least three letters and
/// occurs nowhere in the other language's catalog ("SLA", "mar", "P1" are left out). A card
/// rendered in one language must show no evidence of the other and some of its own. The
/// gallery's data (names, codes) is language-neutral, so only catalog text can trip this.
/// </summary>
public partial class MixedLanguageTests
{
    private sealed record Evidence(string Key, string Fragment, Regex Pattern);

    private static readonly Dictionary<Language, Evidence[]> EvidenceOf = Enum.GetValues<Language>()
        .ToDictionary(l => l, l => EvidenceFor(Texts.For(l), Texts.For(l == Language.Spanish ? Language.English : Language.Spanish)));

    private static Evidence[] EvidenceFor(Texts own, Texts other) =>
        own.Entries
            .SelectMany(e => Placeholder().Split(e.Value).Select(f => (e.Key, Fragment: f.Trim(' ', ',', '.', ':', ';', '·', '(', ')', '"', '«', '»', '¿', '?', '¡', '!', '…', '<', '>', '@', '/'))))
            .Where(f => f.Fragment.Count(char.IsLetter) >= 3)
            .Select(f => new Evidence(f.Key, f.Fragment, Whole(f.Fragment)))
            .Where(e => !other.Entries.Values.Any(e.Pattern.IsMatch))
            .ToArray();

    // The fragment as whole words, any case.
    private static Regex Whole(string fragment) =>
        new($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(fragment)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void Each_language_has_plenty_of_evidence()
    {
        Assert.True(EvidenceOf[Language.Spanish].Length > 150, $"{EvidenceOf[Language.Spanish].Length} Spanish fragments");
        Assert.True(EvidenceOf[Language.English].Length > 150, $"{EvidenceOf[Language.English].Length} English fragments");
        // Shared words do not count as evidence either way.
        Assert.DoesNotContain(EvidenceOf[Language.English], e => e.Fragment is "Mar" or "May" or "SLA");
    }

    [Theory]
    [InlineData(Language.Spanish)]
    [InlineData(Language.English)]
    public void No_card_shows_text_of_the_other_language(Language language)
    {
        var other = language == Language.Spanish ? Language.English : Language.Spanish;
        var leaks = (
            from card in CardGallery.In(language)
            from text in CardWalk.VisibleStrings(card.Card)
            from evidence in EvidenceOf[other]
            where evidence.Pattern.IsMatch(text)
            select $"{card}: \"{text}\" contains {other} \"{evidence.Fragment}\" ({evidence.Key})").Distinct().ToArray();
        Assert.True(leaks.Length == 0, string.Join("\n", leaks));
    }

    [Theory]
    [InlineData(Language.Spanish)]
    [InlineData(Language.English)]
    public void Every_card_shows_text_of_its_own_language(Language language)
    {
        Assert.All(CardGallery.In(language), card =>
        {
            var texts = CardWalk.VisibleStrings(card.Card).ToArray();
            Assert.True(texts.Any(t => EvidenceOf[language].Any(e => e.Pattern.IsMatch(t))), $"{card} shows nothing recognisably {language}");
        });
    }

    [Fact]
    public void No_card_shows_a_catalog_key_a_placeholder_or_a_raw_enum_name()
    {
        // Compound member names (InProgress, NotReproducible) would betray a missed localization.
        var rawNames = Texts.LocalizedEnums.Keys.SelectMany(Enum.GetNames)
            .Where(n => n.Count(char.IsUpper) > 1)
            .Select(Whole)
            .ToArray();
        var keyLike = new Regex(@"^[a-z]+(\.[A-Za-z0-9]+)+$");
        Assert.All(CardGallery.All, card =>
        {
            foreach (var text in CardWalk.VisibleStrings(card.Card))
            {
                Assert.False(keyLike.IsMatch(text), $"{card}: shows the key \"{text}\"");
                Assert.False(text.Contains('{') || text.Contains('}'), $"{card}: unfilled placeholder in \"{text}\"");
                Assert.False(rawNames.FirstOrDefault(r => r.IsMatch(text)) is { } raw, $"{card}: raw enum name in \"{text}\"");
            }
        });
    }
}
