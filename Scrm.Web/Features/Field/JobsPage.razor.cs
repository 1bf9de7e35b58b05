using System.Collections.Frozen;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Scrm.Data.Changes;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Field;

/// <summary>我的任务: the signed-in technician's open jobs, kept current as jobs are assigned, moved or taken away.</summary>
public partial class JobsPage : IDisposable
{
    private IReadOnlyList<JobCard>? _jobs;
    private LiveChanges? _live;

    // Replaced whole on each load: the feed's thread reads it while the circuit's thread reloads.
    private volatile FrozenSet<long> _listed = FrozenSet<long>.Empty;

    [Inject] private FieldService Field { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<JobsPage> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        var me = (await CurrentUser.RequireAsync()).UserId;
        _live = LiveChanges.Subscribe(Feed, c => c.Kind == ChangeKinds.Ticket && (c.AssigneeId == me || _listed.Contains(c.Id)),
            () => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }), Clock, logger: Logger);
        await LoadAsync();
    }

    public void Dispose()
    {
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task LoadAsync()
    {
        _jobs = await Field.JobsAsync(await CurrentUser.RequireAsync());
        _listed = _jobs.Select(j => j.Id).ToFrozenSet();
    }
}
