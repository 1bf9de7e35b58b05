using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Scrm.Data.Auditing;
using Scrm.Data.Rollups;
using Scrm.Data.Changes;
using Scrm.Data.Outbox;
using Scrm.Data.Saving;
using Scrm.Data.Identity;
using Scrm.Domain.Assignment;
using Scrm.Domain.Auditing;
using Scrm.Domain.Boards;
using Scrm.Domain.Catalog;
using Scrm.Domain.Common;
using Scrm.Domain.Notifications;
using Scrm.Domain.Customers;
using Scrm.Domain.Exports;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;
using Scrm.Domain.Regions;
using Scrm.Domain.Sla;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;

namespace Scrm.Data;

/// <summary>
/// The one model for both databases. Provider-specific subclasses live in Providers/ and only exist
/// so each provider has its own migration set.
/// </summary>
public abstract class ScrmDbContext : IdentityUserContext<ScrmUser>
{
    protected ScrmDbContext(DbContextOptions options) : base(options) { }

    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketComment> TicketComments => Set<TicketComment>();
    public DbSet<TicketTemplate> TicketTemplates => Set<TicketTemplate>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<UserProfile> UserProfiles => Set<UserProfile>();
    public DbSet<PriceTier> PriceTiers => Set<PriceTier>();
    public DbSet<CityTierChange> CityTierChanges => Set<CityTierChange>();
    public DbSet<PartnerType> PartnerTypes => Set<PartnerType>();
    public DbSet<SkillTag> SkillTags => Set<SkillTag>();
    public DbSet<UserRegion> UserRegions => Set<UserRegion>();
    public DbSet<UserSkill> UserSkills => Set<UserSkill>();
    public DbSet<PartnerTypeChange> PartnerTypeChanges => Set<PartnerTypeChange>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<TicketNumberCounter> TicketNumberCounters => Set<TicketNumberCounter>();
    public DbSet<WorkflowDefinition> WorkflowDefinitions => Set<WorkflowDefinition>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<SlaSettings> SlaSettings => Set<SlaSettings>();
    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();
    public DbSet<SlaEscalation> SlaEscalations => Set<SlaEscalation>();
    public DbSet<TicketSlaPause> TicketSlaPauses => Set<TicketSlaPause>();
    public DbSet<NotificationPreferences> NotificationPreferences => Set<NotificationPreferences>();
    public DbSet<TicketCommentMention> TicketCommentMentions => Set<TicketCommentMention>();
    public DbSet<BoardColumnLimit> BoardColumnLimits => Set<BoardColumnLimit>();
    public DbSet<AssignmentRule> AssignmentRules => Set<AssignmentRule>();
    public DbSet<ServiceItem> ServiceItems => Set<ServiceItem>();
    public DbSet<SparePart> SpareParts => Set<SparePart>();
    public DbSet<PartStock> PartStocks => Set<PartStock>();
    public DbSet<Warehouse> Warehouses => Set<Warehouse>();
    public DbSet<StockMovement> StockMovements => Set<StockMovement>();
    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();
    public DbSet<PriceBookVersion> PriceBookVersions => Set<PriceBookVersion>();
    public DbSet<WorkLine> WorkLines => Set<WorkLine>();
    public DbSet<Settlement> Settlements => Set<Settlement>();
    public DbSet<EarningsEntry> EarningsEntries => Set<EarningsEntry>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<TicketDayRollup> TicketDayRollups => Set<TicketDayRollup>();
    public DbSet<RevenueDayRollup> RevenueDayRollups => Set<RevenueDayRollup>();
    public DbSet<RevenueMonthRollup> RevenueMonthRollups => Set<RevenueMonthRollup>();
    public DbSet<PayeeDayRollup> PayeeDayRollups => Set<PayeeDayRollup>();
    public DbSet<PayeeMonthRollup> PayeeMonthRollups => Set<PayeeMonthRollup>();
    public DbSet<AssigneeLoad> AssigneeLoads => Set<AssigneeLoad>();

    private List<Change> _uncommitted = [];

    /// <summary>Who the changes saved through this context are recorded against; the unit of work sets it per command.</summary>
    public Actor Actor { get; set; } = Actor.System();

