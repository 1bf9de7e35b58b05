using Scrm.Domain.Conditions;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Domain.Conditions;

/// <summary>A condition on a province takes in the tickets of its cities.</summary>
public sealed class ConditionRegionTests
{
    private const long Zhejiang = 2;
    private const long Hangzhou = 4;
    private const long Shanghai = 3;

    [Theory]
    [InlineData(ConditionOperator.Equals, Zhejiang, true)]
    [InlineData(ConditionOperator.Equals, Hangzhou, true)]
    [InlineData(ConditionOperator.Equals, Shanghai, false)]
    [InlineData(ConditionOperator.NotEquals, Zhejiang, false)]
    [InlineData(ConditionOperator.NotEquals, Shanghai, true)]
    [InlineData(ConditionOperator.InList, Zhejiang, true)]
    [InlineData(ConditionOperator.NotInList, Zhejiang, false)]
    public void TicketInHangzhou_IsInZhejiang(ConditionOperator op, long operand, bool holds)
    {
        var context = new ConditionContextBuilder().InRegion(Hangzhou, provinceId: Zhejiang).Build();
        var condition = Condition.On(BuiltInSubject.Region, op, operand.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(holds, condition.Evaluate(context, ConditionContextBuilder.FieldTypes));
    }
}
