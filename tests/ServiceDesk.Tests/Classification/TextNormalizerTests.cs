using ServiceDesk.Domain.Classification;

namespace ServiceDesk.Tests.Classification;

public class TextNormalizerTests
{
    private static IReadOnlyList<string> Stems(string text) => TextNormalizer.Default.Normalize(text).Tokens.Select(t => t.Stem).ToList();

    [Theory]
    [InlineData("Portátil", "portatil")]
    [InlineData("CONTRASEÑA", "contrasena")]
    [InlineData("pingüino", "pinguino")]
    [InlineData("Configuración", "configuracion")]
    [InlineData("can\u2019t", "can't")]
    public void Fold_lowercases_and_drops_accents(string text, string folded) =>
        Assert.Equal(folded, TextNormalizer.Fold(text));

    [Fact]
    public void Punctuation_splits_words_while_apostrophes_and_inner_hyphens_join_them()
    {
        Assert.Equal(["outlook", "teams", "error", "email", "wifi", "cant", "cant"],
            TextNormalizer.Words("Outlook/Teams...ERROR!! e-mail, Wi-Fi: can't, can’t"));
    }

    [Fact]
    public void Stop_words_numbers_and_single_letters_do_not_count()
    {
        var tokens = TextNormalizer.Default.Normalize("Hola, el de la que the of and 2024 x gracias!! impresora").Tokens;
        Assert.Equal(["impresora"], tokens.Select(t => t.Word));
    }

    [Fact]
    public void Kept_words_count_even_when_they_are_stop_words()
    {
        // The catalog names "cómo" and "how" as how-to keywords.
        var normalizer = new TextNormalizer(["cómo", "how"]);
        Assert.Equal(["como", "cambio", "firma"], normalizer.Normalize("¿Cómo cambio la firma?").Tokens.Select(t => t.Word));
        Assert.Equal(["cambio", "firma"], TextNormalizer.Default.Normalize("¿Cómo cambio la firma?").Tokens.Select(t => t.Word));
    }

    [Theory]
    [InlineData("impresoras", "impresora")]
    [InlineData("portátiles", "portátil")]
    [InlineData("printers", "printing")]
    [InlineData("printed", "print")]
    [InlineData("batteries", "battery")]
    [InlineData("configuración", "configurar")]
    [InlineData("configure", "configured")]
    [InlineData("bloqueada", "bloqueado")]
    [InlineData("arrancar", "arranca")]
    [InlineData("cables", "cable")]
    [InlineData("updates", "updating")]
    public void Light_stemming_meets_plurals_and_verb_forms(string one, string other) =>
        Assert.Equal(Stems(one), Stems(other));

    [Theory]
    [InlineData("access")]
    [InlineData("status")]
    [InlineData("speed")]
    [InlineData("vpn")]
    [InlineData("red")]
    public void Light_stemming_leaves_short_words_and_false_plurals_alone(string word) =>
        Assert.Equal(word, LightStemmer.Stem(word));

    [Theory]
    [InlineData("Mi portátil no arranca desde esta mañana y no puedo trabajar", TextLanguage.Spanish)]
    [InlineData("My laptop won't start since this morning and I can't work", TextLanguage.English)]
    [InlineData("VPN KO!!", TextLanguage.Unknown)]
    [InlineData("el outlook no sincroniza, it keeps asking for the password", TextLanguage.English)]
    public void Language_is_guessed_from_stop_words_only_one_language_has(string text, TextLanguage language) =>
        Assert.Equal(language, TextNormalizer.Default.Normalize(text).Language);

    [Fact]
    public void Questions_are_the_sentences_asked_with_question_marks()
    {
        var text = TextNormalizer.Default.Normalize("Hola. ¿Cómo cambio la firma? Gracias. Where is the guide?");
        Assert.Equal([["como", "cambio", "la", "firma"], ["where", "is", "the", "guide"]], text.Questions);
    }

    [Fact]
    public void Phrases_match_whole_words_only()
    {
        var text = TextNormalizer.Default.Normalize("No funciona, ¡error!");
        Assert.True(text.Says("no funciona"));
        Assert.True(text.Says("error"));
        Assert.False(text.Says("funcion"));
    }
}