    /// <summary>The clock, handlers, outbox routes and change feed the save pipeline uses; the factory sets them.</summary>
    public SaveServices Pipeline { get; set; } = SaveServices.Default;

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: saving runs the event handlers, which are asynchronous.");

    /// <summary>
    /// The one save pipeline, all in one database save: dispatch the aggregates' events to the in-transaction handlers
    /// and write outbox rows for after-commit work, bump the concurrency token of every changed aggregate, add the
    /// audit rows. After commit the change feed hears what changed.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null || !MayBeginTransaction())
        {
            return await SaveThroughPipelineAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The handlers read and write in the save's own transaction: what they read (a rule's turn, a technician's load)
        // cannot change under them before the commit, and the change feed hears of the save when it commits.
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var written = await SaveThroughPipelineAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    // A retrying execution strategy (SQL Server) allows a transaction only inside its own run, as UnitOfWork makes.
    private bool MayBeginTransaction() =>
        ExecutionStrategy.Current is not null || !Database.CreateExecutionStrategy().RetriesOnFailure;

    /// <summary>Reads shared by the handlers of the save under way.</summary>
    public SaveCache SaveCache { get; } = new();

    /// <summary>Untracked rows the save under way appends after its tracked ones (the ledger).</summary>
    public AppendedRows Appended { get; } = new();

    private async Task<int> SaveThroughPipelineAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        try
        {
            return await SaveAndDispatchAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            SaveCache.Clear();
            Appended.Clear();
        }
    }

    private async Task<int> SaveAndDispatchAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is null)
        {
            // Left over from an explicit transaction disposed without a commit, so rolled back: never to be published.
            ForgetUncommitted();
        }

        var raised = await DomainEventDispatcher.DispatchAsync(this, Pipeline, cancellationToken);
        if (Database.CurrentTransaction is null)
        {
            // No transaction to append in after EF's own (a retrying provider outside a unit of work): EF writes them.
            Appended.TrackIn(this);
        }

        var written = await SaveTrackedAsync(acceptAllChangesOnSuccess, cancellationToken);
        written += await Appended.WriteAsync(this, cancellationToken);

        // Read after the save: new aggregates have their real ids and every one its new version.
        _uncommitted.AddRange(ChangeProjection.Project(raised, Actor));
        if (Database.CurrentTransaction is null)
        {
            PublishCommitted();
        }

        return written;
    }

    /// <summary>
    /// The checks, version bumps and audit rows, then EF's save, after one change detection: each of them would otherwise
    /// detect changes over every tracked row again, and nothing they do needs it (they change rows through EF's entries).
    /// </summary>
    private async Task<int> SaveTrackedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        ChangeTracker.DetectChanges();
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            AppendOnly.Check(this);
            Aggregates.BumpVersions(this);
            AuditRecorder.Record(this, Actor, Pipeline.Clock.GetUtcNow().UtcDateTime);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Tells the change feed what the committed saves changed (called by the commit of an explicit transaction too).</summary>
    internal void PublishCommitted()
    {
        var changes = Interlocked.Exchange(ref _uncommitted, []);
        Pipeline.Feed?.Publish(changes);
    }

    internal void ForgetUncommitted() => _uncommitted = [];

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(CommitPublisher.Instance);

    /// <summary>
    /// An aggregate loads with its child collections (a profile's regions, skills and partner types; a ticket's fields
    /// and SLA pauses) in one statement: one round trip, and children read in the same snapshot as the version a save
    /// will check. They are small and bounded; a read of many aggregates, or of a long collection, says AsSplitQuery.
    /// </summary>
    protected const QuerySplittingBehavior DefaultQuerySplitting = QuerySplittingBehavior.SingleQuery;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ScrmDbContext).Assembly);
        foreach (var root in builder.Model.GetEntityTypes().Where(t => t.ClrType.IsSubclassOf(typeof(AggregateRoot))).ToList())
        {
            var entity = builder.Entity(root.ClrType);
            entity.Property(nameof(AggregateRoot.Version)).IsConcurrencyToken();
            entity.Ignore(nameof(AggregateRoot.DomainEvents));
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>Times are stored in UTC; SQLite forgets the kind, so it is restored on read.</summary>
    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
