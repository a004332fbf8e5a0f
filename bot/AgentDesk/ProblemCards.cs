using ServiceDesk.Bot.Outbox;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Problems;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.AgentDesk;

/// <summary>A problem's card in its owner group's triage channel (<c>problem-card:PRB-000012</c>), posted once and edited after.</summary>
public sealed class ProblemCards(ITicketRepository tickets, TicketAddresses addresses, TicketCards cards, IOutbound outbound, TimeProvider time)
{
    public static string CardKey(Problem problem) => $"problem-card:{problem.Number}";

    public async Task<ProblemView> ViewAsync(Problem problem, CancellationToken ct)
    {
        var numbers = new List<string>();
        foreach (var id in problem.LinkedIncidents)
            if (await tickets.FindAsync(id, ct) is { } incident) numbers.Add(incident.Number.ToString());
        return ProblemView.From(problem, numbers);
    }

    public async Task PostAsync(Problem problem, CancellationToken ct)
    {
        if (await addresses.TriageChannelAsync(problem.OwnerGroup, ct) is not { } triage) return;
        var view = await ViewAsync(problem, ct);
        cards.Send(triage.Channel, c => ProblemCard.Render(view, c), CardKey(problem));
    }

    public async Task RefreshAsync(Problem problem, CancellationToken ct)
    {
        if (await addresses.TriageChannelAsync(problem.OwnerGroup, ct) is not { } triage) return;
        var view = await ViewAsync(problem, ct);
        var card = ProblemCard.Render(view, cards.ContextFor(triage.Channel.Locale, triage.Channel.ChannelId, time.GetUtcNow()));
        outbound.UpdateCorrelated(new OutboundTarget(triage.Channel.ReferenceKey), CardKey(problem), OutboundMessage.FromCard(card));
    }

    public async Task<System.Text.Json.Nodes.JsonObject> RenderAsync(Problem problem, CardContext reader, CancellationToken ct) =>
        ProblemCard.Render(await ViewAsync(problem, ct), reader);
}
