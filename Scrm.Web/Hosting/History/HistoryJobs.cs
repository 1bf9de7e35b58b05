using System.Globalization;
using Scrm.Domain.Customers;
using Scrm.Domain.Pricing;
using Scrm.Domain.Templates;

namespace Scrm.Web.Hosting.History;

/// <summary>What the generated tickets say and what work their technicians record: titles, custom fields and items by job.</summary>
internal static class HistoryJobs
{
    public sealed record Item(PricedItemKind Kind, string Code, decimal Quantity);

    private static readonly (string Product, double Weight)[] InstallProducts = [("空调", 55), ("热水器", 20), ("洗衣机", 15), ("净水器", 10)];
    private static readonly double[] InstallWeights = TicketCalendar.Cumulative(InstallProducts.Select(p => p.Weight));

    private static readonly (string Title, Item[] Items)[] Repairs =
    [
        ("空调不制冷，加氟", [new(PricedItemKind.Service, "AC-REPAIR", 1), new(PricedItemKind.Service, "AC-GAS", 1), new(PricedItemKind.Part, "GAS-R32", 1.5m)]),
        ("空调清洗保养", [new(PricedItemKind.Service, "AC-CLEAN", 1)]),
        ("冰箱不制冷", [new(PricedItemKind.Service, "FR-REPAIR", 1), new(PricedItemKind.Service, "FR-GAS", 1), new(PricedItemKind.Part, "GAS-R410A", 0.5m)]),
        ("空调电容损坏", [new(PricedItemKind.Service, "AC-REPAIR", 1), new(PricedItemKind.Part, "CAP-35UF", 1)]),
        ("空调移机", [new(PricedItemKind.Service, "AC-MOVE", 1), new(PricedItemKind.Service, "AC-HIGH", 1), new(PricedItemKind.Part, "DRAIN-HOSE", 2)]),
        ("洗衣机不脱水", [new(PricedItemKind.Service, "WM-REPAIR", 1), new(PricedItemKind.Part, "WM-BELT", 1)]),
        ("热水器不加热", [new(PricedItemKind.Service, "WH-REPAIR", 1), new(PricedItemKind.Part, "WH-ANODE", 1)]),
        ("洗衣机清洗", [new(PricedItemKind.Service, "WM-CLEAN", 1)]),
    ];

    private static readonly string[] Faults = ["不制冷", "漏水", "噪音大", "无法开机", "其他"];
    private static readonly string[] Warranties = ["在保", "过保", "延保"];
    private static readonly string[] ComplaintTypes = ["服务态度", "上门超时", "安装质量", "收费争议", "其他"];

    public static string InstallProduct(Random random) => InstallProducts[TicketCalendar.Pick(InstallWeights, random)].Product;

    /// <summary>An installation's work: the unit itself, and for an air conditioner its pipe, bracket and sometimes high-altitude work.</summary>
    public static List<Item> InstallWork(string product, Random random)
    {
        if (product != "空调")
        {
            return [new(PricedItemKind.Service, product switch { "热水器" => "WH-INSTALL", "洗衣机" => "WM-INSTALL", _ => "WP-INSTALL" }, 1)];
        }

        var roll = random.Next(100);
        var big = roll >= 60;
        List<Item> work =
        [
            new(PricedItemKind.Service, roll < 60 ? "AC-INSTALL-1P" : roll < 85 ? "AC-INSTALL-2P" : "AC-INSTALL-CAB", 1),
            new(PricedItemKind.Part, big ? "PIPE-CU-6-12" : "PIPE-CU-6-10", random.Next(4, 13) / 2m),
            new(PricedItemKind.Part, big ? "BRACKET-3P" : "BRACKET-1P", 1),
        ];
        if (random.Next(5) == 0)
        {
            work.Add(new(PricedItemKind.Service, "AC-HIGH", 1));
        }

        return work;
    }

    public static (string Title, List<Item> Work) Repair(Random random)
    {
        var (title, items) = Repairs[random.Next(Repairs.Length)];
        return (title, items.ToList());
    }

    public static Dictionary<string, string?> InstallFields(string product, Customer customer, DateTime createdAt, Random random) => new()
    {
        ["product_type"] = product,
        ["address"] = customer.Address ?? "上门地址见客户档案",
        ["contact_phone"] = customer.Phone,
        ["appointment"] = DateOnly.FromDateTime(createdAt).AddDays(random.Next(1, 5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public static Dictionary<string, string?> RepairFields(Customer customer, Random random)
    {
        var warranty = Warranties[random.Next(Warranties.Length)];
        return new()
        {
            ["fault_types"] = FieldValues.WriteMultiSelect([Faults[random.Next(Faults.Length)]]),
            ["warranty"] = warranty,
            ["warranty_card"] = warranty == "在保" ? $"WK{random.Next(100000, 999999)}" : null,
            ["quote"] = warranty == "过保" ? (random.Next(8, 60) * 10).ToString(CultureInfo.InvariantCulture) : null,
            ["contact_phone"] = customer.Phone,
        };
    }

    public static Dictionary<string, string?> ComplaintFields(Customer customer, Random random)
    {
        var refund = random.Next(3) == 0;
        return new()
        {
            ["complaint_type"] = ComplaintTypes[random.Next(ComplaintTypes.Length)],
            ["contact_phone"] = customer.Phone,
            ["handling_result"] = "已致电客户致歉，并安排主管跟进。",
            ["need_refund"] = refund ? "true" : null,
            ["refund_amount"] = refund ? (random.Next(5, 80) * 10).ToString(CultureInfo.InvariantCulture) : null,
        };
    }
}
