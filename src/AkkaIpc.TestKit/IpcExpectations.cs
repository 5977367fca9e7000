using System.Text;
using Akka.TestKit;
using Xunit.Sdk;

namespace AkkaIpc.TestKit;

/// <summary>
/// Expectations for the events of AkkaIpc links, on top of TestKit's own (they work on a spec's <c>TestActor</c> and
/// on any <see cref="TestProbe"/>). Each waits up to the timeout, or TestKit's default when none is given.
/// </summary>
public static class IpcExpectations
{
    /// <summary>
    /// Skips the noise of a link that is still getting going (<see cref="IpcError"/> 103 while nothing listens,
    /// <see cref="Restarting"/>, <see cref="Listening"/>, <see cref="Subscribed"/>) and expects a <typeparamref name="T"/>.
    /// Any other message fails the expectation.
    /// </summary>
    /// <typeparam name="T">The message expected.</typeparam>
    /// <param name="kit">The spec or probe.</param>
    /// <param name="timeout">How long to wait in all, or null for TestKit's default.</param>
    /// <returns>The message.</returns>
    public static T ExpectMsgSkippingRestarts<T>(this TestKitBase kit, TimeSpan? timeout = null)
    {
        var deadline = kit.RemainingOrDilated(timeout);
        return kit.Within(deadline, () =>
        {
            while (true)
            {
                var message = kit.ExpectMsg<object>(kit.Remaining);
                switch (message)
                {
                    case T expected:
                        return expected;
                    case IpcError { Code: IpcErrorCode.NameResolutionError }:
                    case Restarting:
                    case Listening:
                    case Subscribed:
                        continue;
                    default:
                        throw new XunitException($"expected {typeof(T).Name} (skipping restart noise), received {message}");
                }
            }
        });
    }

    /// <summary>Expects the link to connect: a <see cref="Connected"/>, after any restart noise.</summary>
    /// <param name="kit">The spec or probe.</param>
    /// <param name="timeout">How long to wait, or null for TestKit's default.</param>
    /// <returns>The event (its sender is the link).</returns>
    public static Connected ExpectConnected(this TestKitBase kit, TimeSpan? timeout = null) =>
        kit.ExpectMsgSkippingRestarts<Connected>(timeout);

    /// <summary>Expects an <see cref="IpcError"/> with <paramref name="code"/> (after restart noise, unless it is 103).</summary>
    /// <param name="kit">The spec or probe.</param>
    /// <param name="code">The code expected.</param>
    /// <param name="timeout">How long to wait, or null for TestKit's default.</param>
    /// <returns>The event.</returns>
    public static IpcError ExpectIpcError(this TestKitBase kit, IpcErrorCode code, TimeSpan? timeout = null)
    {
        var error = code == IpcErrorCode.NameResolutionError ? kit.ExpectMsg<IpcError>(timeout) : kit.ExpectMsgSkippingRestarts<IpcError>(timeout);
        if (error.Code != code)
            throw new XunitException($"expected IpcError {(int)code}, received {error}");
        return error;
    }

    /// <summary>
    /// Expects the link to deliver exactly <paramref name="expected"/>: one <see cref="Received"/> with a length-prefixed
    /// link; as many as it takes with a raw one (which may split or merge what the peer sent).
    /// </summary>
    /// <param name="kit">The spec or probe.</param>
    /// <param name="expected">The bytes.</param>
    /// <param name="timeout">How long to wait in all, or null for TestKit's default.</param>
    public static void ExpectReceived(this TestKitBase kit, ReadOnlySpan<byte> expected, TimeSpan? timeout = null)
    {
        var want = expected.ToArray();
        var got = Collect(kit, want.Length, timeout);
        if (!got.SequenceEqual(want))
            throw new XunitException($"expected {want.Length} bytes [{Show(want)}], received {got.Count} [{Show([.. got])}]");
    }

    /// <summary>Expects the link to deliver <paramref name="expected"/> as UTF-8 (see the bytes overload).</summary>
    /// <param name="kit">The spec or probe.</param>
    /// <param name="expected">The text.</param>
    /// <param name="timeout">How long to wait in all, or null for TestKit's default.</param>
    public static void ExpectReceived(this TestKitBase kit, string expected, TimeSpan? timeout = null)
    {
        var text = Encoding.UTF8.GetString([.. Collect(kit, Encoding.UTF8.GetByteCount(expected), timeout)]);
        if (text != expected)
            throw new XunitException($"expected \"{expected}\", received \"{text}\"");
    }

    /// <summary>The bytes of as many <see cref="Received"/> events as it takes to reach <paramref name="count"/>.</summary>
    private static List<byte> Collect(TestKitBase kit, int count, TimeSpan? timeout)
    {
        var got = new List<byte>();
        kit.Within(kit.RemainingOrDilated(timeout), () =>
        {
            while (got.Count < count)
                got.AddRange(kit.ExpectMsg<Received>(kit.Remaining).Data);
        });
        return got;
    }

    private static string Show(byte[] bytes) =>
        bytes.Length <= 32 ? Convert.ToHexString(bytes) : Convert.ToHexString(bytes, 0, 32) + "…";
}
