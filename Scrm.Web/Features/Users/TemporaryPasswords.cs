using System.Security.Cryptography;
using Scrm.Domain.Users;

namespace Scrm.Web.Features.Users;

/// <summary>
/// Passwords an admin reads out or pastes to a new colleague once: 12 characters from an alphabet without look-alikes
/// (no 0/O, 1/l/I), from the system's secure random source, and acceptable to the password policy.
/// </summary>
internal static class TemporaryPasswords
{
    public const int Length = 12;
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";

    public static string New(string userName)
    {
        while (true)
        {
            var password = RandomNumberGenerator.GetString(Alphabet, Length);
            if (PasswordPolicy.Check(userName, password).Count == 0)
            {
                return password;
            }
        }
    }
}
