namespace Scrm.Web.Features.Dashboards;

/// <summary>How a dashboard column's values are shown on screen and typed in Excel.</summary>
public enum DashboardColumnKind
{
    Text,
    Count,

    /// <summary>Yuan (decimal): ¥1,234.50.</summary>
    Money,

    /// <summary>A fraction (0.125 = 12.5 %).</summary>
    Rate,

    /// <summary>A duration in minutes, shown as hours and minutes.</summary>
    Minutes,

    /// <summary>A score with one decimal (a satisfaction average out of 5).</summary>
    Score,
}

/// <summary>A column: its header (already localized) and kind.</summary>
public sealed record DashboardColumn(string Header, DashboardColumnKind Kind);

/// <summary>
/// A dashboard table as the user sees it — localized headers, one value per column per row (null for "nothing to
/// measure") — so the page and its .xlsx export are built from the same rows and cannot disagree.
/// </summary>
public sealed record DashboardTable(string Title, IReadOnlyList<DashboardColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
