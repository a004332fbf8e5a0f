using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Cards.AdaptiveCards;
using ServiceDesk.Cards.Localization;
using ServiceDesk.Cards.Tickets;
using ServiceDesk.Domain.Tickets;
using static ServiceDesk.Tests.Cards.CardFixtures;

namespace ServiceDesk.Tests.Cards;

/// <summary>
/// Clicks every button of every card the way a client does (data merged with the associated
/// inputs' values, as strings) and reads the result back through the contract.
/// </summary>
public class CardRoundTripTests
{
    /// <summary>What a person would type or pick: the input's own value, else the first choice, else some text.</summary>
    private static string Fill(JsonObject input) => (string)input["type"]! switch
    {
        "Input.Toggle" => "true",
        "Input.ChoiceSet" => (string?)input["value"] ?? (string)input["choices"]![0]!["value"]!,
        _ => (string?)input["value"] ?? "PRB-000007",
    };

    /// <summary>The JSON a channel hands the bot for a click: Teams merges input values into the data under their ids.</summary>
    private static JsonElement Sent(CardClick click, Func<JsonObject, string>? fill = null)
    {
        var data = (JsonObject)click.Data.DeepClone();
        foreach (var input in click.Inputs) data[(string)input["id"]!] = (fill ?? Fill)(input);
        return JsonDocument.Parse(data.ToJsonString()).RootElement.Clone();
    }

    private static IEnumerable<(RenderedCard Card, CardClick Click)> AllClicks() =>
        CardGallery.All.SelectMany(card => CardWalk.Clicks(card.Card).Select(click => (card, click)));

    [Fact]
    public void Every_button_on_every_card_parses_back_into_its_payload()
    {
        var seen = new HashSet<string>();
        foreach (var (card, click) in AllClicks())
        {
            var verb = (string)click.Data["verb"]!;
            var sent = Sent(click);
            ICardAction action;
            try
            {
                // Execute gives the verb; Submit (and Teams invokes without one) only the data.
                action = CardActionContract.Parse(click.Type == "Action.Execute" ? click.Verb : null, sent);
                if (click.Type == "Action.Execute") Assert.Equal(action, CardActionContract.Parse(null, sent));
            }
            catch (CardActionException e)
            {
                Assert.Fail($"{card}: '{click.Action["title"]}' sends {sent.GetRawText()}: {e.Message}");
                throw;
            }
            Assert.Equal(verb, CardActionContract.VerbOf(action));
            seen.Add(verb);
        }
        Assert.Equal(CardActionContract.Verbs.Order(), seen.Order());
    }

    [Fact]
    public void Required_inputs_are_not_in_the_data_so_a_click_without_them_is_refused()
    {
        // Guards the forms: if an input id drifted from its payload property, the value would be lost silently.
        var formClicks = AllClicks().Where(x => x.Click.Inputs.Any(i => i["isRequired"]?.GetValue<bool>() == true)).ToArray();
        Assert.NotEmpty(formClicks);
        foreach (var (card, click) in formClicks)
        {
            var bare = JsonDocument.Parse(click.Data.ToJsonString()).RootElement.Clone();
            var error = Assert.Throws<CardActionException>(() => CardActionContract.Parse(null, bare));
            Assert.Equal(CardActionProblem.MalformedPayload, error.Problem);
        }
    }

    [Fact]
    public void No_button_is_blocked_by_a_required_input_of_another_form()
    {
        // Clients validate every input a click sends: a required field of another form around the
        // button (e.g. a required rating above a "not fixed" form) would refuse the click.
        foreach (var (card, click) in AllClicks())
        {
            var verb = (string)click.Data["verb"]!;
            var foreign = click.Inputs
                .Where(i => i["isRequired"]?.GetValue<bool>() == true && !((string)i["id"]!).StartsWith(verb + ".", StringComparison.Ordinal))
                .Select(i => (string)i["id"]!)
                .ToArray();
            Assert.True(foreign.Length == 0, $"{card}: '{click.Action["title"]}' ({verb}) would need {string.Join(", ", foreign)}");
        }
    }

