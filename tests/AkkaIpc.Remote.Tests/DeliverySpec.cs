using System.Globalization;
using Akka.Actor;
using Akka.Delivery;
using Akka.Util;
using AkkaIpc.Remote.TestNode;
using AkkaIpc.Remote.Tests.Support;
using Xunit.Abstractions;

namespace AkkaIpc.Remote.Tests;

/// <summary>
/// Akka.Delivery point-to-point across two processes over the ipc transport: the producer and its ProducerController
/// here, the ConsumerController and consumer in a node process that is SIGKILLed mid-stream and started again.
/// </summary>
public sealed class DeliverySpec : Akka.TestKit.Xunit2.TestKit
{
    private const int Total = 600;
    private const int HoldAt = 200;
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);
    private readonly SocketDirectory _dir;
    private readonly List<NodeProcess> _nodes = [];

    public DeliverySpec(ITestOutputHelper output)
        : this(new SocketDirectory(), output)
    {
    }

    private DeliverySpec(SocketDirectory dir, ITestOutputHelper output)
        : base(NodeConfig.For("ipc", 0, dir.Path).WithFallback("akka.test.single-expect-default = 20s"), output: output)
    {
        _dir = dir;
    }

    [Fact]
    public void Every_message_arrives_in_order_when_the_consumer_process_is_killed_mid_stream_and_restarted()
    {
        var producerController = Sys.ActorOf(ProducerController.Create<Numbered>(Sys, "numbers", Option<Props>.None), "producer-controller");
        var producer = Sys.ActorOf(Props.Create(() => new NumberProducer(Total)), "producer");
        producerController.Tell(new ProducerController.Start<Numbered>(producer));
        var path = ((ExtendedActorSystem)Sys).Provider.DefaultAddress + "/user/producer-controller";
        var file = Path.Combine(_dir.Path, "received.txt");

        // The first consumer records 1..HoldAt, leaves HoldAt unconfirmed (later numbers are in flight) and is killed.
        var first = StartConsumer(path, file, HoldAt);
        first.WaitForLine($"HOLDING {HoldAt}", Long);
        first.KillHard();

        // A fresh consumer process registers with the same producer controller, which resends what was not confirmed.
        var second = StartConsumer(path, file, holdAt: 0);
        second.WaitForLine($"GOT {Total}", Long);

        var lines = File.ReadAllLines(file).Select(l => l.Split(' ')).ToArray();
        var firstRun = lines.Where(l => l[0] == first.Pid.ToString(CultureInfo.InvariantCulture)).Select(l => int.Parse(l[1], CultureInfo.InvariantCulture)).ToArray();
        var secondRun = lines.Where(l => l[0] == second.Pid.ToString(CultureInfo.InvariantCulture)).Select(l => int.Parse(l[1], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(lines.Length, firstRun.Length + secondRun.Length);
        Assert.Equal(Enumerable.Range(1, HoldAt), firstRun);

        // In order and nothing lost. Duplicates only as Akka.Delivery documents: the producer controller resends to the
        // new consumer everything it has not seen acknowledged, and the consumer controller acknowledges in batches
        // (within its flow-control window), so the second run may start up to a window before HoldAt, never after it.
        var window = ConsumerController.Settings.Create(Sys).FlowControlWindow;
        var resentFrom = secondRun[0];
        Assert.InRange(resentFrom, HoldAt - window, HoldAt);
        Assert.Equal(Enumerable.Range(resentFrom, Total - resentFrom + 1), secondRun);
    }

    protected override void AfterAll()
    {
        foreach (var node in _nodes)
            node.Dispose();
        base.AfterAll();
        _dir.Dispose();
    }

    private NodeProcess StartConsumer(string producerControllerPath, string file, int holdAt)
    {
        var node = NodeProcess.StartWith("ipc", 0, _dir.Path, ["--consume", producerControllerPath, file, holdAt.ToString(CultureInfo.InvariantCulture)]);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Hands the producer controller 1..total, one per RequestNext.</summary>
    private sealed class NumberProducer : ReceiveActor
    {
        private int _next = 1;

        public NumberProducer(int total) => Receive<ProducerController.RequestNext<Numbered>>(r =>
        {
            if (_next <= total)
                r.SendNextTo.Tell(new Numbered(_next++));
        });
    }
}
