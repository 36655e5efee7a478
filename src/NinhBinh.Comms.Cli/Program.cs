using System.Threading.Tasks;

namespace NinhBinh.Comms.Cli;

internal static class Program
{
    private static Task<int> Main(string[] args) => NbcommsApp.RunAsync(args, System.Console.Out, System.Console.Error);
}
