using System.Globalization;
using System.Text;

namespace AkkaIpc.Node.Tests.Harness;

/// <summary>
/// The chaos peers' data: fixed-width numbered records (<c>00000001\n00000002\n…</c>), so what a receiver printed,
/// however the reads cut it into <c>DataAvailable:</c> lines, joins back into records that must run 1, 2, 3, … with
/// no gap and no duplicate; only the last record may be cut short (the sender was killed while writing it).
/// </summary>
internal static class RecordStream
{
    public const int Width = 8;

    /// <summary>A Python peer body: sends <paramref name="records"/> records on socket <c>s</c>, then idles until killed.</summary>
    public static string SendThenIdle(int records) => $$"""
        import time
        for start in range(1, {{records}} + 1, 500):
            s.sendall("".join("%08d\n" % i for i in range(start, min(start + 500, {{records}} + 1))).encode())
        while True:
            time.sleep(3600)
        """;

    /// <summary>Checks the payloads of one connection's <c>DataAvailable:</c> lines; returns how many whole records came.</summary>
    public static int AssertInOrder(IEnumerable<string> payloads, string what)
    {
        var digits = new StringBuilder();
        foreach (var payload in payloads)
        {
            digits.Append(payload);
        }

        var whole = digits.Length / Width;
        for (var i = 0; i < whole; i++)
        {
            var record = digits.ToString(i * Width, Width);
            if (record != (i + 1).ToString("D8", CultureInfo.InvariantCulture))
            {
                Assert.Fail($"{what}: record {i + 1} reads '{record}' (a gap or a duplicate)");
            }
        }

        Assert.True(whole > 0, $"{what}: no record arrived before the kill");
        return whole;
    }
}
