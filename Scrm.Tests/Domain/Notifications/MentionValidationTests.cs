using Scrm.Domain.Common;
using Scrm.Domain.Notifications;
using Scrm.Domain.Tickets;
using Xunit;

namespace Scrm.Tests.Domain.Notifications;

/// <summary>A comment mentions only people allowed to see its ticket; preferences mute exactly what the user chose.</summary>
public sealed class MentionValidationTests
{
    private static readonly HashSet<string> MayRead = ["supervisor-3", "tech-1", "agent-2"];

    private static TicketComment Comment(params string[] mentioned) =>
        TicketComment.Create(7, "agent-1", "张敏", "@马超 @赵强 请跟进", mentioned, MayRead, TimeProvider.System);

    [Fact]
    public void Mentions_OfPeopleWhoMayRead_AreKept_OnceEach()
    {
        var comment = Comment("supervisor-3", "tech-1", "supervisor-3");

        Assert.Equal(["supervisor-3", "tech-1"], comment.MentionedIds);
        var commented = Assert.IsType<TicketCommented>(Assert.Single(comment.DomainEvents));
        Assert.Same(comment, commented.Comment);
    }

    [Fact]
    public void NoMentions_IsAPlainComment()
    {
        Assert.Empty(Comment().MentionedIds);
    }

    [Theory]
    [InlineData("tech-2")] // not assigned, not in the list
    [InlineData("no-such-user")]
    [InlineData("")]
    public void AMentionOfSomeoneNotAllowed_RefusesTheComment_CountingThem(string outsider)
    {
        var ex = Assert.Throws<DomainException>(() => Comment("tech-1", outsider));

        Assert.Equal(("MentionNotAllowed", "Mentions"), (ex.Code, ex.Field));
        Assert.Equal([1], ex.Args);
    }

    [Fact]
    public void MoreThanTwentyMentions_AreRefused()
    {
        var many = Enumerable.Range(1, 21).Select(i => $"user-{i}").ToArray();

        var ex = Assert.Throws<DomainException>(() => TicketComment.Create(7, "agent-1", "张敏", "大家看看", many, many.ToHashSet(), TimeProvider.System));

        Assert.Equal(("MentionTooMany", "Mentions"), (ex.Code, ex.Field));
    }

    [Fact]
    public void Preferences_MuteExactlyTheChosenKinds_AndEveryOtherKindStaysOn()
    {
        var preferences = new NotificationPreferences("tech-1");

        preferences.Choose([NotificationKind.Mentioned, NotificationKind.Escalation]);
        preferences.Choose([NotificationKind.Mentioned]);

        Assert.False(preferences.Wants(NotificationKind.Mentioned));
        Assert.True(preferences.Wants(NotificationKind.Escalation));
        Assert.True(preferences.Wants(NotificationKind.Assigned));
        Assert.Equal(2, preferences.DomainEvents.Count);
    }

    [Fact]
    public void Preferences_ChoosingTheSameAgain_RaisesNothing()
    {
        var preferences = new NotificationPreferences("tech-1");
        preferences.Choose([NotificationKind.Assigned]);
        preferences.TakeDomainEvents();

        preferences.Choose([NotificationKind.Assigned]);

        Assert.Empty(preferences.DomainEvents);
    }

    [Fact]
    public void Preferences_AnUnknownKind_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => new NotificationPreferences("tech-1").Choose([(NotificationKind)999]));

        Assert.Equal("NotificationKindUnknown", ex.Code);
    }
}
