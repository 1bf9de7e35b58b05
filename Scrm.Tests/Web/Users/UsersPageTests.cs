using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Data;
using Scrm.Domain.Auditing;
using Scrm.Web.Features.Users;
using Scrm.Web.Features.Users.Components;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Web.Users;

/// <summary>The users page, the user dialog and the user page over the seeded demo company, as the demo admin.</summary>
public sealed class UsersPageTests : ScrmComponentTest
{
    protected override string UserName => "admin";

    [Fact]
    public void Page_ListsTheDemoUsers()
    {
        var cut = RenderWithProviders<UsersPage>();

        cut.WaitForAssertion(() => Assert.Equal(16, Rows(cut).Count));
        Assert.Contains(Rows(cut), r => r.Contains("王磊", StringComparison.Ordinal) && r.Contains("Admin", StringComparison.Ordinal));
        var tech0 = Rows(cut).Single(r => r.Contains("tech0", StringComparison.Ordinal));
        Assert.Contains("Deactivated", tech0, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchInTheUrl_ListsOnlyMatchingUsers_InAnyCase()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("admin/users?q=TECH&status=active");

        var cut = RenderWithProviders<UsersPage>();

        cut.WaitForAssertion(() => Assert.Equal(4, Rows(cut).Count));
        Assert.All(Rows(cut), r => Assert.Contains("tech", r, StringComparison.Ordinal));
    }

    [Fact]
    public void FiltersInTheUrlThatNameNothing_AreIgnored_AndNotShownAsFilters()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("admin/users?role=Hacker&status=%00");

        var cut = RenderWithProviders<UsersPage>();

        cut.WaitForAssertion(() => Assert.Equal(16, Rows(cut).Count));
        Assert.Equal("", cut.Find("input[data-testid=filter-role]").GetAttribute("value") ?? "");
        Assert.Equal("", cut.Find("input[data-testid=filter-status]").GetAttribute("value") ?? "");
    }

    [Fact]
    public void NoMatch_ShowsAnEmptyStateThatSaysWhatToDo()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("admin/users?q=nobody-by-this-name");

        var cut = RenderWithProviders<UsersPage>();

