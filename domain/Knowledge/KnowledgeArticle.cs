using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Domain.Knowledge;

public enum KnowledgeSource { Authored, FromTicket }

/// <summary>Only published articles are offered; a retired one stays for the record and can come back.</summary>
public enum KnowledgeState { Published, Retired }

public enum KnowledgeFeedback { Helpful, NotHelpful }

/// <summary>
/// An answer the desk offers before it registers a ticket: a problem and how to solve it, in one of
/// the desk's languages. Written by the desk or taken from a ticket whose resolution an agent marked
/// reusable. <see cref="Version"/> changes with every change (feedback included), so two writers
/// never overwrite each other's counts.
/// </summary>
public sealed class KnowledgeArticle
{
    public const int MaxKeyLength = 32;

    private KnowledgeArticle() { }

    public Guid Id { get; private set; }
    /// <summary>What people quote, e.g. KB-000012; articles from tickets have none.</summary>
    public string? Key { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The problem and its answer, plain text with line breaks.</summary>
    public string Body { get; private set; } = "";
    /// <summary>"es" or "en".</summary>
    public string Language { get; private set; } = "";
    public string? CategoryKey { get; private set; }
    public string? ServiceKey { get; private set; }
    public KnowledgeSource Source { get; private set; }
    public Guid? SourceTicketId { get; private set; }
    public string? SourceTicketNumber { get; private set; }
    public KnowledgeState State { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int HelpfulCount { get; private set; }
    public int NotHelpfulCount { get; private set; }
    public int Version { get; private set; }

    public bool IsPublished => State == KnowledgeState.Published;

    public static KnowledgeArticle Author(Guid id, string? key, string title, string body, string language,
        string? categoryKey, string? serviceKey, DateTimeOffset now)
    {
        if (key is not null && (string.IsNullOrWhiteSpace(key) || key.Trim().Length > MaxKeyLength))
            throw new DomainException("knowledge.key", $"An article key is 1 to {MaxKeyLength} characters.");
        var article = New(id, title, body, language, categoryKey, serviceKey, now);
        article.Key = key?.Trim();
        article.Source = KnowledgeSource.Authored;
        return article;
    }

    /// <summary>
    /// Knowledge from a ticket: only a resolved or closed one whose resolution the agent marked
    /// reusable. The title is the ticket's, the body what the requester described and how it was
    /// solved, in the requester's language.
    /// </summary>
    public static KnowledgeArticle FromResolvedTicket(Ticket ticket, Guid id, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var ticketName = ticket.HasNumber ? ticket.Number.ToString() : $"ticket {ticket.Id}";
        if (ticket.Status is not (TicketStatus.Resolved or TicketStatus.Closed) || ticket.Resolution is null)
            throw new DomainException("knowledge.ticketNotResolved", $"{ticketName} is not resolved.");
        if (!ticket.Resolution.ReusableAsKnowledge)
            throw new DomainException("knowledge.notReusable", $"The resolution of {ticketName} is not marked reusable.");

        var notes = ticket.Resolution.Notes.Trim();
        var body = string.IsNullOrWhiteSpace(ticket.Description) || ticket.Description.Trim() == ticket.Title
            ? notes
            : $"{ticket.Description.Trim()}\n\n{notes}";
        var article = New(id, ticket.Title, body, KnowledgeLanguage.Of(ticket.Requester.Locale),
            ticket.CategoryKey, ticket.ServiceKey, now);
        article.Source = KnowledgeSource.FromTicket;
        article.SourceTicketId = ticket.Id;
        article.SourceTicketNumber = ticket.HasNumber ? ticket.Number.ToString() : null;
        return article;
    }

    public void Revise(string title, string body, string? categoryKey, string? serviceKey, DateTimeOffset now)
    {
        var (t, b) = Require(title, body);
        Title = t;
        Body = b;
        CategoryKey = categoryKey;
        ServiceKey = serviceKey;
        Touch(now);
    }

    public void Retire(DateTimeOffset now)
    {
        if (State == KnowledgeState.Retired) throw new DomainException("knowledge.retired", $"{Name} is already retired.");
        State = KnowledgeState.Retired;
        Touch(now);
    }

    public void Publish(DateTimeOffset now)
    {
        if (State == KnowledgeState.Published) throw new DomainException("knowledge.published", $"{Name} is already published.");
        State = KnowledgeState.Published;
        Touch(now);
    }

    /// <summary>"This solved it." Counts only while the article is offered: a late click on a retired one is refused.</summary>
    public void RecordHelpful()
    {
        EnsureOffered();
        HelpfulCount++;
        Version++;
    }

    /// <summary>"I still need help."</summary>
    public void RecordNotHelpful()
    {
        EnsureOffered();
        NotHelpfulCount++;
        Version++;
    }

    public void Record(KnowledgeFeedback feedback)
    {
        if (feedback == KnowledgeFeedback.Helpful) RecordHelpful();
        else RecordNotHelpful();
    }

    private string Name => Key ?? SourceTicketNumber ?? $"article {Id}";

    private void EnsureOffered()
    {
        if (State != KnowledgeState.Published)
            throw new DomainException("knowledge.retired", $"{Name} is retired.");
    }

    private void Touch(DateTimeOffset now)
    {
        // Clocks of several instances may disagree by a little; updated never goes back.
        if (now > UpdatedAt) UpdatedAt = now;
        Version++;
    }

    private static KnowledgeArticle New(Guid id, string title, string body, string language,
        string? categoryKey, string? serviceKey, DateTimeOffset now)
    {
        if (id == Guid.Empty) throw new ArgumentException("An article needs an id.", nameof(id));
        var (t, b) = Require(title, body);
        return new KnowledgeArticle
        {
            Id = id,
            Title = t,
            Body = b,
            Language = KnowledgeLanguage.Of(language),
            CategoryKey = categoryKey,
            ServiceKey = serviceKey,
            State = KnowledgeState.Published,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
    }

    private static (string Title, string Body) Require(string title, string body)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("knowledge.titleRequired", "An article needs a title.");
        if (string.IsNullOrWhiteSpace(body)) throw new DomainException("knowledge.bodyRequired", "An article needs a body.");
        return (title.Trim(), body.Trim());
    }
}

/// <summary>The desk's two languages: Spanish for any "es…" locale, English for everything else.</summary>
public static class KnowledgeLanguage
{
    public const string Spanish = "es";
    public const string English = "en";

    public static string Of(string? locale) =>
        locale is not null && locale.Trim().StartsWith("es", StringComparison.OrdinalIgnoreCase) ? Spanish : English;
}
