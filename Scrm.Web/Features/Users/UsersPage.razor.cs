using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MudBlazor;
using Scrm.Data.Changes;
using Scrm.Domain.Users;
using Scrm.Web.Features.Users.Components;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Users;

public partial class UsersPage : IDisposable
{
    private MudDataGrid<UserRow>? _grid;
    private LiveChanges? _live;
    private (string?, string?, string?) _loaded;

    [Inject] private UserAdminService Users { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private ILogger<UsersPage> Logger { get; set; } = default!;

    // The filters live in the URL, so a filtered list can be bookmarked and reloaded; unknown values are ignored.
    [SupplyParameterFromQuery(Name = "q")] private string? Search { get; set; }
    [SupplyParameterFromQuery(Name = "role")] private string? Role { get; set; }
    [SupplyParameterFromQuery(Name = "status")] private string? Status { get; set; }

    protected override void OnInitialized()
    {
        // Another admin's change to any user may move a row: reload the current page, sort and filters.
        if (RendererInfo.IsInteractive)
        {
            _live = LiveChanges.Subscribe(Feed, c => c.Kind == ChangeKinds.User,
                () => InvokeAsync(() => _grid?.ReloadServerData() ?? Task.CompletedTask), Time, logger: Logger);
        }
    }

    public void Dispose()
    {
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (Search, Role, Status))
        {
            return;
        }

        _loaded = (Search, Role, Status);
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    // The filters show what the list applies: a role or status in the address that names nothing shows as no filter.
    private string? ShownStatus => Query().Active switch { true => "active", false => "inactive", null => null };

    private UserQuery Query() => new()
    {
        Search = Search,
        Role = Enum.TryParse<Role>(Role, out var role) && Enum.IsDefined(role) ? role : null,
        Active = Status switch { "active" => true, "inactive" => false, _ => null },
    };

    private async Task<GridData<UserRow>> LoadAsync(GridState<UserRow> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = Query() with
        {
            Page = state.Page,
            PageSize = state.PageSize,
            SortBy = sort is not null && Enum.TryParse<UserSort>(sort.SortBy, out var by) ? by : UserSort.DisplayName,
            Descending = sort?.Descending ?? false,
        };
        var result = await Users.ListAsync(await CurrentUser.RequireAsync(), query, ct);
        return new GridData<UserRow> { Items = result.Items, TotalItems = result.Total };
    }

    private Task FilterAsync(string? search, string? role, string? status)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["q"] = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            ["role"] = string.IsNullOrEmpty(role) ? null : role,
            ["status"] = string.IsNullOrEmpty(status) ? null : status,
        };
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(parameters), replace: true);
        return Task.CompletedTask;
    }

    private void Open(DataGridRowClickEventArgs<UserRow> args) => Navigation.NavigateTo($"admin/users/{args.Item.Id}");

    private async Task CreateAsync()
    {
        var actor = await CurrentUser.RequireAsync();
        var choices = await Users.ChoicesAsync(actor);
        if (await UserDialogs.EditAsync(Dialogs, L, choices, user: null) is CreatedUser created)
        {
            await UserDialogs.ShowPasswordAsync(Dialogs, L, created.UserName, created.TemporaryPassword, isNew: true);
            Navigation.NavigateTo($"admin/users/{created.Id}");
        }
    }
}
