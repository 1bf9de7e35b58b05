using Scrm.Domain.Common;

namespace Scrm.Web.Shared;

/// <summary>
/// The browser's cap (<c>maxlength</c>) for a text input whose domain limit is <paramref name="visibleMax"/> characters.
/// The browser counts UTF-16 units, the domain counts characters as the user sees them (<see cref="Guard.VisibleLength"/>):
/// a character outside the basic plane (<c>𠀀</c>) is two units, so the browser allows twice the limit and the server
/// refuses what is still too long. The cap keeps a paste far below the circuit's message size.
/// </summary>
public static class InputLimits
{
    public static int Browser(int visibleMax) => Guard.StorageLength(visibleMax);

    /// <summary>A search box: long enough for any name or number we store.</summary>
    public const int SearchMaxLength = 100;
}
