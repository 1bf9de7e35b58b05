using System.Globalization;

namespace Scrm.Web.Shared;

/// <summary>Reads values people can type into the address bar: garbage is ignored, never an error page.</summary>
public static class UrlValues
{
    /// <summary>A database id: a positive whole number that fits in a long; anything else is null.</summary>
    public static long? ParseId(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}
