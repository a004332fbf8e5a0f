using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain.Bursts;

namespace ServiceDesk.Storage;

public sealed partial class ServiceDeskContext
{
    public DbSet<Burst> Bursts => Set<Burst>();
}
