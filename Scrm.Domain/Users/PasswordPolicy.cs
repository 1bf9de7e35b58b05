namespace Scrm.Domain.Users;

/// <summary>What the policy found wrong with a password; the UI shows each in the user's language.</summary>
public enum PasswordProblem
{
    TooShort,
    SameAsUserName,
    Common,
}

/// <summary>
/// Passwords people choose: at least 10 characters, not the user name, and not one of the passwords every attacker tries
/// first. Length beats composition rules (NIST SP 800-63B), so there are none of those.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;

    /// <summary>Long enough to pass the length rule, and the first guesses of any password list (compared ignoring case).</summary>
    private static readonly HashSet<string> CommonPasswords = new(StringComparer.OrdinalIgnoreCase)
    {
        "1234567890", "0123456789", "12345678910", "123456789a", "a123456789", "1234567890a", "123456789abc",
        "0987654321", "1111111111", "0000000000", "8888888888", "6666666666", "5201314520", "1314520520",
        "qwertyuiop", "qwerty12345", "qwerty123456", "1qaz2wsx3edc", "1q2w3e4r5t", "q1w2e3r4t5", "qwer123456",
        "asdfghjkl1", "zxcvbnm123", "abcdefghij", "abc1234567", "abcd123456", "abc123456789", "aa12345678",
        "password12", "password123", "password1!", "passw0rd12", "p@ssw0rd12", "p@ssword123", "iloveyou12",
        "iloveyou123", "woaini1314", "woaini520520", "admin12345", "admin123456", "administrator", "welcome123",
        "welcome1234", "letmein1234", "changeme123", "sunshine123", "football123", "baseball123", "monkey12345",
        "dragon12345", "princess123", "qazwsxedcrfv", "1qazxsw23edc", "zaq12wsxcde3", "computer123", "internet123",
        "superman123", "trustno1234", "starwars123", "master12345", "whatever123", "shadow12345",
    };

    public static IReadOnlyList<PasswordProblem> Check(string userName, string? password)
    {
        var text = password ?? "";
        var problems = new List<PasswordProblem>();
        if (text.Length < MinLength)
        {
            problems.Add(PasswordProblem.TooShort);
        }

        if (userName.Length > 0 && text.Contains(userName.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(PasswordProblem.SameAsUserName);
        }

        if (CommonPasswords.Contains(text) || IsOneCharacterRepeated(text))
        {
            problems.Add(PasswordProblem.Common);
        }

        return problems;
    }

    private static bool IsOneCharacterRepeated(string text) => text.Length > 0 && text.All(c => c == text[0]);
}
