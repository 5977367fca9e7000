using AkkaIpc.Node.Tests.Harness;

namespace AkkaIpc.Node.Tests;

/// <summary>
/// A stdin line longer than one write may carry is refused with one error line, and the node cleans up, instead of
/// reading the whole line into memory (issue 11 #11). The node runs under a 256 MiB GC heap limit (a small container)
/// and gets a 300 MB line without a line break.
/// </summary>
public sealed class LongLineTests
{
    [Fact]
    public void A_line_longer_than_the_limit_is_error_108_with_clean_up_not_out_of_memory()
    {
        using var path = new TempSocketPath();
        using var node = ChildProcess.Start("bash", "-c",
            $"head -c 300000000 /dev/zero 2>/dev/null | tr '\\0' x 2>/dev/null | DOTNET_GCHeapHardLimit=0x10000000 exec dotnet {NodeBinary.Path} listen {path.Value}");

        Assert.Equal(2, node.WaitForExit(TimeSpan.FromMinutes(2)));
        var error = Assert.Single(node.ErrorOutput);
        Assert.Equal($"error 108: stdin line 1 is longer than 8388607 bytes, the most one write may carry (akka.ipc.socket.send-queue-limit): {path.Value}", error);
        Assert.False(File.Exists(path.Value), "the listener left its socket file");
    }
}
