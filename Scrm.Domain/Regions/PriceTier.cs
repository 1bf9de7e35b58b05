using System.Text.RegularExpressions;
using Scrm.Domain.Common;

namespace Scrm.Domain.Regions;

/// <summary>
/// 城市档位: one entry of the company's tier list (A, B, C…). Price books and workflow conditions name a tier by its
/// <see cref="Code"/>, so the code never changes once created; the name is what people read.
/// </summary>
public sealed partial class PriceTier : AggregateRoot
{
    public const int CodeMaxLength = 10;
    public const int NameMaxLength = 30;

    private PriceTier() { }

    public PriceTier(string code, string name, int sortOrder)
    {
        Code = NormalizeCode(code) ?? throw new DomainException("TierCodeInvalid", "A tier code is 1–10 letters or digits, such as A or B2.") { Field = "Code" };
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        SortOrder = sortOrder;
        Raise(new ReferenceDataChanged(this));
    }

    public long Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int SortOrder { get; private set; }

    public void Rename(string name)
    {
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        Raise(new ReferenceDataChanged(this));
    }

    /// <summary>The canonical form of a tier code (trimmed, upper case), or null when it is not one.</summary>
    public static string? NormalizeCode(string? code)
    {
        var text = code?.Trim().ToUpperInvariant() ?? "";
        return CodePattern().IsMatch(text) ? text : null;
    }

    [GeneratedRegex("^[A-Z0-9]{1,10}$")]
    private static partial Regex CodePattern();
}
