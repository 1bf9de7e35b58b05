using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MudBlazor;
using Scrm.Data.Changes;
using Scrm.Domain.Common;
using Scrm.Web.Features.Sla.Components;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Sla;

/// <summary>/admin/sla: the policies per template and urgency, and the company's working calendar.</summary>
public partial class SlaPage : IDisposable
{
    private SlaAdminView? _view;
    private int _tab;
    private LiveChanges? _live;

    // Bumped after this admin saves the calendar: the editor starts again from what was saved.
    private int _calendarEdits;

    [Inject] private SlaAdminService Sla { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ILogger<SlaPage> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // Another admin's policy change shows in the list; the calendar being edited here is left alone (its save is version-checked).
        if (RendererInfo.IsInteractive)
        {
            _live = LiveChanges.Subscribe(Feed, c => c.Kind == ChangeKinds.Sla, () => InvokeAsync(async () =>
            {
                await ReloadAsync();
                StateHasChanged();
            }), Time, logger: Logger);
        }

        await ReloadAsync();
    }

    private async Task ReloadAsync() => _view = await Sla.GetAsync(await CurrentUser.RequireAsync());

    private async Task CalendarSavedAsync()
    {
        await ReloadAsync();
        _calendarEdits++;
    }

    private Task AddAsync() => OpenAsync(null, L["Sla.NewPolicy"]);

    private Task EditAsync(SlaPolicyRow row) => OpenAsync(row.Policy, L["Sla.EditPolicy", row.TemplateName, L[$"Urgency.{row.Policy.Urgency}"]]);

    private async Task OpenAsync(SlaPolicyForm? policy, string title)
    {
        var parameters = new DialogParameters<SlaPolicyDialog> { { d => d.View, _view }, { d => d.Policy, policy } };
        var dialog = await Dialogs.ShowAsync<SlaPolicyDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadAsync();
        }
    }

    private async Task DeleteAsync(SlaPolicyRow row)
    {
        var urgency = L[$"Urgency.{row.Policy.Urgency}"];
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Sla.DeleteTitle"], L["Sla.DeleteConfirm", row.TemplateName, urgency],
            yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        try
        {
            await Sla.DeletePolicyAsync(await CurrentUser.RequireAsync(), row.Policy.Id, row.Policy.Version);
            Snackbar.Add(L["Sla.PolicyDeleted", row.TemplateName, urgency], Severity.Success);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(L.Describe(ex), Severity.Error);
        }

        await ReloadAsync();
    }

    public void Dispose()
    {
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }
}
