using System.Text.Json.Nodes;
using ServiceDesk.Bot.Flows.FollowUp;
using ServiceDesk.Bot.Flows.Intake;
using ServiceDesk.Bot.Outbox;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Cards.Intake;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Cards.Welcome;
using ServiceDesk.Domain.Flows;

namespace ServiceDesk.Bot.Flows;

/// <summary>
/// Personal-chat text: commands work at every step ("help" keeps the step, "cancel" ends it, "my
/// tickets" and a ticket number answer and keep it); anything else is what the person needs, in
/// their words, and goes to the intake. Nothing typed goes unanswered.
/// </summary>
internal sealed class ConversationFlows(FlowStates states, IntakeFlow intake, RequesterTickets tickets, PendingQuestions questions) : IConversationFlows
{
    public async Task HandleTextAsync(TurnContext context, CancellationToken ct)
    {
        var text = context.Turn.Text?.Trim() ?? "";
        var command = TextCommands.Parse(text, context.BotName);
        var texts = context.Texts;
        switch (command.Kind)
        {
            case CommandKind.Help:
                Reply(context, TurnCards.Help(context));
                break;
            case CommandKind.Cancel when await states.CurrentAsync(context, ct) is not null:
                await states.EndAsync(context, ct);
                Reply(context, MessageCard.Render(new MessageView(texts["flow.cancelled.title"], texts["flow.cancelled.text"]), context.Cards));
                break;
            case CommandKind.Cancel:
                Reply(context, StartCard.Render(context.Cards, texts["flow.nothingToCancel"]));
                break;
            case CommandKind.New:
                await states.EndAsync(context, ct);
                Reply(context, StartCard.Render(context.Cards));
                break;
            case CommandKind.MyTickets:
                Reply(context, await tickets.ListAsync(context, ct));
                break;
            case CommandKind.ShowTicket:
                await ShowTicketAsync(context, command, ct);
                break;
            case CommandKind.Start:
                Reply(context, await intake.StartAsync(context, command.IntakeKind!.Value, ct));
                break;
            case CommandKind.Greeting when await states.CurrentAsync(context, ct) is { Step: FlowStep.Form } form:
                // Mid-form, a greeting is someone checking in: show them where they were.
                Reply(context, await intake.FormAsync(context, form.Data, ct));
                break;
            case CommandKind.Greeting:
                Reply(context, HelpCard.Render(HelpAudience.Employee, context.BotName, context.Cards, texts["flow.greeting"]));
                break;
            case CommandKind.Thanks:
                Reply(context, MessageCard.Render(new MessageView(texts["flow.thanks.title"], texts["flow.thanks.text"]), context.Cards));
                break;
            default:
                Reply(context, await DescribeAsync(context, text, ct));
                break;
        }
    }

    // While the desk waits for their answer, what they write may be it: ask, unless they are busy telling a new problem.
    private async Task<JsonObject> DescribeAsync(TurnContext context, string text, CancellationToken ct)
    {
        if (await states.CurrentAsync(context, ct) is { Flow: FlowName.Intake } || await questions.LatestAsync(context, ct) is not { } pending)
            return await intake.DescribeAsync(context, text, ct);
        await states.MoveToAsync(context, FlowName.Reply, FlowStep.ReplyOrNew, new FlowData { Text = text, TicketId = pending.Ticket.Id }, ct);
        var ticket = pending.Ticket;
        return AnswerOrNewCard.Render(new AnswerOrNewView(ticket.Id, ticket.Version, ticket.Number, pending.Question.Actor.DisplayName,
            pending.Question.Text ?? "", text, await intake.KindOfAsync(text, ct)), context.Cards);
    }

    private async Task ShowTicketAsync(TurnContext context, TextCommand command, CancellationToken ct)
    {
        var number = command.Number!.Value;
        if (await tickets.FindOwnAsync(context, number, ct) is not { } ticket)
        {
            Reply(context, MessageCard.Render(Messages.TicketNotFound(context.Texts, number.ToString()), context.Cards));
            return;
        }
        // The newest copy of the card is the one later changes edit.
        context.Outbound.Send(context.ReplyTarget, OutboundMessage.FromCard(await tickets.CardAsync(context, ticket, ct)),
            TicketCards.RequesterCardKey(ticket.Number));
    }

    private static void Reply(TurnContext context, JsonObject card) => context.Reply(OutboundMessage.FromCard(card));
}
