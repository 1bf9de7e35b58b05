using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Scrm.Data.Saving;

/// <summary>
/// A command that saves inside its own transaction (ticket numbers are taken in one) has committed only when that
/// transaction has: the change feed hears of its saves then, and never of a rolled-back one.
/// </summary>
internal sealed class CommitPublisher : DbTransactionInterceptor
{
    public static readonly CommitPublisher Instance = new();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as ScrmDbContext)?.PublishCommitted();
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as ScrmDbContext)?.PublishCommitted();

    // A transaction disposed without commit or rollback raises neither event; a new one must not inherit its changes.
    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        (eventData.Context as ScrmDbContext)?.ForgetUncommitted();
        return ValueTask.FromResult(result);
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        (eventData.Context as ScrmDbContext)?.ForgetUncommitted();
        return result;
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as ScrmDbContext)?.ForgetUncommitted();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as ScrmDbContext)?.ForgetUncommitted();
}
