using Scrm.Data.Changes;
using Scrm.Data.Outbox;

namespace Scrm.Data.Saving;

/// <summary>
/// What the save pipeline needs besides the context: the clock for audit and outbox times, the handlers that run in
/// the transaction, which events go to the outbox, and the change feed told after commit.
/// </summary>
public sealed record SaveServices(TimeProvider Clock, IReadOnlyList<IInTransactionHandler> Handlers, OutboxRoutes Outbox, IChangeFeed? Feed)
{
    /// <summary>For a context made outside the app's services (tests, design time): system clock, nothing else.</summary>
    public static readonly SaveServices Default = new(TimeProvider.System, [], OutboxRoutes.None, null);
}
