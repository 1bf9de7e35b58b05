using Microsoft.Extensions.Localization;
using Scrm.Domain.Settlements;

namespace Scrm.Web.Features.Settlements;

/// <summary>Who and where a held settlement was priced for, by name, to word its hold reasons.</summary>
public sealed record HoldTerms(string? Payee, string? City, string? TierCode, string? PartnerType);

/// <summary>
/// A hold reason as one sentence, the same on finance's queue and on the ticket's 结算 tab, e.g.
/// "湖州 (C 档) / 加盟 没有 空调安装 的结算价".
/// </summary>
public static class HoldSentences
{
    public static string Describe(IStringLocalizer<SharedResource> l, HoldTerms terms, SettlementHold hold) => hold.Reason switch
    {
        HoldReason.NoPrice => l["Settlement.Hold.NoPrice", terms.City ?? "", terms.TierCode ?? "", terms.PartnerType ?? "", hold.ItemName ?? ""],
        HoldReason.NoPartnerType => l["Settlement.Hold.NoPartnerType", terms.Payee ?? ""],
        HoldReason.NoTier => l["Settlement.Hold.NoTier", terms.City ?? ""],
        _ => l[$"Settlement.Hold.{hold.Reason}"],
    };
}
