using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Cards.Tickets;

/// <summary>
/// The ticket as agents see it in their triage channel: who, what, the live SLA, the last events,
/// and the actions the lifecycle allows now (the next step first, the rest under "more").
/// Every action carries the ticket id and the version shown, so a stale click is detected.
/// </summary>
public static class AgentTicketCard
{
    // Teams refuses messages over ~28 KB on older clients; the whole description lives on the ticket.
    private const int MaxDescription = 500;

    public static JsonObject Render(TicketView ticket, CardContext context)
    {
        List<Element> body = [TicketHeader.For(context, ticket)];
        if (!string.IsNullOrWhiteSpace(ticket.Description))
            body.Add(new TextBlock(Shorten(ticket.Description.Trim(), MaxDescription)) { IsSubtle = true, MaxLines = 4 });
        body.Add(new FactSet(Facts(context, ticket)));
        body.AddRange(SlaLines.ForAgent(context, ticket));
        if (EventLines.For(context, ticket) is { } events) body.Add(events);
        if (Buttons.Row(context, Primary(context, ticket), More(context, ticket)) is { } row) body.Add(row);

        var refresh = ticket.Status.IsTerminal()
            ? null
            : Buttons.Refresh(context, new RefreshTicket(ticket.Id, ticket.Version, TicketCardAudience.Agent));
        return AdaptiveCardJson.ToJsonObject(AdaptiveCard.TopLevel(context.Texts.LanguageCode, TicketHeader.FallbackText(context, ticket), body, refresh));
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    private static List<Fact> Facts(CardContext context, TicketView ticket)
    {
        var texts = context.Texts;
        var requester = string.IsNullOrWhiteSpace(ticket.RequesterDepartment)
            ? ticket.RequesterName
            : $"{ticket.RequesterName} · {ticket.RequesterDepartment}";
        List<Fact> facts =
        [
            new(context["ticket.requester"], requester),
            new(context["ticket.category"], ticket.Category?.For(texts.LanguageCode) ?? context["ticket.uncategorized"]),
        ];
        if (ticket.Service is { } service) facts.Add(new(context["ticket.service"], service.For(texts.LanguageCode)));
        facts.Add(new(context["ticket.status"], texts.Name(ticket.Status)));
        facts.Add(new(context["ticket.level"], texts.Format("ticket.levelGroup", ("level", texts.Name(ticket.Level)), ("group", ticket.Group))));
        facts.Add(new(context["ticket.assignee"], ticket.Assignee?.DisplayName ?? context["ticket.unassigned"]));
        facts.Add(new(context["ticket.impactUrgency"], $"{texts.Name(ticket.Impact)} / {texts.Name(ticket.Urgency)}"));
        if (ticket.ProblemNumber is { } problem) facts.Add(new(context["ticket.problem"], problem));
        facts.Add(new(context["ticket.opened"], context.When(ticket.CreatedAt)));
        return facts;
    }

    private static IEnumerable<AdaptiveAction> Primary(CardContext context, TicketView t)
    {
        var allowed = TicketLifecycle.AllowedFrom(t.Status).ToHashSet();
        if (allowed.Contains(TicketTransition.Claim))
            yield return Buttons.Run(context, context["agent.claim"], new ClaimTicket(t.Id, t.Version), ButtonStyle.Positive);
        if (allowed.Contains(TicketTransition.Start))
            yield return Buttons.Run(context, context["agent.start"], new StartWork(t.Id, t.Version));
        if (allowed.Contains(TicketTransition.Resolve))
            yield return ResolveForm(context, t);
        if (allowed.Contains(TicketTransition.Hold))
            yield return Buttons.Form(context["agent.hold"],
                [FormInputs.Text<PutOnHold>(context, nameof(PutOnHold.Reason), context["agent.holdReason"], placeholder: context["agent.holdPlaceholder"])],
                Buttons.Submit(context, context["agent.holdSend"], new PutOnHold(t.Id, t.Version, ""), null, nameof(PutOnHold.Reason)));
        if (allowed.Contains(TicketTransition.Resume))
            yield return Buttons.Run(context, context["agent.resume"], new ResumeTicket(t.Id, t.Version), ButtonStyle.Positive);
        if (t.Status == TicketStatus.Resolved && t.ClosureNeedsApproval)
        {
            yield return Buttons.Run(context, context["agent.approveClosure"], new ApproveClosure(t.Id, t.Version), ButtonStyle.Positive);
            yield return Buttons.Form(context["agent.rejectClosure"],
                [FormInputs.Text<RejectClosure>(context, nameof(RejectClosure.Reason), context["agent.rejectReason"], multiline: true)],
                Buttons.Submit(context, context["agent.rejectSend"], new RejectClosure(t.Id, t.Version, ""), ButtonStyle.Destructive, nameof(RejectClosure.Reason)));
        }
    }

    private static List<AdaptiveAction> More(CardContext context, TicketView t)
    {
        List<AdaptiveAction> more = [];
        if (t.Status.IsTerminal()) return more;
        var allowed = TicketLifecycle.AllowedFrom(t.Status).ToHashSet();
        var incident = t.Kind == TicketKind.Incident;

        // Closing needs a category: while a ticket has none, categorizing comes first.
        if (t.CategoryChoices.Count > 0 && t.Category is null)
            more.Add(CategorizeForm(context, t));
        if (allowed.Contains(TicketTransition.Escalate) && t.Level < SupportLevel.L3)
            more.Add(EscalateForm(context, t));
        if (allowed.Contains(TicketTransition.Assign))
            more.Add(AssignForm(context, t));
        more.Add(Buttons.Form(context["agent.comment"],
            [
                FormInputs.Text<CommentOnTicket>(context, nameof(CommentOnTicket.Text), context["agent.commentText"], multiline: true),
                FormInputs.Toggle<CommentOnTicket>(nameof(CommentOnTicket.ToRequester), context["agent.commentToRequester"]),
            ],
            Buttons.Submit(context, context["agent.commentSend"], new CommentOnTicket(t.Id, t.Version, "", ToRequester: false), null,
                nameof(CommentOnTicket.Text))));
        if (t.Status.IsOpen())
            more.Add(Buttons.Form(context["agent.ask"],
                [FormInputs.Text<AskRequester>(context, nameof(AskRequester.Question), context["agent.askQuestion"], multiline: true)],
                Buttons.Submit(context, context["agent.askSend"], new AskRequester(t.Id, t.Version, ""), null, nameof(AskRequester.Question))));
        if (allowed.Contains(TicketTransition.Reopen))
            more.Add(Buttons.Form(context["agent.reopen"],
                [FormInputs.Text<ReopenTicket>(context, nameof(ReopenTicket.Reason), context["agent.reopenReason"], multiline: true)],
                Buttons.Submit(context, context["agent.reopenSend"], new ReopenTicket(t.Id, t.Version, ""), null, nameof(ReopenTicket.Reason))));
        if (incident && !t.IsMajor && t.Status.IsOpen())
            more.Add(Buttons.Run(context, context["agent.declareMajor"], new DeclareMajor(t.Id, t.Version), ButtonStyle.Destructive));
        if (incident && t.ProblemNumber is null)
        {
            // Problems are opened from level 2 or 3 (domain rule); any level can link to one that exists.
            if (t.Level >= SupportLevel.L2)
                more.Add(Buttons.Form(context["agent.openProblem"],
                    [FormInputs.Text<OpenProblem>(context, nameof(OpenProblem.Title), context["agent.problemTitle"], value: t.Title, maxLength: 200)],
                    Buttons.Submit(context, context["agent.openProblemSend"], new OpenProblem(t.Id, t.Version, ""), null, nameof(OpenProblem.Title))));
            more.Add(Buttons.Form(context["agent.linkProblem"],
                [FormInputs.Text<LinkProblem>(context, nameof(LinkProblem.ProblemNumber), context["agent.problemNumber"], placeholder: "PRB-000001", maxLength: 20)],
                Buttons.Submit(context, context["agent.linkProblemSend"], new LinkProblem(t.Id, t.Version, ""), null, nameof(LinkProblem.ProblemNumber))));
        }
        if (t.CategoryChoices.Count > 0 && t.Category is not null)
            more.Add(CategorizeForm(context, t));
        more.Add(Buttons.Form(context["agent.callCoordinator"],
            [FormInputs.Text<CallCoordinator>(context, nameof(CallCoordinator.Reason), context["agent.coordinatorReason"], multiline: true)],
            Buttons.Submit(context, context["agent.callCoordinatorSend"], new CallCoordinator(t.Id, t.Version, ""), null, nameof(CallCoordinator.Reason))));
        return more;
    }

    private static ShowCardAction ResolveForm(CardContext context, TicketView t)
    {
        var usual = t.Kind switch
        {
            TicketKind.ServiceRequest => ResolutionCode.Fulfilled,
            TicketKind.InformationRequest => ResolutionCode.Answered,
            _ => ResolutionCode.Fixed,
        };
        return Buttons.Form(context["agent.resolve"],
            [
                FormInputs.Choices<ResolveTicket>(context, nameof(ResolveTicket.Code), context["agent.resolutionCode"],
                    FormInputs.EnumChoices<ResolutionCode>(context), value: usual.ToString()),
                FormInputs.Text<ResolveTicket>(context, nameof(ResolveTicket.Notes), context["agent.resolutionNotes"], multiline: true,
                    placeholder: context["agent.resolutionNotesPlaceholder"]),
                FormInputs.Toggle<ResolveTicket>(nameof(ResolveTicket.Workaround), context["agent.resolutionWorkaround"]),
                FormInputs.Toggle<ResolveTicket>(nameof(ResolveTicket.Reusable), context["agent.resolutionReusable"]),
            ],
            Buttons.Submit(context, context["agent.resolveSend"], new ResolveTicket(t.Id, t.Version, usual, "", Workaround: false, Reusable: false),
                ButtonStyle.Positive, nameof(ResolveTicket.Code), nameof(ResolveTicket.Notes)));
    }

    private static ShowCardAction EscalateForm(CardContext context, TicketView t)
    {
        var higher = Enum.GetValues<SupportLevel>().Where(l => l > t.Level).ToArray();
        var groups = t.EscalationGroups.Where(g => g.Level > t.Level).OrderBy(g => g.Level).ThenBy(g => g.Group, StringComparer.Ordinal).ToArray();
        if (groups.Length > 0)
        {
            // The group decides the level; the payload's level is only the fallback of older cards.
            var texts = context.Texts;
            return Buttons.Form(context["agent.escalate"],
                [
                    FormInputs.Choices<EscalateTicket>(context, nameof(EscalateTicket.Group), context["agent.escalateGroup"],
                        groups.Select(g => new Choice(texts.Format("ticket.levelGroup", ("level", texts.Name(g.Level)), ("group", g.Group)), g.Group)).ToArray(),
                        value: groups[0].Group),
                    FormInputs.Text<EscalateTicket>(context, nameof(EscalateTicket.Reason), context["agent.escalateReason"], multiline: true),
                ],
                Buttons.Submit(context, context["agent.escalateSend"], new EscalateTicket(t.Id, t.Version, groups[0].Level, ""), null,
                    nameof(EscalateTicket.Group), nameof(EscalateTicket.Reason)));
        }
        return Buttons.Form(context["agent.escalate"],
            [
                FormInputs.Choices<EscalateTicket>(context, nameof(EscalateTicket.To), context["agent.escalateTo"],
                    FormInputs.EnumChoices(context, higher), value: higher[0].ToString()),
                FormInputs.Text<EscalateTicket>(context, nameof(EscalateTicket.Reason), context["agent.escalateReason"], multiline: true),
            ],
            Buttons.Submit(context, context["agent.escalateSend"], new EscalateTicket(t.Id, t.Version, higher[0], ""), null,
                nameof(EscalateTicket.To), nameof(EscalateTicket.Reason)));
    }

    private static ShowCardAction CategorizeForm(CardContext context, TicketView t) =>
        Buttons.Form(context["agent.categorize"],
            [
                FormInputs.Choices<CategorizeTicket>(context, nameof(CategorizeTicket.Category), context["ticket.category"],
                    t.CategoryChoices.Select(c => new Choice(c.Name.For(context.Texts.LanguageCode), c.Key)).ToArray(), value: t.CategoryKey),
            ],
            Buttons.Submit(context, context["agent.categorizeSend"], new CategorizeTicket(t.Id, t.Version, ""), null, nameof(CategorizeTicket.Category)));

    private static ShowCardAction AssignForm(CardContext context, TicketView t)
    {
        Element input = t.AssignableAgents.Count > 0
            ? FormInputs.Choices<AssignTicket>(context, nameof(AssignTicket.AssigneeKey), context["agent.assignTo"],
                t.AssignableAgents.Select(a => new Choice(a.DisplayName, a.Key)).ToArray())
            : FormInputs.Text<AssignTicket>(context, nameof(AssignTicket.AssigneeKey), context["agent.assignTo"],
                placeholder: context["agent.assignPlaceholder"], maxLength: 100);
        return Buttons.Form(context["agent.assign"], [input],
            Buttons.Submit(context, context["agent.assignSend"], new AssignTicket(t.Id, t.Version, ""), null, nameof(AssignTicket.AssigneeKey)));
    }
}
