using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace NinhBinh.Comms.Broadcast.Tests.Boards.Xibo;

/// <summary>
/// Checks a request against the Xibo CMS OpenAPI document (Boards/Conformance/xibo-swagger.json): the operation
/// exists, every required parameter is present, nothing undeclared is sent, each parameter is where it is declared
/// (path, query, form body) and each value parses as its declared type.
/// </summary>
public sealed class XiboSwaggerChecker
{
    /// <summary>
    /// Requests the CMS serves that swagger.json does not describe: the OAuth2 token endpoint (served by the CMS's
    /// authorization server) and the screenshot image (routes.php only).
    /// </summary>
    public static readonly IReadOnlySet<string> Undocumented = new HashSet<string>(StringComparer.Ordinal)
    {
        "POST /authorize/access_token",
        "GET /display/screenshot/{id}",
    };

    /// <summary>The CMS's paging parameters, accepted by every list (GET answering an array) though most operations do not declare them.</summary>
    public static readonly IReadOnlySet<string> PagingParameters = new HashSet<string>(StringComparer.Ordinal) { "start", "length" };

    /// <summary>
    /// Module properties a widget edit takes as form fields: each module declares its own (embedded: embedHtml…;
    /// webpage: uri; text: text), so swagger.json cannot list them.
    /// </summary>
    public static readonly IReadOnlySet<string> WidgetModuleProperties = new HashSet<string>(StringComparer.Ordinal)
    {
        "embedHtml", "embedStyle", "embedJavaScript", "uri", "text",
    };

    private const string WidgetEdit = "PUT /playlist/widget/{id}";
    private readonly JsonElement _paths;
    private readonly JsonElement _root;

    private XiboSwaggerChecker(JsonDocument document)
    {
        _root = document.RootElement;
        _paths = _root.GetProperty("paths");
    }

