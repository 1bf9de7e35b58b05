using System.Globalization;
using MudBlazor;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Dashboards.Components;

/// <summary>The dashboards' chart settings, one look for all: the app's palette, money on the axis, no clutter.</summary>
public static class DashboardCharts
{
    public static LineChartOptions Line() => new()
    {
        ChartPalette = ScrmTheme.ChartPalette,
        YAxisToStringFunc = AxisMoney,
        LineStrokeWidth = 2.5,
        YAxisTicks = 0,
        MaxNumYAxisTicks = 5,
        XAxisLines = false,
    };

    public static BarChartOptions Bar() => new()
    {
        ChartPalette = ScrmTheme.ChartPalette,
        YAxisToStringFunc = AxisMoney,
        MaxNumYAxisTicks = 5,
        XAxisLines = false,
    };

    public static StackedBarChartOptions StackedBar() => new()
    {
        ChartPalette = ScrmTheme.ChartPalette,
        YAxisToStringFunc = AxisMoney,
        MaxNumYAxisTicks = 5,
        XAxisLines = false,
    };

    /// <summary>
    /// One label per day ("11-05"), thinned to about eight so a month stays readable; the blanks keep the points' places.
    /// </summary>
    public static string[] DayLabels(IReadOnlyList<DateOnly> days)
    {
        var step = Math.Max(1, (int)Math.Ceiling(days.Count / 8.0));
        return [.. days.Select((d, i) => i % step == 0 || i == days.Count - 1 ? d.ToString("MM-dd", CultureInfo.InvariantCulture) : "")];
    }

    // Whole yuan on the axis: the cents are in the tables.
    private static string AxisMoney(double value) => "¥" + value.ToString("#,##0", CultureInfo.InvariantCulture);
}
