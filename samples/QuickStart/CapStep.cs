using System;
using System.IO;
using NinhBinh.Comms;
using NinhBinh.Comms.Broadcast.Cap;

/// <summary>The emergency bulletin as a CAP 1.2 alert, written into the demo's output folder and read back.</summary>
internal static class CapStep
{
    /// <summary>Writes <paramref name="bulletin"/> as <c>&lt;id&gt;.cap.xml</c> in <paramref name="folder"/>, validates it, prints its path.</summary>
    /// <returns>True when the written alert is valid CAP 1.2 (OASIS schema and the CAP rules).</returns>
    public static bool Run(Bulletin bulletin, string folder)
    {
        var alert = CapBulletinBridge.ToAlert(bulletin, new CapBulletinOptions { Sender = "ubnd.hoalu@ninhbinh.gov.vn" });
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, bulletin.Id + ".cap.xml");
        using (var file = File.Create(path))
        {
            CapWriter.Write(alert, file);
        }

        var check = CapReader.ReadFile(path);
        Console.WriteLine($"   CAP 1.2 alert: {path} ({(check.IsValid ? "valid" : "INVALID")}: OASIS schema and CAP rules, {check.Validation.Warnings.Count} warnings)");
        foreach (var problem in check.Problems)
        {
            Console.WriteLine($"     - {problem}");
        }

        return check.IsValid;
    }
}
