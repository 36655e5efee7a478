using System;
using System.IO;

namespace NinhBinh.Comms.Broadcast.Tests.Cap;

internal static class CapTestFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Cap", "Conformance");

    public static string PathOf(string name) => Path.Combine(Folder, name);
}
