namespace AkkaIpc.Benchmarks;

/// <summary>The command line of the benchmark program (peer mode is handled before this is parsed).</summary>
internal sealed class BenchOptions
{
    public bool Quick { get; private init; }

    public string? JsonPath { get; private init; }

    /// <summary>Name prefixes to run (e.g. "rtt/raw-uds"); empty runs everything.</summary>
    public IReadOnlyList<string> Only { get; private init; } = [];

    public BenchCounts Counts => Quick ? BenchCounts.QuickCounts : BenchCounts.FullCounts;

    public bool Selects(BenchmarkCatalog.Entry entry) => entry.OptIn
        ? Only.Any(p => p.StartsWith(entry.Name, StringComparison.Ordinal))
        : Only.Count == 0 || Only.Any(p => entry.Name.StartsWith(p, StringComparison.Ordinal));

    public static BenchOptions Parse(string[] args)
    {
        var quick = false;
        string? json = null;
        var only = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--json" when i + 1 < args.Length:
                    json = args[++i];
                    break;
                case "--only" when i + 1 < args.Length:
                    only.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                default:
                    throw new ArgumentException(
                        $"unknown argument '{args[i]}'; usage: [--quick] [--json FILE] [--only PREFIX[,PREFIX...]]");
            }
        }

        return new BenchOptions { Quick = quick, JsonPath = json, Only = only };
    }
}
