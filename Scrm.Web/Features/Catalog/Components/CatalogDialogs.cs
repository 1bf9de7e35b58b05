using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Web.Features.Catalog.Import;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Catalog.Components;

/// <summary>Opens the catalog pages' dialogs; each returns whether something was saved.</summary>
public static class CatalogDialogs
{
    private static readonly DialogOptions Form = new() { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false };

    public static Task<bool> EditServiceAsync(IDialogService dialogs, IStringLocalizer<SharedResource> l, IReadOnlyList<string> categories, ServiceItemRow? item) =>
        ShowAsync<ServiceItemDialog>(dialogs, item is null ? l["Catalog.NewService"] : l["Catalog.EditTitle", item.Name],
            new DialogParameters<ServiceItemDialog> { { d => d.Item, item }, { d => d.Categories, categories } }, Form);

    public static Task<bool> EditPartAsync(IDialogService dialogs, IStringLocalizer<SharedResource> l, SparePartRow? part) =>
        ShowAsync<SparePartDialog>(dialogs, part is null ? l["Catalog.NewPart"] : l["Catalog.EditTitle", part.Name],
            new DialogParameters<SparePartDialog> { { d => d.Part, part } }, Form);

    public static Task<bool> CountStockAsync(IDialogService dialogs, IStringLocalizer<SharedResource> l, SparePartRow part, IReadOnlyList<WarehouseOption> warehouses) =>
        ShowAsync<StockCountDialog>(dialogs, l["Catalog.CountTitle", part.Name],
            new DialogParameters<StockCountDialog> { { d => d.Part, part }, { d => d.Warehouses, warehouses } }, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, BackdropClick = false });

    public static Task<bool> ImportAsync(IDialogService dialogs, IStringLocalizer<SharedResource> l, CatalogKind kind) =>
        ShowAsync<CatalogImportDialog>(dialogs, l[kind == CatalogKind.Services ? "Catalog.ImportServices" : "Catalog.ImportParts"],
            new DialogParameters<CatalogImportDialog> { { d => d.Kind, kind } }, new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, BackdropClick = false });

    private static async Task<bool> ShowAsync<TDialog>(IDialogService dialogs, string title, DialogParameters parameters, DialogOptions options)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, options);
        return await dialog.Result is { Canceled: false };
    }
}

/// <summary>Quantities typed by people: 12, 2.5, full-width ２．５; empty is none.</summary>
public static class QuantityText
{
    public static bool TryParse(string? text, out decimal? value)
    {
        value = null;
        var plain = new string((text ?? "").Trim().Select(c => c switch
        {
            >= '０' and <= '９' => (char)('0' + (c - '０')),
            '．' => '.',
            _ => c,
        }).ToArray());
        if (plain.Length == 0)
        {
            return true;
        }

        if (decimal.TryParse(plain, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    public static string Format(decimal? value) => value is { } v ? Domain.Catalog.Quantity.Format(v) : "";
}
