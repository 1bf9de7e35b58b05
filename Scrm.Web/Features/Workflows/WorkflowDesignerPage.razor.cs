using Blazor.Diagrams;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Workflows.Components;
using Scrm.Web.Features.Workflows.Designer;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Workflows;

/// <summary>流程设计器: edits a template's draft workflow, or shows any version read-only. Canvas handling is in the .Canvas part.</summary>
public sealed partial class WorkflowDesignerPage : IDisposable
{
    private WorkflowDesign? _design;
    private string _name = "";
    private long _version;
    private bool _readOnly;
    private bool _notFound;
    private bool _busy;
    private bool _conflict;
    private bool _versionsOpen;
    private IReadOnlyList<WorkflowVersionRow>? _versions;
    private IReadOnlyList<WorkflowProblem>? _problems;
    private ConditionLookups _lookups = ConditionLookups.Empty;

    /// <summary>Edit this template's draft (its id, as typed in the address).</summary>
    [Parameter] public string? TemplateId { get; set; }

    /// <summary>Show this version read-only (its id, as typed in the address).</summary>
    [Parameter] public string? Id { get; set; }

    [Inject] private WorkflowService Workflows { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private LookupService Lookups { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>The graph as it stands on the canvas: what Save and Publish send.</summary>
    public WorkflowGraph CurrentGraph => GraphMapper.ToGraph(_diagram);

    protected override void OnInitialized() => InitDiagram();

    protected override async Task OnParametersSetAsync()
    {
        await ReloadAsync();
        var actor = await CurrentUser.RequireAsync();
        var cities = await Lookups.CitiesAsync(actor);
        var templates = await Lookups.TemplatesAsync(actor, activeOnly: false);
        var tiers = await Lookups.TiersAsync(actor);
        _lookups = new ConditionLookups(
            cities.Select(c => new Choice(c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Display)).ToList(),
            templates.Select(t => new Choice(t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Name)).ToList(),
            tiers.Select(t => new Choice(t.Id, t.Name)).ToList());
    }

    private async Task ReloadAsync()
    {
        _conflict = false;
        _problems = null;
        var actor = await CurrentUser.RequireAsync();
        var design = Id is not null
            ? (UrlValues.ParseId(Id) is { } id ? await Workflows.GetVersionAsync(actor, id) : null)
            : (UrlValues.ParseId(TemplateId) is { } templateId ? await Workflows.OpenDraftAsync(actor, templateId) : null);
        _design = design;
        _notFound = design is null;
        if (design is null)
        {
            return;
        }

        _name = design.Name;
        _version = design.Version;
        _readOnly = Id is not null || design.IsPublished;
        LoadGraph(design.Graph, resetHistory: true);
    }

    private async Task SaveAsync()
    {
        await RunAsync(async () =>
        {
            await SaveGraphAsync();
            _dirty = false;
            Snackbar.Add(L["Designer.Saved"], Severity.Success);
        });
    }

    // The first save of a draft opened unsaved creates its row; later saves update it.
    private async Task SaveGraphAsync()
    {
        var actor = await CurrentUser.RequireAsync();
        if (_design!.IsSaved)
        {
            _version = await Workflows.SaveDraftAsync(actor, _design.Id, _version, _name, CurrentGraph);
        }
        else
        {
            _design = await Workflows.CreateDraftAsync(actor, _design.TemplateId, _design.Number, _name, CurrentGraph);
            _version = _design.Version;
        }
    }

    private async Task ValidateAsync()
    {
        await RunAsync(async () => ShowProblems(await Workflows.ValidateAsync(await CurrentUser.RequireAsync(), _design!.TemplateId, CurrentGraph)));
    }

    private async Task PublishAsync()
    {
        await RunAsync(async () =>
        {
            if (!_design!.IsSaved)
            {
                await SaveGraphAsync();
            }

            var actor = await CurrentUser.RequireAsync();
            var number = await Workflows.PublishAsync(actor, _design!.Id, _version, _name, CurrentGraph);
            ShowProblems([]);
            _dirty = false;
            Snackbar.Add(L["Designer.PublishedVersion", number], Severity.Success);
            _design = await Workflows.GetVersionAsync(actor, _design.Id);
            _readOnly = true;
            DiagramView.SetLocked(_diagram, true);
        });
    }

    private async Task OpenVersionsAsync()
    {
        _versionsOpen = true;
        _versions = null;
        _versions = await Workflows.VersionsAsync(await CurrentUser.RequireAsync(), _design!.DefinitionId);
    }

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        try
        {
            await action();
        }
        catch (WorkflowValidationException ex)
        {
            ShowProblems(ex.Problems);
            Snackbar.Add(L["Designer.NotPublished"], Severity.Error);
        }
        catch (ConcurrencyConflictException)
        {
            _conflict = true;
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

    private void ShowProblems(IReadOnlyList<WorkflowProblem> problems)
    {
        _problems = problems;
        foreach (var node in _diagram.Nodes.OfType<DesignerNode>())
        {
            var mine = problems.FirstOrDefault(p => p.NodeId == node.Id);
            var text = mine is null ? null : ProblemList.Describe(L, mine);
            if (text != node.Problem)
            {
                node.Problem = text;
                node.Refresh();
            }
        }
    }

    private void PickProblem(WorkflowProblem problem)
    {
        var model = (Blazor.Diagrams.Core.Models.Base.SelectableModel?)_diagram.Links.FirstOrDefault(l => l.Id == problem.TransitionId)
            ?? _diagram.Nodes.FirstOrDefault(n => n.Id == problem.NodeId);
        if (model is not null)
        {
            _diagram.SelectModel(model, unselectOthers: true);
        }
    }

    public void Dispose() => DisposeDiagram();

    /// <summary>Leaving with unsaved edits asks first; the draft on the server is unchanged until saved.</summary>
    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!_dirty || _readOnly)
        {
            return;
        }

        var leave = await Dialogs.ShowMessageBoxAsync(L["Designer.LeaveTitle"], L["Designer.LeaveConfirm"],
            yesText: L["Designer.Leave"], cancelText: L["Designer.Stay"]);
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }
}
