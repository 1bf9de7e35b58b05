using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>A technician works a job through the installation workflow from the ticket page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkflowJourneyTests(AppServerFixture app)
{
    [Fact]
    public Task Technician_FinishesAVisit_AndTheTicketMovesToConfirmation() =>
        app.RunJourneyAsync("technician-workflow", async page =>
    {
        var ticketId = await SeededTicketAtVisitAsync("tech1");

        await BrowserSession.LoginAsync(page, "tech1");
        await BrowserSession.GotoInteractiveAsync(page, $"tickets/{ticketId}");
        await Expect(page.Locator("[data-testid=workflow-progress] .scrm-progress-current")).ToHaveTextAsync("上门");
        await Expect(page.Locator("[data-testid=edit-ticket]")).ToHaveCountAsync(0);

        await page.Locator("[data-transition=完工]").ClickAsync();

        await Expect(page.Locator("[data-testid=workflow-progress] .scrm-progress-current")).ToHaveTextAsync("完工确认");
        await Expect(page.Locator("[data-testid=ticket-header]")).ToContainTextAsync("已解决");

        // The desk's buttons are not the technician's: 确认完工 is shown but cannot be pressed.
        await Expect(page.Locator("[data-transition=确认完工]")).ToBeDisabledAsync();
    });

    private async Task<long> SeededTicketAtVisitAsync(string technician)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabaseFile}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = """
            SELECT t.Id FROM Tickets t JOIN UserProfiles u ON u.Id = t.AssigneeId
            WHERE t.CurrentNodeId = 'visit' AND u.UserName = $user ORDER BY t.Id LIMIT 1
            """;
        command.Parameters.AddWithValue("$user", technician);
        return (long)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"The demo company has no installation at 上门 for {technician}."));
    }
}
