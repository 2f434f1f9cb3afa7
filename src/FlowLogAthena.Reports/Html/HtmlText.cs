using System.Net;

namespace FlowLogAthena.Reports.Html;

/// <summary>Escapes text for HTML element content and double-quoted attribute values: every value from the data goes through here.</summary>
internal static class HtmlText
{
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");
}
