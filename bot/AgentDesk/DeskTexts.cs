using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.AgentDesk;

/// <summary>The short answers of the agent desk, in the reader's language.</summary>
public static class DeskTexts
{
    /// <summary>"You can't do that. {number} belongs to network-l2: only its agents, or a coordinator, can do this."</summary>
    /// <param name="record">The ticket's or problem's number.</param>
    public static string Refused(Texts texts, DeskRefusal refusal, string? record = null, string? group = null) =>
        $"{texts["message.notAllowed"]}. {Reason(texts, refusal, record, group)}";

    /// <summary>Why, without the "you can't do that".</summary>
    public static string Reason(Texts texts, DeskRefusal refusal, string? record = null, string? group = null) =>
        texts.Format($"desk.refused.{refusal}", ("number", record ?? ""), ("group", group ?? ""));

    public static string AlreadyClaimed(Texts texts, TicketNumber number, string owner) => Sentence(Messages.AlreadyClaimed(texts, number, owner));

    public static string Stale(Texts texts, TicketNumber number) => Sentence(Messages.OutOfDate(texts, number));

    public static string NotFound(Texts texts, string what) => Sentence(Messages.TicketNotFound(texts, what));

    public static string Failed(Texts texts) => Sentence(Messages.Failed(texts));

    /// <summary>Why a rule of the domain refused, in words for people; the generic failure for rules without their own words.</summary>
    public static string Explain(Texts texts, DomainException e, Ticket? ticket)
    {
        var number = ticket?.Number.ToString() ?? "";
        var key = e.Code switch
        {
            "ticket.invalidTransition" => "desk.error.invalidTransition",
            "ticket.categoryRequired" => "desk.error.categoryRequired",
            "ticket.notesRequired" => "desk.error.notesRequired",
            "ticket.reasonRequired" => "desk.error.reasonRequired",
            "ticket.textRequired" => "desk.error.textRequired",
            "ticket.escalateUpward" => "desk.error.escalateUpward",
            "problem.level" => "desk.error.problemLevel",
            "ticket.alreadyMajor" => "desk.error.alreadyMajor",
            "ticket.majorOnlyIncident" or "ticket.problemOnlyIncident" or "problem.onlyIncidents" => "desk.error.onlyIncidents",
            "ticket.alreadyLinked" => "desk.error.alreadyLinked",
            "problem.resolved" => "desk.error.problemResolved",
            "problem.titleRequired" or "problem.rootCauseRequired" or "problem.workaroundRequired" => "desk.error.textRequired",
            _ => null,
        };
        if (e is AlreadyClaimedException claimed && ticket is not null) return AlreadyClaimed(texts, ticket.Number, claimed.Owner.DisplayName);
        if (key is null) return Failed(texts);
        return texts.Format(key,
            ("number", number),
            ("status", ticket is null ? "" : texts.Name(ticket.Status)),
            ("level", ticket is null ? "" : texts.Name(ticket.Level)));
    }

    public static string Sentence(MessageView view) => $"{view.Title}. {view.Text}";
}
