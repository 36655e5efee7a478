// Helper process for the Zalo multi-process tests.
//   send  <openapi-url> <oauth-url> <store-dir> <oa-id> <user-id> <count>   N concurrent text sends; prints "sent=N failed=M"
//         (a store of "pg:<Npgsql connection string>" uses the PostgreSQL token store instead of a folder)
//   churn <store-dir> <oa-id>                                             rewrites the OA's token file until killed
using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using NinhBinh.Comms.Zalo;

if (args.Length >= 1 && args[0] == "send" && args.Length == 7)
{
    using var factory = new ZaloClientFactory(new ZaloClientOptions
    {
        AppId = "load-app",
        AppSecret = "load-secret",
        OpenApiBaseUrl = new Uri(args[1]),
        OAuthBaseUrl = new Uri(args[2]),
        TokenStorePath = args[3].StartsWith("pg:", StringComparison.Ordinal) ? null : args[3],
    }, args[3].StartsWith("pg:", StringComparison.Ordinal) ? new NinhBinh.Comms.Zalo.PostgreSql.PostgreSqlZaloTokenStore(args[3][3..]) : null);
    var client = factory.GetClient(args[4]);
    var count = int.Parse(args[6], CultureInfo.InvariantCulture);
    Console.WriteLine("ready");
    var line = Console.ReadLine(); // the test says "go" once every process is ready
    if (line != "go")
    {
        return 2;
    }

    var results = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
    {
        try
        {
            await client.SendTextAsync(args[5], "Bản tin số " + i.ToString(CultureInfo.InvariantCulture));
            return null;
        }
        catch (ZaloException ex)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
    }));
    foreach (var error in results.Where(r => r is not null).Distinct())
    {
        Console.WriteLine("error " + error);
    }

    Console.WriteLine($"sent={results.Count(r => r is null)} failed={results.Count(r => r is not null)}");
    return results.All(r => r is null) ? 0 : 1;
}

if (args.Length == 3 && args[0] == "churn")
{
    var store = new FileZaloTokenStore(args[1]);
    Console.WriteLine("ready");
    for (long i = 0; ; i++)
    {
        var now = DateTimeOffset.UtcNow;
        var suffix = i.ToString(CultureInfo.InvariantCulture) + new string('x', (int)(i % 500));
        await store.SaveAsync(args[2], new ZaloTokenSet("access-" + suffix, "refresh-" + suffix, now.AddHours(25), now.AddDays(90), now));
    }
}

Console.Error.WriteLine("usage: send <openapi> <oauth> <store> <oa> <user> <count> | churn <store> <oa>");
return 2;
