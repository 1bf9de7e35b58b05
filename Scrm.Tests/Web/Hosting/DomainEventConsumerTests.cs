using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data.Outbox;
using Scrm.Data.Saving;
using Scrm.Domain.Boards;
using Scrm.Domain.Assignment;
using Scrm.Domain.Catalog;
using Scrm.Domain.Common;
using Scrm.Domain.Exports;
using Scrm.Domain.Notifications;
using Scrm.Domain.Pricing;
using Scrm.Domain.Regions;
using Scrm.Domain.Settlements;
using Scrm.Domain.Sla;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;
using Xunit;

namespace Scrm.Tests.Web.Hosting;

/// <summary>
/// No domain event is raised into the void: each one is carried by the change feed to live views, handled inside the
/// transaction, or routed to the outbox for a consumer — checked against the app's real registrations.
/// </summary>
public sealed class DomainEventConsumerTests
{
    // Facts about a changed aggregate: ChangeProjection (Scrm.Data/Changes) turns each into a change-feed message that
    // live views filter on. Listed by hand so a new event type has to be placed consciously.
    private static readonly Type[] CarriedByChangeFeed =
    [
        typeof(TicketCreated), typeof(TicketEdited), typeof(TicketAssigned), typeof(TicketStatusChanged),
        typeof(TicketNodeEntered), typeof(TicketTimerFired), typeof(TicketMigrated), typeof(TicketCommented),
        typeof(TemplateChanged), typeof(WorkflowPublished), typeof(NotificationCreated), typeof(NotificationRead),
        typeof(TicketAwaitingSettlement), typeof(TicketTimerFailed), typeof(TicketTimerCleared), typeof(TicketTimerRetried),
        typeof(UserChanged), typeof(RegionChanged), typeof(ReferenceDataChanged), typeof(NotificationPreferencesChanged), typeof(BoardColumnLimitChanged),
        typeof(TicketResponded), typeof(TicketSlaPaused), typeof(TicketSlaResumed), typeof(TicketSlaStopped), typeof(TicketSlaBreached),
        typeof(SlaSettingsChanged), typeof(SlaPolicyChanged),
        typeof(AssignmentRuleChanged), typeof(AssignmentRuleDeleted),
        typeof(ServiceItemChanged), typeof(SparePartChanged), typeof(StockChanged), typeof(WarehouseChanged),
        typeof(ExportStarted), typeof(ExportProgressed), typeof(ExportCompleted), typeof(ExportFailed), typeof(ExportCancelled), typeof(ExportExpired),
        typeof(PriceBookDrafted), typeof(PriceBookDraftChanged), typeof(PriceBookPublished), typeof(PriceBookRejected),
        typeof(WorkRecorded), typeof(WorkRemoved), typeof(TicketSettled),
        typeof(SettlementHeld), typeof(SettlementPosted), typeof(SettlementReversed), typeof(SettlementWithdrawn),
        typeof(StatementConfirmed), typeof(StatementPaid),
        typeof(TicketRated),
    ];

    [Fact]
    public async Task EveryDomainEvent_HasAConsumer()
    {
        await using var app = new HostedApp("Development", ("Database:SeedDemoCompany", "false"));
        var handlers = app.Services.GetServices<IInTransactionHandler>().ToList();
        var outbox = app.Services.GetRequiredService<OutboxRoutes>();

        var unconsumed = DomainEventTypes()
            .Where(type =>
            {
                // Handlers and routes decide by the event's type; its contents do not matter here.
                var domainEvent = (IDomainEvent)RuntimeHelpers.GetUninitializedObject(type);
                return !CarriedByChangeFeed.Contains(type)
                    && !handlers.Any(h => h.Handles(domainEvent)) && !outbox.Carries(domainEvent);
            })
            .Select(type => type.Name)
            .ToList();

        Assert.Empty(unconsumed);
    }

    [Fact]
    public void ChangeFeedList_NamesOnlyFactsOfAggregates()
    {
        // A request for work (a notification, a settlement, an escalation) is not a fact the feed can satisfy.
        Assert.Empty(CarriedByChangeFeed.Intersect([typeof(NotificationRequested), typeof(TicketEscalated), typeof(SettlementRequested), typeof(TicketUnassignable), typeof(ExportRequested)]));
        Assert.All(CarriedByChangeFeed, t => Assert.Contains(t, DomainEventTypes()));
    }

    private static List<Type> DomainEventTypes() =>
        typeof(IDomainEvent).Assembly.GetTypes().Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).ToList();
}
