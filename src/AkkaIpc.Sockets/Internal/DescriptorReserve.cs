namespace AkkaIpc.Sockets.Internal;

/// <summary>
/// Keeps accepting from taking the process's last descriptors. The .NET runtime needs free descriptors to start a
/// thread (a failure surfaces as <see cref="OutOfMemoryException"/>, and a thread pool that cannot grow ends the
/// process), so before every accept a listener checks that a few descriptors are free besides a reserve it holds
/// (descriptors of /dev/null). When they are not, it gives the reserve back to the process and pauses; it accepts again
/// once the reserve and the headroom can be taken again, that is once connections have ended. One reserve serves every
/// listener of the process.
/// </summary>
internal sealed class DescriptorReserve
{
    private const string Spare = "/dev/null";
    private readonly Lock _gate = new();
    private readonly int _size;
    private readonly int _headroom;
    private int[]? _held;
    private bool _unavailable;

    internal DescriptorReserve(int size, int headroom)
    {
        _size = size;
        _headroom = headroom;
    }

    /// <summary>The process's reserve: 16 held, 4 free besides (the runtime takes two to start a thread).</summary>
    internal static DescriptorReserve Shared { get; } = new(16, 4);

    /// <summary>
    /// Whether a listener may accept now: the reserve is held (taken now if it was given back) and the headroom is
    /// free besides. If not, the reserve is given back to the process and the answer is false.
    /// </summary>
    internal bool TryReserveRoom()
    {
        lock (_gate)
        {
            var wanted = _held is null ? _size + _headroom : _headroom;
            var spares = OpenSpares(wanted);
            if (_unavailable)
            {
                spares.ForEach(Close);
                return true;
            }

            var enough = spares.Count == wanted;
            if (enough && _held is null)
            {
                _held = [.. spares.GetRange(0, _size)];
                spares.RemoveRange(0, _size);
            }

            spares.ForEach(Close);
            if (!enough)
            {
                ReleaseHeld();
            }

            return enough;
        }
    }

    /// <summary>Gives the reserve back to the process (accepting ran into EMFILE anyway).</summary>
    internal void Release()
    {
        lock (_gate)
        {
            ReleaseHeld();
        }
    }

    private static void Close(int fd) => NativeMethods.Close(fd);

    private void ReleaseHeld()
    {
        if (_held is { } held)
        {
            _held = null;
            Array.ForEach(held, Close);
        }
    }

    // Up to count spare descriptors; fewer when the process or the system runs out. Any other failure (no /dev/null in
    // a minimal container) turns the reserve off for good rather than stopping every listener.
    private List<int> OpenSpares(int count)
    {
        var spares = new List<int>(count);
        while (spares.Count < count)
        {
            var fd = NativeMethods.OpenReadOnly(Spare, out var errno);
            if (fd < 0)
            {
                _unavailable |= errno is not (NativeMethods.EMFILE or NativeMethods.ENFILE);
                break;
            }

            spares.Add(fd);
        }

        return spares;
    }
}
