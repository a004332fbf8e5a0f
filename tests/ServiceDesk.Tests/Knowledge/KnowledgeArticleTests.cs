using ServiceDesk.Domain;
using ServiceDesk.Domain.Knowledge;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Tests.Domain.Tickets;
using static ServiceDesk.Tests.Domain.Tickets.TicketFactory;

namespace ServiceDesk.Tests.Knowledge;

public class KnowledgeArticleTests
{
    private static readonly DateTimeOffset Now = T0.AddDays(1);

    private static KnowledgeArticle Authored() =>
        KnowledgeArticle.Author(Guid.NewGuid(), "KB-000042", "  VPN won't connect ", " Restart FortiClient. ", "en-GB", "vpn", "vpn", Now);

    [Theory]
    [InlineData(TicketStatus.Resolved)]
    [InlineData(TicketStatus.Closed)]
    public void A_resolved_or_closed_ticket_with_a_reusable_resolution_becomes_an_article(TicketStatus status)
    {
        var ticket = TicketFactory.In(status);
        var id = Guid.NewGuid();

        var article = KnowledgeArticle.FromResolvedTicket(ticket, id, Now);

        Assert.Equal(id, article.Id);
        Assert.Null(article.Key);
        Assert.Equal("El portátil no arranca", article.Title);
        Assert.Equal("Desde esta mañana\n\nReplaced the charger", article.Body);
        Assert.Equal("es", article.Language); // the requester's locale is es-ES
        Assert.Equal("hardware", article.CategoryKey);
        Assert.Equal("laptops", article.ServiceKey);
        Assert.Equal(KnowledgeSource.FromTicket, article.Source);
        Assert.Equal(ticket.Id, article.SourceTicketId);
        Assert.Equal("INC-000001", article.SourceTicketNumber);
        Assert.Equal(KnowledgeState.Published, article.State);
        Assert.Equal((Now, Now), (article.CreatedAt, article.UpdatedAt));
        Assert.Equal((0, 0), (article.HelpfulCount, article.NotHelpfulCount));
    }

    [Theory]
    [InlineData(TicketStatus.New)]
    [InlineData(TicketStatus.Assigned)]
    [InlineData(TicketStatus.InProgress)]
    [InlineData(TicketStatus.Pending)]
    [InlineData(TicketStatus.Cancelled)]
    public void An_unresolved_ticket_does_not_become_an_article(TicketStatus status)
    {
        var error = Assert.Throws<DomainException>(() => KnowledgeArticle.FromResolvedTicket(TicketFactory.In(status), Guid.NewGuid(), Now));
        Assert.Equal("knowledge.ticketNotResolved", error.Code);
    }

    [Fact]
    public void A_reopened_ticket_does_not_become_an_article_until_resolved_again()
    {
        var ticket = TicketFactory.In(TicketStatus.Resolved);
        ticket.Reopen("still broken", Employee.AsPerson(), T0.AddHours(1));
        Assert.Equal("knowledge.ticketNotResolved",
            Assert.Throws<DomainException>(() => KnowledgeArticle.FromResolvedTicket(ticket, Guid.NewGuid(), Now)).Code);
    }

    [Fact]
    public void A_resolution_not_marked_reusable_does_not_become_an_article()
    {
        var ticket = TicketFactory.New();
        ticket.Claim(Ana, T0.AddMinutes(1));
        ticket.Resolve(new Resolution(ResolutionCode.Fixed, "Reset the user's MFA", false, ReusableAsKnowledge: false), Ana, T0.AddMinutes(2));
        Assert.Equal("knowledge.notReusable",
            Assert.Throws<DomainException>(() => KnowledgeArticle.FromResolvedTicket(ticket, Guid.NewGuid(), Now)).Code);
    }

    [Theory]
    [InlineData("", "Fixed it.")]
    [InlineData("El portátil no arranca", "Fixed it.")] // description that only repeats the title
    public void Body_is_the_resolution_alone_when_the_description_adds_nothing(string description, string notes)
    {
        var ticket = Ticket.Open(Guid.NewGuid(), TicketKind.Incident, "El portátil no arranca", description,
            new Requester("eva", "Eva", "en-US"), Impact.Low, Urgency.Low, null, null, "service-desk", SupportLevel.L1, Targets, T0);
        ticket.Claim(Ana, T0.AddMinutes(1));
        ticket.Resolve(new Resolution(ResolutionCode.Answered, notes, false, true), Ana, T0.AddMinutes(2));

        var article = KnowledgeArticle.FromResolvedTicket(ticket, Guid.NewGuid(), Now);

        Assert.Equal(notes, article.Body);
        Assert.Equal("en", article.Language);
        Assert.Null(article.SourceTicketNumber); // never saved, so never numbered
        Assert.Null(article.CategoryKey);
    }

