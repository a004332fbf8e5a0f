using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Desk;
using ServiceDesk.Bot.Outbox;
using ServiceDesk.Bot.Tickets;
using ServiceDesk.Cards.Reports;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Outbox;
using ServiceDesk.Domain.Roster;

namespace ServiceDesk.Bot.Reports;

public enum ReportOutcome
{
    Posted,
    /// <summary>This period's report is in the outbox already (sent or on its way).</summary>
    AlreadyPosted,
    /// <summary>The cron has not fired in the last eight days.</summary>
    NothingDue,
    /// <summary>The coordinators' group has no channel the bot can reach.</summary>
    NoChannel,
}

/// <summary>
/// Posts the KPI report of the period a cron firing stands for to the coordinators' channel (the triage
/// channel of the <c>Reports:CoordinatorsGroup</c> group), through the outbox. Once per period: the
/// outbox message's id is derived from <c>kpi-report:&lt;cadence&gt;:&lt;first day&gt;</c>, so a rerun
/// (a crash after the commit, a second instance, a catch-up) finds it, and a concurrent one collides on
/// the primary key.
/// </summary>
public sealed partial class KpiReportPoster(
    IServiceScopeFactory scopes,
    IOptions<ReportsOptions> reports,
    IOptions<DeskOptions> desk,
    TimeProvider time,
    ILogger<KpiReportPoster> log)
{
    /// <param name="now">When the run is: it decides the period (the job passes the clock's now).</param>
    public async Task<ReportOutcome> PostAsync(KpiReportCadence cadence, DateTimeOffset now, CancellationToken ct)
    {
        var settings = reports.Value;
        var zoneId = desk.Value.TimeZone;
        var cronText = cadence == KpiReportCadence.Daily ? settings.DailyCron : settings.WeeklyCron;
        if (!ReportsOptions.TryParseCron(cronText, out var cron, out _)) return ReportOutcome.NothingDue; // refused at start
        if (ReportSchedule.LastFiring(cron!.WithTimeZone(TimeZoneInfo.FindSystemTimeZoneById(zoneId)), now) is not { } firing)
            return ReportOutcome.NothingDue;

        var period = ReportSchedule.PeriodFor(cadence, firing, zoneId);
        var key = ReportSchedule.CorrelationKey(cadence, period);
        var messageId = MessageIdFor(key);

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (await services.GetRequiredService<IOutboxStore>().FindAsync(messageId, ct) is not null)
        {
            LogAlreadyPosted(key);
            return ReportOutcome.AlreadyPosted;
        }

        var group = await services.GetRequiredService<IRosterRepository>().FindGroupAsync(settings.CoordinatorsGroup, ct);
        if (group is null || await services.GetRequiredService<TicketAddresses>().ChannelOfAsync(group, ct) is not { } channel)
        {
            LogNoChannel(key, settings.CoordinatorsGroup);
            return ReportOutcome.NoChannel;
        }

        var kpis = services.GetRequiredService<KpiReports>();
        var view = new KpiReportView(cadence,
            await kpis.ComputeAsync(period, ct),
            await kpis.ComputeAsync(ReportSchedule.PeriodBefore(cadence, period), ct));
        // The message itself is dated by the clock, so the dispatcher sends it now whatever run this is.
        var enqueuedAt = time.GetUtcNow();
        var card = KpiReportCard.Render(view, services.GetRequiredService<TicketCards>().ContextFor(channel.Locale, channel.ChannelId, enqueuedAt));
        // Built here rather than through IOutbound, which gives every message a random id: the id is what
        // makes the report once per period.
        var payload = new OutboxPayload(OutboundMessage.FromCard(card), null, null);
        services.GetRequiredService<IOutbox>().Enqueue(new OutboxMessage(messageId, channel.ReferenceKey, OutboxOperation.Send,
            payload.Serialize(), enqueuedAt, correlationKey: key));
        try
        {
            await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            if (await WasPostedAsync(messageId, ct))
            {
                LogAlreadyPosted(key); // another run posted it first
                return ReportOutcome.AlreadyPosted;
            }
            throw;
        }
        LogPosted(key, channel.ReferenceKey);
        return ReportOutcome.Posted;
    }

    internal static Guid MessageIdFor(string correlationKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(correlationKey), hash);
        // RFC 9562 version 8 (custom) with the RFC variant, as Survey.IdFor does.
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }

    private async Task<bool> WasPostedAsync(Guid messageId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOutboxStore>().FindAsync(messageId, ct) is not null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Report} not posted: group {Group} has no channel the bot can reach (register one with PUT /api/admin/groups/{Group} or 'use this channel for {Group}' in Teams)")]
    private partial void LogNoChannel(string report, string group);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Report} was posted already; not again")]
    private partial void LogAlreadyPosted(string report);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Report} posted to {Channel}")]
    private partial void LogPosted(string report, string channel);
}
