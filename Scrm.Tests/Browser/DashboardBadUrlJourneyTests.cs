using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Scrm.Data;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>
/// Hand-edited dashboard URLs: 周婷 (supervisor2, 杭州 only) types garbage, refused periods, other regions' ids, SQL- and
/// script-ish text and odd wall-screen values into every dashboard and export. Each answer is her own view, a clear
/// message or a refusal — never the error bar, a 500, or a number of 上海 — and the page keeps working afterwards.
/// Agents and technicians are refused on every dashboard and export.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardBadUrlJourneyTests(AppServerFixture app)
{
    private const string Denied = "你没有权限访问此页面";
    private const string EndBeforeStart = "结束日期早于开始日期，请重新选择时间范围。";
    private const string TooLong = "时间范围最长 3 年，请选择更短的范围。";
    private const string Backwards = "from=2026-05-01&to=2026-04-01";
    private const string SixYears = "from=2020-01-01&to=2026-01-01";

    private static readonly string Sql = Uri.EscapeDataString("1';DROP TABLE Tickets;--");
    private static readonly string Script = Uri.EscapeDataString("<script>alert(1)</script>");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task Revenue_BadUrls_ShowHerOwnView_AMessage_OrARefusal() => JourneyAsync("dashboard-bad-urls-revenue", "supervisor2", async page =>
    {
        var (shanghaiProvince, shanghai) = (await RegionIdAsync("上海市"), await RegionIdAsync("上海"));
        var own = page.Locator("[data-testid=kpi-revenue] [data-testid=kpi-value]");
        var periodError = page.Locator("[data-testid=period-error]");
        var month = "[data-testid=period-picker] [data-testid=period-ThisMonth]";

        foreach (var query in new[]
        {
            "period=xyz", "from=2026-13-45", "province=abc", "city=99999999999999999999", "city=-5", "page=-3",
            $"period={Sql}&from={Sql}&to={Sql}&province={Sql}&city={Sql}&page={Sql}",
            $"period={Script}&from={Script}&to={Script}&province={Script}&city={Script}&page={Script}",
        })
        {
            await VisitAsync(page, $"dashboards/revenue?{query}", () => Expect(own).ToContainTextAsync("¥"), month);
        }

        await VisitAsync(page, $"dashboards/revenue?{Backwards}", () => Expect(periodError).ToHaveTextAsync(EndBeforeStart), month);
        await VisitAsync(page, $"dashboards/revenue?{SixYears}", () => Expect(periodError).ToHaveTextAsync(TooLong), month);
        foreach (var query in new[] { "province=999999", "city=999999", "province=999999&city=888888", $"city={shanghai}", $"province={shanghaiProvince}", $"province={shanghaiProvince}&city={shanghai}&page=2" })
        {
            await VisitAsync(page, $"dashboards/revenue?{query}", async () =>
            {
                await Expect(page.GetByText(Denied)).ToBeVisibleAsync();
                await Expect(page.Locator("[data-testid=kpi-revenue]")).ToHaveCountAsync(0);
            }, month);
        }

        // Wall screen: nonsense is the normal page, a huge interval is the wall screen at its longest interval.
        foreach (var wall in new[] { "abc", "-5", Script })
        {
            await VisitAsync(page, $"dashboards/revenue?period=today&wall={wall}", async () =>
            {
                await Expect(own).ToContainTextAsync("¥");
                await Expect(page.Locator(".scrm-appbar")).ToBeVisibleAsync();
            }, month);
        }

        await VisitAsync(page, "dashboards/revenue?period=today&wall=999999", async () =>
        {
            await Expect(page.Locator("[data-testid=wall-exit]")).ToBeVisibleAsync();
            await Expect(page.Locator(".scrm-appbar")).ToBeHiddenAsync();
            await Expect(own).ToContainTextAsync("¥");
        }, month);
    });

    [Fact]
    public Task Operations_BadUrls_ShowHerOwnView_AMessage_OrARefusal() => JourneyAsync("dashboard-bad-urls-operations", "supervisor2", async page =>
    {
        var shanghaiProvince = await RegionIdAsync("上海市");
        var own = page.Locator("[data-testid=ops-tiles]");
        var ownTable = page.Locator("[data-testid=ops-table]");
        var periodError = page.Locator("[data-testid=ops-period-error]");
        var month = "[data-testid=ops-period-ThisMonth]";

        foreach (var query in new[]
        {
            "period=xyz", "from=2026-13-45", "province=abc", "province=99999999999999999999", "province=-5", "wall=abc", "wall=-5",
            $"period={Sql}&from={Sql}&to={Sql}&province={Sql}&wall={Sql}", $"period={Script}&from={Script}&to={Script}&province={Script}&wall={Script}",
        })
        {
            await VisitAsync(page, $"dashboards/operations?{query}", () => Expect(ownTable).ToContainTextAsync("杭州"), month);
        }

        await VisitAsync(page, $"dashboards/operations?{Backwards}", () => Expect(periodError).ToHaveTextAsync(EndBeforeStart), month);
        await VisitAsync(page, $"dashboards/operations?{SixYears}", () => Expect(periodError).ToHaveTextAsync(TooLong), month);
        foreach (var province in new[] { "999999", shanghaiProvince.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            await VisitAsync(page, $"dashboards/operations?province={province}", async () =>
            {
                await Expect(page.GetByText(Denied)).ToBeVisibleAsync();
                await Expect(own).ToHaveCountAsync(0);
                // The typed id is not echoed back as a breadcrumb or a picked region.
                await Expect(page.Locator("[data-testid=ops-breadcrumbs]")).ToHaveCountAsync(0);
                await Expect(page.Locator(".mud-main-content")).Not.ToContainTextAsync(province);
            }, month);
        }

        await VisitAsync(page, "dashboards/operations?period=today&wall=999999", async () =>
        {
            await Expect(page.Locator("[data-testid=wall-exit]")).ToBeVisibleAsync();
            await Expect(ownTable).ToContainTextAsync("杭州");
        }, month);
    });

    [Fact]
    public Task Dwell_BadUrls_SayTheVersionOrPeriodIsWrong_AndRecover() => JourneyAsync("dashboard-bad-urls-dwell", "supervisor2", async page =>
    {
        var graph = page.Locator("[data-testid=node-table]");
        var notFound = page.GetByText("流程版本不存在", new() { Exact = true });
        var month = "[data-testid=period-picker] [data-testid=period-ThisMonth]";

        foreach (var query in new[] { "period=xyz", "from=2026-13-45", "metric=abc", "wall=abc", "wall=-5", $"period={Sql}&from={Sql}&to={Sql}&metric={Sql}", $"metric={Script}&wall={Script}" })
        {
            await VisitAsync(page, $"dashboards/dwell?{query}", () => Expect(graph).ToBeVisibleAsync(), month);
        }

        foreach (var workflow in new[] { "999999", "abc", "-1", "99999999999999999999", Sql, Script })
        {
            await VisitAsync(page, $"dashboards/dwell?workflow={workflow}", async () =>
            {
                await Expect(notFound).ToBeVisibleAsync();
                await Expect(graph).ToHaveCountAsync(0);
            }, month);
        }

        await VisitAsync(page, $"dashboards/dwell?{Backwards}", () => Expect(page.Locator("[data-testid=period-error]")).ToHaveTextAsync(EndBeforeStart), month);
        await VisitAsync(page, $"dashboards/dwell?{SixYears}&workflow=999999", () => Expect(page.Locator("[data-testid=period-error]")).ToHaveTextAsync(TooLong), month);
    });

    [Fact]
    public Task Exports_WithTheSameGarbage_AnswerAWorkbookOfHerOwn_400_403_Or404_NeverA500() => JourneyAsync("dashboard-bad-urls-exports", "supervisor2", async page =>
    {
        var (shanghaiProvince, shanghai) = (await RegionIdAsync("上海市"), await RegionIdAsync("上海"));

        // Ignored garbage: her own workbook, with no 上海 in it.
        foreach (var url in new[]
        {
            "dashboards/revenue/regions.xlsx?period=xyz", "dashboards/revenue/daily.xlsx?from=2026-13-45&city=-5",
            $"dashboards/revenue/technicians.xlsx?period={Sql}&province={Script}&city={Sql}",
            "dashboards/operations/regions.xlsx?province=abc&from=2026-13-45", $"dashboards/operations/regions.xlsx?period={Script}&province={Sql}",
        })
        {
            await ExpectWorkbookAsync(page, url);
        }

        foreach (var (url, status, message) in new (string, int, string?)[]
        {
            ($"dashboards/revenue/regions.xlsx?{Backwards}", 400, EndBeforeStart),
            ($"dashboards/revenue/regions.xlsx?{SixYears}", 400, TooLong),
            ($"dashboards/operations/regions.xlsx?{Backwards}", 400, EndBeforeStart),
            ($"dashboards/dwell/nodes.xlsx?{SixYears}&workflow=1", 400, TooLong),
            ($"dashboards/revenue/regions.xlsx?city={shanghai}", 403, null),
            ($"dashboards/revenue/tickets.xlsx?city={shanghai}", 403, null),
            ($"dashboards/revenue/regions.xlsx?province={shanghaiProvince}", 403, null),
            ("dashboards/revenue/regions.xlsx?province=999999", 403, null),
            ($"dashboards/operations/regions.xlsx?province={shanghaiProvince}", 403, null),
            ("dashboards/operations/regions.xlsx?province=999999", 403, null),
            ($"dashboards/revenue/{Script}.xlsx", 404, null),
            ("dashboards/revenue/tickets.xlsx?city=99999999999999999999", 404, null),
            ("dashboards/dwell/nodes.xlsx?workflow=999999", 404, null),
            ($"dashboards/dwell/nodes.xlsx?workflow={Sql}&period={Script}", 404, null),
        })
        {
            var response = await page.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
            Assert.True(response.Status == status, $"{url}: {response.Status}, expected {status}");
            if (message is not null)
            {
                Assert.Equal(message, await response.TextAsync());
            }
        }

        // Opened in the browser, a refused export explains itself in Chinese.
        var refused = await page.GotoAsync($"dashboards/revenue/tickets.xlsx?city={shanghai}");
        Assert.Equal(403, refused!.Status);
        await Expect(page.Locator("[data-testid=status-page]")).ToContainTextAsync("没有权限");
    });

    [Fact]
    public Task TheCentralDesk_IsToldARegionDoesNotExist_NotRefused() => JourneyAsync("dashboard-bad-urls-central", "supervisor", async page =>
    {
        const string NoSuchRegion = "没有这个区域，请在区域选择器中选择。";
        await VisitCentralAsync(page, "dashboards/operations?province=999999", NoSuchRegion, "[data-testid=ops-period-ThisMonth]");
        await VisitCentralAsync(page, "dashboards/revenue?city=999999", "没有找到这个区域", "[data-testid=period-picker] [data-testid=period-ThisMonth]");

        foreach (var url in new[] { "dashboards/operations/regions.xlsx?province=999999", "dashboards/revenue/regions.xlsx?province=999999", "dashboards/revenue/tickets.xlsx?city=999999" })
        {
            var response = await page.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
            Assert.True(response.Status == 404, $"{url}: {response.Status}");
        }

        await BrowserSession.GotoInteractiveAsync(page, "dashboards/operations?province=999999");
    });

    [Fact]
    public async Task AgentsAndTechnicians_AreRefused_OnEveryDashboardAndExport()
    {
        foreach (var user in new[] { "agent", "tech1" })
        {
            await JourneyAsync($"dashboard-bad-urls-{user}", user, async page =>
            {
                foreach (var url in new[] { "dashboards/revenue?period=month", "dashboards/revenue?province=abc&wall=30", "dashboards/operations", "dashboards/operations?period=xyz", "dashboards/dwell", "dashboards/dwell?workflow=1" })
                {
                    await BrowserSession.GotoInteractiveAsync(page, url);
                    await Expect(page.GetByText(Denied)).ToBeVisibleAsync();
                    await Expect(page.Locator("[data-testid=kpi-revenue], [data-testid=ops-tiles], [data-testid=filters]")).ToHaveCountAsync(0);
                }

                foreach (var url in new[] { "dashboards/revenue/regions.xlsx", "dashboards/revenue/daily.xlsx?period=month", "dashboards/operations/regions.xlsx", "dashboards/dwell/nodes.xlsx?workflow=1", $"dashboards/revenue/regions.xlsx?{Backwards}" })
                {
                    var response = await page.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
                    Assert.True(response.Status == 403, $"{user} {url}: {response.Status}");
                }
            });
        }
    }

    /// <summary>
    /// Opens a bad URL, checks what it must show, that nothing failed and nothing of 上海 shows, then proves the circuit
    /// still answers: the period picker's 本月 moves the page to this month.
    /// </summary>
    private static async Task VisitAsync(IPage page, string url, Func<Task> expect, string monthButton)
    {
        await BrowserSession.GotoInteractiveAsync(page, url);
        await expect();
        await ExpectNothingBrokeAsync(page);

        await page.Locator(monthButton).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("period=month"));
        await ExpectNothingBrokeAsync(page);
    }

    // The central desk sees every region, 上海 included: only the message and a live circuit are checked.
    private static async Task VisitCentralAsync(IPage page, string url, string message, string monthButton)
    {
        await BrowserSession.GotoInteractiveAsync(page, url);
        await Expect(page.GetByText(message)).ToBeVisibleAsync();
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Expect(page.GetByText("页面的这一部分出错了")).ToHaveCountAsync(0);
        await page.Locator(monthButton).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("period=month"));
        await Expect(page.GetByText(message)).ToBeVisibleAsync();
    }

    private static async Task ExpectNothingBrokeAsync(IPage page)
    {
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Expect(page.GetByText("页面的这一部分出错了")).ToHaveCountAsync(0);
        var main = page.Locator(".mud-main-content");
        await Expect(main).ToBeVisibleAsync();
        await Expect(main).Not.ToContainTextAsync("上海");
        await Expect(main).Not.ToContainTextAsync("alert(1)");
        await Expect(main).Not.ToContainTextAsync("DROP TABLE");
    }

    private static async Task ExpectWorkbookAsync(IPage page, string url)
    {
        var response = await page.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
        Assert.True(response.Status == 200, $"{url}: {response.Status}");
        using var workbook = new XLWorkbook(new MemoryStream(await response.BodyAsync()));
        Assert.DoesNotContain(workbook.Worksheet(1).CellsUsed(), c => c.GetString().Contains("上海", StringComparison.Ordinal));
    }

    /// <summary>Signs in, runs the journey with every alert recorded (a script that ran fails it), saves the end state.</summary>
    private Task JourneyAsync(string name, string user, Func<IPage, Task> journey) => app.RunJourneyAsync(name, async page =>
    {
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await BrowserSession.LoginAsync(page, user);
        await journey(page);
        Assert.Empty(dialogs);
    });

    private async Task<long> RegionIdAsync(string name)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.Regions.Where(r => r.Name == name).Select(r => r.Id).SingleAsync(Ct);
    }
}
