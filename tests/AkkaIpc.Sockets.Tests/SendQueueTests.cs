using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets.Tests;

/// <summary>The send queue's bookkeeping of borrowed memory, driven directly, one step at a time.</summary>
public sealed class SendQueueTests
{
    [Fact]
    public void A_borrowed_write_cancelled_under_a_send_is_copied_once_and_each_copy_goes_back_to_the_pool_once()
    {
        const int slice = 64 * 1024;
        var queue = new SendQueue();
        var data = new byte[4 * slice];
        new Random(40).NextBytes(data);
        var segment = queue.AppendBorrowed(data);

        // The writer cancels while the first slice is in a send: the rest is copied when that send returns.
        queue.TakeNext(slice);
        queue.Cancel(segment);
        Assert.False(segment.Settled);
        queue.Complete();
        Assert.True(segment.Settled);
        var copy = segment.Owned;
        Assert.NotNull(copy);

        // Later sends of the copied rest must not copy it again (a second copy would drop the first array unreturned).
        var sent = new List<byte>(data[..slice]);
        while (queue.PendingCount > 0)
        {
            sent.AddRange(queue.TakeNext(slice).ToArray());
            if (queue.PendingCount > 0)
                Assert.Same(copy, segment.Owned);
            queue.Complete();
        }

        Assert.Equal(data, sent.ToArray());
        Assert.Null(segment.Owned);
    }
}
