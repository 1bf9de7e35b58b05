using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Scrm.Domain.Conditions;
using Scrm.Domain.Templates;
using Scrm.Web;
using Xunit;

namespace Scrm.Tests.Web.Templates;

/// <summary>The admin pages build <c>FieldType.*</c> and <c>ConditionOperator.*</c> keys from enum values, so no literal-key scan sees them.</summary>
public sealed class TemplateStringsTests
{
    public static TheoryData<string> EnumKeys() => new(
        Enum.GetNames<FieldType>().Select(t => $"FieldType.{t}").Concat(Enum.GetNames<ConditionOperator>().Select(o => $"ConditionOperator.{o}")));

    [Theory]
    [MemberData(nameof(EnumKeys))]
    public void EveryFieldTypeOperatorAndSubject_HasEnglishAndChinese(string key)
    {
        using var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();

        var english = In(CultureInfo.InvariantCulture, () => l[key]);
        var chinese = In(CultureInfo.GetCultureInfo("zh-CN"), () => l[key]);

        Assert.False(english.ResourceNotFound, $"{key} has no English text.");
        Assert.NotEqual(english.Value, chinese.Value);
    }

    private static LocalizedString In(CultureInfo culture, Func<LocalizedString> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
