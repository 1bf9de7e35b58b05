using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Web.Features.Assignment.Components;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Assignment;

/// <summary>/admin/assignment: one template's rules in the order they are tried, with create, edit, reorder and delete.</summary>
public sealed partial class AssignmentPage
{
    private IReadOnlyList<AssignmentTemplateRow>? _templates;
    private AssignmentRulesView? _view;
    private long _templateId;
    private bool _busy;

    [Inject] private AssignmentService Assignment { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>The template whose rules are shown, kept in the URL (<c>?template=</c>); the first one when absent.</summary>
    [SupplyParameterFromQuery(Name = "template")] public long? TemplateId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _templates = await Assignment.TemplatesAsync(await CurrentUser.RequireAsync());
        if (_templates.Count > 0)
        {
            _templateId = _templates.Any(t => t.Id == TemplateId) ? TemplateId!.Value : _templates[0].Id;
            await LoadAsync();
        }
    }

    private async Task SelectTemplateAsync(long templateId)
    {
        _templateId = templateId;
        _view = null;
        await LoadAsync();
    }

    private async Task LoadAsync() => _view = await Assignment.RulesAsync(await CurrentUser.RequireAsync(), _templateId);

    private int Position(AssignmentRuleRow row) => _view!.Rules.TakeWhile(r => r != row).Count();

    private Task CreateAsync() => OpenDialogAsync(L["Assignment.New"], null);

    private Task EditAsync(AssignmentRuleRow row) => OpenDialogAsync(L["Assignment.Edit"], row);

    private async Task OpenDialogAsync(string title, AssignmentRuleRow? row)
    {
        var parameters = new DialogParameters<AssignmentRuleDialog>
        {
            { d => d.TemplateId, _templateId },
            { d => d.View, _view! },
            { d => d.Rule, row },
        };
        var dialog = await Dialogs.ShowAsync<AssignmentRuleDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await LoadAsync();
        }
    }

    private Task MoveAsync(AssignmentRuleRow row, bool up) =>
        RunAsync(async actor => await Assignment.MoveAsync(actor, row.Id, row.Version, up), null);

    private async Task DeleteAsync(AssignmentRuleRow row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Assignment.Delete"], L["Assignment.DeleteConfirm", row.Name],
            yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]);
        if (confirmed == true)
        {
            await RunAsync(actor => Assignment.DeleteAsync(actor, row.Id, row.Version), L["Assignment.Deleted", row.Name]);
        }
    }

    /// <summary>Runs a list command; a refusal (a stale row, a rule deleted meanwhile) is shown and the list reloaded.</summary>
    private async Task RunAsync(Func<Actor, Task> command, string? done)
    {
        _busy = true;
        try
        {
            await command(await CurrentUser.RequireAsync());
            if (done is not null)
            {
                Snackbar.Add(done, Severity.Success);
            }
        }
        catch (DomainException ex)
        {
            Snackbar.Add(L.Describe(ex), Severity.Warning);
        }
        finally
        {
            _busy = false;
            await LoadAsync();
        }
    }
}
