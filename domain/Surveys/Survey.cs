using System.Security.Cryptography;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Domain.Surveys;

/// <summary>The satisfaction survey sent to a requester after resolution; answered at most once.</summary>
public sealed class Survey
{
    private Survey() { }

    /// <summary>
    /// The survey of the ticket's current resolution. Its id is derived from the ticket and that
    /// resolution, so a second attempt to send it (another instance, a recovered job) collides with
    /// the first on the primary key instead of surveying the requester twice.
    /// </summary>
    public static Survey ForResolution(Ticket ticket, DateTimeOffset now)
    {
        if (ticket.Status != TicketStatus.Resolved)
            throw new DomainException("survey.notResolved", $"{ticket.Number} is {ticket.Status}, not resolved.");
        return new Survey(IdFor(ticket), ticket.Id, ticket.Requester.Key, now);
    }

    /// <summary>The id the survey of the ticket's current resolution has (or will have).</summary>
    public static Guid IdFor(Ticket ticket)
    {
        var resolution = ticket.Events.LastOrDefault(e => e.Type == TicketEventType.Resolved)
            ?? throw new DomainException("survey.notResolved", $"{ticket.Number} was never resolved.");
        Span<byte> input = stackalloc byte[20];
        ticket.Id.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], resolution.Sequence);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        // RFC 9562 version 8 (custom) with the RFC variant, so it reads as a well-formed UUID.
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }

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
