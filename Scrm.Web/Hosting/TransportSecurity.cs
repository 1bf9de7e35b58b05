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

    /// <summary>First in the pipeline: the client's address and scheme feed the error pages' loopback check, the HTTPS redirect, secure cookies and sign-in throttling.</summary>
    public static void UseForwardedHeadersBehindProxy(this WebApplication app)
    {
        if (Options(app.Configuration).BehindProxy)
        {
            app.UseForwardedHeaders();
        }
    }

    /// <summary>Inside the error pages, so that their answers carry HSTS too.</summary>
    public static void UseHttpsOnly(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && Options(app.Configuration).HttpsRedirection)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
    }

    private static HostingOptions Options(IConfiguration configuration) =>
        configuration.GetSection(HostingOptions.Section).Get<HostingOptions>() ?? new HostingOptions();
}
