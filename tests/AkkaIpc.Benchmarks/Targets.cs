using System.Globalization;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// Ratios against the raw-UDS baseline of the same run, and the project's targets. Shown in the table
/// only: a missed target is information for whoever owns the layer, never a failure of the program.
/// </summary>
internal static class Targets
{
    public sealed record Verdict(string Ratio, string Target, bool? Met);

    public static Verdict Judge(BenchResult r, IReadOnlyDictionary<string, BenchResult> all)
    {
        var parts = r.Name.Split('/');
        switch (parts[0])
        {
            case "rtt" when parts[1] != "raw-uds":
                if (!all.TryGetValue($"rtt/raw-uds/{parts[2]}", out var rttBase))
                    return None;
                var p50 = r.Get("p50_us")!.Value / rttBase.Get("p50_us")!.Value;
                var p99 = r.Get("p99_us")!.Value / rttBase.Get("p99_us")!.Value;
                var ratio = $"p50 {X(p50)}, p99 {X(p99)}";
                return parts[1] switch
                {
                    "ipcsocket" => new(ratio, "p50 ≤ 1.15×, p99 ≤ 1.3×", p50 <= 1.15 && p99 <= 1.3),
                    "actors" => new(ratio, "p50 ≤ 1.3×, p99 ≤ 1.5×", p50 <= 1.3 && p99 <= 1.5),
                    "streams" => new(ratio, "p50 ≤ 1.5×", p50 <= 1.5),
                    _ => new(ratio, "", null),
                };
            case "bulk" when parts[1] != "raw-uds":
                if (!all.TryGetValue("bulk/raw-uds", out var bulkBase))
                    return None;
                var share = r.Get("mb_per_s")!.Value / bulkBase.Get("mb_per_s")!.Value;
                var pct = share.ToString("P0", CultureInfo.InvariantCulture);
                return parts[1] switch
                {
                    "ipcsocket" => new(pct, "≥ 95 %", share >= 0.95),
                    "streams" => new(pct, "≥ 85 %", share >= 0.85),
                    _ => new(pct, "≥ 90 %", share >= 0.9),
                };
            case "small" when parts[1] != "raw-uds-per-send":
                if (!all.TryGetValue("small/raw-uds-per-send", out var smallBase))
                    return None;
                var times = r.Get("msgs_per_s")!.Value / smallBase.Get("msgs_per_s")!.Value;
                return parts[1] == "ipcsocket" ? new(X(times), "≥ 10×", times >= 10) : new(X(times), "≥ 4×", times >= 4);
            case "scale" when parts[1] == "actors":
                if (!all.TryGetValue($"scale/raw-uds/{parts[2]}", out var scaleBase))
                    return None;
                var scaleP99 = r.Get("p99_us")!.Value / scaleBase.Get("p99_us")!.Value;
                var capacity = r.Get("msgs_per_s")!.Value / scaleBase.Get("msgs_per_s")!.Value;
                var scaleRatio = $"p99 {X(scaleP99)}, msgs/s {X(capacity)}";
                // Issue 10: sustained p99 <= 2x raw at every level; capacity >= 0.8x raw at 100 and 1,000 connections;
                // and, from the benchmark's first issue, p99 <= 5 ms and <= 64 KiB per connection at 1,000.
                return parts[2] switch
                {
                    "1000" => new(scaleRatio, "p99 ≤ 2× and ≤ 5 ms, msgs/s ≥ 0.8×, ≤ 64 KiB/conn",
                        scaleP99 <= 2 && r.Get("p99_us") <= 5000 && capacity >= 0.8 && r.Get("rss_kib_per_conn") <= 64),
                    "100" => new(scaleRatio, "p99 ≤ 2×, msgs/s ≥ 0.8×", scaleP99 <= 2 && capacity >= 0.8),
                    _ => new(scaleRatio, "p99 ≤ 2×", scaleP99 <= 2),
                };
            case "remote" when parts[1] == "ipc":
                if (!all.TryGetValue($"remote/dotnetty/{parts[2]}", out var tcp))
                    return None;
                var rp50 = r.Get("p50_us")!.Value / tcp.Get("p50_us")!.Value;
                var rp99 = r.Get("p99_us")!.Value / tcp.Get("p99_us")!.Value;
                var rmsgs = r.Get("msgs_per_s")!.Value / tcp.Get("msgs_per_s")!.Value;
                return new($"vs dotnetty: p50 {X(rp50)}, p99 {X(rp99)}, msgs/s {X(rmsgs)}", "p50 ≤ 0.6×, p99 ≤ 0.5×, msgs/s ≥ 1.5×",
                    rp50 <= 0.6 && rp99 <= 0.5 && rmsgs >= 1.5);
            case "runtime" when parts[1] == "tell":
                return new("", "≥ 5 M msgs/s", r.Get("msgs_per_s") >= 5e6);
            case "runtime" when parts[1] == "pingpong":
                return new("", "p50 ≤ 10 µs", r.Get("p50_us") <= 10);
            default:
                return None;
        }
    }

    private static Verdict None { get; } = new("", "", null);

    private static string X(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";
}
