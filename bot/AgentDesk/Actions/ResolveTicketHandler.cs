using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Bot.Turns.CardActions;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Cards.Tickets;
using ServiceDesk.Domain.Knowledge;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.AgentDesk.Actions;

/// <summary>
/// "Resolve": code, notes, workaround and "reusable" flags (a reusable one becomes a knowledge article). The requester is asked to confirm or reopen;
/// a workaround on an incident under a problem becomes the problem's known workaround; where the group
/// wants closures approved, the auditors get the card to approve or reject.
/// </summary>
internal sealed class ResolveTicketHandler(
    TicketDesk desk,
    IProblemRepository problems,
    IKnowledgeBase knowledge,
    IRosterRepository roster,
    TicketAddresses addresses,
    TicketCards cards,
    ProblemCards problemCards) : ICardActionHandler<ResolveTicket>
{
    public Task<CardActionOutcome> HandleAsync(ResolveTicket action, TurnContext context, CancellationToken ct) =>
        desk.RunAsync(action, context, TicketPermission.Agent, async step =>
        {
            var ticket = step.Ticket;
            var notes = action.Notes.Trim();
            ticket.Resolve(new Resolution(action.Code, notes, action.Workaround, action.Reusable), step.Actor.Ref, step.Now);
            step.Resolved();
            if (action.Workaround && ticket.ProblemId is { } problemId
                && await problems.FindAsync(problemId, ct) is { Status: not ProblemStatus.Resolved } problem)
            {
                // The incident's workaround is the problem's known workaround until its cause is fixed.
                problem.RecordWorkaround(notes);
                step.Then(_ => problemCards.RefreshAsync(problem, ct));
            }

            // "Reusable" makes the resolution an answer the bot offers the next person who asks (once per ticket).
            if (action.Reusable && await knowledge.FindBySourceTicketAsync(ticket.Id, ct) is null)
                knowledge.Add(KnowledgeArticle.FromResolvedTicket(ticket, Guid.NewGuid(), step.Now));

            step.TellRequester(texts => new MessageView(
                texts.Format("notice.resolved.title", ("number", ticket.Number.ToString())),
                texts.Format(action.Workaround ? "notice.resolved.workaround" : "notice.resolved.text", ("notes", Sentence(notes))),
                MessageTone.Success));
            step.Then(async view =>
            {
                if (!view.ClosureNeedsApproval) return;
                foreach (var auditor in await roster.PeopleInRoleAsync(Role.Auditor, ct))
                {
                    if (await addresses.PersonAsync(auditor, ct) is not { } chat) continue;
                    cards.Send(chat, c => MessageCard.Render(new MessageView(
                        c.Texts.Format("notice.approval.title", ("number", ticket.Number.ToString())),
                        c.Texts.Format("notice.approval.text", ("group", ticket.Group), ("by", step.Actor.Ref.DisplayName), ("notes", notes))), c));
                    cards.Send(chat, c => AgentTicketCard.Render(view, c), ApprovalCardKey(ticket.Number, auditor.Key));
                }
            });
        }, ct);

    /// <summary>The card an auditor approves or rejects from, in their chat.</summary>
    public static string ApprovalCardKey(TicketNumber number, string auditorKey) => $"approval-card:{number}:{auditorKey}";

    private static string Sentence(string text) => text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".";
}
