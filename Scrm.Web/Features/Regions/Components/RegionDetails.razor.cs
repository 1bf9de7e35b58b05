using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Regions.Components;

/// <summary>One region's details with every change an admin makes to it; refusals show beside their field.</summary>
public partial class RegionDetails
{
    private string? _name;
    private long _provinceId;
    private string? _directorId;
    private long _shownVersion = -1;
    private string? _error;
    private string? _errorField;
    private bool _busy;

    /// <summary>The region shown.</summary>
    [Parameter, EditorRequired] public RegionNode Node { get; set; } = default!;

    /// <summary>All regions and the tier list (for the province picker, the merge target and tier names).</summary>
    [Parameter, EditorRequired] public RegionTree Tree { get; set; } = default!;

    /// <summary>Raised after a change was saved (or lost to someone else's): the page reloads the tree.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    /// <summary>Raised when the region was deleted or merged, with the region it was merged into.</summary>
    [Parameter] public EventCallback<long?> Gone { get; set; }

    [Inject] private RegionAdminService Regions { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    protected override void OnParametersSet()
    {
        // A new version (saved here or by someone else) replaces the inputs; a refused edit keeps them for correction.
        if (Node.Version != _shownVersion)
        {
            (_shownVersion, _name, _provinceId, _directorId) = (Node.Version, Node.Name, Node.ParentId ?? 0, Node.DirectorId);
            (_error, _errorField) = (null, null);
        }
    }

    private string? ErrorFor(string field) => _errorField == field ? _error : null;

    /// <summary>
    /// Runs one change on the version shown. Someone else's change in between is reported and the page reloads;
    /// any other refusal is thrown to the caller, which shows it where the admin can act.
    /// </summary>
    private async Task<bool> ApplyAsync(Func<Actor, long, Task> change, string saved)
    {
        _busy = true;
        try
        {
            await change(await CurrentUser.RequireAsync(), Node.Version);
            Snackbar.Add(saved, Severity.Success);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            Snackbar.Add(L["Regions.Conflict"], Severity.Warning);
            await Changed.InvokeAsync();
            return false;
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>A change made from a field of this panel: a refusal shows beside the field, or as a snackbar when it has none.</summary>
    private async Task RunAsync(Func<Actor, long, Task> change, string saved)
    {
        (_error, _errorField) = (null, null);
        try
        {
            if (await ApplyAsync(change, saved))
            {
                await Changed.InvokeAsync();
            }
        }
        catch (DomainException ex)
        {
            (_error, _errorField) = (L.Describe(ex), ex.Field);
            if (ex.Field is not ("Name" or "ParentId" or "DirectorId"))
            {
                Snackbar.Add(_error, Severity.Error);
            }
        }
    }

    private Task RenameAsync() => RunAsync((actor, v) => Regions.RenameAsync(actor, Node.Id, v, _name), L["Regions.Renamed", _name?.Trim() ?? ""]);

    private Task MoveAsync() => RunAsync((actor, v) => Regions.MoveAsync(actor, Node.Id, v, _provinceId),
        L["Regions.Moved", Node.Name, Tree.Find(_provinceId)?.Name ?? ""]);

    private Task AppointAsync() => RunAsync((actor, v) => Regions.AppointDirectorAsync(actor, Node.Id, v, _directorId),
        _directorId is null ? L["Regions.DirectorCleared", Node.Name] : L["Regions.DirectorAppointed", Node.Name]);

    /// <summary>Called by the tier panel, which shows a refusal beside the tier or the date.</summary>
    private async Task ChangeTierAsync(string tier, DateOnly from)
    {
        if (await ApplyAsync((actor, v) => Regions.ChangeTierAsync(actor, Node.Id, v, tier, from),
                L["Regions.TierChanged", Node.Name, tier, from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await Changed.InvokeAsync();
        }
    }

    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Regions.DeleteTitle", Node.Name], L["Regions.DeleteConfirm", Node.Name],
            yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]);
        if (confirmed == true)
        {
            await GoAsync((actor, v) => Regions.DeleteAsync(actor, Node.Id, v), L["Regions.Deleted", Node.Name], null);
        }
    }

    private async Task MergeAsync()
    {
        var parameters = new DialogParameters<MergeDialog> { { d => d.Source, Node }, { d => d.Tree, Tree } };
        var dialog = await Dialogs.ShowAsync<MergeDialog>(L["Regions.MergeTitle", Node.Name], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: long targetId })
        {
            var target = Tree.Find(targetId)?.Name ?? "";
            await GoAsync((actor, v) => Regions.MergeAsync(actor, Node.Id, v, targetId), L["Regions.Merged", Node.Name, target], targetId);
        }
    }

    /// <summary>Deletes or merges the region; the page then shows <paramref name="successorId"/>. A refusal says why in a snackbar.</summary>
    private async Task GoAsync(Func<Actor, long, Task> change, string saved, long? successorId)
    {
        try
        {
            if (await ApplyAsync(change, saved))
            {
                await Gone.InvokeAsync(successorId);
            }
        }
        catch (DomainException ex)
        {
            Snackbar.Add(L.Describe(ex), Severity.Error);
        }
    }
}
