using Microsoft.EntityFrameworkCore;
using ServiceDesk.Domain;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Conversations;
using ServiceDesk.Domain.Outbox;
using ServiceDesk.Domain.Problems;
using ServiceDesk.Domain.Roster;
using ServiceDesk.Domain.Surveys;
using ServiceDesk.Domain.Tickets;
using ServiceDesk.Storage.Conventions;
using ServiceDesk.Storage.Numbering;
using ServiceDesk.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace ServiceDesk.Storage;

/// <summary>
/// One context for both providers; the few provider differences (instant and list column types)
/// are decided here and in the migrations' <see cref="Migrations.StoreTypes"/>.
/// </summary>
/// <param name="sqlite">How SQLite commits (<c>Storage:Sqlite</c>); the defaults when the host does not say.</param>
public sealed partial class ServiceDeskContext(DbContextOptions<ServiceDeskContext> options, IOptions<SqliteWriteOptions>? sqlite = null)
    : DbContext(options), IUnitOfWork
{
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();
    public DbSet<Problem> Problems => Set<Problem>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<SupportGroup> SupportGroups => Set<SupportGroup>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<NumberCounter> NumberCounters => Set<NumberCounter>();

    internal bool IsSqlite => _isSqlite ??= Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
    private bool? _isSqlite;

    /// <summary>The group-commit writer of this SQLite database file; null for PostgreSQL and in-memory SQLite.</summary>
    internal SqliteWriter? SqliteWriter
    {
        get
        {
            if (_writerResolved) return _writer;
            _writerResolved = true;
            var connectionString = IsSqlite ? Database.GetConnectionString() : null;
            if (Sqlite.SqliteWriter.CanWrite(connectionString))
                _writer = Sqlite.SqliteWriter.For(connectionString!, sqlite?.Value.Synchronous ?? new SqliteWriteOptions().Synchronous);
            return _writer;
        }
    }
    private SqliteWriter? _writer;
    private bool _writerResolved;

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        if (IsSqlite) configuration.Properties<DateTimeOffset>().HaveConversion<UnixMicrosecondsConverter>();
        else configuration.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();

        // Enums whose names are stable words are stored as text: readable in SQL and safe when a
        // member is added in the middle. Priority, SupportLevel and Role stay integers (ordered / flags).
        configuration.Properties<TicketKind>().HaveConversion<string>();
        configuration.Properties<TicketStatus>().HaveConversion<string>();
        configuration.Properties<TicketEventType>().HaveConversion<string>();
        configuration.Properties<Impact>().HaveConversion<string>();
        configuration.Properties<Urgency>().HaveConversion<string>();
        configuration.Properties<ResolutionCode>().HaveConversion<string>();
        configuration.Properties<ProblemStatus>().HaveConversion<string>();
        configuration.Properties<OutboxOperation>().HaveConversion<string>();
        configuration.Properties<OutboxState>().HaveConversion<string>();
        configuration.Properties<ConversationType>().HaveConversion<string>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(ServiceDeskContext).Assembly);
        SnakeCaseNames.Apply(model.Model);
    }
}
