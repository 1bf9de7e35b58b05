using Scrm.Web.Features.Notifications;
using Scrm.Web.Features.Tickets.Components;
using Xunit;

namespace Scrm.Tests.Web.Notifications;

/// <summary>Typing, inserting and highlighting @mentions in a comment's text; the bell's one-line snippet of it.</summary>
public sealed class MentionMarkupTests
{
    [Theory]
    [InlineData("@", "")]
    [InlineData("请 @马", "马")]
    [InlineData("第一行\n@zhao", "zhao")]
    [InlineData("请 @马超 看", null)]
    [InlineData("mail me at li@example.com", null)]
    [InlineData("没有提及", null)]
    [InlineData("", null)]
    public void Typing_FindsTheNameBeingTypedAfterAnAtSign(string text, string? expected)
    {
        Assert.Equal(expected, MentionMarkup.Typing(text));
    }

    [Theory]
    [InlineData("请 @马", "请 @马超 ")]
    [InlineData("请看一下", "请看一下 @马超 ")]
    [InlineData("请看一下 ", "请看一下 @马超 ")]
    [InlineData("", "@马超 ")]
    public void Insert_ReplacesTheTypedNameOrAppends(string text, string expected)
    {
        Assert.Equal(expected, MentionMarkup.Insert(text, "马超"));
    }

    [Fact]
    public void Segments_HighlightOnlyTheMentionedNames_LongestFirst()
    {
        var segments = MentionMarkup.Segments("@马超 和 @马 以及 @赵强，li@x.cn", ["马超", "赵强"]);

        Assert.Equal(
            [("@马超", true), (" 和 @马 以及 ", false), ("@赵强", true), ("，li@x.cn", false)],
            segments);
    }

    [Fact]
    public void Snippet_IsOneLine_CutAtEightyCharactersWithAnEllipsis()
    {
        Assert.Equal("第一行 第二行", MentionNotificationConsumer.Snippet("第一行\r\n\n 第二行 "));
        Assert.Equal(new string('长', 80) + "…", MentionNotificationConsumer.Snippet(new string('长', 81)));
        Assert.Equal(new string('长', 80), MentionNotificationConsumer.Snippet(new string('长', 80)));
    }
}
