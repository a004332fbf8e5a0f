using Quartz;

namespace ServiceDesk.Bot.Jobs.Surveys;

/// <summary>Fired <c>Surveys:Delay</c> after a resolution.</summary>
public sealed class SurveyJob(SurveyDelivery delivery) : IJob
{
    public static readonly JobKey Key = new("survey", "servicedesk");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var (ticketId, resolvedAt) = QuartzSurveyScheduler.Read(context.MergedJobDataMap);
        await delivery.SendAsync(ticketId, resolvedAt, cancellationToken);
    }
}

/// <summary>Fired <c>Surveys:AutoCloseAfterBusinessDays</c> working days after a resolution.</summary>
public sealed class SurveyAutoCloseJob(SurveyAutoCloser closer) : IJob
{
    public static readonly JobKey Key = new("survey-close", "servicedesk");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var (ticketId, resolvedAt) = QuartzSurveyScheduler.Read(context.MergedJobDataMap);
        await closer.CloseAsync(ticketId, resolvedAt, cancellationToken);
    }
}
