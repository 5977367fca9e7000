using Akka.IO;

namespace AkkaIpc.Streams.Internal;

/// <summary>
/// The arrays behind a <see cref="ByteString"/>, without copying them: its public <see cref="ByteString.WriteTo"/>
/// hands each of its buffers to <see cref="Write(byte[], int, int)"/> as it stands, which keeps a reference. Safe to
/// send from, because a ByteString's bytes never change. Reused element after element by one writer.
/// </summary>
internal sealed class ByteStringSegments : Stream
{
    private readonly List<ArraySegment<byte>> _segments = [];

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The segments of the last <see cref="Load"/>, in order.</summary>
    public IReadOnlyList<ArraySegment<byte>> Segments => _segments;

    /// <summary>Replaces the segments with those of <paramref name="bytes"/>.</summary>
    public void Load(ByteString bytes)
    {
        _segments.Clear();
        bytes.WriteTo(this);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (count > 0)
        {
            _segments.Add(new ArraySegment<byte>(buffer, offset, count));
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
