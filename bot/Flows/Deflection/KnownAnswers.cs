using ServiceDesk.Cards.Knowledge;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Knowledge;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Flows.Deflection;

/// <summary>
/// Known answers before a ticket: articles the desk wrote and resolutions agents marked reusable.
/// Offered for questions and incidents (requests need someone to do something), never twice in one
/// conversation, and the reader's verdict is counted so the next person gets the better answer first.
/// </summary>
internal sealed partial class KnownAnswers(IKnowledgeBase knowledge, ILogger<KnownAnswers> log)
{
    public static bool Applies(TicketKind kind) => kind is TicketKind.InformationRequest or TicketKind.Incident;

    public async Task<IReadOnlyList<KnowledgeAnswer>> FindAsync(string text, string language, string? categoryKey,
        IReadOnlyCollection<Guid> alreadyOffered, CancellationToken ct)
    {
        var hits = await knowledge.SearchAsync(text, language, categoryKey, DeflectionCard.MaxAnswers + alreadyOffered.Count, ct);
        return hits
            .Where(h => !alreadyOffered.Contains(h.Article.Id))
            .Take(DeflectionCard.MaxAnswers)
            .Select(h => new KnowledgeAnswer(h.Article.Id, h.Article.Title, string.IsNullOrWhiteSpace(h.Snippet) ? h.Article.Title : h.Snippet,
                h.Article.Body, h.Article.SourceTicketNumber))
            .ToList();
    }

    /// <summary>Counts a verdict; an article retired or deleted since it was offered is skipped, not an error.</summary>
    public async Task RecordAsync(Guid articleId, KnowledgeFeedback feedback, CancellationToken ct)
    {
        try
        {
            await knowledge.RecordFeedbackAsync(articleId, feedback, ct);
        }
        catch (DomainException e)
        {
            LogFeedbackSkipped(articleId, e.Code);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback on knowledge article {ArticleId} not counted ({Code})")]
    private partial void LogFeedbackSkipped(Guid articleId, string code);
}
