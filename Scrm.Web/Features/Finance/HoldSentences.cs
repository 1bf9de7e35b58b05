using Microsoft.Extensions.Localization;
using Scrm.Domain.Settlements;

namespace Scrm.Web.Features.Finance;

/// <summary>A hold reason as the sentence finance reads in the queue, e.g. "湖州 (C 档) / 加盟 没有 空调安装 的结算价".</summary>
public static class HoldSentences
{
    public static string Describe(IStringLocalizer<SharedResource> l, HeldSettlementRow row, SettlementHold hold)
    {
        var payee = row.PayeeName ?? "";
        var city = row.CityName ?? "";
        return hold.Reason switch
        {
            HoldReason.NoPrice => l["Finance.Hold.NoPrice", city, row.TierCode ?? "", row.PartnerTypeName ?? "", hold.ItemName ?? ""],
            HoldReason.NoPartnerType => l["Finance.Hold.NoPartnerType", payee],
            HoldReason.NoTier => l["Finance.Hold.NoTier", city],
            _ => l[$"Finance.Hold.{hold.Reason}"],
        };
    }
}
