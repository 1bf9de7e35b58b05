using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Scrm.Tests.Web.Regions;

internal static class WithProviders
{
    /// <summary>Renders a page after the popover, dialog and snackbar providers, as MainLayout does, so select lists and snackbars share its markup.</summary>
    public static IRenderedComponent<ContainerFragment> RenderPage<TPage>(this BunitContext context) where TPage : IComponent => context.Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<MudSnackbarProvider>(2);
        builder.CloseComponent();
        builder.OpenComponent<TPage>(3);
        builder.CloseComponent();
    });
}
