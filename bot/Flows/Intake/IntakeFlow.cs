using System.Text.Json.Nodes;
using ServiceDesk.Bot.Flows.Deflection;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.Intake;
using ServiceDesk.Cards.Knowledge;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Messages;
using ServiceDesk.Cards.Welcome;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Classification;
using ServiceDesk.Domain.Flows;
using ServiceDesk.Domain.Knowledge;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Flows.Intake;

/// <summary>
/// From what the person says to a registered ticket: the desk reads kind, category, service, impact
/// and urgency from their words; offers known answers first where they may solve it; otherwise (or
/// when they still need help) shows the form pre-filled with its reading, which they correct and send.
/// Each step is saved with the turn, so a restart continues with what the person saw.
/// </summary>
internal sealed class IntakeFlow(
    FlowStates states,
    TriageModel model,
    ICatalogRepository catalog,
    IClassifierExampleStore examples,
    KnownAnswers answers,
    ITicketRegistrar registrar,
    ITicketRepository tickets)
{
    // A second click on the same form within this window (a double tap, a slow client) is the same ticket.
    private static readonly TimeSpan SameClick = TimeSpan.FromMinutes(2);

    /// <summary>
    /// "Report a problem" and the like: the empty form of that kind, which text typed next fills. When the
    /// person's words are waiting (they said it is not an answer to the desk's question), those fill it now.
    /// </summary>
    public async Task<JsonObject> StartAsync(TurnContext context, TicketKind kind, CancellationToken ct)
    {
        if (await states.AtAsync(context, FlowStep.ReplyOrNew, ct) is { Data.Text: { Length: > 0 } waiting })
            return await DescribeAsync(context, waiting, ct);
        await states.MoveToAsync(context, FlowName.Intake, FlowStep.Form, new FlowData { Kind = kind }, ct);
        var choices = await ChoicesAsync(ct);
        return IntakeFormCard.Render(new IntakeFormView(kind, choices.Categories, choices.Services), context.Cards);
    }

    /// <summary>Free text, alone or on top of what the person already told this flow; the card that answers it.</summary>
    public async Task<JsonObject> DescribeAsync(TurnContext context, string text, CancellationToken ct)
    {
        var state = await states.CurrentAsync(context, ct);
        var inIntake = state is { Flow: FlowName.Intake };
        var earlier = inIntake ? state!.Data : FlowData.Empty;
        var all = Summaries.Combine(earlier.Text, text);

        var triage = await model.ReadAsync(all, earlier.Kind, catalog, examples, ct);
        if (!triage.Understood && string.IsNullOrWhiteSpace(earlier.Text))
            return HelpCard.Render(HelpAudience.Employee, context.BotName, context.Cards, context.Texts["flow.notUnderstood"]);

        var data = new FlowData
        {
            Text = all,
            Kind = triage.Kind,
            CategoryKey = triage.CategoryKey,
            ServiceKey = triage.ServiceKey,
            Impact = triage.Impact,
            Urgency = triage.Urgency,
            OfferedArticles = earlier.OfferedArticles,
        };
        if (KnownAnswers.Applies(triage.Kind))
        {
            var offered = await answers.FindAsync(all, LanguageOf(triage, context), triage.CategoryKey, earlier.OfferedArticles, ct);
            if (offered.Count > 0)
            {
                data = data with { OfferedArticles = [.. earlier.OfferedArticles, .. offered.Select(a => a.ArticleId)] };
                await states.MoveToAsync(context, FlowName.Intake, FlowStep.Deflecting, data, ct);
                return DeflectionCard.Render(new DeflectionView(offered, IntakeOf(data)), context.Cards);
            }
        }
        await states.MoveToAsync(context, FlowName.Intake, FlowStep.Form, data, ct);
        return await FormAsync(context, data, ct);
    }

    /// <summary>What the text reads as: an incident, a request or a question.</summary>
    public async Task<TicketKind> KindOfAsync(string text, CancellationToken ct) =>
        (await model.ReadAsync(text, null, catalog, examples, ct)).Kind;

    /// <summary>The form as the flow last left it, for someone who types while it is out.</summary>
    public async Task<JsonObject> FormAsync(TurnContext context, FlowData data, CancellationToken ct)
    {
        var kind = data.Kind ?? TicketKind.Incident;
        var choices = await ChoicesAsync(ct);
        if (string.IsNullOrWhiteSpace(data.Text))
            return IntakeFormCard.Render(new IntakeFormView(kind, choices.Categories, choices.Services), context.Cards);
        var intake = IntakeOf(data);
        return IntakeFormCard.Render(new IntakeFormView(kind, choices.Categories, choices.Services, intake.Title, intake.Description)
        {
            Proposal = new IntakeProposal(data.CategoryKey, data.ServiceKey, intake.Impact, intake.Urgency),
        }, context.Cards);
    }

    /// <summary>
    /// The form was sent (or "I still need help" pressed): the ticket is registered, the requester's and
    /// the triage channel's cards go out with this turn, and the flow ends. Answers the clicked card.
    /// </summary>
    public async Task<JsonObject> SubmitAsync(TurnContext context, SubmitIntake submitted, CancellationToken ct)
    {
        if (await states.AtAsync(context, FlowStep.Deflecting, ct) is { } deflecting)
        {
            // They still needed help: none of the answers solved it.
            foreach (var article in deflecting.Data.OfferedArticles)
                await answers.RecordAsync(article, KnowledgeFeedback.NotHelpful, ct);
        }
        var intake = new TicketIntake(submitted.Kind, submitted.Title.Trim(), submitted.Description.Trim(), submitted.Impact, submitted.Urgency,
            Blank(submitted.Category), Blank(submitted.Service));
        var requester = Requesters.Of(context);
        var ticket = await TwinAsync(intake, requester, context.Now, ct) ?? await registrar.RegisterAsync(intake, requester, ct);
        await states.EndAsync(context, ct);
        return MessageCard.Render(Messages.TicketRegistered(context.Texts, ticket.Number, ticket.Id), context.Cards);
    }

    /// <summary>"This solved it": counted for the article, and the conversation ends without a ticket.</summary>
    public async Task<JsonObject> SolvedAsync(TurnContext context, Guid articleId, CancellationToken ct)
    {
        await answers.RecordAsync(articleId, KnowledgeFeedback.Helpful, ct);
        if (await states.AtAsync(context, FlowStep.Deflecting, ct) is not null) await states.EndAsync(context, ct);
        var texts = context.Texts;
        return MessageCard.Render(new MessageView(texts["flow.solved.title"], texts["flow.solved.text"], MessageTone.Success), context.Cards);
    }

    /// <summary>What the flow would register now: the person's words and the desk's reading of them.</summary>
    public static SubmitIntake IntakeOf(FlowData data)
    {
        var text = data.Text ?? "";
        var title = Summaries.TitleOf(text);
        var kind = data.Kind ?? TicketKind.Incident;
        return new SubmitIntake(kind, title, Summaries.DescriptionOf(text, title),
            data.Impact ?? Impact.Low, data.Urgency ?? (kind == TicketKind.Incident ? Urgency.Medium : Urgency.Low),
            data.CategoryKey, data.ServiceKey);
    }

    private static string LanguageOf(Triage triage, TurnContext context) => triage.Language switch
    {
        TextLanguage.Spanish => Language.Spanish.Code(),
        TextLanguage.English => Language.English.Code(),
        _ => context.Texts.LanguageCode,
    };

    private async Task<Ticket?> TwinAsync(TicketIntake intake, RequesterIdentity requester, DateTimeOffset now, CancellationToken ct) =>
        (await tickets.QueryAsync(new TicketQuery(RequesterKey: requester.Key, CreatedFrom: now - SameClick, Take: 5), ct))
            .FirstOrDefault(t => t.Kind == intake.Kind && t.Title == intake.Title && t.Description == intake.Description);

    private static string? Blank(string? key) => string.IsNullOrWhiteSpace(key) ? null : key.Trim();

    private Task<IntakeChoices> ChoicesAsync(CancellationToken ct) => model.ChoicesAsync(catalog, examples, ct);
}
