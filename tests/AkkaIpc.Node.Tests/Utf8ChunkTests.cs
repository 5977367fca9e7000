using AkkaIpc.Node.Tests.Harness;

namespace AkkaIpc.Node.Tests;

/// <summary>Multi-byte UTF-8 characters split across two reads of the socket print whole (issue 11 #14).</summary>
public sealed class Utf8ChunkTests
{
    private const int Lines = 200;
    private const int CharactersPerLine = 3001;

    // 200 lines of é×3001 (2 bytes each) sent in pieces of an odd size, so piece boundaries fall inside characters;
    // then the peer closes, which the node reports after the data.
    private const string SplittingPeer = """
        import socket, sys
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(30)
        s.connect(sys.argv[1])
        data = (("\u00e9" * int(sys.argv[3]) + "\n") * int(sys.argv[2])).encode()
        for i in range(0, len(data), 4095):
            s.sendall(data[i:i + 4095])
        s.close()
        """;

    [Theory]
    [InlineData("listen", "Error: 102")]
    [InlineData("serve", "[client 1] Disconnected (102)")]
    public void Characters_split_across_reads_are_decoded_whole(string command, string peerGone)
    {
        using var path = new TempSocketPath();
        using var node = ChildProcess.Node(command, path.Value);
        node.WaitForLine("Listening: " + path.Value);

        using var peer = ChildProcess.Start("python3", "-c", SplittingPeer, path.Value, $"{Lines}", $"{CharactersPerLine}");
        Assert.Equal(0, peer.WaitForExit());
        node.WaitForLine(peerGone);

        var received = node.Output.Where(line => line.Contains("DataAvailable: ", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(received, line => line.Contains('\uFFFD', StringComparison.Ordinal));
        Assert.Equal(Lines * CharactersPerLine, received.Sum(line => line.Count(c => c == '\u00e9')));
    }
}