    [Theory]
    [InlineData("es", "es")]
    [InlineData("es-MX", "es")]
    [InlineData("ES", "es")]
    [InlineData("en-US", "en")]
    [InlineData("fr-FR", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    public void Language_is_spanish_for_any_spanish_locale_and_english_otherwise(string? locale, string expected) =>
        Assert.Equal(expected, KnowledgeLanguage.Of(locale));

    [Fact]
    public void An_authored_article_is_trimmed_published_and_versioned()
    {
        var article = Authored();
        Assert.Equal("KB-000042", article.Key);
        Assert.Equal("VPN won't connect", article.Title);
        Assert.Equal("Restart FortiClient.", article.Body);
        Assert.Equal("en", article.Language);
        Assert.Equal(KnowledgeSource.Authored, article.Source);
        Assert.Null(article.SourceTicketId);
        Assert.True(article.IsPublished);
        Assert.Equal(1, article.Version);
    }

    [Theory]
    [InlineData("", "body", "KB-1", "knowledge.titleRequired")]
    [InlineData("title", " ", "KB-1", "knowledge.bodyRequired")]
    [InlineData("title", "body", " ", "knowledge.key")]
    [InlineData("title", "body", "KB-123456789012345678901234567890", "knowledge.key")]
    public void An_authored_article_needs_a_title_a_body_and_a_sensible_key(string title, string body, string key, string code)
    {
        var error = Assert.Throws<DomainException>(() => KnowledgeArticle.Author(Guid.NewGuid(), key, title, body, "es", null, null, Now));
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void Feedback_counts_each_verdict_and_bumps_the_version()
    {
        var article = Authored();
        article.RecordHelpful();
        article.RecordHelpful();
        article.RecordNotHelpful();
        article.Record(KnowledgeFeedback.Helpful);
        article.Record(KnowledgeFeedback.NotHelpful);

        Assert.Equal(3, article.HelpfulCount);
        Assert.Equal(2, article.NotHelpfulCount);
        Assert.Equal(6, article.Version);
        Assert.Equal(Now, article.UpdatedAt); // feedback is not an edit
    }

    [Fact]
    public void A_retired_article_takes_no_feedback_until_published_again()
    {
        var article = Authored();
        article.Retire(Now.AddDays(1));
        Assert.False(article.IsPublished);
        Assert.Equal(Now.AddDays(1), article.UpdatedAt);
        Assert.Equal("knowledge.retired", Assert.Throws<DomainException>(article.RecordHelpful).Code);
        Assert.Equal("knowledge.retired", Assert.Throws<DomainException>(article.RecordNotHelpful).Code);
        Assert.Equal((0, 0), (article.HelpfulCount, article.NotHelpfulCount));

        article.Publish(Now.AddDays(2));
        article.RecordHelpful();
        Assert.Equal(1, article.HelpfulCount);
    }

    [Fact]
    public void Retiring_twice_or_publishing_a_published_article_is_an_error()
    {
        var article = Authored();
        Assert.Equal("knowledge.published", Assert.Throws<DomainException>(() => article.Publish(Now)).Code);
        article.Retire(Now);
        Assert.Equal("knowledge.retired", Assert.Throws<DomainException>(() => article.Retire(Now)).Code);
    }

    [Fact]
    public void Revising_changes_the_text_and_never_moves_updated_back()
    {
        var article = Authored();
        article.Revise(" VPN drops every hour ", " Update FortiClient to 7.4. ", "network", null, Now.AddMinutes(-5));
        Assert.Equal("VPN drops every hour", article.Title);
        Assert.Equal("Update FortiClient to 7.4.", article.Body);
        Assert.Equal("network", article.CategoryKey);
        Assert.Null(article.ServiceKey);
        Assert.Equal(Now, article.UpdatedAt);
        Assert.Equal(2, article.Version);
        Assert.Throws<DomainException>(() => article.Revise("", "x", null, null, Now));
    }

    [Fact]
    public void Feedback_moves_an_article_within_a_quarter_of_its_text_score()
    {
        Assert.Equal(1.0, KnowledgeRanking.FeedbackFactor(0, 0));
        Assert.Equal(1.0, KnowledgeRanking.FeedbackFactor(3, 3));
        Assert.InRange(KnowledgeRanking.FeedbackFactor(1, 0), 1.0, 1.1);
        Assert.InRange(KnowledgeRanking.FeedbackFactor(1000, 0), 1.24, 1.25);
        Assert.InRange(KnowledgeRanking.FeedbackFactor(0, 1000), 0.75, 0.76);

        var article = Authored();
        Assert.Equal(3.0, KnowledgeRanking.Adjust(2.0, article, "vpn"));
        Assert.Equal(2.0, KnowledgeRanking.Adjust(2.0, article, "email"));
        Assert.Equal(2.0, KnowledgeRanking.Adjust(2.0, article, null));
    }
}
