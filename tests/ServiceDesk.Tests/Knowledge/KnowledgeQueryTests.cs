using ServiceDesk.Bot.Catalog;
using ServiceDesk.Domain.Knowledge;

namespace ServiceDesk.Tests.Knowledge;

public class KnowledgeQueryTests
{
    private static string Render(string text) =>
        string.Join(" ", KnowledgeQuery.Parse(text).Terms.Select(t => t.IsPrefix ? t.Text + "*" : t.Text));

    [Theory]
    [InlineData("El PORTÁTIL va lento", "portatil* lento*")]
    [InlineData("portatil", "portatil*")]
    [InlineData("contraseña caducada", "contrasen* caduc*")]
    [InlineData("no me conecta la VPN", "conect* vpn")]
    [InlineData("no consigo conectarme a la vpn", "consig* conect* vpn")]
    [InlineData("¿Cómo configuro el Wi-Fi de invitados?", "configur* wifi* invit*")]
    [InlineData("the printers keep printing blank pages", "print* keep* blank* page*")]
    [InlineData("I can't access the shared folder", "access* shar* fold*")]
    [InlineData("Pingüino, ÑANDÚ y crème brûlée", "pinguin* nandu* creme* brule*")]
    [InlineData("KB-000012", "kb000012*")]
    [InlineData("Outlook 365 en el móvil", "outlook* 365 movil*")]
    [InlineData("necesito que me instalen Visio", "instal* visio*")]
    [InlineData("Teams pages", "team* page*")]
    public void Words_are_folded_stripped_of_stop_words_and_stemmed_into_prefixes(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("\"")]
    [InlineData("\"foo")]
    [InlineData("-")]
    [InlineData("* ^ : ( ) & | ! <-> '' \\")]
    [InlineData("¿cómo? ¿dónde? hola gracias")]
    public void Text_without_searchable_words_is_an_empty_query(string? text)
    {
        var query = KnowledgeQuery.Parse(text);
        Assert.True(query.IsEmpty || query.Terms.All(t => t.Text.All(char.IsLetterOrDigit)));
        if (text is not "\"foo") Assert.True(query.IsEmpty, $"'{text}' gave {Render(text ?? "")}");
    }

    [Theory]
    [InlineData("\"vpn\" OR NEAR(password) AND -outlook*", "vpn near* password* outlook*")]
    [InlineData("NEAR(", "near*")]
    [InlineData("title:printer^2 {body}", "title* print* body*")]
    [InlineData("'; DROP TABLE knowledge_articles; --", "drop* table* knowledg* articl*")]
    public void Query_syntax_in_user_text_is_just_words(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Fact]
    public void Every_term_is_letters_or_digits_and_long_text_is_capped()
    {
        var random = new Random(42);
        var alphabet = "abcdefghijklmnopqrstuvwxyzáéíóúñü0123456789 \"'()*:^-+&|!<>{}[]\\/.,;¿?¡".ToCharArray();
        for (var i = 0; i < 200; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 400)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var query = KnowledgeQuery.Parse(text);
            Assert.All(query.Terms, t => Assert.True(t.Text.Length >= 2 && t.Text.All(char.IsLetterOrDigit), t.Text));
        }

        var huge = string.Join(' ', Enumerable.Range(0, 50_000).Select(i => $"palabra{i}"));
        Assert.Equal(KnowledgeQuery.MaxTerms, KnowledgeQuery.Parse(huge).Terms.Count);
        Assert.True(KnowledgeQuery.Parse(new string('x', 1_000_000)).IsEmpty); // one absurdly long "word"
    }

    [Fact]
    public void Repeated_words_count_once()
    {
        Assert.Equal("vpn", Render("VPN vpn Vpn"));
        Assert.Equal("impresor*", Render("impresora impresoras"));
    }

    [Theory]
    [InlineData("impresor*", "impresoras", true)]
    [InlineData("impresor*", "impresor", true)]
    [InlineData("impresor*", "impreso", false)]
    [InlineData("vpn", "vpns", false)]
    [InlineData("vpn", "vpn", true)]
    public void A_term_matches_whole_words_or_word_starts(string term, string word, bool matches)
    {
        var t = new KnowledgeTerm(term.TrimEnd('*'), term.EndsWith('*'));
        Assert.Equal(matches, t.Matches(word));
    }

    [Fact]
    public void Snippet_shows_the_passage_with_the_most_terms()
    {
        var body = "FortiClient se queda en \"Conectando…\".\n1. Comprueba internet.\n2. Revisa la fecha y la hora del portátil: con la hora mal el certificado falla.\n3. Aprueba el MFA.";
        var snippet = KnowledgeSnippet.For(body, KnowledgeQuery.Parse("certificado de la vpn, hora del portatil"));
        Assert.StartsWith("…2. Revisa la fecha y la hora del portátil", snippet);
        Assert.True(snippet.Length <= KnowledgeSnippet.DefaultLength);
    }

    [Fact]
    public void Snippet_starts_at_the_top_when_only_the_title_matched_and_is_cut_at_a_word()
    {
        var body = string.Join(" ", Enumerable.Repeat("Reinicia el equipo y vuelve a probar.", 20));
        var snippet = KnowledgeSnippet.For(body, KnowledgeQuery.Parse("vpn"), 80);
        Assert.StartsWith("Reinicia el equipo", snippet);
        Assert.EndsWith("…", snippet);
        Assert.True(snippet.Length <= 80);
        Assert.DoesNotContain("  ", snippet);
        Assert.Equal("", KnowledgeSnippet.For(" \n ", KnowledgeQuery.Parse("vpn")));
    }

    [Fact]
    public void Starter_articles_cover_the_catalog_in_both_languages_with_fixed_ids_and_keys()
    {
        var articles = StarterKnowledge.StarterArticles();
        Assert.InRange(articles.Count, 8, 12);
        Assert.Equal(articles.Count, articles.Select(a => a.Id).Distinct().Count());
        Assert.Equal(articles.Count, articles.Select(a => a.Key).Distinct().Count());
        Assert.Equal(articles.Select(a => a.Id), StarterKnowledge.StarterArticles().Select(a => a.Id));
        Assert.Contains(articles, a => a.Language == "es");
        Assert.Contains(articles, a => a.Language == "en");
        Assert.All(articles, a => Assert.True(a.IsPublished && a.Source == KnowledgeSource.Authored));

        var categories = FirstStartCatalog.Categories().Select(c => c.Key).ToHashSet();
        var services = FirstStartCatalog.Services().Select(s => s.Key).ToHashSet();
        Assert.All(articles, a => Assert.Contains(a.CategoryKey!, categories));
        Assert.All(articles, a => Assert.Contains(a.ServiceKey!, services));
        // Every topic in Spanish, the desk's first language.
        Assert.Equal(articles.Select(a => a.CategoryKey).Distinct().Order(), articles.Where(a => a.Language == "es").Select(a => a.CategoryKey).Distinct().Order());
    }
}
