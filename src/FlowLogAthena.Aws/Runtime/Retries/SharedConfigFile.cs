namespace FlowLogAthena.Aws.Runtime.Retries;

/// <summary>
/// Reads one profile's top-level settings from the shared AWS config file (INI): <c>[default]</c> (or
/// <c>[profile default]</c>) and <c>[profile NAME]</c>; indented sub-settings (<c>s3 =</c> blocks) and comments skipped.
/// </summary>
internal static class SharedConfigFile
{
    public static Dictionary<string, (string Value, int Line)> ReadSection(string path, string profile)
    {
        var values = new Dictionary<string, (string, int)>(StringComparer.OrdinalIgnoreCase);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AwsConfigurationException($"Cannot read the AWS config file '{path}': {e.Message}", e);
        }

        var inSection = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var text = line.Trim();
            if (text.Length == 0 || text[0] is '#' or ';') continue;
            if (text[0] == '[' && text[^1] == ']')
            {
                var name = text[1..^1].Trim();
                inSection = profile == "default"
                    ? name is "default" or "profile default"
                    : name == "profile " + profile || name == profile;
                continue;
            }
            if (!inSection || char.IsWhiteSpace(line[0])) continue;
            var equals = text.IndexOf('=');
            if (equals <= 0) continue;
            values[text[..equals].Trim()] = (text[(equals + 1)..].Trim(), i + 1);
        }
        return values;
    }
}
