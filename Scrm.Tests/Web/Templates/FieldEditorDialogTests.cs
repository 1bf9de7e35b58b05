using Bunit;
using Bunit.Rendering;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Web.Features.Templates;
using Scrm.Web.Features.Templates.Components;
using Scrm.Web.Security;
using Xunit;
using FieldType = Scrm.Domain.Templates.FieldType;

namespace Scrm.Tests.Web.Templates;

public sealed class FieldEditorDialogTests : MudTestContext
{
    private readonly List<FieldForm> _saved = [];
    private Func<FieldForm, Task>? _save;

    private async Task<(IRenderedComponent<ContainerFragment> Cut, IDialogReference Dialog)> ShowAsync(FieldDefinition? field = null)
    {
        var cut = RenderWithProviders(_ => { });
        var parameters = new DialogParameters<FieldEditorDialog>
        {
            { d => d.Field, field },
            { d => d.Save, _save ?? (form =>
                {
                    _saved.Add(form);
                    return Task.CompletedTask;
                }) },
        };
        var dialogs = Services.GetRequiredService<IDialogService>();
        var dialog = await cut.InvokeAsync(() => dialogs.ShowAsync<FieldEditorDialog>("Field", parameters));
        return (cut, dialog);
    }

    public static TheoryData<FieldType> AllTypes() => new(Enum.GetValues<FieldType>());

    [Theory]
    [MemberData(nameof(AllTypes))]
    public async Task OptionsInput_IsShown_OnlyForDropdownAndMultiSelect(FieldType type)
    {
        var (cut, _) = await ShowAsync();
        Assert.False(Has(cut, "field-options"));

        Choose(cut, "field-type", L.TypeName(type));

        Assert.Equal(type is FieldType.Dropdown or FieldType.MultiSelect, Has(cut, "field-options"));
    }

    [Fact]
    public async Task BoundInputs_FollowTheChosenType()
    {
        var (cut, _) = await ShowAsync();

        Choose(cut, "field-type", L.TypeName(FieldType.Money));
        Assert.True(Has(cut, "field-min") && Has(cut, "field-max"));
        Assert.False(Has(cut, "field-min-date"));

        Choose(cut, "field-type", L.TypeName(FieldType.Date));
        Assert.True(Has(cut, "field-min-date") && Has(cut, "field-max-date"));
        Assert.False(Has(cut, "field-min"));

        Choose(cut, "field-type", L.TypeName(FieldType.MultiSelect));
        Assert.False(Has(cut, "field-min") || Has(cut, "field-min-date"));
    }

    [Fact]
    public async Task Refusal_IsShownBesideTheInputItNames_AndTheDialogStaysOpen()
    {
        _save = _ => throw new DomainException("KeyInvalid", "A field key starts with a letter.") { Field = "Key" };
        var (cut, dialog) = await ShowAsync();
        cut.Find("input[data-testid=field-key]").Input("1model");
        cut.Find("input[data-testid=field-label]").Input("Model");

        cut.Find("[data-testid=field-save]").Click();

        var key = cut.Find("input[data-testid=field-key]").Closest(".mud-input-control")!;
        Assert.Contains(L["Error.KeyInvalid"].Value, key.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(L["Error.KeyInvalid"].Value, cut.Find("input[data-testid=field-label]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task Save_SendsTheForm_AndClosesTheDialog()
    {
        var (cut, dialog) = await ShowAsync();
        cut.Find("input[data-testid=field-key]").Input("product_type");
        cut.Find("input[data-testid=field-label]").Input("Product type");
        Choose(cut, "field-type", L.TypeName(FieldType.Dropdown));
        cut.Find("textarea[data-testid=field-options]").Change("Air conditioner\nFridge");

        cut.Find("[data-testid=field-save]").Click();

        var form = Assert.Single(_saved);
        Assert.Equal(("product_type", "Product type", FieldType.Dropdown), (form.Key, form.Label, form.Type));
        Assert.Equal(["Air conditioner", "Fridge"], form.Options);
        Assert.False((await dialog.Result)!.Canceled);
        cut.WaitForAssertion(() => Assert.False(Has(cut, "field-label")));
    }

    [Fact]
    public async Task EditingAField_ShowsItsSettings_ButLeavesKeyAndTypeFixed()
    {
        var template = new TicketTemplate("Install", null);
        var field = template.AddField("product_type", "Product type", FieldType.Dropdown, options: ["Air conditioner", "Fridge"]);

        var (cut, _) = await ShowAsync(field);

        Assert.False(Has(cut, "field-key"));
        Assert.False(Has(cut, "field-type"));
        Assert.Contains("product_type", cut.Find("[data-testid=field-identity]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Air conditioner\nFridge", cut.Find("textarea[data-testid=field-options]").TextContent);
    }

    [Fact]
    public async Task Conflict_CancelsTheDialog()
    {
        _save = _ => throw new ConcurrencyConflictException();
        var (cut, dialog) = await ShowAsync();
        cut.Find("input[data-testid=field-key]").Input("model");
        cut.Find("input[data-testid=field-label]").Input("Model");

        cut.Find("[data-testid=field-save]").Click();

        Assert.True((await dialog.Result)!.Canceled);
    }
    [Theory]
    [InlineData("field-min", "abc")]
    [InlineData("field-max", "12a")]
    public async Task LettersInABound_AreRefusedBesideIt_AndNothingIsSaved(string input, string typed)
    {
        var (cut, dialog) = await ShowAsync();
        cut.Find("input[data-testid=field-key]").Input("units");
        cut.Find("input[data-testid=field-label]").Input("Units");
        Choose(cut, "field-type", L.TypeName(FieldType.Number));

        cut.Find($"input[data-testid={input}]").Change(typed);
        cut.Find("[data-testid=field-save]").Click();

        var helper = cut.Find($"input[data-testid={input}]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")!;
        Assert.Equal($"\"{typed}\" is not a number: type digits, such as 10 or 99.5.", helper.TextContent.Trim());
        Assert.Equal(typed, cut.Find($"input[data-testid={input}]").GetAttribute("value"));
        Assert.Empty(_saved);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public void Bounds_AcceptFullWidthDigits()
    {
        var form = new FieldForm { Min = "１", Max = "１，０００．５" };

        Assert.Equal((1m, 1000.5m), form.Bounds());
    }

    [Fact]
    public async Task EveryTextInput_HasALengthLimitTheBrowserEnforces()
    {
        var (cut, _) = await ShowAsync();
        Assert.Equal(("40", "100", "400"), (MaxLength(cut, "input[data-testid=field-key]"), MaxLength(cut, "input[data-testid=field-label]"), MaxLength(cut, "input[data-testid=field-help]")));

        // Choosing a type re-renders the dialog asynchronously: wait for its inputs rather than reading at once.
        Choose(cut, "field-type", L.TypeName(FieldType.Money));
        cut.WaitForAssertion(() => Assert.Equal(("30", "30"), (MaxLength(cut, "input[data-testid=field-min]"), MaxLength(cut, "input[data-testid=field-max]"))));

        Choose(cut, "field-type", L.TypeName(FieldType.Dropdown));
        cut.WaitForAssertion(() => Assert.Equal("5100", MaxLength(cut, "textarea[data-testid=field-options]")));
    }

    private static string? MaxLength(IRenderedComponent<ContainerFragment> cut, string selector) => cut.Find(selector).GetAttribute("maxlength");
}
