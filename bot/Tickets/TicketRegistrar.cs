using Microsoft.Extensions.Options;
using ServiceDesk.Bot.People;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Tickets;

namespace ServiceDesk.Bot.Tickets;

/// <summary>
/// Registration as the desk practises it: the category decides the group (level 1 without one), the
/// service (the intake's, else the category's) may tighten the SLA, the directory adds the department.
/// A missing channel, directory or chat never stops the ticket: it is logged and the ticket registers.
/// </summary>
internal sealed partial class TicketRegistrar(
    ITicketRepository tickets,
    ICatalogRepository catalog,
    IRosterRepository roster,
    TicketSlaPolicies policies,
    IRequesterDirectory directory,
    TicketCards cards,
    TicketFollowUps followUps,
    IOptions<TicketOptions> options,
    TimeProvider time,
    ILogger<TicketRegistrar> log) : ITicketRegistrar
{
    public async Task<Ticket> RegisterAsync(TicketIntake intake, RequesterIdentity requester, CancellationToken ct)
    {
        var settings = options.Value;
        var category = intake.CategoryKey is { Length: > 0 } c ? await catalog.FindCategoryAsync(c, ct) : null;
        if (intake.CategoryKey is { Length: > 0 } && category is null) LogUnknown("category", intake.CategoryKey);
        var serviceKey = intake.ServiceKey is { Length: > 0 } s ? s : category?.ServiceKey;
        var service = serviceKey is null ? null : await catalog.FindServiceAsync(serviceKey, ct);
        if (serviceKey is not null && service is null) LogUnknown("service", serviceKey);

        var group = await RouteAsync(category, settings, ct);
        var priority = PriorityMatrix.For(intake.Impact, intake.Urgency);
        var targets = await policies.ForAsync(priority, service?.Key, ct);
        var person = await RequesterAsync(requester, ct);

        var ticket = Ticket.Open(Guid.NewGuid(), intake.Kind, intake.Title, intake.Description, person, intake.Impact, intake.Urgency,
            category?.Key, service?.Key, group.Name, group.Level, targets, time.GetUtcNow());
        await tickets.AddNumberedAsync(ticket, ct);

        var view = await cards.ViewAsync(ticket, ct);
        await cards.SendRequesterCardAsync(ticket, view, requester.ConversationKey, requester.ConversationKey is null ? null : requester.ChannelId, ct, requester.TimeZone);
        await cards.PostAgentCardAsync(ticket, view, ct);
        followUps.Registered(ticket); // the SLA watch and burst detection start once the caller's unit of work has saved it
        LogRegistered(ticket.Number.ToString(), ticket.Priority.ToString(), ticket.Group);
        return ticket;
    }

    // The category's group when the roster has it; level 1 otherwise.
    private async Task<SupportGroup> RouteAsync(Category? category, TicketOptions settings, CancellationToken ct)
    {
        if (category is not null)
        {
            if (await roster.FindGroupAsync(category.DefaultGroup, ct) is { } own) return own;
            LogUnknownGroup(category.Key, category.DefaultGroup, settings.FirstLevelGroup);
        }
        return await roster.FindGroupAsync(settings.FirstLevelGroup, ct)
            ?? throw new InvalidOperationException(
                $"The level-1 group '{settings.FirstLevelGroup}' (ServiceDesk:FirstLevelGroup) is not in the roster: create it with PUT /api/admin/groups/{settings.FirstLevelGroup}.");
    }

    // The chat gives the name and language; the directory, when there is one, the department and e-mail.
    private async Task<Requester> RequesterAsync(RequesterIdentity who, CancellationToken ct)
    {
        RequesterProfile? profile = null;
        if (!string.IsNullOrWhiteSpace(who.AadObjectId))
        {
            try
            {
                profile = await directory.FindAsync(who.AadObjectId, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDirectoryFailed(e.GetType().Name, e.Message);
            }
        }
        var name = !string.IsNullOrWhiteSpace(who.DisplayName) ? who.DisplayName.Trim()
            : !string.IsNullOrWhiteSpace(profile?.DisplayName) ? profile.DisplayName
            : who.Key;
        var locale = !string.IsNullOrWhiteSpace(who.Locale) ? who.Locale : profile?.PreferredLanguage ?? "";
        return new Requester(who.Key, name, locale, profile?.Department, profile?.Mail);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Ticket} ({Priority}) for group {Group}")]
    private partial void LogRegistered(string ticket, string priority, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The intake named {What} '{Key}', which the catalog does not have; registered without it")]
    private partial void LogUnknown(string what, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Category {Category} routes to group {Group}, which the roster does not have; the ticket goes to {FirstLevel}")]
    private partial void LogUnknownGroup(string category, string group, string firstLevel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The requester directory failed ({Type}: {Reason}); the ticket registers without the profile")]
    private partial void LogDirectoryFailed(string type, string reason);
}
