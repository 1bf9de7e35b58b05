using System.Net;

namespace Scrm.Web.Hosting;

/// <summary>Friendly error and status pages (Features/Errors) in place of empty 500s and blank 404s.</summary>
public static class ErrorPages
{
    public const string ErrorPath = "/error";

    public static void UseErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler(ErrorPath, createScopeForErrors: true);
        if (app.Environment.IsDevelopment())
        {
            // Inside the friendly handler: the developer exception page shows cookies and headers, so it answers only
            // a developer on this machine; anyone else's failure goes on to the friendly page.
            app.UseWhen(context => IsLoopback(context.Connection.RemoteIpAddress), developer => developer.UseDeveloperExceptionPage());
        }

        app.UseStatusCodePagesWithReExecute(ErrorPath + "/{0}", createScopeForStatusCodePages: true);
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}
