using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>An admin hires a technician who must choose their own password, and lets one go whose page is still open.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PeopleJourneyTests(AppServerFixture app)
{
    [Fact]
    public Task Admin_CreatesATechnician_WhoSignsInWithTheTemporaryPassword_AndMustChangeIt() =>
        app.RunJourneyAsync("new-technician", async admin =>
    {
        await BrowserSession.LoginAsync(admin, "admin");
        await BrowserSession.GotoInteractiveAsync(admin, "admin/users");
        await admin.ClickAsync("[data-testid=new-user]");
        await admin.FillAsync("input[data-testid=user-name]", "Xu.Hai");
        await admin.FillAsync("input[data-testid=user-display-name]", "徐海");
        await admin.FillAsync("input[data-testid=user-phone]", "13900001111");
        await PickAsync(admin, "user-role", "师傅");
        await PickAsync(admin, "user-partner-type", "加盟");
        await admin.Locator("[data-testid=user-skills] .mud-chip").GetByText("空调", new() { Exact = true }).ClickAsync();
        await admin.Locator("[data-testid=user-skills] .mud-chip").GetByText("热水器", new() { Exact = true }).ClickAsync();
        await admin.ClickAsync("[data-testid=save-user]");

        var shown = admin.Locator("[data-testid=temporary-password]");
        await Expect(shown).ToBeVisibleAsync();
        var temporary = (await shown.InnerTextAsync()).Trim();
        Assert.Equal(12, temporary.Length);
        await AppServerFixture.ScreenshotAsync(admin, "new-technician-password");
        await admin.ClickAsync("[data-testid=password-done]");
        // The new user's page: technician, franchise from today, two skills, a password still to change.
        await Expect(admin.Locator("[data-testid=user-header]")).ToContainTextAsync("徐海");
        await Expect(admin.Locator("[data-testid=chip-must-change]")).ToBeVisibleAsync();
        await Expect(admin.Locator("[data-testid=partner-types]")).ToContainTextAsync("加盟");
        await Expect(admin.Locator("[data-testid=user-details]")).ToContainTextAsync("热水器");

        // The technician, in another browser: the temporary password lets them in only as far as choosing their own.
        var technician = await app.NewPageAsync();
        try
        {
            await technician.GotoAsync("account/login");
            await technician.FillAsync("#username", "xu.hai");
            await technician.FillAsync("#password", temporary);
            await technician.ClickAsync("[data-testid=login-submit]");
            await Expect(technician).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/password"));
            await Expect(technician.Locator("[data-testid=password-forced]")).ToBeVisibleAsync();
            await technician.GotoAsync("tickets");
            await Expect(technician).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/password"));

            await ChangePasswordAsync(technician, temporary, "short1");
            await Expect(technician.Locator("[data-testid=password-error-TooShort]")).ToBeVisibleAsync();

            await ChangePasswordAsync(technician, temporary, "空调安装到府-2027");
            await Expect(technician).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/(password|login)"));
            await BrowserSession.WaitInteractiveAsync(technician);
            await Expect(technician.Locator("header")).ToContainTextAsync("徐海");
            await AppServerFixture.ScreenshotAsync(technician, "new-technician-signed-in");
        }
        finally
        {
            await technician.Context.CloseAsync();
        }
    });

    [Fact]
    public Task Admin_DeactivatesAUser_WhosePageIsOpen_AndThatPageIsSignedOutWithinAMinute() =>
        app.RunJourneyAsync("deactivated-user", async admin =>
    {
        var leaver = await app.NewPageAsync();
        try
        {
            await BrowserSession.LoginAsync(leaver, "tech4");
            await BrowserSession.WaitInteractiveAsync(leaver);

            await BrowserSession.LoginAsync(admin, "admin");
            await BrowserSession.GotoInteractiveAsync(admin, $"admin/users/{await UserIdAsync("tech4")}");
            await admin.ClickAsync("[data-testid=deactivate-user]");
            await admin.Locator(".mud-dialog-actions button").GetByText("停用", new() { Exact = true }).ClickAsync();
            await Expect(admin.Locator("[data-testid=chip-deactivated]")).ToBeVisibleAsync();

            // The open circuit asks the database once a minute; the wait is for that condition, never a fixed sleep.
            await Expect(leaver).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"), new() { Timeout = 75_000 });
            await AppServerFixture.ScreenshotAsync(leaver, "deactivated-user-signed-out");

            await leaver.FillAsync("#username", "tech4");
            await leaver.FillAsync("#password", BrowserSession.DemoPassword);
            await leaver.ClickAsync("[data-testid=login-submit]");
            await Expect(leaver.Locator("[data-testid=login-error]")).ToContainTextAsync("停用");
        }
        finally
        {
            await leaver.Context.CloseAsync();
        }
    });

    /// <summary>Picks an option of the dialog's select marked <paramref name="testId"/> and waits until the server shows it chosen.</summary>
    private static async Task PickAsync(IPage page, string testId, string option)
    {
        var control = page.Locator($".mud-input-control:has([data-testid={testId}])");
        await control.Locator("[role=combobox]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).ClickAsync();
        await Expect(control).ToContainTextAsync(option);
    }

    private static async Task ChangePasswordAsync(IPage page, string current, string next)
    {
        await page.FillAsync("[data-testid=password-current]", current);
        await page.FillAsync("[data-testid=password-new]", next);
        await page.FillAsync("[data-testid=password-confirm]", next);
        await page.ClickAsync("[data-testid=password-submit]");
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabaseFile}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM UserProfiles WHERE UserName = $name";
        command.Parameters.AddWithValue("$name", userName);
        return (string)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No demo user {userName}."));
    }
}
