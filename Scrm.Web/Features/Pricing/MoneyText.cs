using System.Globalization;
using Scrm.Domain.Common;

namespace Scrm.Web.Features.Pricing;

/// <summary>Reads an amount as people type it: "120", "120.5", "¥1,200.00". Range and precision are the domain's to check.</summary>
public static class MoneyText
{
    public static decimal Parse(string? text, string field)
    {
        var cleaned = (text ?? "").Trim().TrimStart('¥', '￥').Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal).Trim();
        if (cleaned.Length == 0)
        {
            throw new DomainException("Required", $"{field} is required.", field) { Field = field };
        }

        if (!decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            throw new DomainException("MoneyNotANumber", $"\"{text}\" is not an amount: type a number such as 120 or 120.50.", text!) { Field = field };
        }

        return amount;
    }
}
