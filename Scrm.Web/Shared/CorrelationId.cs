using System.Security.Cryptography;

namespace Scrm.Web.Shared;

/// <summary>A short id a user can quote to support; the log entry about the same failure carries it too.</summary>
public static class CorrelationId
{
    /// <summary>The request's trace identifier, or a new id where there is no request (inside a circuit).</summary>
    public static string Of(HttpContext? http) => http?.TraceIdentifier ?? New();

    public static string New() => Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
}
