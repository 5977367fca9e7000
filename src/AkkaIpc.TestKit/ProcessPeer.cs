using System.Diagnostics;

namespace AkkaIpc.TestKit;

/// <summary>
/// A <see cref="ScriptedPeer"/> in a process of its own (<c>AkkaIpc.TestKit.Peer.dll</c>, copied next to the spec's
/// assembly), so a spec can reproduce a real crash with <see cref="Kill"/>: SIGKILL, and the kernel closes its socket.
/// </summary>
public sealed class ProcessPeer : ScriptedPeer
{
    private readonly Process _process;
    private readonly string _description;
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ProcessPeer(Process process, string description, PeerFraming framing, TimeSpan defaultTimeout)
        : base(framing, defaultTimeout)
    {
        _process = process;
        _description = description;
    }

    /// <summary>The peer process's id (what the link sees as <see cref="PeerCredentials.Pid"/>).</summary>
    public int Pid => _process.Id;

    /// <summary>Completes once the peer's connection is up.</summary>
    public Task Connected => _connected.Task;

    /// <summary>Starts a peer process that connects to <paramref name="path"/>; completes once it is connected.</summary>
    /// <param name="path">The socket file path.</param>
    /// <param name="framing">How messages are framed.</param>
    /// <param name="defaultTimeout">How long expectations wait by default (null: 10 s: a process starts slower).</param>
    /// <returns>The connected peer.</returns>
    public static async Task<ProcessPeer> ConnectAsync(string path, PeerFraming framing = PeerFraming.LengthPrefixed, TimeSpan? defaultTimeout = null)
    {
        var peer = Start("connect", path, framing, defaultTimeout);
        await peer.WaitAsync(peer._connected.Task).ConfigureAwait(false);
        return peer;
    }

    /// <summary>Starts a peer process that listens on <paramref name="path"/>; completes once it is bound.</summary>
    /// <param name="path">The socket file path.</param>
    /// <param name="framing">How messages are framed.</param>
    /// <param name="defaultTimeout">How long expectations wait by default (null: 10 s).</param>
    /// <returns>The listening peer; <see cref="Connected"/> completes when the link connects.</returns>
    public static async Task<ProcessPeer> ListenAsync(string path, PeerFraming framing = PeerFraming.LengthPrefixed, TimeSpan? defaultTimeout = null)
    {
        var peer = Start("listen", path, framing, defaultTimeout);
        await peer.WaitAsync(peer._listening.Task).ConfigureAwait(false);
        return peer;
    }

    /// <summary>SIGKILLs the process and waits for it to be gone: the kernel closes its socket as in a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Shuts the sending side down: the link sees end of stream while this peer can still read.</summary>
    public void HalfClose() => Command("shutdown");

    /// <inheritdoc />
    public override void Close()
    {
        Command("close");
        _process.WaitForExit(DefaultTimeout);
    }

    /// <inheritdoc />
    public override void Abort() => Kill();

    /// <inheritdoc />
    protected override void Transmit(ReadOnlySpan<byte> bytes) => Command("send " + Convert.ToBase64String(bytes));

    /// <inheritdoc />
    protected override string Describe() => _description;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Kill();
            _process.Dispose();
        }

        base.Dispose(disposing);
    }

    private static ProcessPeer Start(string mode, string path, PeerFraming framing, TimeSpan? defaultTimeout)
    {
        var program = Path.Combine(Path.GetDirectoryName(typeof(ProcessPeer).Assembly.Location)!, "AkkaIpc.TestKit.Peer.dll");
        if (!File.Exists(program))
            throw new FileNotFoundException($"The peer program is not next to AkkaIpc.TestKit.dll: {program}", program);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(program);
        info.ArgumentList.Add(mode);
        info.ArgumentList.Add(path);
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var peer = new ProcessPeer(process, $"peer process {process.Id} ({mode} {path})", framing, defaultTimeout ?? TimeSpan.FromSeconds(10));
        new Thread(peer.ReadEvents) { IsBackground = true, Name = "ProcessPeer " + process.Id }.Start();
        return peer;
    }

    private async Task WaitAsync(Task step)
    {
        var finished = await Task.WhenAny(step, Task.Delay(DefaultTimeout)).ConfigureAwait(false);
        if (finished != step)
        {
            Dispose();
            throw new Xunit.Sdk.XunitException($"{_description}: not ready within {DefaultTimeout}");
        }

        await step.ConfigureAwait(false);
    }

    private void Command(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    private void ReadEvents()
    {
        string? line;
        while ((line = _process.StandardOutput.ReadLine()) is not null)
        {
            if (line.StartsWith("recv ", StringComparison.Ordinal))
                Deliver(Convert.FromBase64String(line[5..]));
            else if (line == "listening")
                _listening.TrySetResult();
            else if (line == "connected")
                _connected.TrySetResult();
            else if (line == "eof")
                End(null);
            else if (line.StartsWith("error ", StringComparison.Ordinal))
                Fail(line[6..]);
        }

        Fail("the peer process ended");
    }

    private void Fail(string error)
    {
        var failure = new InvalidOperationException($"{_description}: {error}");
        _listening.TrySetException(failure);
        _connected.TrySetException(failure);
        End(error);
    }
}
