using ServiceDesk.Bot.Jobs.Surveys;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Tests.Jobs.Support;

namespace ServiceDesk.Tests.Jobs;

/// <summary>
/// Quartz really scheduling, on one SQLite file shared by successive hosts (a bot stopped and
/// started again): <c>Surveys:Delay</c> is 2 s and the misfire threshold 1 s, so a survey due while
/// the bot is down is a misfire by the time the next host starts.
/// </summary>
public sealed class SurveyRestartTests
{
    private static readonly PersonRef Ana = new(JobsHost.Agent, "Ana García");
    private static readonly Resolution Fixed = new(ResolutionCode.Fixed, "Cargador cambiado", false, false);

    private static async Task<(Guid Id, DateTimeOffset ResolvedAt)> ResolveAndScheduleAsync(JobsHost desk)
    {
        var now = DateTimeOffset.UtcNow;
        await desk.SeedDeskAsync(now);
        var id = await desk.OpenTicketAsync(now, TimeSpan.FromHours(8), TimeSpan.FromHours(40));
        await desk.ChangeAsync(id, t => t.Claim(Ana, now));
        var resolved = await desk.ChangeAsync(id, t => t.Resolve(Fixed, Ana, DateTimeOffset.UtcNow));
        // What the resolve handler does after saving.
        await desk.Get<ISurveyScheduler>().ScheduleAsync(id, resolved.ResolvedAt!.Value);
        return (id, resolved.ResolvedAt!.Value);
    }

    [Fact]
    public async Task A_survey_due_while_the_bot_was_down_arrives_once_after_it_starts_again()
    {
        var database = JobsHost.SqliteFile(Directory.CreateTempSubdirectory("sdjobs-restart-").FullName);
        Guid id;
        DateTimeOffset resolvedAt;
        await using (var first = await JobsHost.StartAsync(database))
        {
            (id, resolvedAt) = await ResolveAndScheduleAsync(first);
            // The bot stops right after the resolution, long before the survey is due.
        }
        Assert.Empty(await ReadSurveysAsync(database, id));

        // Down past the due time and past the misfire threshold.
        await Task.Delay(TimeSpan.FromSeconds(4));
        await using (var second = await JobsHost.StartAsync(database))
        {
            await JobsHost.EventuallyAsync(async () => (await second.SurveysAsync(id)).Count > 0, TimeSpan.FromSeconds(15), "the survey is sent");
            var survey = Assert.Single(await second.SurveysAsync(id));
            Assert.True(survey.SentAt >= resolvedAt.AddSeconds(4), $"sent at {survey.SentAt:O}, resolved at {resolvedAt:O}");
            Assert.False(await (await second.SchedulerAsync()).Exists(QuartzSurveyScheduler.SurveyTriggerKey(id)));
        }

        // Another restart sends nothing more.
        await using (var third = await JobsHost.StartAsync(database))
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Single(await third.SurveysAsync(id));
            var message = Assert.Single(await third.OutboxAsync());
            Assert.Equal(JobsHost.RequesterChat, message.Destination);
            Assert.Contains("¿Qué tal lo hemos hecho?", JobsHost.TextOf(message));
            // The ticket still waits for its answer; the closing is still scheduled.
            Assert.True(await (await third.SchedulerAsync()).Exists(QuartzSurveyScheduler.AutoCloseTriggerKey(id)));
            Assert.Equal(TicketStatus.Resolved, (await third.TicketAsync(id)).Status);
        }
    }

    [Fact]
    public async Task A_survey_arrives_after_the_delay_while_the_bot_runs_and_a_reopen_before_it_cancels_it()
    {
        var database = JobsHost.SqliteFile(Directory.CreateTempSubdirectory("sdjobs-reopen-").FullName);
        await using var desk = await JobsHost.StartAsync(database);
        var (sent, _) = await ResolveAndScheduleAsync(desk);
        var now = DateTimeOffset.UtcNow;
        var reopened = await desk.OpenTicketAsync(now, TimeSpan.FromHours(8), TimeSpan.FromHours(40));
        await desk.ChangeAsync(reopened, t => t.Claim(Ana, now));
        var resolved = await desk.ChangeAsync(reopened, t => t.Resolve(Fixed, Ana, DateTimeOffset.UtcNow));
        await desk.Get<ISurveyScheduler>().ScheduleAsync(reopened, resolved.ResolvedAt!.Value);

        // "Not fixed → reopen": the reopen handler saves, then cancels what the resolution scheduled.
        await desk.ChangeAsync(reopened, t => t.Reopen("Sigue sin arrancar", new PersonRef(JobsHost.Requester, "Marta Ruiz"), DateTimeOffset.UtcNow));
        await desk.Get<ISurveyScheduler>().CancelAsync(reopened);

        await JobsHost.EventuallyAsync(async () => (await desk.SurveysAsync(sent)).Count > 0, TimeSpan.FromSeconds(15), "the survey is sent");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(await desk.SurveysAsync(reopened));
        Assert.Equal(JobsHost.RequesterChat, Assert.Single(await desk.OutboxAsync()).Destination);
        var scheduler = await desk.SchedulerAsync();
        Assert.False(await scheduler.Exists(QuartzSurveyScheduler.SurveyTriggerKey(reopened)));
        Assert.False(await scheduler.Exists(QuartzSurveyScheduler.AutoCloseTriggerKey(reopened)));
    }

    private static async Task<List<ServiceDesk.Domain.Surveys.Survey>> ReadSurveysAsync(string database, Guid ticketId)
    {
        await using var desk = await JobsHost.StartAsync(database, runScheduler: false);
        return await desk.SurveysAsync(ticketId);
    }
}
