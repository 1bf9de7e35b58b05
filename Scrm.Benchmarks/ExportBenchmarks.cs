using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Perfolizer.Horology;
using Scrm.Data.Seed;
using Scrm.Domain.Tickets;
using Scrm.Web;
using Scrm.Web.Features.Exports;

namespace Scrm.Benchmarks;

/// <summary>
/// The bulk ticket export: 100,000 tickets × every standard column and every custom field of the demo company's two
/// templates (31 columns: money, whole numbers, dates, times, long Chinese text) written to an .xlsx file by
/// SpreadCheetah (what the app uses, through its own <see cref="TicketSheetWriter"/>), by MiniExcel, and by a ClosedXML
/// workbook built in memory and then saved. Target: the streamed export ≥ 4× faster and ≥ 10× less peak memory than ClosedXML.
/// The rows are generated from a fixed seed as they are written, so no library is handed a list it could hold.
/// </summary>
[Config(typeof(ExportBenchmarkConfig))]
[WarmupCount(1)]
[IterationCount(3)] // ClosedXML takes most of a minute per run
[InvocationCount(1)]
public class ExportBenchmarks
{
    public const int Tickets = 100_000;

    private static readonly DateTime Start = new(2026, 5, 27, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Statuses = ["New", "Assigned", "InProgress", "OnHold", "Resolved", "Closed", "Cancelled"];
    private static readonly string[] Cities = ["上海", "北京", "杭州", "宁波", "南京", "苏州", "广州", "深圳", "成都", "武汉"];
    private static readonly string[] Sentences =
    [
        "客户反映空调外机噪音较大，夜间影响休息，希望师傅上门检查固定支架并清洗滤网。",
        "新购滚筒洗衣机需要送装一体服务，楼层为七楼无电梯，请提前电话联系确认上门时间。",
        "热水器显示故障码 E4，加热缓慢，客户要求尽快维修，已在保修期内，请携带温控配件。",
        "安装地址为小区南门进入第三栋二单元，物业要求施工前登记，并避开中午十二点至两点。",
    ];

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"scrm-export-benchmark-{Environment.ProcessId}.xlsx");
    private ExportLayout _layout = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var l = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider()
            .GetRequiredService<IStringLocalizer<SharedResource>>();
        var (install, repair) = DemoCompanySeeder.Templates();
        _layout = ExportLayout.For([install, repair], l);
    }

    [GlobalCleanup]
    public void GlobalCleanup() => File.Delete(_file);

    [Benchmark(Description = "SpreadCheetah, streamed (the app's TicketSheetWriter)")]
    public long SpreadCheetah() => PeakMemory.Measure(nameof(SpreadCheetah), () =>
    {
        using var stream = File.Create(_file);
        var writer = TicketSheetWriter.StartAsync(stream, _layout, "工单", CancellationToken.None).GetAwaiter().GetResult();
        foreach (var ticket in Generate())
        {
            writer.AddAsync(ticket, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        writer.FinishAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return stream.Length;
    });

    [Benchmark(Description = "MiniExcel, streamed from an IEnumerable of dictionaries")]
    public long MiniExcel() => PeakMemory.Measure(nameof(MiniExcel), () =>
    {
        var formats = new Dictionary<ExportColumnKind, string?>
        {
            [ExportColumnKind.Text] = null, [ExportColumnKind.Number] = "#,##0.##", [ExportColumnKind.WholeNumber] = "0",
            [ExportColumnKind.Money] = "¥#,##0.00", [ExportColumnKind.Date] = "yyyy-MM-dd", [ExportColumnKind.DateTime] = "yyyy-MM-dd HH:mm",
        };
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            AutoFilter = false,
            DynamicColumns = _layout.Columns.Select((c, i) => new MiniExcelLibs.Attributes.DynamicExcelColumn($"c{i}")
            {
                Name = c.Header, Index = i, Width = c.Width, Format = formats[c.Kind],
            }).ToArray(),
        };
        using var stream = File.Create(_file);
        MiniExcelLibs.MiniExcel.SaveAs(stream, Rows(), sheetName: "工单", configuration: configuration);
        return stream.Length;
    });

    [Benchmark(Baseline = true, Description = "ClosedXML 0.95.4, whole workbook in memory, then saved")]
    public long ClosedXml() => PeakMemory.Measure(nameof(ClosedXml), () =>
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("工单");
        for (var c = 0; c < _layout.Columns.Count; c++)
        {
            var column = _layout.Columns[c];
            sheet.Column(c + 1).Width = column.Width;
            sheet.Column(c + 1).Style.NumberFormat.Format = column.Kind switch
            {
                ExportColumnKind.Number => "#,##0.##", ExportColumnKind.WholeNumber => "0", ExportColumnKind.Money => "¥#,##0.00",
                ExportColumnKind.Date => "yyyy-mm-dd", ExportColumnKind.DateTime => "yyyy-mm-dd hh:mm", _ => "@",
            };
            sheet.Cell(1, c + 1).SetValue(column.Header).Style.Font.SetBold().Fill.SetBackgroundColor(XLColor.FromArgb(0xEE, 0xEE, 0xEE));
        }

        sheet.SheetView.FreezeRows(1);
        var values = new ExportValue[_layout.Columns.Count];
        var row = 2;
        foreach (var ticket in Generate())
        {
            _layout.Fill(ticket, values);
            for (var c = 0; c < values.Length; c++)
            {
                var cell = sheet.Cell(row, c + 1);
                _ = values[c].Kind switch
                {
                    ExportValueKind.Text => cell.SetValue(values[c].Text),
                    ExportValueKind.Number => cell.SetValue(values[c].Number),
                    ExportValueKind.Time => cell.SetValue(values[c].Time),
                    _ => cell,
                };
            }

            row++;
        }

        using var stream = File.Create(_file);
        workbook.SaveAs(stream);
        return stream.Length;
    });

    private IEnumerable<Dictionary<string, object?>> Rows()
    {
        var values = new ExportValue[_layout.Columns.Count];
        foreach (var ticket in Generate())
        {
            _layout.Fill(ticket, values);
            var row = new Dictionary<string, object?>(values.Length);
            for (var c = 0; c < values.Length; c++)
            {
                row[$"c{c}"] = values[c].Kind switch
                {
                    ExportValueKind.Text => values[c].Text,
                    ExportValueKind.Number => values[c].Number,
                    ExportValueKind.Time => values[c].Time,
                    _ => null,
                };
            }

            yield return row;
        }
    }

    /// <summary>The same 100,000 tickets every time: half installs, half repairs, each with its template's fields filled.</summary>
    public static IEnumerable<ExportTicket> Generate(int count = Tickets)
    {
        var random = new Random(20261125);
        for (var i = 0; i < count; i++)
        {
            var install = i % 2 == 0;
            var created = Start.AddMinutes(random.Next(0, 60 * 24 * 182));
            var city = Cities[random.Next(Cities.Length)];
            var text = string.Concat(Enumerable.Range(0, random.Next(2, 6)).Select(_ => Sentences[random.Next(Sentences.Length)]));
            var phone = "13" + random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
            var fields = install
                ? new Dictionary<string, string>
                {
                    ["product_type"] = "空调", ["model"] = $"KFR-{random.Next(25, 72)}GW", ["order_no"] = $"TB{random.NextInt64(1_000_000_000, 9_999_999_999)}",
                    ["purchase_date"] = DateOnly.FromDateTime(created).AddDays(-random.Next(1, 30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["address"] = $"{city}市{Sentences[3]}", ["contact_phone"] = phone,
                    ["appointment"] = DateOnly.FromDateTime(created).AddDays(random.Next(1, 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["remove_old"] = "true", ["old_units"] = random.Next(1, 4).ToString(CultureInfo.InvariantCulture), ["high_altitude"] = "true",
                    ["extra_fee"] = (random.Next(0, 500_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture),
                }
                : new Dictionary<string, string>
                {
                    ["fault_types"] = """["不制冷","漏水"]""", ["fault_code"] = $"E{random.Next(1, 9)}", ["warranty"] = "在保",
                    ["warranty_card"] = $"W{random.Next(100_000, 999_999)}", ["quote"] = (random.Next(0, 2_000_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture),
                    ["contact_phone"] = phone, ["notes"] = text,
                };
            yield return new ExportTicket($"GD20261125{i:D6}", $"{city} {(install ? "空调安装" : "空调维修")} {i}", install ? "安装工单" : "维修工单",
                Enum.Parse<TicketStatus>(Statuses[random.Next(Statuses.Length)]), install ? "上门安装" : "诊断报价", (Urgency)random.Next(4),
                $"{city}客户{random.Next(5_000)}", city, $"师傅{random.Next(30)}", "客服小王", created, created.AddHours(random.Next(1, 300)), text, fields);
        }
    }
}

/// <summary>
/// Peak memory of one run, measured two simple ways: the managed heap's high-water mark above the run's starting point
/// (<see cref="GC.GetTotalMemory"/> sampled every 5 ms on a side thread), and the process's peak working set (Linux's
/// VmHWM, reset before the run by writing 5 to /proc/self/clear_refs). The highest of the iterations is kept per method.
/// </summary>
public static class PeakMemory
{
    public static readonly ConcurrentDictionary<string, (long Managed, long WorkingSet)> Peaks = new();

    public static T Measure<T>(string name, Func<T> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        File.WriteAllText("/proc/self/clear_refs", "5");
        var peak = baseline;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            do
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            }
            while (!done.Wait(5));
        });
        sampler.Start();
        var result = run();
        done.Set();
        sampler.Join();
        var workingSet = WorkingSetPeak();
        Peaks.AddOrUpdate(name, (peak - baseline, workingSet), (_, old) => (Math.Max(old.Managed, peak - baseline), Math.Max(old.WorkingSet, workingSet)));
        return result;
    }

    private static long WorkingSetPeak()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}

/// <summary>
/// <see cref="BenchmarkConfig"/>'s in-process job with a longer time limit (the in-process toolchain stops a benchmark
/// after 5 minutes, and ClosedXML's five runs take longer), plus the two peak-memory columns.
/// </summary>
public sealed class ExportBenchmarkConfig : ManualConfig
{
    public ExportBenchmarkConfig()
    {
        AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)).WithId("InProcess"));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        AddColumn(new PeakColumn("Peak managed", p => p.Managed), new PeakColumn("Peak working set", p => p.WorkingSet));
        AddDiagnoser(MemoryDiagnoser.Default);
        SummaryStyle = SummaryStyle.Default.WithTimeUnit(TimeUnit.Millisecond);
    }

    private sealed class PeakColumn(string name, Func<(long Managed, long WorkingSet), long> pick) : IColumn
    {
        public string Id => name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Size;
        public string Legend => "Highest of the measured runs (see PeakMemory)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            PeakMemory.Peaks.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out var peak)
                ? $"{pick(peak) / (1024.0 * 1024):N0} MB" : "-";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
