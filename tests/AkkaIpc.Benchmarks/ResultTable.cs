using System.Globalization;
using System.Text;

namespace AkkaIpc.Benchmarks;

/// <summary>The human-readable table: one row per result, figures, ratio to the raw-UDS baseline, target.</summary>
internal static class ResultTable
{
    public static string Render(IReadOnlyList<BenchResult> results, IReadOnlyDictionary<string, string> failures)
    {
        var byName = results.ToDictionary(r => r.Name);
        var rows = new List<string[]> { new[] { "name", "figures", "vs raw-uds", "target", "" } };
        foreach (var r in results)
        {
            var v = Targets.Judge(r, byName);
            var figures = string.Join("  ", r.Figures.Select(f => $"{f.Key}={Format(f.Value)}")) + (r.Note is null ? "" : $"  ({r.Note})");
            var met = v.Met switch { true => "met", false => "MISSED", null => "" };
            rows.Add([r.Name, figures, v.Ratio, v.Target, met]);
        }

        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(row => row[c].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
                sb.Append(row[c].PadRight(widths[c] + 2));
            sb.Append('\n');
            if (ReferenceEquals(row, rows[0]))
                sb.Append(new string('-', widths.Sum() + 2 * widths.Length)).Append('\n');
        }

        foreach (var (name, error) in failures)
            sb.Append("FAILED ").Append(name).Append(": ").Append(error).Append('\n');

        return sb.ToString();
    }

    public static string Format(double value) => value switch
    {
        >= 100_000 => value.ToString("#,0", CultureInfo.InvariantCulture),
        >= 100 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
