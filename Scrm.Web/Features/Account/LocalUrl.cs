namespace Scrm.Web.Features.Account;

/// <summary>Return URLs after sign-in or a language switch: local paths only, escaped so any path fits an HTTP header.</summary>
public static class LocalUrl
{
    private static readonly Uri Origin = new("http://local.invalid/");

    /// <summary>
    /// <paramref name="url"/> as an ASCII local path (<c>/工单</c> becomes <c>/%E5%B7%A5%E5%8D%95</c>), or <c>/</c> for
    /// anything that could leave the site (<c>//evil.com</c>, <c>/\evil.com</c>, <c>https://…</c>) or is not a path.
    /// An open redirect would let a phishing link bounce users to another site.
    /// </summary>
    public static string Sanitize(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/' || url.StartsWith("//", StringComparison.Ordinal)
            || url.StartsWith("/\\", StringComparison.Ordinal) || url.Any(char.IsControl)
            || !Uri.TryCreate(Origin, url, out var resolved) || resolved.Authority != Origin.Authority)
        {
            return "/";
        }

        return resolved.PathAndQuery + resolved.Fragment;
    }
}
