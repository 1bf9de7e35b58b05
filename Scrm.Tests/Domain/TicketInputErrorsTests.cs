using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Domain;

/// <summary>A refused ticket names every problem at once, and lengths count what the user sees.</summary>
public sealed class TicketInputErrorsTests
{
    [Fact]
    public void Create_FlagsTheTitleAndEveryMissingRequiredField_AtOnce()
    {
        var template = new TemplateBuilder().Requiring(TemplateBuilder.Contact).Requiring(TemplateBuilder.Service).Build();

        // Service is not filled, so the rule "Service equals Install → Visit date" does not apply yet.
        var ex = Assert.Throws<FieldValidationException>(() => new TicketBuilder().From(template).Titled("").Build());

        Assert.Equal(["Title"], ex.InputErrors.Select(e => e.Field));
        Assert.Equal(["Required"], ex.InputErrors.Select(e => e.Code));
        Assert.Equal([(TemplateBuilder.Service, "Required"), (TemplateBuilder.Contact, "Required")],
            ex.Errors.Select(e => (e.FieldKey, e.Code)).OrderByDescending(e => e.FieldKey));
    }

    [Fact]
    public void Create_FlagsASmartRequiredField_BesideAMissingTitle()
    {
        var ex = Assert.Throws<FieldValidationException>(() =>
            new TicketBuilder().Titled(" ").WithField(TemplateBuilder.Service, TemplateBuilder.InstallService).Build());

        Assert.Equal(["Title"], ex.InputErrors.Select(e => e.Field));
        Assert.Equal([(TemplateBuilder.VisitDate, "Required")], ex.Errors.Select(e => (e.FieldKey, e.Code)));
        Assert.Equal("Title is required. Visit date is required.", ex.Message);
    }

    [Fact]
    public void Create_FlagsATooLongDescription_AndABadNumber_Together()
    {
        var ex = Assert.Throws<FieldValidationException>(() => new TicketBuilder()
            .WithDescription(new string('x', 4001)).WithField(TemplateBuilder.Units, "3.5").Build());

        Assert.Equal([("Description", "TooLong")], ex.InputErrors.Select(e => (e.Field, e.Code)));
        Assert.Equal([(TemplateBuilder.Units, "NotAWholeNumber")], ex.Errors.Select(e => (e.FieldKey, e.Code)));
    }

    [Fact]
    public void Title_Of60CharactersOutsideTheBasicPlane_FitsTheLimitOf100()
    {
        var title = string.Concat(Enumerable.Repeat("𠀀", 60));

        var ticket = new TicketBuilder().Titled(title).Build();

        Assert.Equal(title, ticket.Title);
    }

    [Fact]
    public void Title_Of101CharactersOutsideTheBasicPlane_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => new TicketBuilder().Titled(string.Concat(Enumerable.Repeat("𠀀", 101))).Build());

        Assert.Equal(("TooLong", "Title"), (ex.Code, ex.Field));
    }

    [Fact]
    public void Title_OfFewCharactersButMoreUnitsThanItsColumnHolds_IsRefused()
    {
        // 70 letters each carrying two combining accents: 70 characters on screen, 210 UTF-16 units (the column holds 200).
        var title = string.Concat(Enumerable.Repeat("e\u0301\u0302", 70));

        var ex = Assert.Throws<DomainException>(() => new TicketBuilder().Titled(title).Build());

        Assert.Equal(("TooLong", "Title"), (ex.Code, ex.Field));
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("𠀀𠀀", 2)]
    [InlineData("e\u0301", 1)]
    [InlineData("工单", 2)]
    public void VisibleLength_CountsCharactersAsTheUserSeesThem(string text, int expected)
    {
        Assert.Equal(expected, Guard.VisibleLength(text));
    }

    [Fact]
    public void TemplateName_Of50CharactersOutsideTheBasicPlane_Fits()
    {
        var name = string.Concat(Enumerable.Repeat("𠀀", 50));

        Assert.Equal(name, new TicketTemplate(name, null).Name);
        Assert.Equal("TooLong", Assert.Throws<DomainException>(() => new TicketTemplate(name + "a", null)).Code);
    }

    [Fact]
    public void Option_LongerThan50Characters_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            new TicketTemplate("Options", null).AddField("kind", "Kind", FieldType.Dropdown, options: ["ok", new string('o', 51)]));

        Assert.Equal(("OptionTooLong", "Options"), (ex.Code, ex.Field));
    }
    [Fact]
    public void Comment_LongerThan2000Characters_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            Scrm.Domain.Tickets.TicketComment.Create(1, "agent-1", "张敏", new string('评', 2001), [], new HashSet<string>(), TimeProvider.System));

        Assert.Equal(("TooLong", "Comment"), (ex.Code, ex.Field));
    }
}
