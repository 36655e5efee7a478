using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using PublicApiGenerator;

namespace NinhBinh.Comms.Testing;

/// <summary>
/// Public API approval: the assembly's public API (PublicApiGenerator) must equal the committed
/// tests/ApiApproval/&lt;assembly&gt;.approved.txt. On a difference the test fails with a line diff and writes
/// &lt;assembly&gt;.received.txt next to it; copy it over the approved file to approve the change.
/// The same approved file serves every target framework: the API must be identical on all of them.
/// </summary>
public static class ApiApproval
{
    public static void Verify(Assembly assembly)
    {
        var options = new ApiGeneratorOptions
        {
            // PublicApiGenerator leaves out Microsoft.* and System.* namespaces by default, which would hide the DI
            // extension methods (they live in Microsoft.Extensions.DependencyInjection, as Microsoft's do).
            AllowNamespacePrefixes = new[] { "Microsoft.Extensions.", "Microsoft.AspNetCore." },
            UseDenyNamespacePrefixesForExtensionMethods = false,
            ExcludeAttributes = ExcludedAttributes,
        };
        var received = Normalize(assembly.GeneratePublicApi(options));
        var name = assembly.GetName().Name!;
        var folder = Path.Combine(RepositoryRoot.Path, "tests", "ApiApproval");
        var approvedPath = Path.Combine(folder, name + ".approved.txt");
        var receivedPath = Path.Combine(folder, name + ".received.txt");
        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : string.Empty;
        if (string.Equals(approved, received, StringComparison.Ordinal))
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail($"The public API of {name} changed. Review the diff; to approve, copy{Environment.NewLine}  {receivedPath}{Environment.NewLine}over{Environment.NewLine}  {approvedPath}{Environment.NewLine}{Diff(approved, received)}");
    }

    /// <summary>Attributes that say how the compiler built a member, not what the API is.</summary>
    private static readonly string[] ExcludedAttributes =
    {
        "System.Runtime.Versioning.TargetFrameworkAttribute",
        "System.Reflection.AssemblyMetadataAttribute",
        "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
        "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute",
        "System.Runtime.CompilerServices.AsyncStateMachineAttribute",
        "System.Runtime.CompilerServices.IteratorStateMachineAttribute",
        "System.Runtime.CompilerServices.CompilerGeneratedAttribute",
        "System.Runtime.CompilerServices.NullableAttribute",
        "System.Runtime.CompilerServices.NullableContextAttribute",
        "System.Runtime.CompilerServices.NullablePublicOnlyAttribute",
        "System.Diagnostics.DebuggerStepThroughAttribute",

        // Trim/AOT warnings for the analyzers of a consuming app: present on net10.0 only (netstandard2.0 has no such
        // attributes), so they are left out for both targets to share one approved file; the trim analyzer checks them.
        "System.Diagnostics.CodeAnalysis.RequiresUnreferencedCodeAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresDynamicCodeAttribute",
        "System.Diagnostics.DebuggerHiddenAttribute",
        "System.Diagnostics.DebuggerNonUserCodeAttribute",
    };

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd() + "\n";

    private static string Diff(string approved, string received)
    {
        var a = approved.Split('\n');
        var b = received.Split('\n');
        var sb = new StringBuilder();
        var removed = a.Except(b).ToList();
        var added = b.Except(a).ToList();
        foreach (var line in removed.Take(60))
        {
            sb.Append("- ").AppendLine(line);
        }

        foreach (var line in added.Take(60))
        {
            sb.Append("+ ").AppendLine(line);
        }

        if (removed.Count + added.Count > 120)
        {
            sb.AppendLine($"… {removed.Count} lines removed, {added.Count} added in all.");
        }

        return sb.ToString();
    }
}

public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "NinhBinh.Comms.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NinhBinh.Comms.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Path => Root.Value;
}
