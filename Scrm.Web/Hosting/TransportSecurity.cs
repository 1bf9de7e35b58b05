using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Scrm.Web.Hosting;

/// <summary>HTTPS, HSTS and forwarded headers, by where TLS ends (<see cref="HostingOptions"/>).</summary>
public static class TransportSecurity
{
    public static void AddTransportSecurity(this WebApplicationBuilder builder)
    {
        // The server's name and version help no one but an attacker.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        var options = Options(builder.Configuration);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in options.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
    }

    public static void UseTransportSecurity(this WebApplication app)
    {
        var options = Options(app.Configuration);
        if (options.BehindProxy)
        {
            // First: the client's address and scheme feed the HTTPS redirect, secure cookies and sign-in throttling.
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment() && options.HttpsRedirection)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
    }

    private static HostingOptions Options(IConfiguration configuration) =>
        configuration.GetSection(HostingOptions.Section).Get<HostingOptions>() ?? new HostingOptions();
}
