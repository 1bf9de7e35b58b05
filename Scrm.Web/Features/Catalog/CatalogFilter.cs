using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Scrm.Web.Features.Catalog;

/// <summary>A catalog page's filters as the URL carries them: <c>q</c>, <c>status</c> (active / inactive) and, for parts, <c>low</c>.</summary>
public sealed record CatalogFilterValue(string? Search, string? Status, bool LowOnly);

/// <summary>Turns a catalog page's URL filters and grid state into a query, and filters into a URL.</summary>
public static class CatalogFilter
{
    public const string Active = "active";
    public const string Inactive = "inactive";

    public static bool? ActiveOf(string? status) => status switch { Active => true, Inactive => false, _ => null };

    public static CatalogQuery Query<T>(CatalogFilterValue filter, SortDefinition<T>? sort, int page, int pageSize) => new()
    {
        Search = filter.Search,
        Active = ActiveOf(filter.Status),
        LowOnly = filter.LowOnly,
        SortBy = sort is not null && Enum.TryParse<CatalogSort>(sort.SortBy, out var by) && Enum.IsDefined(by) ? by : CatalogSort.Code,
        Descending = sort?.Descending ?? false,
        Page = page,
        PageSize = pageSize,
    };

    public static string Uri(NavigationManager navigation, CatalogFilterValue filter) => navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
    {
        ["q"] = string.IsNullOrWhiteSpace(filter.Search) ? null : filter.Search.Trim(),
        ["status"] = ActiveOf(filter.Status) is null ? null : filter.Status,
        ["low"] = filter.LowOnly ? "true" : null,
    });
}
