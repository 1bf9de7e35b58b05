using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Scrm.Data.Changes;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Field;

/// <summary>
/// 我的收益: the signed-in technician's own ledger, re-read the moment one of their settlements posts or is reversed (the
/// change feed's Settlement changes name the payee). The page takes no parameter: whose earnings is the sign-in, nothing else.
/// </summary>
public partial class EarningsPage : IDisposable
{
    private EarningsView? _view;
    private LiveChanges? _live;

    [Inject] private FieldService Field { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<EarningsPage> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        var me = (await CurrentUser.RequireAsync()).UserId;
        _live = LiveChanges.Subscribe(Feed, c => c.Kind == ChangeKinds.Settlement && c.UserId == me, () => InvokeAsync(async () =>
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

    private async Task LoadAsync() => _view = await Field.EarningsAsync(await CurrentUser.RequireAsync());
}
