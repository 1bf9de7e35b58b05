using Scrm.Domain.Common;

namespace Scrm.Web.Features.Finance;

/// <summary>A statement month as the UTC instants it runs between (China calendar: it starts at 00:00 UTC+8).</summary>
public static class FinanceMonths
{
    public static (DateTime From, DateTime Until) UtcRange(DateOnly month) =>
        (ChinaTime.ToUtc(month.ToDateTime(TimeOnly.MinValue)), ChinaTime.ToUtc(month.AddMonths(1).ToDateTime(TimeOnly.MinValue)));

    /// <summary>The month before the current one (China time): the month finance closes.</summary>
    public static DateOnly LastMonth(TimeProvider time) => Domain.Settlements.LedgerMonth.Of(time.GetUtcNow().UtcDateTime).AddMonths(-1);
}
