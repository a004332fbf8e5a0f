using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Outages;

namespace ServiceDesk.Storage;

public sealed partial class ServiceDeskContext
{
    public DbSet<Outage> Outages => Set<Outage>();
    public DbSet<OutageRecipient> OutageRecipients => Set<OutageRecipient>();
}
