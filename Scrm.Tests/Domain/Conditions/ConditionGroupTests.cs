using System.Text.Json;
using Scrm.Domain.Conditions;
using Scrm.Domain.Customers;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Domain.Conditions;

public sealed class ConditionGroupTests
{
    private static readonly IReadOnlyDictionary<string, Scrm.Domain.Templates.FieldType> Types = ConditionContextBuilder.FieldTypes;

    /// <summary>
    /// amount &gt; 1000 and service is Install/Inspect and note contains "jam" and visited within 72 h and colours include Blue,
    /// and (at least High, or a VIP/key customer, or region 12, or (not a customer acting and under warranty)).
    /// </summary>
    internal static ConditionGroup NestedGuard() =>
        ConditionGroup.All(
                Condition.OnField(TemplateBuilder.Amount, ConditionOperator.GreaterThan, "1000.00"),
                Condition.OnField(TemplateBuilder.Service, ConditionOperator.InList, "Install", "Inspect"),
                Condition.OnField(TemplateBuilder.Note, ConditionOperator.Contains, "jam"),
                Condition.OnField(TemplateBuilder.VisitDate, ConditionOperator.WithinLastHours, "72"),
                Condition.OnField(TemplateBuilder.Colors, ConditionOperator.Contains, "Blue"))
            .With(ConditionGroup.Any(
                    Condition.On(BuiltInSubject.Urgency, ConditionOperator.GreaterOrEqual, "High"),
                    Condition.On(BuiltInSubject.CustomerLevel, ConditionOperator.InList, "Vip", "Key"),
                    Condition.On(BuiltInSubject.Region, ConditionOperator.Equals, "12"))
                .With(ConditionGroup.All(
                    Condition.On(BuiltInSubject.UserRole, ConditionOperator.NotInList, "Customer"),
                    Condition.OnField(TemplateBuilder.Warranty, ConditionOperator.IsNotEmpty))));

    /// <summary>Meets <see cref="NestedGuard"/> only through its innermost group.</summary>
    internal static ConditionContext MatchingContext() => Matching().Build();

    private static ConditionContextBuilder Matching() => new ConditionContextBuilder()
        .With(TemplateBuilder.Amount, "1500.00")
        .With(TemplateBuilder.Service, "Install")
        .With(TemplateBuilder.Note, "Printer jams daily")
        .With(TemplateBuilder.VisitDate, "2026-11-24")
        .With(TemplateBuilder.Colors, """["Red","Blue"]""")
        .With(TemplateBuilder.Warranty, "true")
        .Urgent(Urgency.Normal)
        .ForCustomer(CustomerLevel.Standard)
        .InRegion(13)
        .ActedBy(Role.Agent);

    [Fact]
    public void EmptyAllGroup_Holds_AndEmptyAnyGroup_DoesNot()
    {
        var context = new ConditionContextBuilder().Build();

        Assert.True(ConditionGroup.All().Evaluate(context, Types));
        Assert.False(ConditionGroup.Any().Evaluate(context, Types));
        Assert.False(ConditionGroup.All().With(ConditionGroup.Any()).Evaluate(context, Types));
        Assert.True(ConditionGroup.Any().With(ConditionGroup.All()).Evaluate(context, Types));
    }

    [Fact]
    public void NestedGroup_Holds_ThroughItsInnermostGroup()
    {
        Assert.True(NestedGuard().Evaluate(MatchingContext(), Types));
    }

    [Fact]
    public void NestedGroup_Fails_WhenTheInnermostGroupFails_AndNoOtherAlternativeHolds()
    {
        Assert.False(NestedGuard().Evaluate(Matching().With(TemplateBuilder.Warranty, null).Build(), Types));
        Assert.False(NestedGuard().Evaluate(Matching().ActedBy(Role.Customer).Build(), Types));
    }

