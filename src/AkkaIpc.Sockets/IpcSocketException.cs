namespace AkkaIpc.Sockets;

/// <summary>
/// A failure of an <see cref="IpcSocket"/> or <see cref="IpcListener"/>, carrying the reference error number.
/// The message reads <c>"&lt;code&gt;: &lt;cause&gt; (&lt;path&gt;)"</c>, e.g.
/// <c>"107: path is 142 bytes; the limit is 103 (/tmp/x.sock)"</c>; the OS exception, if any, is the inner exception.
/// </summary>
public sealed class IpcSocketException : IOException
{
    /// <summary>Creates an exception for <paramref name="errorNumber"/>.</summary>
    /// <param name="errorNumber">The error code.</param>
    /// <param name="message">The cause, without the code or the path (they are added to <see cref="Exception.Message"/>).</param>
    /// <param name="path">The socket path the failure concerns, if any.</param>
    /// <param name="innerException">The OS exception behind the failure, if any.</param>
    public IpcSocketException(IpcErrorCode errorNumber, string message, string? path = null, Exception? innerException = null)
        : base(Format(errorNumber, message, path), innerException)
    {
        ErrorNumber = errorNumber;
        Path = path;
        HResult = (int)errorNumber;
    }

    /// <summary>The reference error number, e.g. <see cref="IpcErrorCode.LostConnection"/> (102).</summary>
    public IpcErrorCode ErrorNumber { get; }

    /// <summary>The socket path the failure concerns, or <see langword="null"/>.</summary>
    public string? Path { get; }

    private static string Format(IpcErrorCode code, string cause, string? path) =>
        path is null ? $"{(int)code}: {cause}" : $"{(int)code}: {cause} ({path})";
}
