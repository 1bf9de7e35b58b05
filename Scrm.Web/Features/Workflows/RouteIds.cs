using System.Globalization;

namespace Scrm.Web.Features.Workflows;

/// <summary>Ids typed into the address bar: anything but a positive whole number that fits a long is no id at all.</summary>
internal static class RouteIds
{
    public static long? Parse(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}
