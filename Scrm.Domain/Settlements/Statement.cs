using Scrm.Domain.Common;

namespace Scrm.Domain.Settlements;

public enum StatementState
{
    /// <summary>Still open: its lines are whatever the ledger holds for the payee and month.</summary>
    Draft,

    /// <summary>Finance confirmed it: the month is locked for the payee; later entries land in the next month.</summary>
    Confirmed,

    Paid,
}

/// <summary>
/// 对账单: a payee's earnings for one month, as the ledger holds them. A draft is not stored (it is the ledger); confirming
/// stores the statement with the total and line count finance saw, and locks the month for the payee: (payee, month) is
/// unique, so a month is confirmed once even when two people press the button at once.
/// </summary>
public sealed class Statement : AggregateRoot
{
    private Statement() { }

    public long Id { get; private set; }
    public string PayeeId { get; private set; } = "";
    public DateOnly Month { get; private set; }
    public StatementState State { get; private set; }
    public decimal Total { get; private set; }
    public int LineCount { get; private set; }
    public string ConfirmedById { get; private set; } = "";
    public DateTime ConfirmedAt { get; private set; }
    public string? PaidById { get; private set; }
    public DateTime? PaidAt { get; private set; }

    /// <summary>
    /// Confirms the payee's month with what finance saw. Refused before the month has ended (China time): entries may
    /// still arrive, and confirming would push them to the next month as adjustments.
    /// </summary>
    public static Statement Confirm(string payeeId, DateOnly month, decimal total, int lineCount, string actorId, DateTime now)
    {
        if (month.Day != 1)
        {
            throw new ArgumentException("A statement month is the first day of the month.", nameof(month));
        }

        if (LedgerMonth.Of(now) <= month)
        {
            throw new DomainException("StatementMonthOpen", $"{LedgerMonth.Format(month)} has not ended yet: confirm it once the month is over.",
                LedgerMonth.Format(month));
        }

        var statement = new Statement
        {
            PayeeId = payeeId,
            Month = month,
            State = StatementState.Confirmed,
            Total = total,
            LineCount = lineCount,
            ConfirmedById = actorId,
            ConfirmedAt = now,
        };
        statement.Raise(new StatementConfirmed(statement));
        return statement;
    }

    public void MarkPaid(string actorId, DateTime now)
    {
        if (State != StatementState.Confirmed)
        {
            throw new DomainException("StatementNotConfirmed", "Only a confirmed statement can be marked paid.");
        }

        State = StatementState.Paid;
        PaidById = actorId;
        PaidAt = now;
        Raise(new StatementPaid(this));
    }
}

public sealed record StatementConfirmed(Statement Statement) : IDomainEvent;

public sealed record StatementPaid(Statement Statement) : IDomainEvent;