    public static XiboSwaggerChecker Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Boards", "Conformance", "xibo-swagger.json");
        return new XiboSwaggerChecker(JsonDocument.Parse(File.ReadAllText(path)));
    }

    /// <summary>The operation a request matched ("POST /schedule"), or null when none did.</summary>
    public string? Operation(string method, Uri uri)
    {
        var path = ApiPath(uri);
        return path is null ? null : Match(method, path)?.Key;
    }

    /// <summary>Every problem with the request; empty when it conforms.</summary>
    public IReadOnlyList<string> Check(string method, Uri uri, string? contentType, string body)
    {
        var problems = new List<string>();
        var path = ApiPath(uri);
        if (path is null)
        {
            return [$"{method} {uri.AbsolutePath}: not under /api"];
        }

        var match = Match(method, path);
        if (match is null)
        {
            return [$"{method} {path}: no such operation in swagger.json"];
        }

        var (key, template, operation) = match.Value;
        if (Undocumented.Contains(key))
        {
            return [];
        }

        // Declared parameters by location.
        var declared = new Dictionary<string, (string In, JsonElement Schema, bool Required)>(StringComparer.Ordinal);
        if (operation.TryGetProperty("parameters", out var parameters))
        {
            foreach (var p in parameters.EnumerateArray().Select(Resolve))
            {
                declared[p.GetProperty("name").GetString()!] = (p.GetProperty("in").GetString()!, p.TryGetProperty("schema", out var s) ? Resolve(s) : default,
                    p.TryGetProperty("required", out var r) && r.GetBoolean());
            }
        }

        if (operation.TryGetProperty("requestBody", out var requestBody) && Resolve(requestBody).TryGetProperty("content", out var content)
            && content.TryGetProperty("application/x-www-form-urlencoded", out var form))
        {
            var schema = Resolve(form.GetProperty("schema"));
            var required = schema.TryGetProperty("required", out var req) ? req.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [];
            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    declared[property.Name] = ("formData", Resolve(property.Value), required.Contains(property.Name));
                }
            }
        }

        var sent = new List<(string Name, string In, string Value, bool Bracketed)>();
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var templateSegments = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // xibo-cms quirk: some templates name a placeholder differently from its declared path parameter
        // (GET /displaygroup/{id} declares displayGroupId); such placeholders are paired with the undeclared ones in order.
        var placeholders = templateSegments.Where(t => t.StartsWith('{')).Select(t => t.Trim('{', '}')).ToList();
        var unnamed = new Queue<string>(declared.Where(d => d.Value.In == "path" && !placeholders.Contains(d.Key)).Select(d => d.Key));
        for (var i = 0; i < segments.Length; i++)
        {
            if (templateSegments[i].StartsWith('{'))
            {
                var name = templateSegments[i].Trim('{', '}');
                if (!declared.ContainsKey(name) && unnamed.Count > 0)
                {
                    name = unnamed.Dequeue();
                }

                sent.Add((name, "path", Uri.UnescapeDataString(segments[i]), false));
            }
        }

        foreach (var (name, values) in QueryHelpers.ParseQuery(uri.Query))
        {
            foreach (var value in values)
            {
                sent.Add((Base(name), "query", value ?? string.Empty, name.EndsWith("[]", StringComparison.Ordinal)));
            }
        }

        if (body.Length > 0)
        {
            if (contentType != "application/x-www-form-urlencoded")
            {
                problems.Add($"{key}: body sent as {contentType}, the CMS takes application/x-www-form-urlencoded");
            }

            foreach (var (name, values) in QueryHelpers.ParseQuery(body))
            {
                foreach (var value in values)
                {
                    sent.Add((Base(name), "formData", value ?? string.Empty, name.EndsWith("[]", StringComparison.Ordinal)));
                }
            }
        }

        var isList = method == "GET" && ReturnsArray(operation);
        foreach (var (name, location, value, bracketed) in sent)
        {
            if (!declared.TryGetValue(name, out var parameter))
            {
                var allowed = (location == "query" && isList && PagingParameters.Contains(name))
                    || (location == "formData" && key == WidgetEdit && WidgetModuleProperties.Contains(name));
                if (!allowed)
                {
                    problems.Add($"{key}: parameter '{name}' ({location}) is not declared by the operation");
                }

                if (allowed && location == "query" && !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    problems.Add($"{key}: paging parameter '{name}'='{value}' is not a whole number");
                }

                continue;
            }

            if (parameter.In != location)
            {
                problems.Add($"{key}: parameter '{name}' sent in {location} but declared in {parameter.In}");
            }

            var type = parameter.Schema.ValueKind == JsonValueKind.Object && parameter.Schema.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "array")
            {
                if (location != "path" && !bracketed)
                {
                    problems.Add($"{key}: array parameter '{name}' sent without [] (the CMS would read one value)");
                }

                var items = parameter.Schema.TryGetProperty("items", out var i) ? Resolve(i) : default;
                var itemType = items.ValueKind == JsonValueKind.Object && items.TryGetProperty("type", out var it) ? it.GetString() : null;
                CheckValue(problems, key, name, itemType, null, value);
            }
            else
            {
                if (bracketed)
                {
                    problems.Add($"{key}: parameter '{name}' sent as an array but declared {type}");
                }

                var format = parameter.Schema.ValueKind == JsonValueKind.Object && parameter.Schema.TryGetProperty("format", out var f) ? f.GetString() : null;
                CheckValue(problems, key, name, type, format, value);
            }
        }

        foreach (var (name, parameter) in declared.Where(d => d.Value.Required))
        {
            if (!sent.Any(s => s.Name == name))
            {
                problems.Add($"{key}: required parameter '{name}' ({parameter.In}) is missing");
            }
        }

        return problems;
    }

    private static void CheckValue(List<string> problems, string key, string name, string? type, string? format, string value)
    {
        var ok = type switch
        {
            "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "boolean" => value is "0" or "1" or "true" or "false" or "on" or "off",
            "string" when format is "date-time" || name.EndsWith("Dt", StringComparison.Ordinal) =>
                DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => true,
        };
        if (!ok)
        {
            problems.Add($"{key}: parameter '{name}'='{Cut(value)}' is not a valid {type}{(format is null ? string.Empty : " (" + format + ")")}");
        }
    }

    private static string Cut(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static string Base(string name) => name.EndsWith("[]", StringComparison.Ordinal) ? name[..^2] : name;

    private static string? ApiPath(Uri uri) =>
        uri.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal) ? uri.AbsolutePath["/api".Length..] : null;

    private (string Key, string Template, JsonElement Operation)? Match(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var verb = method.ToLowerInvariant();
        (string, string, JsonElement)? best = null;
        var bestLiterals = -1;
        var templates = _paths.EnumerateObject().Select(p => (p.Name, (JsonElement?)p.Value))
            .Concat(Undocumented.Select(u => (u[(u.IndexOf(' ', StringComparison.Ordinal) + 1)..], (JsonElement?)null)));
        foreach (var (template, item) in templates)
        {
            var parts = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != segments.Length)
            {
                continue;
            }

            var literals = 0;
            var fits = true;
            for (var i = 0; i < parts.Length && fits; i++)
            {
                if (parts[i].StartsWith('{') && parts[i].EndsWith('}'))
                {
                    fits = segments[i].Length > 0;
                }
                else
                {
                    fits = parts[i] == segments[i];
                    literals++;
                }
            }

            var key = method + " " + template;
            JsonElement operation = default;
            if (!fits || (item is { } pathItem ? !pathItem.TryGetProperty(verb, out operation) : !Undocumented.Contains(key)))
            {
                continue;
            }

            if (literals > bestLiterals)
            {
                best = (key, template, operation);
                bestLiterals = literals;
            }
        }

        return best;
    }

    private static bool ReturnsArray(JsonElement operation) =>
        operation.TryGetProperty("responses", out var responses) && responses.TryGetProperty("200", out var ok)
        && ok.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
        && json.TryGetProperty("schema", out var schema) && schema.TryGetProperty("type", out var type) && type.GetString() == "array";

    private JsonElement Resolve(JsonElement element)
    {
        while (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference))
        {
            var target = _root;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part);
            }

            element = target;
        }

        return element;
    }
}
