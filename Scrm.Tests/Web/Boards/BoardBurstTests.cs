using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data;
using Scrm.Data.Changes;
using Scrm.Tests.Web.Live;
using Scrm.Web.Features.Boards;
using Xunit;

namespace Scrm.Tests.Web.Boards;

/// <summary>A bulk change (200 tickets of the board, one after another) refreshes an open board a few times, not 200.</summary>
public sealed class BoardBurstTests : ScrmComponentTest
{
    private readonly CountingContextFactory _contexts;

    public BoardBurstTests()
        : this(new CountingContextFactory())
    {
    }

    private BoardBurstTests(CountingContextFactory contexts)
        : base(contexts.Install) => _contexts = contexts;

    [Fact]
    public async Task TwoHundredChangesOverOneSecond_RefreshTheBoardAFewTimes()
    {
        long templateId;
        await using (var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken))
        {
            templateId = await db.TicketTemplates.Where(t => t.Name == "安装工单").Select(t => t.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var cut = Render<BoardPage>(p => p.Add(b => b.Key, templateId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=board-card]")));
        var ids = cut.FindAll("[data-testid=board-card]").Select(c => long.Parse(c.GetAttribute("data-ticket-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var feed = Services.GetRequiredService<IChangeFeed>();
        var clock = (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();
        _contexts.Reset();

        // As the feed delivers a bulk reassignment: a change to a ticket on the board every 5 ms.
        for (var i = 0; i < 200; i++)
        {
            feed.Publish([new Change(ChangeKinds.Ticket, ids[i % ids.Count], 2, ["TicketEdited"], "u", "李娜") { TemplateId = templateId }]);
            clock.Advance(TimeSpan.FromMilliseconds(5));
        }

        clock.Advance(TimeSpan.FromSeconds(1));

        // Each refresh is one read of the changed cards: at once, then at most one per 150 ms while the burst lasts, then the last.
        cut.WaitForAssertion(() => Assert.InRange(_contexts.Created, 2, 9));
    }
}