    [Fact]
    public void NestedGroup_Holds_ThroughAnotherAlternative()
    {
        Assert.True(NestedGuard().Evaluate(Matching().With(TemplateBuilder.Warranty, null).Urgent(Urgency.Urgent).Build(), Types));
        Assert.True(NestedGuard().Evaluate(Matching().With(TemplateBuilder.Warranty, null).InRegion(12).Build(), Types));
        Assert.True(NestedGuard().Evaluate(Matching().With(TemplateBuilder.Warranty, null).ForCustomer(CustomerLevel.Key).Build(), Types));
    }

    [Theory]
    [InlineData(TemplateBuilder.Amount, "1000.00")]
    [InlineData(TemplateBuilder.Service, "Repair")]
    [InlineData(TemplateBuilder.Note, "Toner low")]
    [InlineData(TemplateBuilder.VisitDate, "2026-11-20")]
    [InlineData(TemplateBuilder.Colors, """["Red"]""")]
    [InlineData(TemplateBuilder.Amount, null)]
    public void NestedGroup_Fails_WhenOneConditionOfTheAllGroupFails(string key, string? value)
    {
        Assert.False(NestedGuard().Evaluate(Matching().With(key, value).Build(), Types));
    }

    [Fact]
    public void Groups_AreEqualByValue_AllTheWayDown()
    {
        var a = NestedGuard();
        var b = NestedGuard();

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Single(new HashSet<ConditionGroup> { a, b });
    }

    [Fact]
    public void Groups_Differ_WhenAnythingDeepInsideDiffers()
    {
        var guard = NestedGuard();
        var inner = guard.Groups[0].Groups[0];
        var changedDeep = guard with
        {
            Groups = [guard.Groups[0] with { Groups = [inner with { Conditions = [inner.Conditions[0], Condition.OnField(TemplateBuilder.Warranty, ConditionOperator.IsEmpty)] }] }],
        };

        Assert.NotEqual(guard, changedDeep);
        Assert.NotEqual(guard, guard with { Mode = GroupMode.Any });
        Assert.NotEqual(guard, guard with { Conditions = guard.Conditions.Reverse().ToList() });
        Assert.NotEqual(guard, guard with { Groups = [] });
        Assert.NotEqual(ConditionGroup.All(Condition.OnField("a", ConditionOperator.InList, "1", "2")),
            ConditionGroup.All(Condition.OnField("a", ConditionOperator.InList, "2", "1")));
    }

    [Fact]
    public void Conditions_AreEqualByValue_IncludingTheirOperands()
    {
        var a = Condition.OnField("a", ConditionOperator.InList, "1", "2");
        var b = new Condition(ConditionSubject.Field("a"), ConditionOperator.InList, new List<string> { "1", "2" });

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Operands = ["1"] });
        Assert.NotEqual(a, b with { Subject = ConditionSubject.Field("b") });
        Assert.NotEqual(Condition.On(BuiltInSubject.Region, ConditionOperator.Equals, "1"), Condition.OnField("Region", ConditionOperator.Equals, "1"));
    }

    [Fact]
    public void Group_RoundTripsThroughJson_Unchanged()
    {
        var guard = NestedGuard();

        var json = JsonSerializer.Serialize(guard);
        var back = JsonSerializer.Deserialize<ConditionGroup>(json);

        Assert.Equal(guard, back);
        Assert.True(back!.Evaluate(MatchingContext(), Types));
    }

    [Fact]
    public void Lists_AreCopies_ThatLaterChangesToTheSourceDoNotReach()
    {
        var operands = new List<string> { "1", "2" };
        var conditions = new List<Condition> { Condition.OnField("a", ConditionOperator.InList, [.. operands]) };
        var condition = new Condition(ConditionSubject.Field("a"), ConditionOperator.InList, operands);
        var group = new ConditionGroup(GroupMode.All, conditions, []);

        operands.Add("3");
        conditions.Clear();

        Assert.Equal(["1", "2"], condition.Operands);
        Assert.Single(group.Conditions);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)condition.Operands).Add("4"));
    }

    [Fact]
    public void With_NestsGroupsAfterTheExistingOnes()
    {
        var first = ConditionGroup.Any();
        var second = ConditionGroup.All();

        var group = ConditionGroup.All().With(first).With(second);

        Assert.Equal([first, second], group.Groups);
    }
}
