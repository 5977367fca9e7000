using System.Diagnostics.CodeAnalysis;

namespace AkkaIpc.Tests.Shared;

/// <summary>
/// What a peer started under another uid runs: a copy of the TestPeer program (its dll, the AkkaIpc.Sockets dll and
/// their json files) in a fresh temp directory that every user can read. The build output lives in the checkout,
/// which may be private (a home directory with mode 0700, a <c>mktemp -d</c>): uid 65534 cannot reach it there.
/// One copy per test process, removed when the process exits.
/// </summary>
[SuppressMessage("Design", "CA1812", Justification = "Linked into each test project that needs it.")]
internal static class PeerProgramCopy
{
    private const UnixFileMode ReadableByAll =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode EnterableByAll = ReadableByAll | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private static readonly Lock Gate = new();
    private static string? _directory;

    /// <summary>The path of the copy of <paramref name="peerDll"/>, made on first use.</summary>
    public static string For(string peerDll)
    {
        if (OperatingSystem.IsWindows())
        {
            return peerDll;   // no uids to switch to, and no Unix modes to set
        }

        lock (Gate)
        {
            if (_directory is null)
            {
                var directory = Directory.CreateTempSubdirectory("aipc-peer-").FullName;
                File.SetUnixFileMode(directory, EnterableByAll);
                var source = Path.GetDirectoryName(peerDll)!;
                foreach (var file in Directory.EnumerateFiles(source, "AkkaIpc.TestPeer.*").Concat(Directory.EnumerateFiles(source, "AkkaIpc.Sockets.*")))
                {
                    var copy = Path.Combine(directory, Path.GetFileName(file));
                    File.Copy(file, copy);
                    File.SetUnixFileMode(copy, ReadableByAll);
                }

                AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(directory, recursive: true);
                _directory = directory;
            }

            return Path.Combine(_directory, Path.GetFileName(peerDll));
        }
    }
}