        cut.WaitForAssertion(() => Assert.Contains("No user matches these filters.", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dialog_ShowsPartnerTypeAndSkillsOnlyForTechnicians_AndFlagsAMissingPartnerTypeBesideTheField()
    {
        var cut = await OpenNewUserDialogAsync();
        Assert.Empty(cut.FindAll("[data-testid=user-partner-type]"));
        Assert.Empty(cut.FindAll("[data-testid=user-skills]"));
        Assert.Equal(["50", "100", "40", "128"], new[] { "user-name", "user-display-name", "user-phone", "user-wecom" }
            .Select(id => cut.Find($"[data-testid={id}]").GetAttribute("maxlength")));

        Choose(cut, "user-role", "Technician");
        cut.Find("[data-testid=user-name]").Input("new.tech");
        cut.Find("[data-testid=user-display-name]").Input("新师傅");
        cut.Find("[data-testid=save-user]").Click();

        cut.WaitForAssertion(() => Assert.Contains(L["Error.TechnicianNeedsPartnerType"].Value,
            cut.Find("[data-testid=user-partner-type]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(cut.FindAll("[data-testid=user-partner-from]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=user-skills]"));
    }

    [Fact]
    public async Task Dialog_FlagsATakenUserNameBesideTheField()
    {
        var cut = await OpenNewUserDialogAsync();

        cut.Find("[data-testid=user-name]").Input("TECH1");
        cut.Find("[data-testid=user-display-name]").Input("重名");
        cut.Find("[data-testid=save-user]").Click();

        cut.WaitForAssertion(() => Assert.Contains("The user name TECH1 is taken",
            cut.Find("[data-testid=user-name]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UserPage_ShowsTheTemporaryPasswordOnce_AfterAReset()
    {
        var id = await IdOfAsync("tech2");
        var cut = RenderWithProviders<UserPage>(id);
        cut.WaitForAssertion(() => Assert.Contains("孙伟", cut.Find("[data-testid=user-header]").TextContent, StringComparison.Ordinal));

        cut.Find("[data-testid=reset-password]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Their current password stops working", cut.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Reset password").Click();

        cut.WaitForAssertion(() => Assert.Equal(12, cut.Find("[data-testid=temporary-password]").TextContent.Trim().Length));
        var password = cut.Find("[data-testid=temporary-password]").TextContent.Trim();
        Assert.Contains("must be changed at the first sign-in", cut.Find("[data-testid=temporary-password-dialog]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-testid=password-done]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=temporary-password]")));
        Assert.DoesNotContain(password, cut.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-testid=chip-must-change]"));
    }

    [Fact]
    public void History_ShowsRolesYesNoAndLinkedNamesInWords()
    {
        var at = new DateTime(2026, 11, 25, 6, 0, 0, DateTimeKind.Utc);
        UserHistoryRow[] rows =
        [
            new(at, "王磊", "UserProfile", AuditAction.Updated, "Role", "Agent", "Supervisor"),
            new(at, "王磊", "UserProfile", AuditAction.Updated, "IsActive", "True", "False"),
            new(at, "王磊", "UserRegion", AuditAction.Created, null, null, "浙江省 / 湖州"),
            new(at, "王磊", "UserProfile", AuditAction.Updated, "Password", null, "Reset"),
            new(at, null, "UserSkill", AuditAction.Created, null, null, "空调"),
        ];

        var cut = Render<UserHistoryTable>(p => p.Add(x => x.Rows, rows));

        var cells = cut.FindAll("[data-testid=user-history] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["2026-11-25 14:00", "王磊", "Role", "Agent", "→", "Supervisor"], cells[0]);
        Assert.Equal(["Active", "Yes", "No"], new[] { cells[1][2], cells[1][3], cells[1][5] });
        Assert.Equal(["Regions", "—", "浙江省 / 湖州"], new[] { cells[2][2], cells[2][3], cells[2][5] });
        Assert.Equal(["Password", "Reset by an admin"], new[] { cells[3][2], cells[3][5] });
        Assert.Equal("System", cells[4][1]);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void UserPage_ForAnUnknownId_SaysNotFoundInsideThePage(string id)
    {
        var cut = RenderWithProviders<UserPage>(id);

        cut.WaitForAssertion(() => Assert.Contains("This user does not exist.", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(cut.FindAll("[data-testid=back-to-users]"));
    }

    private Microsoft.Extensions.Localization.IStringLocalizer<Scrm.Web.SharedResource> L =>
        Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Scrm.Web.SharedResource>>();

    private static List<string> Rows(IRenderedComponent<ContainerFragment> cut) =>
        cut.FindAll("[data-testid=user-grid] tbody tr.mud-table-row").Select(r => r.TextContent).ToList();

    private async Task<IRenderedComponent<ContainerFragment>> OpenNewUserDialogAsync()
    {
        var cut = RenderWithProviders<EmptyComponent>();
        var actor = await TestApp.ActorAsync(Services, "admin");
        var choices = await Services.GetRequiredService<UserAdminService>().ChoicesAsync(actor, Xunit.TestContext.Current.CancellationToken);
        _ = cut.InvokeAsync(() => UserDialogs.EditAsync(Services.GetRequiredService<IDialogService>(), L, choices, user: null));
        cut.WaitForAssertion(() => cut.Find("[data-testid=user-name]"));
        return cut;
    }

    private IRenderedComponent<ContainerFragment> RenderWithProviders<T>(string? id = null) where T : IComponent => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<MudSnackbarProvider>(2);
        builder.CloseComponent();
        builder.OpenComponent<T>(3);
        if (id is not null)
        {
            builder.AddAttribute(4, nameof(UserPage.Id), id);
        }

        builder.CloseComponent();
    });

    /// <summary>Opens the select whose input carries <c>data-testid</c> and clicks the choice with this text.</summary>
    private static void Choose(IRenderedComponent<ContainerFragment> cut, string testId, string text)
    {
        cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.MouseDown();
        cut.WaitForAssertion(() => cut.FindAll(".mud-popover-open .mud-list-item").Single(e => e.TextContent.Trim() == text).Click());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-popover-open .mud-list-item")));
    }

    private async Task<string> IdOfAsync(string userName)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        return await db.UserProfiles.Where(p => p.UserName == userName).Select(p => p.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
    }

    private sealed class EmptyComponent : ComponentBase;
}
