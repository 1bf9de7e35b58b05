namespace Scrm.Data.Rollups;

// Rollup rows: sums kept up to date in the same transaction as the change they count (decision 0016), so a dashboard
// reads a few hundred of them instead of the ticket table or the ledger. Not domain aggregates: they are derived, never
// audited, and can always be recomputed (RollupRebuild). Region 0 stands for "no region".

/// <summary>
/// The tickets created on a China <see cref="Day"/> in a region, as they stand now: a ticket is counted in the day it was
/// created (a cohort), and its row moves with it when it changes — so "of the tickets created this week, how many
/// breached their SLA" is a sum over a week of rows.
/// </summary>
public sealed class TicketDayRollup
{
    public DateOnly Day { get; set; }
    public long RegionId { get; set; }
    public long Created { get; set; }

    /// <summary>New, assigned, in progress or on hold right now.</summary>
    public long Open { get; set; }

    /// <summary>Resolved or closed right now.</summary>
    public long Finished { get; set; }

    public long Cancelled { get; set; }

    /// <summary>Finished without ever breaching an SLA target.</summary>
    public long SlaMet { get; set; }

    public long SlaBreached { get; set; }

    /// <summary>Open and breached right now: the overdue escalations.</summary>
    public long OpenBreached { get; set; }

    public long Responded { get; set; }
    public long FirstResponseMinutes { get; set; }

    /// <summary>Finished with a resolution time; <see cref="ResolutionMinutes"/> is their sum.</summary>
    public long Resolutions { get; set; }

    public long ResolutionMinutes { get; set; }

    /// <summary>Finished now or reopened at some point: resolved at least once.</summary>
    public long EverResolved { get; set; }

    public long Reopened { get; set; }

    /// <summary>Finished and never reopened.</summary>
    public long FirstTimeFixes { get; set; }

    public long Ratings { get; set; }
    public long RatingSum { get; set; }
}

/// <summary>The sums every money rollup keeps, so the revenue dashboard reads days and months with the same query.</summary>
public interface IMoneyRollup
{
    long RegionId { get; }

    /// <summary>What customers are charged (客户金额), in fen.</summary>
    long RevenueFen { get; }

    /// <summary>What payees earn (结算金额), in fen.</summary>
    long CostFen { get; }

    /// <summary>Settlements posted minus settlements reversed, counted on the row of their first line.</summary>
    long Settled { get; }
}

/// <summary>
/// Money booked to the ledger on a China <see cref="Day"/> (postings positive, reversals negative) by the settlement's city,
/// the line's service category (<see cref="RollupKeys.PartsCategory"/> for spare parts) and the payee's partner type.
/// </summary>
public sealed class RevenueDayRollup : IMoneyRollup
{
    public DateOnly Day { get; set; }
    public long RegionId { get; set; }
    public string Category { get; set; } = "";
    public long PartnerTypeId { get; set; }
    public long RevenueFen { get; set; }
    public long CostFen { get; set; }
    public long Settled { get; set; }
}

/// <summary>
/// <see cref="RevenueDayRollup"/> summed by China calendar month (<see cref="Month"/> is its first day): a year is 12 rows per
/// key instead of 365, which is what keeps a 12-month dashboard fast (see <see cref="RollupSpan"/>).
/// </summary>
public sealed class RevenueMonthRollup : IMoneyRollup
{
    public DateOnly Month { get; set; }
    public long RegionId { get; set; }
    public string Category { get; set; } = "";
    public long PartnerTypeId { get; set; }
    public long RevenueFen { get; set; }
    public long CostFen { get; set; }
    public long Settled { get; set; }
}

/// <summary>The same money by payee, for "top technicians".</summary>
public sealed class PayeeDayRollup : IMoneyRollup
{
    public DateOnly Day { get; set; }
    public long RegionId { get; set; }
    public string PayeeId { get; set; } = "";
    public long RevenueFen { get; set; }
    public long CostFen { get; set; }
    public long Settled { get; set; }
}

/// <summary><see cref="PayeeDayRollup"/> summed by China calendar month (<see cref="Month"/> is its first day).</summary>
public sealed class PayeeMonthRollup : IMoneyRollup
{
    public DateOnly Month { get; set; }
    public long RegionId { get; set; }
    public string PayeeId { get; set; } = "";
    public long RevenueFen { get; set; }
    public long CostFen { get; set; }
    public long Settled { get; set; }
}

/// <summary>How many open tickets each user has assigned right now (technician utilisation).</summary>
public sealed class AssigneeLoad
{
    public string UserId { get; set; } = "";
    public long OpenTickets { get; set; }
}

public static class RollupKeys
{
    /// <summary>The category of spare-part lines in <see cref="RevenueDayRollup"/>.</summary>
    public const string PartsCategory = "#parts";
}
