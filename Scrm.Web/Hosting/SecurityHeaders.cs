namespace Scrm.Web.Hosting;

/// <summary>Response headers that keep browsers strict about what the app's pages may load, frame and leak.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Blazor Server needs only its own scripts and a WebSocket to its own origin ('self' covers ws/wss in CSP 3).
    /// MudBlazor writes inline styles, hence 'unsafe-inline' for styles only. No 'unsafe-eval': Blazor Server,
    /// MudBlazor and Z.Blazor.Diagrams never evaluate strings as code (a browser test loads the main pages under it).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Added as the response starts: the error pages clear the headers before they render.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
