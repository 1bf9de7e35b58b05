using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scrm.Web.Features.Catalog.Import;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Data.Catalog;

/// <summary>
/// Importing catalogs into the demo company on real SQLite: all or nothing, problems reported by row, column and fix.
/// The class shares one database, so each test works on codes of its own.
/// </summary>
public sealed class CatalogImportTests(CatalogImportFixture app) : IClassFixture<CatalogImportFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CleanFile_AddsNewCodes_UpdatesExistingOnes_AndSaysWhich()
    {
        var admin = await app.ActorAsync("admin");
        var file = XlsxFile.Services(
            ["ac-deep-clean", "空调深度清洗", "空调", "台", null],
            ["AC-GAS", "空调加氟（R32）", "空调", "次", null], // demo item, renamed
            ["AC-CLEAN", "空调清洗", "空调", "台", "启用"], // demo item, unchanged
            ["WM-REMOVE", "洗衣机拆机", "洗衣机", "台", "停用"]);

        var outcome = await ImportAsync(admin, CatalogKind.Services, file);

        Assert.Empty(outcome.Problems);
        Assert.Equal((2, 1, 1), (outcome.Added, outcome.Updated, outcome.Unchanged));
        await using var db = await app.DbAsync();
        var items = await db.ServiceItems.Where(i => new[] { "AC-DEEP-CLEAN", "AC-GAS", "WM-REMOVE" }.Contains(i.Code)).ToDictionaryAsync(i => i.Code, Ct);
        Assert.Equal(("空调深度清洗", "空调", "台", true), (items["AC-DEEP-CLEAN"].Name, items["AC-DEEP-CLEAN"].Category, items["AC-DEEP-CLEAN"].Unit, items["AC-DEEP-CLEAN"].IsActive));
        Assert.Equal("空调加氟（R32）", items["AC-GAS"].Name);
        Assert.Equal(2, items["AC-GAS"].Version);
        Assert.False(items["WM-REMOVE"].IsActive);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "ServiceItem" && a.Field == "Name" && a.After == "空调加氟（R32）" && a.ActorName == "王磊", Ct));
    }

    [Fact]
    public async Task FileWithProblems_ImportsNothing_AndReportsEachByRowColumnAndFix()
    {
        var admin = await app.ActorAsync("admin");
        var file = XlsxFile.Parts(
            ["NEW-GOOD-1", "新备件一", "个", 5m, null],   // row 2: fine on its own
            ["NEW-GOOD-2", "新备件二", "个", "五", null],  // row 3: text in a number cell
            ["new-good-1", "重复", "个", 1m, null],        // row 4: same code as row 2 once upper-cased
            ["NEW GOOD 3", null, "个", -2m, "作废"],       // row 5: bad code, no name, negative threshold, unknown status
            ["GAS-R32", "冷媒 R32", "千克", "12.5", null]); // row 6: an existing part, threshold typed as text — fine

        var outcome = await ImportAsync(admin, CatalogKind.Parts, file);

        Assert.False(outcome.Succeeded);
        Assert.Equal((0, 0, 0), (outcome.Added, outcome.Updated, outcome.Unchanged));
        Assert.Equal(
        [
            (3, "低库存阈值", "D", "五", "ImportNotANumber"),
            (4, "编码", "A", "new-good-1", "ImportDuplicateCode"),
            (5, "编码", "A", "NEW GOOD 3", "CatalogCodeInvalid"),
            (5, "名称", "B", null, "Required"),
            (5, "低库存阈值", "D", "-2", "QuantityNegative"),
            (5, "状态", "E", "作废", "ImportStatusInvalid"),
        ], outcome.Problems.Select(p => (p.Row!.Value, p.Column, p.ColumnLetter, p.Value, p.Fix.Code)));
        Assert.Equal(new object[] { "NEW-GOOD-1", 2 }, outcome.Problems[1].Fix.Args);
        await using var db = await app.DbAsync();
        Assert.False(await db.SpareParts.AnyAsync(p => p.Code.StartsWith("NEW-GOOD"), Ct));
        Assert.Equal(10m, (await db.SpareParts.SingleAsync(p => p.Code == "GAS-R32", Ct)).LowStockThreshold);
    }

    [Fact]
    public async Task WrongAndMissingHeaders_AreNamed_AndNoRowIsRead()
    {
        var admin = await app.ActorAsync("admin");
        var file = XlsxFile.Sheet(["编号", "名称", "单位", "单位", "备注"], ["X-1", "某备件", "个", "个", "无"]);

        var outcome = await ImportAsync(admin, CatalogKind.Parts, file);

        Assert.Equal(
        [
            ("A", "编号", "ImportHeaderUnknown"),
            ("D", "单位", "ImportHeaderDuplicate"),
            ("E", "备注", "ImportHeaderUnknown"),
            (null, "编码", "ImportHeaderMissing"),
        ], outcome.Problems.Select(p => (p.ColumnLetter, p.Column, p.Fix.Code)));
        Assert.All(outcome.Problems, p => Assert.Equal(1, p.Row));
        Assert.Equal(new object[] { "编号", "编码、名称、单位、低库存阈值、状态" }, outcome.Problems[0].Fix.Args);
    }

    [Fact]
    public async Task HeadersWithAStarOrInEnglish_AreAccepted()
    {
        var admin = await app.ActorAsync("admin");
        var file = XlsxFile.Sheet(["编码*", "Name", "分类 *", "unit"], ["HDR-1", "表头测试", "空调", "次"]);

        var outcome = await ImportAsync(admin, CatalogKind.Services, file);

        Assert.Equal((1, 0), (outcome.Added, outcome.Problems.Count));
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("header-only")]
    public async Task AFileWithoutItems_IsRefusedWithAClearMessage(string shape)
    {
        var admin = await app.ActorAsync("admin");
        var file = shape == "empty" ? XlsxFile.Empty() : XlsxFile.Parts();

        var outcome = await ImportAsync(admin, CatalogKind.Parts, file);

        var problem = Assert.Single(outcome.Problems);
        Assert.Null(problem.Row);
        Assert.Equal(shape == "empty" ? "ImportEmpty" : "ImportNoRows", problem.Fix.Code);
    }

    [Theory]
    [InlineData("renamed-csv")]
    [InlineData("zip-without-workbook")]
    [InlineData("truncated")]
    [InlineData("not-xlsx-name")]
    public async Task WhatIsNotAnXlsxWorkbook_IsRefused_NeverThrown(string shape)
    {
        var admin = await app.ActorAsync("admin");
        var (name, content) = shape switch
        {
            "renamed-csv" => ("parts.xlsx", Encoding.UTF8.GetBytes("编码,名称,单位\nX-1,某备件,个\n")),
            "zip-without-workbook" => ("parts.xlsx", ZipWith("readme.txt")),
            "truncated" => ("parts.xlsx", XlsxFile.Parts(["T-1", "截断", "个", 1m, null])[..400]),
            _ => ("parts.xls", XlsxFile.Parts(["T-2", "旧格式", "个", 1m, null])),
        };

        var outcome = await app.Import.ImportAsync(admin, CatalogKind.Parts, name, new MemoryStream(content), Ct);

        Assert.Equal("ImportNotXlsx", Assert.Single(outcome.Problems).Fix.Code);
    }

    [Fact]
    public async Task AFileOverFiveMegabytes_IsRefused()
    {
        var admin = await app.ActorAsync("admin");

        var outcome = await app.Import.ImportAsync(admin, CatalogKind.Parts, "big.xlsx", new MemoryStream(new byte[5 * 1024 * 1024 + 1]), Ct);

        Assert.Equal("ImportFileTooLarge", Assert.Single(outcome.Problems).Fix.Code);
    }

    [Fact]
    public async Task ACodeAddedByAnotherAdminDuringTheImport_RollsBackTheWholeFile()
    {
        var admin = await app.ActorAsync("admin");
        var file = XlsxFile.Services(
            ["RACE-0", "先于冲突的一行", "空调", "台", null],
            ["AC-REPAIR", "空调维修（含检测）", "空调", "次", null],
            [CatalogImportFixture.RaceCode, "与他人冲突", "空调", "台", null]);

        var outcome = await ImportAsync(admin, CatalogKind.Services, file);

        Assert.Equal("ImportCodeTakenMeanwhile", Assert.Single(outcome.Problems).Fix.Code);
        await using var db = await app.DbAsync();
        Assert.False(await db.ServiceItems.AnyAsync(i => i.Code == "RACE-0", Ct));
        Assert.Equal("空调维修（不含配件）", (await db.ServiceItems.SingleAsync(i => i.Code == "AC-REPAIR", Ct)).Name);
        Assert.Equal("抢先一步", (await db.ServiceItems.SingleAsync(i => i.Code == CatalogImportFixture.RaceCode, Ct)).Name);
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("agent")]
    [InlineData("tech1")]
    public async Task OnlyAnAdmin_MayImport(string userName)
    {
        var user = await app.ActorAsync(userName);

        await Assert.ThrowsAsync<ForbiddenException>(() => ImportAsync(user, CatalogKind.Parts, XlsxFile.Parts(["DENIED-1", "不该导入", "个", 1m, null])));

        await using var db = await app.DbAsync();
        Assert.False(await db.SpareParts.AnyAsync(p => p.Code == "DENIED-1", Ct));
    }

    private Task<ImportOutcome> ImportAsync(Scrm.Domain.Common.Actor actor, CatalogKind kind, byte[] file) =>
        app.Import.ImportAsync(actor, kind, "catalog.xlsx", new MemoryStream(file), Ct);

    private static byte[] ZipWith(string entry)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("not a workbook");
        }

        return stream.ToArray();
    }
}
