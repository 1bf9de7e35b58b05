using System.Globalization;
using Scrm.Domain.Common;

namespace Scrm.Domain.Catalog;

/// <summary>
/// Stock quantities and thresholds: decimal, because parts are counted in 米 and 千克 as well as 个, with at most two
/// decimals (what a tape measure or scale in the field gives, and what the database stores exactly as hundredths).
/// </summary>
public static class Quantity
{
    public const int MaxDecimals = 2;

    /// <summary>Far above any real stock; keeps hundredths within a 64-bit column with room to add.</summary>
    public const decimal Max = 1_000_000_000m;

    /// <summary>Checks a quantity a user gave: at most two decimals, not beyond <see cref="Max"/>, and positive or zero as asked.</summary>
    public static decimal Check(decimal value, string field, bool allowZero)
    {
        if (value < 0 || (value == 0 && !allowZero))
        {
            throw new DomainException(allowZero ? "QuantityNegative" : "QuantityNotPositive",
                allowZero ? "The quantity cannot be negative." : "The quantity must be more than zero.") { Field = field };
        }

        if (value > Max)
        {
            throw new DomainException("QuantityTooLarge", $"The quantity must be at most {Format(Max)}.", Format(Max)) { Field = field };
        }

        if (decimal.Round(value, MaxDecimals) != value)
        {
            throw new DomainException("QuantityDecimals", "A quantity has at most two decimals, such as 2.5 or 0.75.") { Field = field };
        }

        return value;
    }

    /// <summary>Plain invariant form without trailing zeros (<c>12</c>, <c>2.5</c>, <c>-3</c>): what reports and reasons show.</summary>
    public static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