    [Fact]
    public void Ticket_actions_carry_the_id_and_version_the_card_showed()
    {
        foreach (var (card, click) in AllClicks().Where(x => x.Card.Name.StartsWith("agent-", StringComparison.Ordinal) || x.Card.Name.StartsWith("requester-", StringComparison.Ordinal)))
        {
            var action = CardActionContract.Parse(null, Sent(click));
            var ticketAction = Assert.IsAssignableFrom<ITicketAction>(action);
            Assert.Equal(NewTicket().Id, ticketAction.TicketId);
            Assert.True(ticketAction.Version >= 1, $"{card}: version {ticketAction.Version}");
        }
    }

    [Fact]
    public void The_resolve_form_of_the_agent_card_yields_exactly_what_was_entered()
    {
        var ticket = TicketIn(TicketStatus.InProgress);
        var card = AgentTicketCard.Render(ViewOf(ticket), Context(Language.English));
        var click = CardWalk.Clicks(card).Single(c => (string?)c.Data["verb"] == "resolveTicket");
        var entered = new Dictionary<string, string>
        {
            ["resolveTicket.code"] = "Workaround",
            ["resolveTicket.notes"] = "KB-17",
            ["resolveTicket.workaround"] = "true",
            ["resolveTicket.reusable"] = "false",
        };
        var action = CardActionContract.Parse(click.Verb, Sent(click, input => entered[(string)input["id"]!]));
        Assert.Equal(new ResolveTicket(ticket.Id, ticket.Version, ResolutionCode.Workaround, "KB-17", Workaround: true, Reusable: false), action);
    }

    [Fact]
    public void The_comment_form_keeps_the_internal_note_default_unless_toggled()
    {
        var ticket = TicketIn(TicketStatus.Assigned);
        var card = AgentTicketCard.Render(ViewOf(ticket), Context(Language.Spanish, ActionKind.Submit));
        var click = CardWalk.Clicks(card).Single(c => (string?)c.Data["verb"] == "commentOnTicket");
        Assert.Equal("Action.Submit", click.Type);
        var note = CardActionContract.Parse(null, Sent(click, i => (string)i["type"]! == "Input.Toggle" ? "false" : "nota"));
        Assert.Equal(new CommentOnTicket(ticket.Id, ticket.Version, "nota", ToRequester: false), note);
        var toRequester = CardActionContract.Parse(null, Sent(click, i => (string)i["type"]! == "Input.Toggle" ? "true" : "hola"));
        Assert.Equal(new CommentOnTicket(ticket.Id, ticket.Version, "hola", ToRequester: true), toRequester);
    }

    [Fact]
    public void Buttons_without_inputs_do_not_send_the_cards_inputs()
    {
        // Otherwise an empty required field of a form on the same card would block "Claim".
        var card = AgentTicketCard.Render(ViewOf(TicketIn(TicketStatus.New)), Context(Language.English));
        var claim = CardWalk.Clicks(card).Single(c => (string?)c.Data["verb"] == "claimTicket");
        Assert.Equal("None", (string?)claim.Action["associatedInputs"]);
        Assert.Equal("None", (string?)claim.Action["fallback"]!["associatedInputs"]);
    }

    [Fact]
    public void The_refresh_action_rerenders_the_same_card_for_the_same_audience()
    {
        var ticket = TicketIn(TicketStatus.Assigned);
        var agent = CardWalk.Clicks(AgentTicketCard.Render(ViewOf(ticket), Context(Language.English))).Single(c => c.IsRefresh);
        var requester = CardWalk.Clicks(RequesterTicketCard.Render(ViewOf(ticket), Context(Language.English))).Single(c => c.IsRefresh);
        Assert.Equal(new RefreshTicket(ticket.Id, ticket.Version, TicketCardAudience.Agent), CardActionContract.Parse(agent.Verb, Sent(agent)));
        Assert.Equal(new RefreshTicket(ticket.Id, ticket.Version, TicketCardAudience.Requester), CardActionContract.Parse(requester.Verb, Sent(requester)));
    }
}
