using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Scrm.Data.Seed;
using Scrm.Domain.Tickets;
using Scrm.Web;
using Scrm.Web.Features.Exports;
using Xunit;

namespace Scrm.Tests.Web.Exports;

/// <summary>Runs alone: it measures the managed heap, which tests running beside it would fill too.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExclusiveCollection
{
    public const string Name = "Measures memory, alone";
}

/// <summary>
/// 100,000 tickets × 31 columns stream through the writer into a file without being held: the heap grows by a few MB,
/// not the hundreds a workbook in memory needs (Scrm.Benchmarks/ExportBenchmarks has the time and the comparison).
/// </summary>
[Collection(ExclusiveCollection.Name)]
public sealed class ExportStreamingTests : IDisposable
{
    private const int Tickets = 100_000;
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"scrm-stream-{Guid.NewGuid():N}.xlsx");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task HundredThousandTickets_StreamIntoAFileWithEveryRow_WithoutHoldingThem()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var l = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider()
            .GetRequiredService<IStringLocalizer<SharedResource>>();
        var (install, repair) = DemoCompanySeeder.Templates();
        var layout = ExportLayout.For([install, repair], l);

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        await using (var stream = File.Create(_file))
        {
            await using var writer = await TicketSheetWriter.StartAsync(stream, layout, "工单", TestContext.Current.CancellationToken);
            var i = 0;
            foreach (var ticket in Generate())
            {
                await writer.AddAsync(ticket, TestContext.Current.CancellationToken);
                if (++i % 10_000 == 0)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                }
            }

            await writer.FinishAsync(TestContext.Current.CancellationToken);
        }

        // Far less than the 100,000 rows themselves (≈ 200 MB as objects): nothing holds them after they are written.
        Assert.InRange(peak - baseline, 0, 64L * 1024 * 1024);
        var (rows, lastNumber) = ReadSheet(_file);
        Assert.Equal(Tickets + 1, rows);
        Assert.Equal("GD2030010199999", lastNumber);
    }

    private static IEnumerable<ExportTicket> Generate()
    {
        var created = new DateTime(2026, 11, 25, 6, 0, 0, DateTimeKind.Utc);
        var notes = string.Concat(Enumerable.Repeat("客户反映空调外机噪音较大，夜间影响休息，希望师傅上门检查固定支架并清洗滤网。", 3));
        for (var i = 0; i < Tickets; i++)
        {
            var fields = new Dictionary<string, string>
            {
                ["product_type"] = "空调", ["address"] = "杭州市文三路 90 号", ["contact_phone"] = "13800138000", ["purchase_date"] = "2026-11-20",
                ["old_units"] = "2", ["extra_fee"] = "1234.50", ["fault_types"] = """["不制冷","漏水"]""", ["quote"] = "88.00", ["notes"] = notes,
            };
            yield return new ExportTicket($"GD20300101{i:D5}", $"空调安装 {i}", "安装工单", TicketStatus.InProgress, "上门安装", Urgency.High, "钱建国",
                "杭州", "孙伟", "张敏", created, created.AddHours(3), notes, fields);
        }
    }

    /// <summary>Counts the sheet's rows and reads the first cell of the last, streaming the XML (opening 100,000 rows in a DOM would be the test's own problem).</summary>
    private static (int Rows, string? LastNumber) ReadSheet(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        using var xml = XmlReader.Create(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var (rows, firstCellOfRow, lastNumber) = (0, false, (string?)null);
        while (xml.Read())
        {
            if (xml is { NodeType: XmlNodeType.Element, LocalName: "row" })
            {
                rows++;
                firstCellOfRow = true;
            }
            else if (firstCellOfRow && xml is { NodeType: XmlNodeType.Element, LocalName: "t" })
            {
                lastNumber = xml.ReadElementContentAsString();
                firstCellOfRow = false;
            }
        }

        return (rows, lastNumber);
    }
}
