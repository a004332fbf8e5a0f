using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Tests.Cards;
using ServiceDesk.Tests.Channels.Teams.EndToEnd;
using ServiceDesk.Tests.Channels.Teams.Support;
using ServiceDesk.Tests.Schemas;

namespace ServiceDesk.Tests.Flows;

/// <summary>
/// One employee (Megan, in her personal chat with the bot) talking to the whole bot through
/// /api/messages: what she types and clicks goes in as Teams activities, what the bot says comes out
/// through the fake Bot Connector. Every card she sees is checked against Adaptive Cards 1.5.
/// </summary>
public abstract class FlowTest : EndToEndTest
{
    private const string Message = "message_personal_chat";
    private const string Invoke = "invoke_adaptiveCard_action_Action.Execute_personal";

    private int _seen;
    private int _ids;
    private readonly List<(string Name, JsonElement Card)> _cards = [];

    /// <summary>Megan's Entra object id: what her tickets remember her by.</summary>
    protected const string MeganAad = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8";

    /// <summary>She types in her chat; the bot's answers (one card each) come back, in order.</summary>
    internal async Task<IReadOnlyList<JsonObject>> SayAsync(DeskBot bot, string text, string locale, int answers = 1)
    {
        var activity = Activity(Message, a =>
        {
            a["id"] = $"msg-{Interlocked.Increment(ref _ids)}";
            a["text"] = text;
            a["locale"] = locale;
            a["timestamp"] = DateTimeOffset.UtcNow.ToString("O");
        });
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bot, activity)).StatusCode);
        return await NextCardsAsync(answers, $"after \"{text}\"");
    }

    /// <summary>
    /// She presses the button of <paramref name="card"/> that runs <paramref name="verb"/> (Action.Execute), with the
    /// inputs the client associates, filled by <paramref name="fill"/> (else the input's own value); the invoke's answer.
    /// </summary>
    internal async Task<JsonObject> ClickAsync(DeskBot bot, JsonObject card, string verb, string locale,
        IReadOnlyDictionary<string, string>? fill = null, Func<JsonObject, bool>? which = null)
    {
        var click = CardWalk.Clicks(card).First(c => !c.IsRefresh && c.Type == "Action.Execute" && c.Verb == verb && (which?.Invoke(c.Data) ?? true));
        var data = (JsonObject)click.Data.DeepClone();
        foreach (var input in click.Inputs)
        {
            var id = (string)input["id"]!;
            data[id] = fill is not null && fill.TryGetValue(id, out var value) ? value : (string?)input["value"] ?? "";
        }
        var megan = JsonNode.Parse(OracleActivities.Read(Message))!.AsObject();
        var invoke = Activity(Invoke, a =>
        {
            a["id"] = $"f:click-{Interlocked.Increment(ref _ids)}";
            a["from"] = megan["from"]!.DeepClone();
            a["recipient"] = megan["recipient"]!.DeepClone();
            a["conversation"] = megan["conversation"]!.DeepClone();
            a["channelData"] = megan["channelData"]!.DeepClone();
            a["locale"] = locale;
            a["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = "manual",
            };
        });
        var response = await PostAsync(bot, invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.True((string?)body["type"] == "application/vnd.microsoft.card.adaptive", $"{verb} answered {body.ToJsonString()}");
        var answer = body["value"]!.AsObject();
        Keep($"{verb}-answer", answer);
        return answer;
    }

    /// <summary>The next <paramref name="count"/> new messages (not edits of earlier ones) the connector delivered, as cards.</summary>
    internal async Task<IReadOnlyList<JsonObject>> NextCardsAsync(int count, string why = "")
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (Posted().Count < _seen + count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Expected {count} more messages {why}; requests: {string.Join(", ", Connector.Requests.Select(r => $"{r.Method} {r.Status}"))}");
            await Task.Delay(20);
        }
        var fresh = Posted().Skip(_seen).Take(count).ToList();
        _seen += count;
        return fresh.Select(r =>
        {
            var card = JsonNode.Parse(CardOf(r).GetRawText())!.AsObject();
            Keep($"delivered-{_seen}{why}", card);
            return card;
        }).ToList();
    }

    /// <summary>No new message was sent after what the test has read.</summary>
    protected async Task AssertNothingMoreAsync()
    {
        await SettleAsync();
        Assert.Equal(_seen, Posted().Count);
    }

    private List<FakeBotConnector.RecordedRequest> Posted() => Connector.Delivered.Where(r => r.Method == "POST").ToList();

    /// <summary>All cards seen so far validate against Adaptive Cards 1.5 (one validator run).</summary>
    protected void AssertAllCardsValid() =>
        SchemaValidator.AssertValid(SchemaValidator.AdaptiveCard,
            _cards.Select((c, i) => ($"{i:00}-{Safe(c.Name)}.json", c.Card.GetRawText())).ToArray());

    internal static async Task<T> InScopeAsync<T>(DeskBot bot, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>
    /// An administrator retires the starter articles: a desk with no known answer for what she reports,
    /// so her words go straight to the pre-filled form (the deflection path has tests of its own).
    /// </summary>
    internal static Task RetireStarterKnowledgeAsync(DeskBot bot) =>
        InScopeAsync(bot, async s =>
        {
            var context = s.GetRequiredService<ServiceDesk.Storage.ServiceDeskContext>();
            var articles = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                context.Set<ServiceDesk.Domain.Knowledge.KnowledgeArticle>());
            Assert.NotEmpty(articles);
            foreach (var article in articles) article.Retire(DateTimeOffset.UtcNow);
            await s.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            return 0;
        });

    internal static Task<IReadOnlyList<Ticket>> MeganTicketsAsync(DeskBot bot) =>
        InScopeAsync(bot, s => s.GetRequiredService<ITicketRepository>().QueryAsync(new TicketQuery(RequesterKey: MeganAad)));

    /// <summary>An agent works the ticket (the agent desk is not what these tests are about): claimed and resolved.</summary>
    internal static Task ResolveAsync(DeskBot bot, TicketNumber number, string notes) =>
        InScopeAsync(bot, async s =>
        {
            var ticket = (await s.GetRequiredService<ITicketRepository>().FindByNumberAsync(number))!;
            var agent = new PersonRef("luis", "Luis Gómez");
            ticket.Claim(agent, DateTimeOffset.UtcNow);
            ticket.Resolve(new Resolution(ResolutionCode.Fixed, notes, IsWorkaround: false, ReusableAsKnowledge: false), agent, DateTimeOffset.UtcNow);
            await s.GetRequiredService<IUnitOfWork>().SaveChangesAsync();
            return 0;
        });

    internal static string Text(JsonObject card) => string.Join("\n", CardWalk.VisibleStrings(card));

    private void Keep(string name, JsonObject card) => _cards.Add((name, JsonSerializer.SerializeToElement(card)));

    private static string Safe(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_').Take(60).ToArray());
}
