using Scrm.Domain.Common;

namespace Scrm.Web.Features.Finance;

/// <summary>A statement month as the UTC instants it runs between (China calendar: it starts at 00:00 UTC+8).</summary>
public static class FinanceMonths
{
    public static (DateTime From, DateTime Until) UtcRange(DateOnly month) =>
        (ChinaTime.ToUtc(month.ToDateTime(TimeOnly.MinValue)), ChinaTime.ToUtc(month.AddMonths(1).ToDateTime(TimeOnly.MinValue)));

    /// <summary>The month before the current one (China time): the month finance closes.</summary>
    public static DateOnly LastMonth(TimeProvider time) => Domain.Settlements.LedgerMonth.Of(time.GetUtcNow().UtcDateTime).AddMonths(-1);

    /// <summary>The months a picker offers: the current one and the eleven before it, newest first.</summary>
    public static IReadOnlyList<DateOnly> Recent(TimeProvider time)
    {
        var current = Domain.Settlements.LedgerMonth.Of(time.GetUtcNow().UtcDateTime);
        return Enumerable.Range(0, 12).Select(i => current.AddMonths(-i)).ToList();
    }

    /// <summary>
    /// A month typed in a URL: <c>2026-10</c>, within years a ledger can hold (a month next to DateOnly's ends would
    /// overflow when its end is computed); anything else is null.
    /// </summary>
    public static DateOnly? Parse(string? text) =>
        Domain.Settlements.LedgerMonth.Parse(text) is { Year: >= 2000 and <= 2999 } month ? month : null;
}
