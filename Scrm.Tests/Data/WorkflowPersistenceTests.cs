using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Scrm.Domain.Workflows;
using Scrm.Tests.Domain.Workflows;
using Xunit;

namespace Scrm.Tests.Data;

public sealed class WorkflowPersistenceTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task PublishedDefinition_RoundTripsUnchanged()
    {
        var template = await database.SaveTemplateAsync();
        var workflow = WorkflowDefinition.Create(template.Id, "维修流程", WorkflowFixtures.Repair(), _time);
        workflow.Publish(template, WorkflowFixtures.Supervisor, _time);
        await using (var db = database.CreateContext())
        {
            db.WorkflowDefinitions.Add(workflow);
            await db.SaveChangesAsync(_ct);
        }

        await using var fresh = database.CreateContext();
        var loaded = await fresh.WorkflowDefinitions.SingleAsync(w => w.Id == workflow.Id, _ct);

        Assert.Equal(WorkflowFixtures.Repair(), loaded.Graph);
        Assert.True(loaded.IsPublished);
        Assert.Equal((1, 1L, "李娜"), (loaded.Number, loaded.Version, loaded.PublishedByName));
        Assert.Equal(workflow.PublishedAt, loaded.PublishedAt);
        var guard = loaded.Graph.Transitions.Single(t => t.Id == "urgent->visit").Guard;
        Assert.Equal(WorkflowFixtures.UrgencyIs(Scrm.Domain.Tickets.Urgency.Urgent), guard);
    }

    [Fact]
    public async Task SecondPublishOfTheSameDraft_IsDetected()
    {
        var template = await database.SaveTemplateAsync();
        var draft = WorkflowDefinition.Create(template.Id, "流程", WorkflowFixtures.Repair(), _time);
        await using (var db = database.CreateContext())
        {
            db.WorkflowDefinitions.Add(draft);
            await db.SaveChangesAsync(_ct);
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var a = await first.WorkflowDefinitions.SingleAsync(w => w.Id == draft.Id, _ct);
        var b = await second.WorkflowDefinitions.SingleAsync(w => w.Id == draft.Id, _ct);
        a.Publish(template, WorkflowFixtures.Supervisor, _time);
        b.SaveDraft("改了名字", WorkflowFixtures.Repair(), _time);
        await first.SaveChangesAsync(_ct);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(_ct));
        await using var fresh = database.CreateContext();
        var stored = await fresh.WorkflowDefinitions.SingleAsync(w => w.Id == draft.Id, _ct);
        Assert.Equal((true, "流程", 2L), (stored.IsPublished, stored.Name, stored.Version));
    }

    [Fact]
    public async Task TwoVersionsWithTheSameNumber_AreRefused()
    {
        var template = await database.SaveTemplateAsync();
        var v1 = WorkflowDefinition.Create(template.Id, "流程", WorkflowFixtures.Repair(), _time);
        await using var db = database.CreateContext();
        db.WorkflowDefinitions.Add(v1);
        await db.SaveChangesAsync(_ct);

        db.WorkflowDefinitions.AddRange(v1.NextDraft(2, _time), v1.NextDraft(2, _time));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(_ct));
    }
}
