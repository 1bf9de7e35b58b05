using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Domain.Workflows;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Workflows;

public partial class WorkflowMigrationPage
{
    private MigrationSetup? _setup;
    private WorkflowDesign? _to;
    private long? _toId;
    private readonly Dictionary<string, string> _mapping = [];
    private MigrationPlan? _plan;
    private bool _busy;
    private bool _notFound;
    private List<BreadcrumbItem> _breadcrumbs = [];

    /// <summary>The published version whose tickets move (its id, as typed in the address).</summary>
    [Parameter] public string? FromId { get; set; }

    [Inject] private WorkflowMigrationService Migrations { get; set; } = default!;
    [Inject] private WorkflowService Workflows { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _setup = UrlValues.ParseId(FromId) is { } fromId ? await Migrations.SetupAsync(await CurrentUser.RequireAsync(), fromId) : null;
        _notFound = _setup is null;
        _breadcrumbs = [new(L["Nav.Workflows"], "admin/workflows"), new(L["Migration.Title"], null, disabled: true)];
        if (_setup is { Targets.Count: > 0 } setup)
        {
            await ChooseTargetAsync(setup.Targets[0].Id);
        }
    }

    private async Task ChooseTargetAsync(long? id)
    {
        _toId = id;
        _to = id is { } toId ? await Workflows.GetVersionAsync(await CurrentUser.RequireAsync(), toId) : null;
        _plan = null;
        _mapping.Clear();

        // Nodes kept under the same id in the new version are mapped to themselves to start with.
        foreach (var nodeId in _setup?.TicketsPerNode.Keys ?? [])
        {
            if (_to?.Graph.FindNode(nodeId) is { } same && same.Kind.Waits())
            {
                _mapping[nodeId] = nodeId;
            }
        }
    }

    private void Map(string nodeId, string? target)
    {
        if (target is null)
        {
            _mapping.Remove(nodeId);
        }
        else
        {
            _mapping[nodeId] = target;
        }

        _plan = null;
    }

    private string PlannedFor(string nodeId) =>
        _plan?.Moves.FirstOrDefault(m => m.FromNodeId == nodeId) is { } move ? L["Migration.Moves", move.Tickets, move.ToNodeName] : "";

    private async Task DryRunAsync()
    {
        if (_toId is not { } toId)
        {
            return;
        }

        await RunAsync(async () => _plan = await Migrations.PlanAsync(await CurrentUser.RequireAsync(), _setup!.From.Id, toId, _mapping));
    }

    private async Task ApplyAsync()
    {
        if (_toId is not { } toId || _plan is not { CanApply: true } plan)
        {
            return;
        }

        var count = plan.Moves.Sum(m => m.Tickets);
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Migration.Title"], L["Migration.Confirm", count, _to!.Number], yesText: L["Migration.Apply", count], cancelText: L["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        await RunAsync(async () =>
        {
            var moved = await Migrations.ApplyAsync(await CurrentUser.RequireAsync(), _setup!.From.Id, toId, _mapping);
            Snackbar.Add(L["Migration.Done", moved, _to.Number], Severity.Success);
            await OnParametersSetAsync();
        });
    }

    private async Task RunAsync(Func<Task> work)
    {
        _busy = true;
        try
        {
            await work();
        }
        catch (DomainException ex)
        {
            Snackbar.Add(L.Describe(ex), Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
