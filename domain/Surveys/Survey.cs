namespace ServiceDesk.Domain.Surveys;

/// <summary>The satisfaction survey sent to a requester after resolution; answered at most once.</summary>
public sealed class Survey
{
    private Survey() { }

    public Survey(Guid id, Guid ticketId, string requesterKey, DateTimeOffset sentAt)
    {
        Id = id;
        TicketId = ticketId;
        RequesterKey = requesterKey;
        SentAt = sentAt;
    }

    public Guid Id { get; private set; }
    public Guid TicketId { get; private set; }
    public string RequesterKey { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public int? Rating { get; private set; }
    public string? Comment { get; private set; }

    public void Answer(int rating, string? comment, DateTimeOffset now)
    {
        if (AnsweredAt is not null) throw new DomainException("survey.answered", "This survey was already answered.");
        if (rating is < 1 or > 5) throw new DomainException("survey.rating", "A rating is 1 to 5.");
        Rating = rating;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        AnsweredAt = now;
    }
}
