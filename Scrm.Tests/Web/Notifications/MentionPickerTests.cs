using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Tickets;
using Scrm.Tests.Web.Live;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Features.Tickets.Components;
using Xunit;

namespace Scrm.Tests.Web.Notifications;

/// <summary>The comment box's @mention picker, as the central agent 张敏 on a 上海 ticket assigned to 赵强 (tech1).</summary>
public sealed class MentionPickerTests : ScrmComponentTest
{
    private async Task<long> ShanghaiTicketAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();
        var id = await db.Tickets.Where(t => t.Status == TicketStatus.InProgress).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var shanghai = await db.Regions.Where(r => r.Name == "上海" && r.ParentId != null).Select(r => r.Id).SingleAsync();
        var tech1 = await TestApp.ActorAsync(Services, "tech1");
        await LiveEdits.EditAsync(Services, "agent", id, f => (f.RegionId, f.AssigneeId) = (shanghai, tech1.UserId));
        return id;
    }

    private static List<string> Options(IRenderedComponent<CommentComposer> cut) =>
        cut.FindAll("[data-testid=mention-option]").Select(o => o.GetAttribute("data-user")!).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task TheMentionButton_ListsOnlyStaffWhoMaySeeTheTicket_AndSearches()
    {
        var ticketId = await ShanghaiTicketAsync();
        var cut = Render<CommentComposer>(p => p.Add(c => c.TicketId, ticketId));

        cut.Find("[data-testid=mention-button]").Click();

        // Not agent (the author), supervisor2/agent3 (杭州), director (浙江省), tech2-4, tech0, finance, sales, customer.
        cut.WaitForAssertion(() => Assert.Equal(["admin", "agent2", "supervisor", "supervisor3", "tech1"], Options(cut)));
        cut.Find("input[data-testid=mention-search]").Input("SUPER");
        Assert.Equal(["supervisor", "supervisor3"], Options(cut));
    }

    [Fact]
    public async Task TypingAnAtSign_OpensTheListFilteredByTheName_AndPickingInsertsIt()
    {
        var ticketId = await ShanghaiTicketAsync();
        var cut = Render<CommentComposer>(p => p.Add(c => c.TicketId, ticketId));

        cut.Find("textarea[data-testid=comment-text]").Input("请 @马");

        cut.WaitForAssertion(() => Assert.Equal(["supervisor3"], Options(cut)));
        cut.Find("[data-testid=mention-option]").Click();
        Assert.Equal("请 @马超 ", cut.Find("textarea[data-testid=comment-text]").GetAttribute("value"));
        Assert.Equal(["@马超"], cut.FindAll("[data-testid=mention-chip]").Select(c => c.TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=mention-picker]"));

        cut.Find("[data-testid=comment-submit]").Click();

        var agent = await TestApp.ActorAsync(Services, UserName);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=mention-chip]")));
        var comment = Assert.Single(await Services.GetRequiredService<TicketService>().CommentsAsync(agent, ticketId, Xunit.TestContext.Current.CancellationToken), c => c.Text == "请 @马超");
        Assert.Equal(["马超"], comment.MentionedNames);
    }
}
