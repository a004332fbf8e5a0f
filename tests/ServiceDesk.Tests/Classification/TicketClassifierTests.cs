using ServiceDesk.Bot.Catalog;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Classification;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Tests.Classification;

public class TicketClassifierTests
{
    private const string BrokenLaptop = "Mi portátil no arranca desde esta mañana y no puedo trabajar";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 30, 0, TimeSpan.FromHours(1));

    private static TicketClassifier FromCatalog() => new(FirstStartCatalog.Categories());

    [Fact]
    public void A_laptop_that_does_not_start_is_a_workplace_incident()
    {
        var suggestion = FromCatalog().Suggest(BrokenLaptop);

        Assert.Equal("laptop", suggestion.CategoryKey);
        Assert.Equal("workplace", suggestion.ServiceKey);
        Assert.Equal(TicketKind.Incident, suggestion.Kind);
        Assert.True(suggestion.IsConfident);
        Assert.Equal(TextLanguage.Spanish, suggestion.Language);
    }

    [Fact]
    public void The_explanation_names_the_decisive_words()
    {
        var suggestion = FromCatalog().Suggest(BrokenLaptop);

        Assert.Equal(["portatil", "arranca"], suggestion.Top.Evidence);
        Assert.StartsWith("laptop ", suggestion.Explanation);
        Assert.Contains("(portatil, arranca)", suggestion.Explanation);
        Assert.Contains("\"no arranca\"", suggestion.Explanation);
    }

    [Fact]
    public void One_recategorization_changes_the_next_suggestion()
    {
        var classifier = FromCatalog();
        // "arranca" is a laptop keyword; the desk knows nothing of Teams yet.
        Assert.Equal("laptop", classifier.Suggest("Teams no arranca, se queda la ventana en blanco").CategoryKey);

        classifier.LearnRecategorization("Teams no arranca, se queda la ventana en blanco", "software", Now);

        var later = classifier.Suggest("Otra vez Teams no arranca");
        Assert.Equal("software", later.CategoryKey);
        Assert.Contains("teams", later.Top.Evidence);
        Assert.Equal(new LearnedExample("Teams no arranca, se queda la ventana en blanco", "software", 5, Now), Assert.Single(classifier.Examples));
    }

    [Fact]
    public void A_recategorization_weighs_more_than_a_resolved_ticket()
    {
        const string text = "Teams no arranca, se queda la ventana en blanco";
        var resolved = FromCatalog();
        resolved.LearnResolved(text, "software", Now);
        var recategorized = FromCatalog();
        recategorized.LearnRecategorization(text, "software", Now);

        double Software(TicketClassifier c) => c.Suggest("Teams no arranca").Ranked.Single(r => r.CategoryKey == "software").Probability;
        Assert.True(Software(recategorized) > Software(resolved));
        Assert.True(Software(resolved) > Software(FromCatalog()));
    }

    [Fact]
    public async Task The_model_rebuilds_from_the_catalog_and_the_stored_examples()
    {
        IClassifierExampleStore store = new InMemoryExampleStore();
        var classifier = FromCatalog();
        foreach (var t in LabelledTickets.Train.Take(40))
            await store.AddAsync(classifier.LearnResolved(t.Text, t.Category, Now));
        await store.AddAsync(classifier.LearnRecategorization("Teams no arranca", "software", Now));

        var rebuilt = new TicketClassifier(FirstStartCatalog.Categories(), await store.ListAsync());

        Assert.Equal(classifier.Examples, rebuilt.Examples);
        foreach (var t in LabelledTickets.Test.Take(20))
            Assert.Equal(classifier.Suggest(t.Text).Ranked, rebuilt.Suggest(t.Text).Ranked, new ScoreComparer());
    }

    [Fact]
    public void Examples_of_a_category_the_catalog_dropped_are_kept_but_not_counted()
    {
        var old = new LearnedExample("la centralita no da señal", "telephony", 1, Now);
        var classifier = new TicketClassifier(FirstStartCatalog.Categories(), [old]);

        Assert.Equal([old], classifier.Examples);
        Assert.Equal(0, classifier.Suggest("la centralita no da señal").KnownWords);
    }

    [Fact]
    public void Learning_refuses_unknown_categories_and_weightless_examples()
    {
        var classifier = FromCatalog();
        Assert.Equal("classification.category", Assert.Throws<DomainException>(() => classifier.Learn("x", "telephony", 1, Now)).Code);
        Assert.Equal("classification.weight", Assert.Throws<DomainException>(() => classifier.Learn("x", "laptop", 0, Now)).Code);
        Assert.Empty(classifier.Examples);
    }

    [Fact]
    public void Every_category_is_ranked_and_the_probabilities_add_up()
    {
        var suggestion = FromCatalog().Suggest("la impresora no imprime");

        Assert.Equal(10, suggestion.Ranked.Count);
        Assert.Equal(1.0, suggestion.Ranked.Sum(r => r.Probability), 9);
        Assert.Equal(suggestion.Ranked.OrderByDescending(r => r.Probability).Select(r => r.CategoryKey), suggestion.Ranked.Select(r => r.CategoryKey));
        Assert.Equal(("printing", "printing"), (suggestion.CategoryKey, suggestion.ServiceKey));
    }

    [Fact]
    public void Text_with_no_known_word_is_not_a_confident_suggestion()
    {
        var suggestion = FromCatalog().Suggest("la centralita no da señal");

        Assert.False(suggestion.IsConfident);
        Assert.Equal(0, suggestion.KnownWords);
        Assert.Equal(0.1, suggestion.Top.Probability, 9);
        Assert.Contains("no word of the text is known", suggestion.Explanation);
    }

    [Fact]
    public void Words_of_two_categories_leave_the_choice_to_the_user()
    {
        // Office Wi-Fi or the VPN: the catalog has a word for each.
        var suggestion = FromCatalog().Suggest("el wifi va fatal y la vpn también");

        Assert.False(suggestion.IsConfident);
        Assert.Equal(["network", "vpn"], suggestion.Ranked.Take(2).Select(r => r.CategoryKey).Order());
        Assert.Contains("not sure, next:", suggestion.Explanation);
    }

    [Theory]
    [InlineData("¿Cómo puedo compartir mi calendario de Outlook?", "email", TicketKind.InformationRequest)]
    [InlineData("How do I set up the VPN on my home computer?", "vpn", TicketKind.InformationRequest)]
    [InlineData("¿Cómo anulo una factura en SAP?", "erp", TicketKind.InformationRequest)]
    [InlineData("¿Dónde está el manual del ERP?", "howto", TicketKind.InformationRequest)]
    [InlineData("Necesito que me instaléis Visio", "software", TicketKind.ServiceRequest)]
    [InlineData("please install Visio on my laptop", "software", TicketKind.ServiceRequest)]
    [InlineData("Quiero acceso a la carpeta de Marketing", "access", TicketKind.ServiceRequest)]
    [InlineData("Outlook no funciona, me da error al abrir", "email", TicketKind.Incident)]
    [InlineData("the vpn is down", "vpn", TicketKind.Incident)]
    [InlineData("Excel crashes every time I install an update", "software", TicketKind.Incident)]
    [InlineData("can't print, the printer is broken", "printing", TicketKind.Incident)]
    [InlineData("He olvidado la contraseña y no puedo entrar", "password", TicketKind.ServiceRequest)]
    [InlineData("my password expired", "password", TicketKind.ServiceRequest)]
    [InlineData("la factura del proveedor", "erp", TicketKind.Incident)]
    public void Wording_decides_the_kind_together_with_the_category(string text, string category, TicketKind kind)
    {
        var suggestion = FromCatalog().Suggest(text);

        Assert.Equal(category, suggestion.CategoryKey);
        Assert.Equal(kind, suggestion.Kind);
    }

    [Fact]
    public void The_kind_says_which_cues_voted()
    {
        var decision = FromCatalog().Suggest("Excel crashes every time I install an update").KindDecision;

        Assert.Equal(
            [new KindVote(TicketKind.ServiceRequest, "category software", KindCues.CategoryWeight),
             new KindVote(TicketKind.Incident, "\"crashes\"", KindCues.StrongFailureWeight)],
            decision.Votes);
        Assert.Equal("ServiceRequest +1.5 (category software); Incident +2 (\"crashes\")", decision.Reason);
    }

    [Fact]
    public void A_question_mark_after_a_question_word_asks_for_information()
    {
        var decision = FromCatalog().Suggest("¿Cada cuánto caduca la contraseña?").KindDecision;

        Assert.Equal(TicketKind.InformationRequest, decision.Kind);
        Assert.Contains(decision.Votes, v => v.Source == "question \"cada cuanto caduca…?\"");
    }

    [Fact]
    public void Triage_proposes_kind_category_service_impact_urgency_and_priority()
    {
        var proposal = TicketTriage.Propose(FromCatalog(), BrokenLaptop);

        Assert.Equal((TicketKind.Incident, "laptop", "workplace"), (proposal.Kind, proposal.CategoryKey, proposal.ServiceKey));
        Assert.Equal((Impact.Low, Urgency.High, Priority.P3), (proposal.Impact, proposal.Urgency, proposal.Priority));
    }

    private sealed class InMemoryExampleStore : IClassifierExampleStore
    {
        private readonly List<LearnedExample> _examples = [];

        public Task AddAsync(LearnedExample example, CancellationToken ct = default)
        {
            _examples.Add(example);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<LearnedExample>> ListAsync(CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<LearnedExample>>(_examples.ToList());
    }

    private sealed class ScoreComparer : IEqualityComparer<CategoryScore>
    {
        public bool Equals(CategoryScore? x, CategoryScore? y) =>
            x!.CategoryKey == y!.CategoryKey && Math.Abs(x.Probability - y.Probability) < 1e-12 && x.Evidence.SequenceEqual(y.Evidence);

        public int GetHashCode(CategoryScore obj) => obj.CategoryKey.GetHashCode();
    }
}
