namespace Scrm.Web.Features.Catalog.Import;

/// <summary>
/// The columns of each catalog's import file, named in Chinese as the template writes them. The field names are the
/// domain's, so a refusal about a field (<c>Name</c>) names the same column.
/// </summary>
public static class CatalogColumns
{
    public const string Code = "Code";
    public const string Name = "Name";
    public const string Category = "Category";
    public const string Unit = "Unit";
    public const string LowStockThreshold = "LowStockThreshold";
    public const string Status = "Status";

    /// <summary>What the status column accepts, in either language; an empty cell keeps the item as it is (new items start active).</summary>
    public static readonly IReadOnlyDictionary<string, bool> StatusValues = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase)
    {
        ["启用"] = true,
        ["停用"] = false,
        ["Active"] = true,
        ["Inactive"] = false,
    };

    private static readonly ImportColumn[] ServiceColumns =
    [
        new(Code, "编码", true, "AC-INSTALL-1P"),
        new(Name, "名称", true, "挂机安装（1-1.5匹）"),
        new(Category, "分类", true, "空调"),
        new(Unit, "单位", true, "台"),
        new(Status, "状态", false, "启用"),
    ];

    private static readonly ImportColumn[] PartColumns =
    [
        new(Code, "编码", true, "PIPE-CU-6-10"),
        new(Name, "名称", true, "铜管 6/10"),
        new(Unit, "单位", true, "米"),
        new(LowStockThreshold, "低库存阈值", false, "50", IsNumber: true),
        new(Status, "状态", false, "启用"),
    ];

    public static IReadOnlyList<ImportColumn> For(CatalogKind kind) => kind == CatalogKind.Services ? ServiceColumns : PartColumns;

    /// <summary>The template's download name.</summary>
    public static string TemplateFileName(CatalogKind kind) => kind == CatalogKind.Services ? "服务项目导入模板.xlsx" : "备件导入模板.xlsx";
}
