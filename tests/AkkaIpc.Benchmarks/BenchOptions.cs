using System.Globalization;

namespace AkkaIpc.Benchmarks;

/// <summary>The command line of the benchmark program (peer mode is handled before this is parsed).</summary>
internal sealed class BenchOptions
{
    public bool Quick { get; private init; }

    public string? JsonPath { get; private init; }

    public string? MarkdownPath { get; private init; }

    /// <summary>
    /// The aggregate offered load of the scale benchmark's sustained phase, in round trips per second over all
    /// connections (<c>--scale-rate</c>). The default stays well below what the raw server saturates at on 2 cores.
    /// </summary>
    public int ScaleRate { get; private init; } = DefaultScaleRate;

    public const int DefaultScaleRate = 10_000;

    /// <summary>Name prefixes to run (e.g. "rtt/raw-uds"); empty runs everything.</summary>
    public IReadOnlyList<string> Only { get; private init; } = [];

    public BenchCounts Counts => Quick ? BenchCounts.QuickCounts : BenchCounts.FullCounts;

    public bool Selects(string resultName) => Only.Count == 0 || Only.Any(p => resultName.StartsWith(p, StringComparison.Ordinal));

    /// <summary>Whether any result under <paramref name="prefix"/> may be selected.</summary>
    public bool SelectsGroup(string prefix) => Only.Count == 0 || Only.Any(p =>
        prefix.StartsWith(p, StringComparison.Ordinal) || p.StartsWith(prefix, StringComparison.Ordinal));

    public static BenchOptions Parse(string[] args)
    {
        var quick = false;
        string? json = null;
        string? markdown = null;
        var scaleRate = DefaultScaleRate;
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
                case "--markdown" when i + 1 < args.Length:
                    markdown = args[++i];
                    break;
                case "--scale-rate" when i + 1 < args.Length:
                    if (!int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out scaleRate) || scaleRate <= 0)
                        throw new ArgumentException($"--scale-rate needs a positive whole number of round trips per second, not '{args[i]}'");
                    break;
                case "--only" when i + 1 < args.Length:
                    only.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                default:
                    throw new ArgumentException(
                        $"unknown argument '{args[i]}'; usage: [--quick] [--json FILE] [--markdown FILE] [--only PREFIX[,PREFIX...]] [--scale-rate PER_SECOND]");
            }
        }

        return new BenchOptions { Quick = quick, JsonPath = json, MarkdownPath = markdown, Only = only, ScaleRate = scaleRate };
    }
}
