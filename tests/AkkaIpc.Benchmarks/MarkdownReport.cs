using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace AkkaIpc.Benchmarks;

/// <summary>The <c>--markdown</c> report: the same table as stdout, with the machine, the date and the command.</summary>
internal static class MarkdownReport
{
    public static void Write(string path, string[] args, JsonObject machine, BenchRun run)
    {
        var byName = run.Results.ToDictionary(r => r.Name);
        var sb = new StringBuilder();
        sb.Append("## Run of ").Append(DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append("\n\n");
        sb.Append("Command: `dotnet run -c Release --project tests/AkkaIpc.Benchmarks -- ")
          .Append(string.Join(' ', args)).Append("`\n\n");
        sb.Append("Machine:");
        foreach (var (key, value) in machine)
            sb.Append(" ").Append(key).Append(" = ").Append(value?.ToString() ?? "?").Append(';');
        sb.Append("\n\n");
        sb.Append("| name | figures | vs raw-uds | target | |\n|---|---|---|---|---|\n");
        foreach (var r in run.Results)
        {
            var v = Targets.Judge(r, byName);
            var figures = string.Join(", ", r.Figures.Select(f => $"{f.Key} {ResultTable.Format(f.Value)}")) + (r.Note is null ? "" : $" ({r.Note})");
            var met = v.Met switch { true => "met", false => "**missed**", null => "" };
            sb.Append($"| {r.Name} | {figures} | {v.Ratio} | {v.Target} | {met} |\n");
        }

        foreach (var (name, error) in run.Failures)
            sb.Append($"| {name} | FAILED: {error.Replace("|", "\\|", StringComparison.Ordinal)} | | | |\n");

        File.WriteAllText(path, sb.ToString());
    }
}
