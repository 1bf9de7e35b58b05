namespace Scrm.Web.Hosting;

/// <summary>Where TLS ends; the <c>Hosting</c> section of appsettings.json (see README, Deploying).</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>Outside Development: HSTS and a redirect from http to https. Turn off only when nothing reaches the app over TLS.</summary>
    public bool HttpsRedirection { get; set; } = true;

    /// <summary>TLS ends at a reverse proxy: trust its X-Forwarded-For and X-Forwarded-Proto headers.</summary>
    public bool BehindProxy { get; set; }

    /// <summary>The proxies' addresses, when they are not on this machine (loopback is always trusted).</summary>
    public string[] KnownProxies { get; set; } = [];
}
