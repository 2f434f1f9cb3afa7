using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace FlowLogAthena.Cli.Commands;

/// <summary>
/// Whole-number options with a range, checked while the command line is parsed: a value out of range or not a
/// number is a parse error naming the option and the range (exit 2), never a crash or a huge allocation later.
/// </summary>
internal static class BoundedOptions
{
    public static Option<T> Within<T>(this Option<T> option, T min, T max)
        where T : struct, INumber<T>
    {
        option.CustomParser = result => Parse(result, option.Name, min, max);
        return option;
    }

    public static Option<T?> Within<T>(this Option<T?> option, T min, T max)
        where T : struct, INumber<T>
    {
        option.CustomParser = result => Parse(result, option.Name, min, max);
        return option;
    }

    private static T Parse<T>(ArgumentResult result, string name, T min, T max)
        where T : struct, INumber<T>
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        result.AddError($"{name} '{text}' is out of range: give a whole number from {min} to {max}.");
        return min;
    }
}
