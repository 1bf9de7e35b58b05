using Microsoft.EntityFrameworkCore;
using Scrm.Domain.Catalog;

namespace Scrm.Data.Seed;

/// <summary>
/// The demo company's catalogs: what an air-conditioner and appliance installer does and fits, three warehouses with
/// stock, and four part × warehouse pairs at or below their threshold (铜管 6/10 in 宁波仓; R32, 风机电容
/// and 洗衣机皮带 in 上海仓) so the workbench's alert has something to say.
/// </summary>
internal static class DemoCatalog
{
    private static readonly (string Code, string Name, string Category, string Unit)[] Services =
    [
        ("AC-INSTALL-1P", "挂机安装（1-1.5匹）", "空调", "台"),
        ("AC-INSTALL-2P", "挂机安装（2-3匹）", "空调", "台"),
        ("AC-INSTALL-CAB", "柜机安装", "空调", "台"),
        ("AC-MOVE", "空调移机", "空调", "台"),
        ("AC-REMOVE", "空调拆机", "空调", "台"),
        ("AC-GAS", "空调加氟", "空调", "次"),
        ("AC-CLEAN", "空调清洗", "空调", "台"),
        ("AC-REPAIR", "空调维修（不含配件）", "空调", "次"),
        ("AC-HIGH", "高空作业费", "空调", "次"),
        ("FR-REPAIR", "冰箱维修", "冰箱", "次"),
        ("FR-GAS", "冰箱加氟", "冰箱", "次"),
        ("WM-INSTALL", "洗衣机安装", "洗衣机", "台"),
        ("WM-REPAIR", "洗衣机维修", "洗衣机", "次"),
        ("WM-CLEAN", "洗衣机清洗", "洗衣机", "台"),
        ("WH-INSTALL", "热水器安装", "热水器", "台"),
        ("WH-REPAIR", "热水器维修", "热水器", "次"),
        ("WP-INSTALL", "净水器安装", "净水器", "台"),
        ("HOOD-INSTALL", "油烟机安装", "油烟机", "台"),
    ];

    // Stock per warehouse: 杭州仓, 上海仓, 宁波仓 (null: not stocked there).
    private static readonly (string Code, string Name, string Unit, decimal Threshold, decimal?[] Stock)[] Parts =
    [
        ("PIPE-CU-6-10", "铜管 6/10（挂机）", "米", 50m, [320m, 185.5m, 42m]),
        ("PIPE-CU-6-12", "铜管 6/12（柜机）", "米", 30m, [96m, 120m, null]),
        ("GAS-R32", "冷媒 R32", "千克", 10m, [36.5m, 8.2m, 12m]),
        ("GAS-R410A", "冷媒 R410A", "千克", 10m, [22m, 18.75m, null]),
        ("CAP-35UF", "压缩机电容 35μF", "个", 20m, [64m, 45m, 28m]),
        ("CAP-2UF", "风机电容 2μF", "个", 20m, [80m, 12m, 33m]),
        ("RC-UNIVERSAL", "空调万能遥控器", "个", 10m, [25m, 40m, 16m]),
        ("BRACKET-1P", "外机支架（1-1.5匹）", "副", 15m, [48m, 52m, 18m]),
        ("BRACKET-3P", "外机支架（2-3匹）", "副", 10m, [20m, 19m, null]),
        ("DRAIN-HOSE", "排水管", "米", 40m, [260m, 300m, 95m]),
        ("WALL-SLEEVE", "穿墙套管", "个", 20m, [70m, 66m, 25m]),
        ("WM-BELT", "洗衣机皮带", "条", 5m, [14m, 3m, 7m]),
        ("WM-VALVE", "洗衣机进水阀", "个", 5m, [11m, 9m, 6m]),
        ("WH-ANODE", "热水器镁棒", "根", 10m, [30m, 24m, 15m]),
        ("FR-THERMO", "冰箱温控器", "个", 5m, [8m, 6m, 9m]),
    ];

    public static async Task SeedAsync(ScrmDbContext db, CancellationToken ct)
    {
        var warehouses = new[] { new Warehouse("杭州仓"), new Warehouse("上海仓"), new Warehouse("宁波仓") };
        db.Warehouses.AddRange(warehouses);
        db.ServiceItems.AddRange(Services.Select(s => new ServiceItem(s.Code, s.Name, s.Category, s.Unit)));
        await db.SaveChangesAsync(ct);

        foreach (var (code, name, unit, threshold, stock) in Parts)
        {
            var part = new SparePart(code, name, unit, threshold);
            for (var i = 0; i < warehouses.Length; i++)
            {
                if (stock[i] is { } quantity)
                {
                    part.AddStock(warehouses[i], quantity, "期初库存");
                }
            }

            db.SpareParts.Add(part);
        }

        // A part the company no longer fits: kept for its history, offered nowhere.
        var retired = new SparePart("GAS-R22", "冷媒 R22（已停用）", "千克", 0m);
        retired.SetActive(false);
        db.SpareParts.Add(retired);
        await db.SaveChangesAsync(ct);

        // A few fitted on jobs this week: the history shows stock moving, and 上海仓 falls to its threshold of 风机电容.
        var shanghai = warehouses[1];
        var parts = await db.SpareParts.ToDictionaryAsync(p => p.Code, ct);
        parts["CAP-2UF"].TakeStock(shanghai, 2m, "上门维修用料");
        parts["GAS-R32"].TakeStock(shanghai, 1.5m, "空调加氟用料");
        parts["PIPE-CU-6-10"].TakeStock(shanghai, 6.5m, "挂机安装用料");
        await db.SaveChangesAsync(ct);
    }
}
