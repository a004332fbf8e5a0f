using ServiceDesk.Bot.Tickets;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.AgentDesk;

/// <summary>
/// The requester's words about their ticket (an answer to the desk's question, more information):
/// into the ticket's log and under its card in the triage channel, whether they came from the card's
/// reply box or were typed in the chat (the conversation flows call <see cref="RecordAsync"/>).
/// </summary>
public sealed class RequesterReplies(TicketCards cards, TicketFollowUps followUps)
{
    /// <summary>Records the reply and lets the desk see it; the caller's unit of work saves it. The caller has made sure it is the requester.</summary>
    public async Task RecordAsync(Ticket ticket, string text, DateTimeOffset now, CancellationToken ct)
    {
        ticket.RecordRequesterReply(text, now);
        followUps.Changed(ticket);
        var view = await cards.ViewAsync(ticket, ct);
        await cards.RefreshAgentCardAsync(ticket, view, ct);
        await cards.RefreshRequesterCardAsync(ticket, view, ct);
        await PostInThreadAsync(ticket, text, ct);
    }

    /// <summary>"Megan Bowen replied about INC-000042: …" under the ticket's card.</summary>
    public Task PostInThreadAsync(Ticket ticket, string text, CancellationToken ct) =>
        cards.PostInThreadAsync(ticket, c => MessageCard.Render(new MessageView(
            c.Texts.Format("notice.requesterReplied.title", ("requester", ticket.Requester.DisplayName), ("number", ticket.Number.ToString())),
            text.Trim()), c), ct);
}
