namespace Scrm.Web.Features.Field;

/// <summary>The technician's phone pages.</summary>
public static class FieldPaths
{
    public const string Jobs = "/m/jobs";
    public const string Earnings = "/m/earnings";

    /// <summary>Who may open them: the technician's own work only.</summary>
    public const string Role = nameof(Scrm.Domain.Users.Role.Technician);
}
