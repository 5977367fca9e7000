using System.Globalization;
using System.Security.Cryptography;
using Akka.IO;
using Akka.Streams;
using Akka.Streams.Dsl;
using AkkaIpc.Tests.Support;
using Xunit.Abstractions;
using StreamTcp = Akka.Streams.Dsl.Tcp;

namespace AkkaIpc.Streams.Tests;

/// <summary>
/// A peer process sends as fast as it can into a consumer that reads slowly. With real backpressure the bytes wait in
/// the peer (its writes stall), not in this process: the resident set stays flat. Without it, all of them would pile
/// up here. The size is <c>AKKAIPC_STREAMS_BACKPRESSURE_BYTES</c> (default 1 GiB).
/// </summary>
public sealed class BackpressureSpec : StreamSpec
{
    private const long OneMiB = 1024 * 1024;

    // Far above noise (GC budgets, JIT, buffers come to a few tens of MiB) and far below the stream's size.
    private const long RssGrowthBound = 160 * OneMiB;

    // What may be in flight between the peer and the consumer: kernel buffers, the socket's 4 MiB receive buffer,
    // the stream's element buffers. Generous: it only has to be far below the total.
    private const long InFlightBound = 64 * OneMiB;

    private readonly ITestOutputHelper _output;

    public BackpressureSpec(ITestOutputHelper output)
        : base(output)
    {
        _output = output;
    }

    [Fact]
    public async Task A_slow_consumer_slows_the_sending_process_down_and_memory_stays_flat()
    {
        var total = long.Parse(
            Environment.GetEnvironmentVariable("AKKAIPC_STREAMS_BACKPRESSURE_BYTES") ?? (1024 * OneMiB).ToString(CultureInfo.InvariantCulture),
            CultureInfo.InvariantCulture);
        Assert.True(total > 4 * InFlightBound, "the stream must be much larger than what may be in flight");
        var path = NewPath();
        var (bound, first) = IpcStream.Bind(path).ToMaterialized(Sink.First<StreamTcp.IncomingConnection>(), Keep.Both).Run(Materializer);
        await Within(bound);
        using var peer = PeerProcess.Start("connect", path, "--send-bytes", total.ToString(CultureInfo.InvariantCulture), "--seed", "7", "--repeat-block");
        var connection = await Within(first);

        var watch = new SlowConsumer(total, peer);
        // The consumer: 64 MiB/s (the cost is in KiB), a fraction of what the connection carries (several hundred
        // MB/s even in a Debug build) — 16 s per GiB.
        var done = connection.Flow
            .RunWith(
                Source.Maybe<ByteString>(),
                Flow.Create<ByteString>()
                    .Throttle(64 * 1024, TimeSpan.FromSeconds(1), 1024, b => (b.Count + 1023) / 1024, ThrottleMode.Shaping)
                    .ToMaterialized(Sink.ForEach<ByteString>(watch.Consume), Keep.Right),
                Materializer)
            .Item2;
        await done.WaitAsync(TimeSpan.FromMinutes(5));

        _output.WriteLine($"received {watch.Received:N0} bytes; RSS baseline {watch.Baseline / OneMiB} MiB, peak {watch.Peak / OneMiB} MiB; " +
            $"the peer was still sending at {watch.LastSeenAlive / OneMiB} MiB received");
        Assert.Equal(total, watch.Received);
        Assert.Equal(ExpectedHash(total, seed: 7), watch.Hash());
        Assert.True(watch.Peak - watch.Baseline < RssGrowthBound,
            $"RSS grew by {(watch.Peak - watch.Baseline) / OneMiB} MiB while streaming (bound {RssGrowthBound / OneMiB} MiB)");
        Assert.True(watch.LastSeenAlive >= total - InFlightBound - watch.Sampling,
            $"the peer finished sending when only {watch.LastSeenAlive / OneMiB} MiB of {total / OneMiB} MiB had been consumed");
        Assert.Null(watch.EarlyExit);
    }

    /// <summary>The SHA-256 of what the test peer sends for <c>--send-bytes --repeat-block</c> (one 256 KiB block of Random(seed), repeated).</summary>
    private static string ExpectedHash(long total, int seed)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var block = new byte[256 * 1024];
        new Random(seed).NextBytes(block);
        for (var left = total; left > 0;)
        {
            var n = (int)Math.Min(left, block.Length);
            hash.AppendData(block, 0, n);
            left -= n;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The consumer's bookkeeping, run on the stream's thread one element at a time.</summary>
    private sealed class SlowConsumer(long total, PeerProcess peer)
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _nextSample;

        public long Sampling { get; } = 16 * OneMiB;

        public long Received { get; private set; }

        public long Baseline { get; private set; }

        public long Peak { get; private set; }

        /// <summary>The most bytes consumed at a sample where the peer process had not exited yet.</summary>
        public long LastSeenAlive { get; private set; }

        /// <summary>Set when the peer exited (done sending) while far more than the in-flight bound was unread.</summary>
        public string? EarlyExit { get; private set; }

        public string Hash() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public void Consume(ByteString bytes)
        {
            _hash.AppendData(bytes.ToReadOnlySpan());
            Received += bytes.Count;
            if (Received < _nextSample)
            {
                return;
            }

            _nextSample = Received + Sampling;
            var rss = Environment.WorkingSet;
            if (Baseline == 0 && Received >= 4 * Sampling)
            {
                // After the first 64 MiB: buffers, JIT and the GC's budgets have settled.
                Baseline = Peak = rss;
            }

            Peak = Baseline == 0 ? 0 : Math.Max(Peak, rss);
            if (!peer.HasExited)
            {
                LastSeenAlive = Received;
            }
            else if (EarlyExit is null && total - Received > InFlightBound)
            {
                EarlyExit = $"the peer had sent everything with {(total - Received) / OneMiB} MiB still unread";
            }
        }
    }
}
