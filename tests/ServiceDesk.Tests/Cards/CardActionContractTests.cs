using System.Reflection;
using System.Text.Json;
using ServiceDesk.Cards.Actions;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Tests.Schemas;

namespace ServiceDesk.Tests.Cards;

public class CardActionContractTests
{
    private static readonly Guid TicketId = Guid.Parse("6f1e4c1a-9a3b-4e51-8d2e-0c7f6a1b2c3d");

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static CardActionException Fails(string? verb, string data) =>
        Assert.Throws<CardActionException>(() => CardActionContract.Parse(verb, Json(data)));

    [Fact]
    public void Every_payload_type_is_in_the_table_once_with_a_camel_case_verb()
    {
        var payloadTypes = typeof(ICardAction).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICardAction).IsAssignableFrom(t))
            .ToArray();
        Assert.Equal(payloadTypes.Length, CardActionContract.Verbs.Count);
        Assert.Equal(CardActionContract.Verbs.Count, CardActionContract.Verbs.Distinct().Count());
        foreach (var type in payloadTypes)
        {
            var verb = (string)type.GetProperty("Verb", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            Assert.Equal(type, CardActionContract.PayloadTypeOf(verb));
            Assert.Matches("^[a-z][A-Za-z]+$", verb);
        }
    }

    [Fact]
    public void The_verb_list_is_the_documented_one()
    {
        string[] expected =
        [
            "claimTicket", "startWork", "assignTicket", "commentOnTicket", "askRequester", "putOnHold", "resumeTicket",
            "resolveTicket", "escalateTicket", "declareMajor", "openProblem", "linkProblem", "callCoordinator",
            "approveClosure", "rejectClosure", "replyOnTicket", "confirmFix", "reopenTicket", "cancelTicket", "refreshTicket",
            "help", "showMyTickets", "showTicket", "startIntake", "submitIntake", "deflectionSolved", "answerSurvey", "registerTriageChannel",
            "resolveProblem", "categorizeTicket", "declareOutage", "updateOutage", "endOutage", "imAffected", "refreshOutage", "declareBurst", "dismissBurst",
        ];
        Assert.Equal(expected.Order(), CardActionContract.Verbs.Order());
    }

    [Fact]
    public void Execute_takes_the_verb_from_the_action()
    {
        var action = CardActionContract.Parse("claimTicket", Json($$"""{"ticketId":"{{TicketId}}","version":3}"""));
        Assert.Equal(new ClaimTicket(TicketId, 3), action);
    }

    [Fact]
    public void Submit_and_invokes_without_a_verb_take_it_from_the_data()
    {
        var action = CardActionContract.Parse(null, Json($$"""{"verb":"claimTicket","ticketId":"{{TicketId}}","version":3}"""));
        Assert.Equal(new ClaimTicket(TicketId, 3), action);
        Assert.Equal("claimTicket", CardActionContract.VerbOf(action));
    }

    [Fact]
    public void The_actions_verb_wins_over_the_datas()
    {
        var action = CardActionContract.Parse("startWork", Json($$"""{"verb":"claimTicket","ticketId":"{{TicketId}}","version":3}"""));
        Assert.Equal(new StartWork(TicketId, 3), action);
    }

    [Fact]
    public void Input_values_arrive_as_strings_and_are_typed_by_the_payload()
    {
        // What Teams sends for a resolve form: the card's data plus every input as a string.
        var action = CardActionContract.Parse(null, Json($$"""
            {"verb":"resolveTicket","ticketId":"{{TicketId}}","version":"7","workaround":false,"reusable":false,
             "resolveTicket.code":"workaround","resolveTicket.notes":"KB-17","resolveTicket.workaround":"true","resolveTicket.reusable":"false"}
            """));
        Assert.Equal(new ResolveTicket(TicketId, 7, ResolutionCode.Workaround, "KB-17", Workaround: true, Reusable: false), action);
    }

    [Fact]
    public void Plain_input_ids_work_too_and_scoped_ones_win()
    {
        var plain = CardActionContract.Parse("putOnHold", Json($$"""{"ticketId":"{{TicketId}}","version":1,"reason":"ACME"}"""));
        Assert.Equal(new PutOnHold(TicketId, 1, "ACME"), plain);
        var both = CardActionContract.Parse("putOnHold", Json($$"""{"ticketId":"{{TicketId}}","version":1,"reason":"old","putOnHold.reason":"ACME"}"""));
        Assert.Equal(new PutOnHold(TicketId, 1, "ACME"), both);
    }

    [Fact]
    public void Inputs_of_other_forms_on_the_same_card_are_ignored()
    {
        var action = CardActionContract.Parse("escalateTicket", Json($$"""
            {"ticketId":"{{TicketId}}","version":4,"escalateTicket.to":"L2","escalateTicket.reason":"ACME",
             "putOnHold.reason":"x","resolveTicket.code":"NotACode","commentOnTicket.toRequester":"maybe"}
            """));
        Assert.Equal(new EscalateTicket(TicketId, 4, SupportLevel.L2, "ACME"), action);
    }

    [Fact]
    public void Optional_fields_may_be_absent_and_unknown_fields_are_ignored()
    {
        Assert.Equal(new CancelTicket(TicketId, 2), CardActionContract.Parse("cancelTicket", Json($$$"""{"ticketId":"{{{TicketId}}}","version":2,"msteams":{"type":"x"}}""")));
        Assert.Equal(new AnswerSurvey(TicketId, 4), CardActionContract.Parse("answerSurvey", Json($$"""{"surveyId":"{{TicketId}}","answerSurvey.rating":"4"}""")));
        Assert.IsType<Help>(CardActionContract.Parse("help", default));
        Assert.IsType<ShowMyTickets>(CardActionContract.Parse(null, Json("""{"verb":"showMyTickets"}""")));
    }

    [Fact]
    public void Intake_reads_kind_impact_and_urgency_by_name()
    {
        var action = CardActionContract.Parse(null, Json("""
            {"verb":"submitIntake","kind":"ServiceRequest","description":"","submitIntake.title":"VPN","submitIntake.description":"0x809",
             "submitIntake.category":"network","submitIntake.impact":"Low","submitIntake.urgency":"High"}
            """));
        Assert.Equal(new SubmitIntake(TicketKind.ServiceRequest, "VPN", "0x809", Impact.Low, Urgency.High, Category: "network"), action);
    }

    [Theory]
    [InlineData("doStuff")]
    [InlineData("ClaimTicket")] // verbs are case-sensitive, as Teams sends them
    public void An_unknown_verb_is_refused(string verb)
    {
        var error = Fails(verb, "{}");
        Assert.Equal(CardActionProblem.UnknownVerb, error.Problem);
        Assert.Equal(verb, error.Verb);
        Assert.Contains("claimTicket", error.Message);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"verb":""}""")]
    [InlineData("""{"verb":42}""")]
    public void No_verb_at_all_is_refused(string data) =>
        Assert.Equal(CardActionProblem.MissingVerb, Fails(null, data).Problem);

    public static TheoryData<string, string, string> MalformedPayloads() => new()
    {
        // verb, data, the field the error names
        { "claimTicket", $$"""{"ticketId":"{{TicketId}}"}""", "version" },
        { "claimTicket", """{"version":3}""", "ticketId" },
        { "claimTicket", $$"""{"ticketId":"{{TicketId}}","version":"three"}""", "version" },
        { "claimTicket", $$"""{"ticketId":"{{TicketId}}","version":3.5}""", "version" },
        { "claimTicket", """{"ticketId":"INC-000042","version":3}""", "ticketId" },
        { "claimTicket", $$"""{"ticketId":null,"version":3}""", "ticketId" },
        { "putOnHold", $$"""{"ticketId":"{{TicketId}}","version":3}""", "reason" },
        { "putOnHold", $$"""{"ticketId":"{{TicketId}}","version":3,"reason":null}""", "reason" },
        { "putOnHold", $$"""{"ticketId":"{{TicketId}}","version":3,"reason":["a"]}""", "reason" },
        { "resolveTicket", $$"""{"ticketId":"{{TicketId}}","version":3,"code":"Sorted","notes":"x","workaround":false,"reusable":false}""", "code" },
        { "resolveTicket", $$"""{"ticketId":"{{TicketId}}","version":3,"code":"2","notes":"x","workaround":false,"reusable":false}""", "code" },
        { "resolveTicket", $$"""{"ticketId":"{{TicketId}}","version":3,"code":"Fixed","notes":"x","workaround":"maybe","reusable":false}""", "workaround" },
        { "escalateTicket", $$"""{"ticketId":"{{TicketId}}","version":3,"to":"L4","reason":"x"}""", "to" },
        { "answerSurvey", $$"""{"surveyId":"{{TicketId}}","rating":"great"}""", "rating" },
        { "startIntake", """{"kind":"Complaint"}""", "kind" },
    };

    [Theory]
    [MemberData(nameof(MalformedPayloads))]
    public void A_payload_missing_a_field_or_with_a_wrong_type_is_refused_naming_the_field(string verb, string data, string field)
    {
        var error = Fails(verb, data);
        Assert.Equal(CardActionProblem.MalformedPayload, error.Problem);
        Assert.Equal(verb, error.Verb);
        Assert.Equal(field, error.Field);
        Assert.Contains(verb, error.Message);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"claimTicket\"")]
    [InlineData("42")]
    public void Data_that_is_not_an_object_is_refused(string data) =>
        Assert.Equal(CardActionProblem.MalformedPayload, Fails("claimTicket", data).Problem);

    [Fact]
    public void The_captured_teams_invoke_without_a_verb_is_a_missing_verb()
    {
        // shared/oracle: Teams' real Action.Execute invoke carries neither action.verb nor data.verb.
        var invoke = Json(File.ReadAllText(Path.Combine(NodeScript.Oracle, "teams", "activities", "invoke_adaptiveCard_action_Action.Execute_personal.json")));
        var action = invoke.GetProperty("value").GetProperty("action");
        var error = Fails(action.TryGetProperty("verb", out var v) ? v.GetString() : null, action.GetProperty("data").GetRawText());
        Assert.Equal(CardActionProblem.MissingVerb, error.Problem);
    }

    [Fact]
    public void The_synthetic_teams_submit_with_a_foreign_verb_is_an_unknown_verb()
    {
        var message = Json(File.ReadAllText(Path.Combine(NodeScript.Oracle, "teams", "activities", "message_action_submit_value_SYNTHETIC_agents-sdk-fixture.json")));
        var error = Fails(null, message.GetProperty("value").GetRawText());
        Assert.Equal(CardActionProblem.UnknownVerb, error.Problem);
        Assert.Equal("doStuff", error.Verb);
    }

    [Fact]
    public void Action_data_puts_the_verb_first_and_leaves_out_what_inputs_supply()
    {
        var data = ActionData.For(new ResolveTicket(TicketId, 3, ResolutionCode.Fixed, "", false, false), nameof(ResolveTicket.Code), nameof(ResolveTicket.Notes));
        Assert.Equal(["verb", "ticketId", "version", "workaround", "reusable"], data.Select(p => p.Key));
        Assert.Equal("resolveTicket", (string?)data["verb"]);
        Assert.Equal("resolveTicket.notes", ActionData.InputId<ResolveTicket>(nameof(ResolveTicket.Notes)));
        Assert.Throws<ArgumentException>(() => ActionData.InputId<ResolveTicket>("Colour"));
        Assert.Throws<ArgumentException>(() => ActionData.For(new ClaimTicket(TicketId, 1), "Colour"));
    }

    [Fact]
    public void Every_payload_survives_a_round_trip_through_its_own_data()
    {
        ICardAction[] samples =
        [
            new ClaimTicket(TicketId, 1), new StartWork(TicketId, 2), new AssignTicket(TicketId, 3, "luis"),
            new CommentOnTicket(TicketId, 4, "hola", true), new AskRequester(TicketId, 5, "¿desde cuándo?"), new PutOnHold(TicketId, 6, "ACME"),
            new ResumeTicket(TicketId, 7), new ResolveTicket(TicketId, 8, ResolutionCode.NotReproducible, "KB", true, true),
            new EscalateTicket(TicketId, 9, SupportLevel.L3, "vendor"), new DeclareMajor(TicketId, 10), new OpenProblem(TicketId, 11, "VPN"),
            new LinkProblem(TicketId, 12, "PRB-000003"), new CallCoordinator(TicketId, 13, "P1"), new ApproveClosure(TicketId, 14),
            new RejectClosure(TicketId, 15, "notes"), new ReplyOnTicket(TicketId, 16, "ok"), new ConfirmFix(TicketId, 17),
            new ReopenTicket(TicketId, 18, "again"), new CancelTicket(TicketId, 19, "dup"), new RefreshTicket(TicketId, 20, TicketCardAudience.Agent),
            new Help(), new ShowMyTickets(), new ShowTicket(TicketId), new StartIntake(TicketKind.InformationRequest),
            new SubmitIntake(TicketKind.Incident, "t", "d", Impact.High, Urgency.Low, Service: "mail"), new DeflectionSolved(TicketId), new AnswerSurvey(TicketId, 5, "gracias"),
            new RegisterTriageChannel("net-ops"),
            new ResolveProblem(TicketId, 21, "FortiGate 7.4.2"), new CategorizeTicket(TicketId, 22, "network"),
            new DeclareBurst(TicketId, 23, TicketId, "VPN 0x809"), new DismissBurst(TicketId, 24),
            new DeclareOutage("email", "Correo caído", "Sin envío", ServiceDesk.Domain.Outages.OutageSeverity.Security,
                ServiceDesk.Domain.Outages.OutageAudienceKind.Departments, "Finanzas, Ventas", "2026-11-23 10:00"),
            new UpdateOutage(TicketId, "Sigue"), new EndOutage(TicketId, "Fin"), new ImAffected(TicketId), new RefreshOutage(TicketId),
        ];
        Assert.Equal(CardActionContract.Verbs.Order(), samples.Select(CardActionContract.VerbOf).Order());
        foreach (var sample in samples)
        {
            var data = ActionData.Of(sample);
            Assert.Equal(CardActionContract.VerbOf(sample), (string?)data["verb"]);
            var parsed = CardActionContract.Parse(null, Json(data.ToJsonString()));
            Assert.Equal(sample, parsed);
        }
    }
}
