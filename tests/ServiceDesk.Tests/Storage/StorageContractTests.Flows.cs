using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Classification;
using ServiceDesk.Domain.Flows;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Tests.Storage;

// Conversation flow states (a restart mid-flow continues) and the classifier's learned examples.
public abstract partial class StorageContractTests
{
    private const string FlowConversation = "msteams|user|29:ana";

    private static readonly FlowData FullFlowData = new()
    {
        Text = "Mi portátil no arranca desde esta mañana y no puedo trabajar",
        Kind = TicketKind.Incident,
        CategoryKey = "laptop",
        ServiceKey = "workplace",
        Impact = Impact.Low,
        Urgency = Urgency.High,
        TicketId = Guid.Parse("6f1f7a0e-1b7d-4c55-9b56-2f4e0b3c9a11"),
        OfferedArticles = [Guid.Parse("0a4f3c1e-5d2b-4e8f-9a7c-1b2d3e4f5a6b"), Guid.Parse("9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")],
    };

    [StorageFact]
    public async Task Flow_state_round_trips_every_field_and_its_payload()
    {
        await using (var flows = BeginFlows())
        {
            flows.Repository.Add(ConversationFlowState.Begin(FlowConversation, FlowName.Intake, FlowStep.Deflecting, FullFlowData, T0));
            await flows.SaveAsync();
        }

        await using (var flows = BeginFlows())
        {
            var state = (await flows.Repository.FindAsync(FlowConversation))!;
            Assert.Equal(FlowName.Intake, state.Flow);
            Assert.Equal(FlowStep.Deflecting, state.Step);
            Assert.Equal(FullFlowData.Text, state.Data.Text);
            Assert.Equal((TicketKind?)TicketKind.Incident, state.Data.Kind);
            Assert.Equal("laptop", state.Data.CategoryKey);
            Assert.Equal("workplace", state.Data.ServiceKey);
            Assert.Equal((Impact?)Impact.Low, state.Data.Impact);
            Assert.Equal((Urgency?)Urgency.High, state.Data.Urgency);
            Assert.Equal(FullFlowData.TicketId, state.Data.TicketId);
            Assert.Equal(FullFlowData.OfferedArticles, state.Data.OfferedArticles);
            AssertUtc(T0, state.StartedAt);
            AssertUtc(T0, state.UpdatedAt);
            Assert.Equal(1, state.Version);
        }
        await using (var flows = BeginFlows())
            Assert.Null(await flows.Repository.FindAsync("msteams|user|29:luis"));
    }

    [StorageFact]
    public async Task A_flow_step_and_an_emptied_payload_are_saved()
    {
        await using (var flows = BeginFlows())
        {
            flows.Repository.Add(ConversationFlowState.Begin(FlowConversation, FlowName.Intake, FlowStep.Deflecting, FullFlowData, T0));
            await flows.SaveAsync();
        }
        await using (var flows = BeginFlows())
        {
            var state = (await flows.Repository.FindAsync(FlowConversation))!;
            state.MoveTo(FlowName.Reply, FlowStep.ReplyOrNew, new FlowData { Text = "sí, reiniciado" }, T0.AddMinutes(3));
            await flows.SaveAsync();
        }
        await using (var flows = BeginFlows())
        {
            var state = (await flows.Repository.FindAsync(FlowConversation))!;
            Assert.Equal((FlowName.Reply, FlowStep.ReplyOrNew, 2), (state.Flow, state.Step, state.Version));
            Assert.Equal("sí, reiniciado", state.Data.Text);
            Assert.Null(state.Data.Kind);
            Assert.Empty(state.Data.OfferedArticles);
            AssertUtc(T0.AddMinutes(3), state.StartedAt);
            AssertUtc(T0.AddMinutes(3), state.UpdatedAt);
        }
    }

    [StorageFact]
    public async Task Two_turns_moving_one_flow_at_once_conflict_instead_of_overwriting()
    {
        await using (var flows = BeginFlows())
        {
            flows.Repository.Add(ConversationFlowState.Begin(FlowConversation, FlowName.Intake, FlowStep.Form, FullFlowData, T0));
            await flows.SaveAsync();
        }

        await using var first = BeginFlows();
        await using var second = BeginFlows();
        var mine = (await first.Repository.FindAsync(FlowConversation))!;
        var theirs = (await second.Repository.FindAsync(FlowConversation))!;
        mine.MoveTo(FlowName.Intake, FlowStep.Form, FullFlowData with { Text = "primero" }, T0.AddMinutes(1));
        theirs.MoveTo(FlowName.Intake, FlowStep.Deflecting, FullFlowData with { Text = "segundo" }, T0.AddMinutes(1));
        await first.SaveAsync();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(second.SaveAsync);

        await using var read = BeginFlows();
        Assert.Equal("primero", (await read.Repository.FindAsync(FlowConversation))!.Data.Text);
    }

    [StorageFact]
    public async Task An_ended_flow_is_gone_and_the_next_one_starts_fresh()
    {
        await using (var flows = BeginFlows())
        {
            flows.Repository.Add(ConversationFlowState.Begin(FlowConversation, FlowName.Intake, FlowStep.Form, FullFlowData, T0));
            await flows.SaveAsync();
        }
        await using (var flows = BeginFlows())
        {
            flows.Repository.Remove((await flows.Repository.FindAsync(FlowConversation))!);
            await flows.SaveAsync();
        }
        await using (var flows = BeginFlows())
        {
            Assert.Null(await flows.Repository.FindAsync(FlowConversation));
            flows.Repository.Add(ConversationFlowState.Begin(FlowConversation, FlowName.Intake, FlowStep.Form, FlowData.Empty, T0.AddHours(1)));
            await flows.SaveAsync();
        }
        await using (var flows = BeginFlows())
            Assert.Equal(1, (await flows.Repository.FindAsync(FlowConversation))!.Version);
    }

    [StorageFact]
    public async Task Learned_examples_come_back_in_the_order_they_were_learned()
    {
        await using (var flows = BeginFlows())
        {
            var store = flows.Get<IClassifierExampleStore>();
            await store.AddAsync(new LearnedExample("la impresora de la 3ª planta no imprime", "printing", 5, T0.AddMinutes(2)));
            await store.AddAsync(new LearnedExample("Outlook keeps asking for my password", "email", 1, T0));
            await flows.SaveAsync();
        }

        await using var read = BeginFlows();
        var examples = await read.Get<IClassifierExampleStore>().ListAsync();
        Assert.Equal(["email", "printing"], examples.Select(e => e.CategoryKey));
        Assert.Equal(("Outlook keeps asking for my password", 1.0), (examples[0].Text, examples[0].Weight));
        Assert.Equal(("la impresora de la 3ª planta no imprime", 5.0), (examples[1].Text, examples[1].Weight));
        AssertUtc(T0, examples[0].At);
        AssertUtc(T0.AddMinutes(2), examples[1].At);
    }

    private FlowUnit BeginFlows() => new(Services.CreateAsyncScope());

    private sealed class FlowUnit(AsyncServiceScope scope) : IAsyncDisposable
    {
        public IConversationFlowRepository Repository => Get<IConversationFlowRepository>();

        public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

        public Task SaveAsync() => Get<IUnitOfWork>().SaveChangesAsync();

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
