using System.Globalization;

namespace Scrm.Domain.Common;

/// <summary>Money is CNY as <see cref="decimal"/> in the domain and whole fen in the database.</summary>
public static class Money
{
    /// <summary>Rounds to 0.01 half away from zero (四舍五入).</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static long ToFen(decimal yuan) => (long)(Round(yuan) * 100m);

    public static decimal FromFen(long fen) => fen / 100m;

    /// <summary>Formats as <c>¥1,234.50</c> (a reversal as <c>-¥80.00</c>, as Excel shows it) whatever the UI culture.</summary>
    public static string Format(decimal yuan)
    {
        var rounded = Round(yuan);
        return (rounded < 0 ? "-¥" : "¥") + Math.Abs(rounded).ToString("#,##0.00", CultureInfo.InvariantCulture);
    }
}
