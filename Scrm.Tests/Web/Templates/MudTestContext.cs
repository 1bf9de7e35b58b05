using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;
using Scrm.Web;
using Xunit;

namespace Scrm.Tests.Web.Templates;

/// <summary>
/// bUnit with MudBlazor and the app's real strings. Components render after the popover, dialog and snackbar
/// providers, as in MainLayout, so select lists, dialogs and snackbars appear in the same markup.
/// </summary>
public abstract class MudTestContext : BunitContext
{
    /// <param name="configure">Registers a test's own services; it runs before anything reads the service provider.</param>
    protected MudTestContext(Action<BunitContext>? configure = null)
    {
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        configure?.Invoke(this);
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", true));

        // The neutral (English) strings, whatever the machine's culture; tests compare against L in the same culture.
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }

    protected IStringLocalizer<SharedResource> L => Services.GetRequiredService<IStringLocalizer<SharedResource>>();

    protected IRenderedComponent<ContainerFragment> RenderWithProviders(RenderFragment content) => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<MudSnackbarProvider>(2);
        builder.CloseComponent();
        builder.AddContent(3, content);
    });

    /// <summary>Opens the select whose input carries <c>data-testid</c>, reads the texts of its choices, and closes it again.</summary>
    protected static IReadOnlyList<string> Choices(IRenderedComponent<ContainerFragment> cut, string testId)
    {
        Toggle(cut, testId);
        var choices = cut.FindAll(".mud-popover-open .mud-list-item").Select(e => e.TextContent.Trim()).ToList();
        Toggle(cut, testId);
        return choices;
    }

    /// <summary>Opens the select and clicks the choice with this text.</summary>
    protected static void Choose(IRenderedComponent<ContainerFragment> cut, string testId, string text)
    {
        Toggle(cut, testId);
        // Opening renders through async handlers too: wait for the choice to be listed before clicking it.
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".mud-popover-open .mud-list-item"), e => e.TextContent.Trim() == text));
        cut.FindAll(".mud-popover-open .mud-list-item").Single(e => e.TextContent.Trim() == text).Click();

        // The choice lands through async handlers: on a busy machine the list is still open when Click returns.
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-popover-open .mud-list-item")));
    }

    // MudBlazor 9 opens and closes a select on mouse-down on its input control.
    private static void Toggle(IRenderedComponent<ContainerFragment> cut, string testId) =>
        cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.MouseDown();

    protected static bool Has(IRenderedComponent<ContainerFragment> cut, string testId) => cut.FindAll($"[data-testid={testId}]").Count > 0;
}
