using ServiceDesk.Bot.Admin;
using ServiceDesk.Bot.ApiDescription;
using ServiceDesk.Bot.AgentDesk;
using ServiceDesk.Bot.Bursts;
using ServiceDesk.Bot.Channels.Teams;
using ServiceDesk.Bot.Database;
using ServiceDesk.Bot.Desk;
using ServiceDesk.Bot.Flows;
using ServiceDesk.Bot.Health;
using ServiceDesk.Bot.Jobs;
using ServiceDesk.Bot.Outages;
using ServiceDesk.Bot.Outbox;
using ServiceDesk.Bot.People;
using ServiceDesk.Bot.Reports;
using ServiceDesk.Bot.Startup;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Bot.Turns;

var builder = WebApplication.CreateBuilder(args).UseDeskDefaults();
builder.Services
    .AddDeskOptions(builder.Configuration)
    .AddDeskDatabase(builder.Configuration, builder.Environment)
    .AddDeskJobs(builder.Configuration)
    .AddTeamsChannel(builder.Configuration)
    .AddTurnRouter()
    .AddConversationFlows()
    .AddOutbox(builder.Configuration)
    .AddPeopleDirectory(builder.Configuration)
    .AddTickets(builder.Configuration)
    .AddAgentDesk()
    .AddReports(builder.Configuration)
    .AddOutages()
    .AddBursts(builder.Configuration)
    .AddApiDescription();

var app = builder.Build();
app.MapHealth();
app.MapTeamsChannel();
app.MapAdminApi();
app.MapKpis();
app.MapApiDescription();
app.MapOutages();
return await app.RunOrExplainAsync();

public partial class Program;
