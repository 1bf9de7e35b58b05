using System.Net;

namespace Scrm.Web.Hosting;

/// <summary>Friendly error and status pages (Features/Errors) in place of empty 500s and blank 404s.</summary>
public static class ErrorPages
{
    public const string ErrorPath = "/error";

    public static void UseErrorPages(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            // The developer exception page shows cookies and headers: only for a developer on this machine.
            app.UseWhen(context => !IsLoopback(context.Connection.RemoteIpAddress), UseFriendlyErrors);
        }
        else
        {
            UseFriendlyErrors(app);
        }

        app.UseStatusCodePagesWithReExecute(ErrorPath + "/{0}", createScopeForStatusCodePages: true);
    }

    private static void UseFriendlyErrors(IApplicationBuilder app) => app.UseExceptionHandler(ErrorPath, createScopeForErrors: true);

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}
