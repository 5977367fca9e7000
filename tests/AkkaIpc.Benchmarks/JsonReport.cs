using System.Text.Json;
using System.Text.Json.Nodes;

namespace AkkaIpc.Benchmarks;

/// <summary>The <c>--json</c> document: <c>{"machine": {...}, "results": [{"name": ..., figures...}]}</c>.</summary>
internal static class JsonReport
{
    public static void Write(string path, JsonObject machine, IReadOnlyList<BenchResult> results)
    {
        var array = new JsonArray();
        foreach (var r in results)
        {
            var o = new JsonObject { ["name"] = r.Name };
            foreach (var (key, value) in r.Figures)
                o[key] = Math.Round(value, 3);
            array.Add(o);
        }

        var doc = new JsonObject { ["machine"] = machine, ["results"] = array };
        File.WriteAllText(path, doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
